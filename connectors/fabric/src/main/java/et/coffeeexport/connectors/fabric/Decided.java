package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.ExportSnapshot;

/**
 * A lifecycle decision the ledger committed: the export as it stands after it, and the transaction
 * that recorded it ({@code transactionId} is this call's; when the chaincode found the step already
 * decided under the same step key, nothing new was written and the export is as it stands now).
 */
public record Decided(ExportSnapshot export, String transactionId, long blockNumber) {}
