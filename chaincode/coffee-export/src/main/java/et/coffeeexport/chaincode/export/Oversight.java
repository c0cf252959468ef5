package et.coffeeexport.chaincode.export;

/**
 * What the regulating organisations record about an export apart from the stages' own record: its
 * cancellation (exporter, ECTA or National Bank) and overdue proceeds (National Bank). Kept on its
 * own key so that the export's record can demand the peers of the organisations that advance it,
 * and no other.
 *
 * @param decisions the number of the last decision recorded here
 */
record Oversight(
    String cancelledAt, String cancelledInTx, String repatriationOverdueSince, int decisions) {
  static final Oversight NONE = new Oversight(null, null, null, 0);
}
