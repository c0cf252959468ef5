package et.coffeeexport.chaincode.export;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the regulating organisations record about an export apart from the stages' own record: its
 * cancellation (exporter, ECTA or National Bank), overdue proceeds (National Bank) and an extended
 * shipment deadline (ECTA). Kept on its own key so that the export's record can demand the peers of
 * the organisations that advance it, and no other.
 *
 * @param decisions the number of the last decision recorded here
 * @param shipmentDue the shipment deadline ECTA last extended to; stored only once there is one, so
 *     that the oversight of every other export keeps its bytes
 */
record Oversight(
    String cancelledAt,
    String cancelledInTx,
    String repatriationOverdueSince,
    int decisions,
    @JsonInclude(JsonInclude.Include.NON_NULL) String shipmentDue) {
  static final Oversight NONE = new Oversight(null, null, null, 0, null);

  Oversight cancelled(String at, String txId, int decision) {
    return new Oversight(at, txId, repatriationOverdueSince, decision, shipmentDue);
  }

  Oversight repatriationOverdue(String since, int decision) {
    return new Oversight(cancelledAt, cancelledInTx, since, decision, shipmentDue);
  }

  Oversight shipmentExtended(String due, int decision) {
    return new Oversight(cancelledAt, cancelledInTx, repatriationOverdueSince, decision, due);
  }
}
