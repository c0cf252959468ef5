package et.coffeeexport.domain;

/**
 * The licence applications' answer: accepted with the application's next status, or rejected with a
 * stable code.
 */
public sealed interface ApplicationDecision {

  /** The transition is allowed; {@code next} is the application's status after it. */
  record Accepted(ApplicationStatus next) implements ApplicationDecision {}

  /** The transition is refused and nothing changes. */
  record Rejected(RefusalCode code, String reason) implements ApplicationDecision {}

  default boolean isAccepted() {
    return this instanceof Accepted;
  }
}
