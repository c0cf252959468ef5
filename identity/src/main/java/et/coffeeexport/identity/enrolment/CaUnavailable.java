package et.coffeeexport.identity.enrolment;

/** The CA could not be reached or did not answer in time: a technical failure, safe to retry. */
public final class CaUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CaUnavailable(String where, Throwable cause) {
    super("Fabric CA unavailable at " + where + ": " + cause.getMessage(), cause);
  }
}
