package et.coffeeexport.identity.enrolment;

/** Fabric CA answered a request with an error: its code and message, as the CA gave them. */
public final class CaRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  CaRefusal(int code, String message) {
    super("Fabric CA refused: " + code + " " + message);
    this.code = code;
  }

  /** Fabric CA's error code (for instance 74 when an identity is registered already). */
  public int code() {
    return code;
  }
}
