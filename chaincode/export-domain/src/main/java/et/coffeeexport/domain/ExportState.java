package et.coffeeexport.domain;

/**
 * What the state machine needs to know of an export.
 *
 * @param status where it stands
 * @param returnedFrom the status an export returned for amendment re-enters once amended; {@code
 *     null} otherwise
 * @param amendmentRounds how many times it has been returned for amendment so far
 */
public record ExportState(ExportStatus status, ExportStatus returnedFrom, int amendmentRounds) {

  /** A new export, just submitted. */
  public static ExportState submitted() {
    return new ExportState(ExportStatus.SUBMITTED, null, 0);
  }
}
