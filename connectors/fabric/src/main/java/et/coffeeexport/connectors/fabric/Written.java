package et.coffeeexport.connectors.fabric;

/**
 * A decision outside an export's lifecycle that the ledger committed (a directive, a registry
 * decision): the chaincode's answer and the transaction that recorded it, which the person who
 * decided is shown.
 */
public record Written<T>(T answer, String transactionId, long blockNumber) {}
