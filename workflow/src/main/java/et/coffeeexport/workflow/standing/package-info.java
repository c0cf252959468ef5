/**
 * Exporter standing changes in the participant registry. {@code ExporterStandingChange}: ECTA
 * suspends an exporter (one officer), or bans or reinstates it (an officer proposes, an ECTA
 * supervisor co-signs: the registry refuses it otherwise). {@code ExporterDelinquency}: National
 * Bank marks an exporter delinquent or clears it, clearing only on the repatriation evidence the
 * ledger shows ({@code RepatriationEvidence}). {@code standingStep} signs each as the person who
 * decided, with the reasons and the supporting documents resolved against the ledger's anchors
 * ({@code SupportingDocuments}).
 */
package et.coffeeexport.workflow.standing;
