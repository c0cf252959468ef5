/**
 * What the regulators' administration processes share ({@code ExporterStandingChange}, {@code
 * ExporterDelinquency}, {@code BuyerBlacklist}, {@code CancellationForCause}): an officer starts
 * one from Tasklist with its start form, the process takes its business key from that form (the
 * exporter, the buyer, the export), and each ledger step signs as the person who decided it: who
 * started the process for the step right after the start event, who completed the task before it
 * otherwise. A refusal goes back to that person, with the chaincode's reason, in a task of theirs.
 */
package et.coffeeexport.workflow.administration;
