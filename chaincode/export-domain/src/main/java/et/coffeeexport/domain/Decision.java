package et.coffeeexport.domain;

/**
 * The state machine's answer: accepted with the export's next state, or rejected with a stable
 * code.
 */
public sealed interface Decision {

  /** The transition is allowed; {@code next} is the export's state after it. */
  record Accepted(ExportState next, Stage stage) implements Decision {}

  /** The transition is refused and nothing changes. */
  record Rejected(RefusalCode code, String reason) implements Decision {}

  default boolean isAccepted() {
    return this instanceof Accepted;
  }
}
