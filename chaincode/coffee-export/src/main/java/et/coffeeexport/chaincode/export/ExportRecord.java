package et.coffeeexport.chaincode.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.ExportStatus;

/**
 * An export as the ledger stores it. Immutable; serialised by {@code CanonicalJson}.
 *
 * @param request the exporter's request, canonicalised
 * @param createdByMsp the organisation whose member submitted it
 * @param createdAt the transaction timestamp, never the wall clock
 */
record ExportRecord(
    String exportId,
    String exporterId,
    ExportStatus status,
    ObjectNode request,
    String createdByMsp,
    String createdAt,
    String createdInTx) {}
