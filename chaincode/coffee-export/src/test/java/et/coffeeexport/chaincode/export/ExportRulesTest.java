package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportRulesTest {
  private final ExportWorld world = new ExportWorld();

  private void refused(Runnable transaction, String code) {
    world.refused(code, transaction);
  }

  private void submitRequest(String request, Map<String, byte[]> terms) {
    world.ledger.submit(
        world.exporter(), terms, ctx -> world.exports.createExport(ctx, "EXP-BAD", request));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{}",
        "{\"exporterId\":\"EXPORTER-1\"}",
        "{\"exporterId\":\"EXPORTER-1\",\"contractNumber\":\"SC-1\",\"contractSignedAt\":\"2026-11-20T08:00:00Z\",\"contractDate\":\"2026-11-20\",\"destinationCountry\":\"DE\",\"quantityKg\":-5,\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"incoterm\":\"FOB\"}",
        "{\"exporterId\":\"EXPORTER-1\",\"contractNumber\":\"SC-1\",\"contractSignedAt\":\"2026-11-20T08:00:00Z\",\"contractDate\":\"2026-11-20\",\"destinationCountry\":\"DE\",\"quantityKg\":99999999999,\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"incoterm\":\"FOB\"}",
        "{\"exporterId\":\"EXPORTER-1\",\"contractNumber\":\"SC-1\",\"contractSignedAt\":\"2026-11-20T08:00:00Z\",\"contractDate\":\"2026-11-20\",\"destinationCountry\":\"DE\",\"quantityKg\":100,\"grade\":\"G42\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"incoterm\":\"FOB\"}",
        "{\"exporterId\":\"EXPORTER-1\",\"exporterId\":\"EXPORTER-2\"}",
        "{\"exporterId\":\"EXPORTER-1\",\"price\":1}"
      })
  void refusesMalformedRequestsWithAStableCode(String request) {
    refused(() -> submitRequest(request, ExportWorld.terms()), "INVALID_ARGUMENT");
  }

  @Test
  void refusesOversizePayloads() {
    String huge = "{\"exporterId\":\"" + "x".repeat(70_000) + "\"}";
    refused(() -> submitRequest(huge, ExportWorld.terms()), "INVALID_ARGUMENT");
  }

  @Test
  void refusesMissingOrDisallowedTerms() {
    refused(() -> submitRequest(ExportWorld.request(), Map.of()), "INVALID_ARGUMENT");
    refused(
        () -> submitRequest(ExportWorld.request(), ExportWorld.terms("3.45", "CONSIGNMENT")),
        "INVALID_ARGUMENT");
  }

  @Test
  void refusesMalformedIdsAndStageArguments() {
    refused(
        () ->
            world.ledger.submit(
                world.exporter(),
                ExportWorld.terms(),
                ctx -> world.exports.createExport(ctx, "bad id!", ExportWorld.request())),
        "INVALID_ARGUMENT");
    world.exportAt("EXP-Q", ExportStatus.ECTA_APPROVED);
    refused(
        () ->
            world.ledger.submit(
                world.officer(ECX),
                ctx ->
                    world.exports.certifyQuality(
                        ctx,
                        "EXP-Q",
                        "{\"lotReference\":\"L\",\"physicalScore\":35,\"cupScore\":52,\"moisturePercent\":55,\"defectsPer300g\":4,\"screenSize\":15}")),
        "INVALID_ARGUMENT");
  }

  @Test
  void anExporterFilesOnlyForItselfWhileActive() {
    world.exporterStatus.put(ExportWorld.EXPORTER_ID, "DELINQUENT");
    refused(() -> world.create("EXP-D"), "EXPORTER_NOT_ACTIVE");
  }

  @Test
  void ectaRefusesAnExporterWhoseLicenceExpired() {
    world.exportAt("EXP-L", ExportStatus.BANK_VERIFIED);
    world.exporterStatus.put(ExportWorld.EXPORTER_ID, "LICENCE_EXPIRED");
    refused(
        () -> world.take("EXP-L", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA)),
        "EXPORTER_NOT_ACTIVE");
  }

  @Test
  void nationalBankRefusesForeignExchangeToADelinquentExporter() {
    world.exportAt("EXP-FX", ExportStatus.QUALITY_CERTIFIED);
    world.exporterStatus.put(ExportWorld.EXPORTER_ID, "DELINQUENT");
    refused(
        () ->
            world.take(
                "EXP-FX", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK)),
        "EXPORTER_NOT_ACTIVE");
  }

  @Test
  void ectaRefusesAPriceBelowTheMinimumInForce() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms("2.99", "LETTER_OF_CREDIT"),
        ctx -> world.exports.createExport(ctx, "EXP-P", ExportWorld.request()));
    world.anchor("EXP-P", "SALES_CONTRACT", world.exporter());
    world.take("EXP-P", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK));
    refused(
        () -> world.take("EXP-P", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA)),
        "PRICE_BELOW_MINIMUM");
  }

  @Test
  void approvalRecordsTheRuleVersionsItApplied() {
    world.exportAt("EXP-R", ExportStatus.ECTA_APPROVED);
    String history =
        world.ledger.evaluate(world.officer(ECTA), ctx -> world.queries.readHistory(ctx, "EXP-R"));
    assertThat(history)
        .contains("\"ruleApplied\":[\"ruleset:1\",\"floor:G2/SIDAMA/WASHED/2026-01-01\"]");
  }

  @Test
  void theWorkflowsDecisionTablesAreRecordedWithTheDecision() {
    world.exportAt("EXP-D", ExportStatus.SUBMITTED);
    world.ledger.submit(
        world.officer(COMMERCIAL_BANK),
        Map.of(),
        ctx ->
            world.exports.verifyAtBank(
                ctx, "EXP-D", "{\"reasons\":[],\"decisionTables\":[\"service-levels:v2\"]}"));
    String history =
        world.ledger.evaluate(world.officer(ECTA), ctx -> world.queries.readHistory(ctx, "EXP-D"));
    assertThat(history).contains("\"ruleApplied\":[\"ruleset:1\",\"dmn:service-levels:v2\"]");
  }

  @Test
  void refusesMalformedDecisionTableReferences() {
    world.exportAt("EXP-M", ExportStatus.SUBMITTED);
    refused(
        () ->
            world.ledger.submit(
                world.officer(COMMERCIAL_BANK),
                Map.of(),
                ctx ->
                    world.exports.verifyAtBank(
                        ctx, "EXP-M", "{\"decisionTables\":[\"fx rules; drop\"]}")),
        "INVALID_ARGUMENT");
  }

  @Test
  void aPermitIsUsableOnce() {
    world.exportAt("EXP-A", ExportStatus.CUSTOMS_CLEARED);
    String permitOfA = world.read("EXP-A").fact(ExportFacts.EXPORT_PERMIT_NUMBER);
    world.exportAt("EXP-B", ExportStatus.FX_APPROVED);
    refused(
        () ->
            world.ledger.submit(
                world.officer(CUSTOM_AUTHORITIES),
                ctx ->
                    world.exports.clearCustoms(
                        ctx,
                        "EXP-B",
                        "{\"permitNumber\":\""
                            + permitOfA
                            + "\",\"declarationNumber\":\"DEC-B\"}")),
        "PERMIT_ALREADY_USED");
  }

  @Test
  void highValueForeignExchangeNeedsASupervisorBesidesTheRecommendingOfficer() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx ->
            world.exports.createExport(
                ctx, "EXP-4E", ExportWorld.request(300_000, "2026-11-20T08:00:00Z")));
    world.anchor("EXP-4E", "SALES_CONTRACT", world.exporter());
    world.anchor("EXP-4E", "QUALITY_CERTIFICATE", world.officer(ECX));
    for (var step : ExportWorld.HAPPY_PATH.subList(0, 3)) {
      world.take("EXP-4E", step.action(), world.officer(step.by()));
    }
    world.take("EXP-4E", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportForeignExchangeRecommended");
    assertThat(world.read("EXP-4E").status()).isEqualTo(ExportStatus.QUALITY_CERTIFIED);
    refused(
        () ->
            world.take(
                "EXP-4E", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK)),
        "FOUR_EYES_REQUIRED");
    world.take(
        "EXP-4E",
        ExportAction.APPROVE_FOREIGN_EXCHANGE,
        world.person(NATIONAL_BANK, Role.SUPERVISOR));
    assertThat(world.read("EXP-4E").status()).isEqualTo(ExportStatus.FX_APPROVED);
  }

  @Test
  void proceedsAreMarkedOverdueOnlyAfterTheRecordedDeadlineWithTheExporterInOneTransaction() {
    world.exportAt("EXP-O", ExportStatus.SHIPPED);
    java.time.LocalDate due =
        java.time.LocalDate.parse(world.read("EXP-O").fact(ExportFacts.REPATRIATION_DUE));
    assertThat(due).isEqualTo(java.time.LocalDate.parse("2026-11-20").plusMonths(3));
    var nbe = world.officer(NATIONAL_BANK);
    refused(
        () -> world.ledger.submit(nbe, ctx -> world.exports.markRepatriationOverdue(ctx, "EXP-O")),
        "PRECONDITION_FAILED");
    assertThat(world.overdueRecorded).isEmpty();
    world.ledger.setTime(due.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    world.ledger.submit(nbe, ctx -> world.exports.markRepatriationOverdue(ctx, "EXP-O"));
    assertThat(world.read("EXP-O").fact(ExportFacts.REPATRIATION_OVERDUE)).isEqualTo("true");
    assertThat(world.overdueRecorded)
        .as("the exporter marked delinquent in the same transaction")
        .containsExactly(ExportWorld.EXPORTER_ID + "/EXP-O");
    var marked = world.ledger.snapshot();
    world.ledger.submit(nbe, ctx -> world.exports.markRepatriationOverdue(ctx, "EXP-O"));
    assertThat(world.ledger.snapshot()).as("marking again changes nothing").isEqualTo(marked);
    assertThat(world.overdueRecorded).hasSize(1);
    refused(
        () ->
            world.ledger.submit(
                world.officer(ECTA), ctx -> world.exports.markRepatriationOverdue(ctx, "EXP-O")),
        "NOT_AUTHORISED");
  }

  @Test
  void termsArePrivateAndTheirHashIsPublicAndCheckable() {
    String created = world.create("EXP-T");
    assertThat(created)
        .doesNotContain("3.45")
        .doesNotContain("Hamburg Roasters")
        .contains("\"termsHash\":\"");
    byte[] stored = world.ledger.privateValue("exportTerms", "EXP-T");
    assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"pricePerLbUsd\":3.45");
    String genuine = new String(ExportWorld.terms().get("terms"), StandardCharsets.UTF_8);
    String altered = genuine.replace("3.45", "3.46");
    var member = world.officer(NATIONAL_BANK);
    assertThat(
            world.ledger.<Boolean>evaluate(
                member, ctx -> world.queries.verifyTerms(ctx, "EXP-T", genuine)))
        .isTrue();
    assertThat(
            world.ledger.<Boolean>evaluate(
                member, ctx -> world.queries.verifyTerms(ctx, "EXP-T", altered)))
        .isFalse();
    for (var stranger :
        java.util.List.of(
            world.officer(SHIPPING_LINE), world.officer(ECX), world.officer(CUSTOM_AUTHORITIES))) {
      refused(
          () ->
              world.ledger.evaluate(
                  stranger, ctx -> world.queries.verifyTerms(ctx, "EXP-T", genuine)),
          "FORBIDDEN");
      refused(
          () -> world.ledger.evaluate(stranger, ctx -> world.queries.readTerms(ctx, "EXP-T")),
          "FORBIDDEN");
    }
  }

  @Test
  void afterEveryStepOnlyThePeersOfTheOrganisationsThatMayActNextCanEndorse() {
    world.create("EXP-S");
    String key = "\u0000export\u0000EXP-S\u0000";
    assertThat(world.ledger.policyOf(key))
        .isEqualTo(
            EndorsementPolicies.entitledWithWitness(
                ExportLifecycle.organisationsAdvancing(ExportStatus.SUBMITTED)));
    for (var step : ExportWorld.HAPPY_PATH) {
      world.take("EXP-S", step.action(), world.officer(step.by()));
      ExportStatus now = world.read("EXP-S").status();
      byte[] expected =
          now.isFinal()
              ? EndorsementPolicies.everyMember()
              : EndorsementPolicies.entitledWithWitness(
                  ExportLifecycle.organisationsAdvancing(now));
      assertThat(world.ledger.policyOf(key)).as("policy at %s", now).isEqualTo(expected);
    }
  }

  @Test
  void everyDecisionWritesTheSealOnlyItsOwnOrganisationsPeerCanEndorse() {
    for (var org : et.coffeeexport.domain.Organisation.values()) {
      String seal = "\u0000seal\u0000" + org.name() + "\u0000";
      assertThat(world.ledger.policyOf(seal))
          .as(org.name())
          .isEqualTo(EndorsementPolicies.ownPeer(org));
    }
    world.create("EXP-SEAL");
    world.take("EXP-SEAL", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK));
    world.take("EXP-SEAL", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA));
    assertThat(world.ledger.lastWriteSet())
        .containsKey("\u0000seal\u0000ECTA\u0000")
        .doesNotContainKey("\u0000seal\u0000ECX\u0000")
        .doesNotContainKey("\u0000seal\u0000COMMERCIAL_BANK\u0000");
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, "EXP-SEAL-2", ExportWorld.request()));
    assertThat(world.ledger.lastWriteSet())
        .as("filing needs Commercial Bank's peer")
        .containsKey("\u0000seal\u0000COMMERCIAL_BANK\u0000");
  }

  @Test
  void cancellationIsOversightSoOnlyAdvancingOrganisationsGuardTheExportRecord() {
    world.exportAt("EXP-OV", ExportStatus.ECTA_APPROVED);
    String exportKey = "\u0000export\u0000EXP-OV\u0000";
    String oversightKey = "\u0000oversight\u0000EXP-OV\u0000";
    // Waiting for ECX: only ECX's peer may endorse a change of the record, although three others
    // may cancel.
    assertThat(world.ledger.policyOf(exportKey))
        .isEqualTo(
            EndorsementPolicies.entitledWithWitness(
                java.util.EnumSet.of(ECX, ECTA, COMMERCIAL_BANK, NATIONAL_BANK).stream()
                    .filter(
                        o ->
                            ExportLifecycle.organisationsAdvancing(ExportStatus.ECTA_APPROVED)
                                .contains(o))
                    .toList()));
    assertThat(ExportLifecycle.organisationsAdvancing(ExportStatus.ECTA_APPROVED))
        .containsExactly(ECX);
    assertThat(world.ledger.policyOf(oversightKey))
        .isEqualTo(
            EndorsementPolicies.entitledWithWitness(
                java.util.EnumSet.of(COMMERCIAL_BANK, ECTA, NATIONAL_BANK)));
    byte[] recordBefore = world.ledger.snapshot().state().get(exportKey);
    world.take("EXP-OV", ExportAction.CANCEL, world.officer(NATIONAL_BANK));
    assertThat(world.ledger.lastWriteSet()).doesNotContainKey(exportKey).containsKey(oversightKey);
    assertThat(world.ledger.snapshot().state().get(exportKey)).isEqualTo(recordBefore);
    assertThat(world.read("EXP-OV").status()).isEqualTo(ExportStatus.CANCELLED);
    refused(
        () -> world.take("EXP-OV", ExportAction.CERTIFY_QUALITY, world.officer(ECX)),
        "ILLEGAL_TRANSITION");
    String cancelled =
        world.ledger.evaluate(
            world.officer(ECX), ctx -> world.queries.queryByStatus(ctx, "CANCELLED", 10, ""));
    assertThat(cancelled).contains("\"exportId\":\"EXP-OV\"");
  }

  @Test
  void aDecisionAsksTheRegistryOnceForTheOfficerAndTheExporter() {
    world.exportAt("EXP-ONCE", ExportStatus.QUALITY_CERTIFIED);
    int before = world.registryCalls;
    world.take("EXP-ONCE", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    assertThat(world.registryCalls - before).isEqualTo(1);
  }

  @Test
  void twoPeersEndorsingTheSameTransactionWriteIdenticalBytes() {
    ExportWorld other = new ExportWorld();
    world.exportAt("EXP-DET", ExportStatus.BANK_VERIFIED);
    other.exportAt("EXP-DET", ExportStatus.BANK_VERIFIED);
    world.take("EXP-DET", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA));
    other.take("EXP-DET", ExportAction.APPROVE_COMPLIANCE, other.officer(ECTA));
    Map<String, byte[]> a = world.ledger.lastWriteSet();
    Map<String, byte[]> b = other.ledger.lastWriteSet();
    assertThat(a.keySet()).isEqualTo(b.keySet()).isNotEmpty();
    a.forEach((key, value) -> assertThat(b.get(key)).as(key).isEqualTo(value));
  }

  @Test
  void historyReturnsEveryVersionAndTheSignedDecisionTrail() {
    world.exportAt("EXP-H", ExportStatus.FX_APPROVED);
    String history =
        world.ledger.evaluate(
            world.officer(CUSTOM_AUTHORITIES), ctx -> world.queries.readHistory(ctx, "EXP-H"));
    assertThat(history.split("\"txId\"", -1)).hasSizeGreaterThan(10);
    assertThat(history)
        .contains(
            "\"action\":\"SUBMIT\"",
            "\"action\":\"VERIFY_AT_BANK\"",
            "\"action\":\"APPROVE_COMPLIANCE\"",
            "\"action\":\"CERTIFY_QUALITY\"",
            "\"action\":\"APPROVE_FOREIGN_EXCHANGE\"")
        .contains(
            "\"organisation\":\"EcxMSP\"",
            "\"enrollmentId\":\"ecx-officer\"",
            "\"userId\":\"kc-ecx-officer\"");
  }

  @Test
  void stagesNeedTheirDocumentsAnchoredByTheirIssuers() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, "EXP-DOC", ExportWorld.request()));
    world.take("EXP-DOC", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK));
    refused(
        () -> world.take("EXP-DOC", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA)),
        "PRECONDITION_FAILED");
    refused(
        () -> world.anchor("EXP-DOC", "QUALITY_CERTIFICATE", world.officer(CUSTOM_AUTHORITIES)),
        "FORBIDDEN");
    refused(() -> world.anchor("EXP-DOC", "SALES_CONTRACT", world.officer(ECTA)), "FORBIDDEN");
    world.anchor("EXP-DOC", "SALES_CONTRACT", world.exporter());
    assertThat(world.anchor("EXP-DOC", "SALES_CONTRACT", world.exporter()))
        .contains("\"version\":2");
    world.take("EXP-DOC", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA));
    assertThat(world.read("EXP-DOC").status()).isEqualTo(ExportStatus.ECTA_APPROVED);
  }

  @Test
  void officersNotActiveInTheRegistryCannotDecide() {
    world.create("EXP-I");
    var officer = world.officer(COMMERCIAL_BANK);
    world.activeOfficers.remove("CommercialBankMSP/" + officer.enrollmentId());
    refused(() -> world.take("EXP-I", ExportAction.VERIFY_AT_BANK, officer), "OFFICER_NOT_ACTIVE");
  }

  @Test
  void lateContractReportingIsRecorded() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx ->
            world.exports.createExport(
                ctx, "EXP-LATE", ExportWorld.request(19_200, "2026-11-18T08:00:00Z")));
    assertThat(world.read("EXP-LATE").reportedLate()).isTrue();
    world.create("EXP-ONTIME");
    assertThat(world.read("EXP-ONTIME").reportedLate()).isFalse();
  }

  @Test
  void queriesByStatusAndExporterArePaged() {
    for (int i = 0; i < 5; i++) {
      world.create("EXP-PG-" + i);
    }
    var anyone = world.officer(ECX);
    String first =
        world.ledger.evaluate(anyone, ctx -> world.queries.queryByStatus(ctx, "SUBMITTED", 3, ""));
    assertThat(first)
        .contains("\"count\":3")
        .contains("\"exportId\":\"EXP-PG-0\"")
        .doesNotContain("\"exportId\":\"EXP-PG-3\"");
    String bookmark =
        first.replaceAll(".*\"bookmark\":\"([^\"]*)\".*", "$1").replace("\\u0000", "\u0000");
    String second =
        world.ledger.evaluate(
            anyone, ctx -> world.queries.queryByStatus(ctx, "SUBMITTED", 3, bookmark));
    assertThat(second).contains("\"count\":2").contains("EXP-PG-4");
    assertThat(
            world.ledger.<String>evaluate(
                anyone, ctx -> world.queries.queryByExporter(ctx, ExportWorld.EXPORTER_ID, 10, "")))
        .contains("\"count\":5");
    assertThatThrownBy(
            () ->
                world.ledger.evaluate(
                    anyone, ctx -> world.queries.queryByStatus(ctx, "LOST", 3, "")))
        .hasMessageStartingWith("INVALID_ARGUMENT");
  }

  @Test
  void ruleSetsOnlyMoveForwardAndFloorsNeedBothOrganisations() {
    var ectaSupervisor = world.person(ECTA, Role.SUPERVISOR);
    String next = ExportWorld.effective(ExportWorld.rules(2), world.today());
    refused(
        () ->
            world.ledger.submit(
                et.coffeeexport.chaincode.testing.TestIdentity.admin("EctaMSP"),
                ctx -> world.rules.publishRuleSet(ctx, ExportWorld.rules(2))),
        "ALREADY_EXISTS");
    refused(
        () ->
            world.ledger.submit(
                ectaSupervisor, ctx -> world.rules.publishRuleSet(ctx, ExportWorld.rules(2))),
        "FORBIDDEN");
    refused(
        () ->
            world.ledger.submit(
                world.supervisor(NATIONAL_BANK), ctx -> world.rules.proposeRuleSet(ctx, next)),
        "FORBIDDEN");
    world.ledger.submit(ectaSupervisor, ctx -> world.rules.proposeRuleSet(ctx, next));
    String floor =
        "{\"grade\":\"G1\",\"origin\":\"YIRGACHEFFE\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-11-01\",\"minPricePerLbUsd\":4.10,\"cosigned\":true}";
    refused(
        () ->
            world.ledger.submit(
                world.officer(NATIONAL_BANK), ctx -> world.rules.proposePriceFloor(ctx, floor)),
        "FORBIDDEN");
    String proposed =
        world.ledger.submit(world.officer(ECTA), ctx -> world.rules.proposePriceFloor(ctx, floor));
    assertThat(proposed)
        .as("a proposal is never in force by itself")
        .contains("\"cosigned\":false");
    refused(
        () ->
            world.ledger.submit(
                world.officer(ECTA),
                ctx ->
                    world.rules.cosignPriceFloor(ctx, "G1", "YIRGACHEFFE", "WASHED", "2026-11-01")),
        "FORBIDDEN");
    String key = "\u0000floor\u0000G1\u0000YIRGACHEFFE\u0000WASHED\u00002026-11-01\u0000";
    assertThat(world.ledger.policyOf(key))
        .as("from the proposal on, ECTA and National Bank both endorse every change")
        .isEqualTo(EndorsementPolicies.allPeersOf(java.util.EnumSet.of(ECTA, NATIONAL_BANK)));
    world.ledger.submit(
        world.officer(NATIONAL_BANK),
        ctx -> world.rules.cosignPriceFloor(ctx, "G1", "YIRGACHEFFE", "WASHED", "2026-11-01"));
    assertThat(world.ledger.policyOf(key))
        .isEqualTo(EndorsementPolicies.allPeersOf(java.util.EnumSet.of(ECTA, NATIONAL_BANK)));
  }
}
