package et.coffeeexport.workflow.submission;

import et.coffeeexport.domain.PaymentMode;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The request bodies as the OpenAPI document shows them. The controllers read JSON trees ({@link
 * Filing} checks a filing's fields, the chaincode their values); these records only describe what
 * those checks accept, with the domain's rules as patterns and bounds.
 */
final class ApiSchemas {
  /** The domain's identifier (Identifiers): export ids, exporter ids, contract numbers. */
  static final String IDENTIFIER = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  private ApiSchemas() {}

  @Schema(name = "Filing", additionalProperties = AdditionalPropertiesValue.FALSE)
  record FilingBody(
      @Schema(requiredMode = RequiredMode.REQUIRED) ExportRequestBody request,
      @Schema(requiredMode = RequiredMode.REQUIRED) ExportTermsBody terms) {}

  @Schema(
      name = "ExportRequest",
      description = "The public part of an export request, seen by every organisation",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record ExportRequestBody(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              maxLength = 64,
              pattern = IDENTIFIER,
              description = "the exporter's id as ECTA registered it (in the caller's certificate)")
          String exporterId,
      @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 64, pattern = IDENTIFIER)
          String contractNumber,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              format = "date-time",
              maxLength = 64,
              description = "when the sales contract was signed (ISO-8601 instant)")
          String contractSignedAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              format = "date",
              maxLength = 64,
              description = "the contract's date, which selects the minimum price in force")
          String contractDate,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{2}$", example = "DE")
          String destinationCountry,
      @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "6000000")
          long quantityKg,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              example = "G2",
              maxLength = 64,
              description = "one of the export grades of the rule set in force")
          String grade,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              maxLength = 32,
              pattern = "^[A-Z][A-Z0-9_]{0,31}$")
          String origin,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {"WASHED", "NATURAL"})
          String process,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {"FOB", "FCA", "CFR", "CIF", "CPT", "CIP", "EXW", "DAP"})
          String incoterm) {}

  @Schema(
      name = "ExportTerms",
      description =
          "Private to Commercial Bank, National Bank and ECTA; never stored by the workflow. The"
              + " ledger keeps their hash in public, salted by the platform with 24 random bytes"
              + " (32 characters): a request that brings its own `salt` is refused (400).",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record ExportTermsBody(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              minimum = "0.0001",
              maximum = "999.9999",
              multipleOf = 0.0001,
              description = "US dollars per pound, at most 4 decimals")
          BigDecimal pricePerLbUsd,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              pattern = IDENTIFIER,
              description = "the buyer as ECTA's buyer blacklist knows it")
          String buyerId,
      @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 200)
          String buyerName,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{2}$") String buyerCountry,
      @Schema(requiredMode = RequiredMode.REQUIRED) PaymentMode paymentMode,
      @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100)
          String paymentReference) {}

  @Schema(name = "Cancellation")
  record CancellationBody(
      @Schema(
              description =
                  "why the exporter cancels, one line each; "
                      + Notes.MAX_TEXT
                      + " characters in all at most")
          List<String> reasons) {}

  @Schema(
      name = "TrackingReport",
      description =
          "A tracking milestone or the arrival, as Shipping Line reports it; recorded on the"
              + " ledger by the process as the reporting officer. At most "
              + Notes.MAX_TEXT
              + " characters of JSON.")
  record TrackingBody() {}
}
