/**
 * Exporters' registration and licence renewal ({@code ExporterRegistration}): the exporter applies
 * through {@code /api/registration} and uploads its licence and competence certificate (stored
 * encrypted in IPFS, anchored on the ledger's application); the application is recorded on the
 * ledger as the exporter, in its own request; ECTA's officer reviews it in Tasklist ({@code
 * /forms-api/applications}) and {@code registryStep} records the registration, renewal or refusal
 * signed by that officer; {@code licenceWatch} then follows the licence's expiry as the ledger
 * answered it, and posts the exporter's notices. Which exporter an application is for comes from
 * the applicant's certificate, recorded when the process starts ({@code licence_application}),
 * never from a variable.
 */
package et.coffeeexport.workflow.registration;
