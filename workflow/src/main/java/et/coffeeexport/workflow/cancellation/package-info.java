/**
 * Cancellation for cause ({@code CancellationForCause}): an officer of ECTA or National Bank
 * cancels an export with the reasons until it is shipped; the decision is taken on the ledger
 * signed by them, then handed to the export's lifecycle, which ends through its own cancellation
 * without a second decision. After shipment the chaincode refuses, and the officer sees why in a
 * task.
 */
package et.coffeeexport.workflow.cancellation;
