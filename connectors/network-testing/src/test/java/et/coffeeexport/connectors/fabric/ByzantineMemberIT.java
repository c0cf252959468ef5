package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.Person;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No member alone writes anything (chaincode/README.md), on the real network. ECX turns Byzantine:
 * its peer runs a chaincode that writes whatever it is told (chaincode/forgery, served under the
 * installed package ids of {@code coffee-export} and {@code user-management} on ECX's ports), and
 * ECX's officer submits forgeries endorsed by ECX alone: an export already cleared by customs with
 * a permit never issued, the rule set in force, permits, registry entries, other organisations'
 * decisions, document anchors, an export waiting for ECX itself, private terms. Every one must fail
 * validation with {@code ENDORSEMENT_POLICY_FAILURE}, and what the honest peers of the other
 * organisations answer must not change. Private data goes further: ECX's honest peer refuses to
 * endorse a write to a collection ECX is not a member of, so ECX (and Commercial Bank, a member)
 * also sign a forged write set with their peers' own keys, as a member running modified peer code
 * could. Afterwards ECX's honest servers are back and an honest ECX decision goes through.
 */
class ByzantineMemberIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BYZANTINE = "ecx";
  private static final String BYZANTINE_MSP = "EcxMSP";
  private static final List<String> CHAINCODES = List.of("coffee-export", "user-management");
  private static final String FORGERY = "ForgeryContract";
  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(90);

  private static Consortium people;
  private static String run;

  /** Waiting for ECX: ECTA approved it. */
  private static String waitingForEcx;

  /** Waiting for Customs: National Bank approved it and issued {@link #permit}. */
  private static String waitingForCustoms;

  private static String permit;
  private static boolean impostorsRunning;

  @BeforeAll
  static void honestHistory() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    Path jar = forgeryJar();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          "no " + jar + ": build it first (mvn -pl chaincode/forgery -am package)");
    }
    people = Consortium.enrol(NETWORK);
    run = people.run;
    waitingForEcx = "EXP-" + run + "-ecx";
    waitingForCustoms = "EXP-" + run + "-customs";
    for (String exportId : List.of(waitingForEcx, waitingForCustoms)) {
      people.file(exportId);
      people.settle();
      people.anchor(people.exporter, exportId, "SALES_CONTRACT");
      people.anchor(people.officer("ecx"), exportId, "QUALITY_CERTIFICATE");
      people.settle();
      step("commercialbank", "verifyAtBank", exportId, "{}");
      step("ecta", "approveCompliance", exportId, "{\"reasons\":[\"licence valid\"]}");
    }
    step("ecx", "certifyQuality", waitingForCustoms, Consortium.QUALITY);
    String fx = step("nationalbank", "approveForeignExchange", waitingForCustoms, "{}");
    permit = JSON.readTree(fx).path("facts").path("exportPermitNumber").asText();
    assertThat(permit).startsWith("NBE-EP-");
  }

  @AfterAll
  static void honestAgain() throws Exception {
    try {
      if (impostorsRunning) {
        restoreHonestServers();
      }
    } finally {
      if (people != null) {
        people.close();
      }
    }
  }

  @Test
  void noOrganisationAloneCanForgeTheConsortiumsState() throws Exception {
    Map<String, String> before = honestState();
    assertThat(before.get("export waiting for ECX")).contains("\"status\":\"ECTA_APPROVED\"");
    assertThat(before.get("permit clears its export")).isEqualTo("accepted");

    List<Attempt> attempts = new ArrayList<>();
    String control;
    try {
      becomeByzantine();
      control = forgeAlone("coffee-export", "put", key("seal", "ECX"), "control-" + run);
      attempts.addAll(forgeries());
    } finally {
      restoreHonestServers();
    }
    people.settle();
    Map<String, String> after = honestState();

    System.out.println("BYZANTINE control: ECX's own seal (its policy: ECX's peer) -> " + control);
    for (Attempt a : attempts) {
      System.out.printf("BYZANTINE %-90s -> %s%n", a.what(), a.outcome());
    }
    long atValidation =
        attempts.stream().filter(a -> a.outcome().startsWith(POLICY_FAILURE)).count();
    long atEndorsement =
        attempts.stream().filter(a -> a.outcome().startsWith(OWN_PEER_REFUSED)).count();
    boolean unchanged = after.equals(before);
    System.out.printf(
        "FIGURES byzantine: %d forgeries attempted, %d refused (%d at validation with"
            + " ENDORSEMENT_POLICY_FAILURE, %d by the forger's own honest peer at endorsement), %s%n",
        attempts.size(),
        attempts.stream().filter(a -> !a.outcome().equals(VALID)).count(),
        atValidation,
        atEndorsement,
        unchanged ? "honest state unchanged" : "HONEST STATE CHANGED");

    // The forging path works: where a policy does leave a key to ECX alone, ECX's write is valid.
    assertThat(control).isEqualTo("VALID");
    for (Attempt a : attempts) {
      assertThat(a.outcome()).as(a.what()).isEqualTo(a.expected());
    }
    assertThat(after).isEqualTo(before);

    // ECX is honest again: its decision on the export waiting for it goes through, with a witness.
    step("ecx", "certifyQuality", waitingForEcx, Consortium.QUALITY);
    assertThat(read("customs", "readExport", waitingForEcx))
        .contains("\"status\":\"QUALITY_CERTIFIED\"");
  }

  private static final String POLICY_FAILURE = TxValidationCode.ENDORSEMENT_POLICY_FAILURE.name();
  private static final String VALID = TxValidationCode.VALID.name();
  private static final String OWN_PEER_REFUSED = "refused by the forger's own peer";
  // Which policy refused a forgery, as an honest peer (Customs') logged its validation.
  private static final String CHAINCODE_POLICY = POLICY_FAILURE + " (chaincode policy)";
  private static final String KEY_POLICY = POLICY_FAILURE + " (key-level policy)";
  private static final String COLLECTION_POLICY = POLICY_FAILURE + " (collection policy)";

  /** One forgery: what it tries, what came of it, and what had to. */
  record Attempt(String what, String outcome, String expected) {}

  private List<Attempt> forgeries() throws Exception {
    List<Attempt> out = new ArrayList<>();
    String forgedExport = "EXP-" + run + "-forged";
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    String neverIssued = "NBE-EP-NEVER" + run.toUpperCase();
    ObjectNode cleared = (ObjectNode) JSON.readTree(read("customs", "readExport", waitingForEcx));
    cleared.put("exportId", forgedExport);
    cleared.put("status", "CUSTOMS_CLEARED");
    cleared.put("decisions", 6);
    ((ObjectNode) cleared.path("facts"))
        .put("exportPermitNumber", neverIssued)
        .put("customsDeclarationNumber", "DEC-FORGED");
    ObjectNode rules =
        (ObjectNode)
            JSON.readTree(query("commercialbank", "coffee-export", "RuleContract", "readRuleSet"));
    rules.put("fourEyesThresholdUsd", 1).put("maxAmendmentRounds", 99);
    ObjectNode nextRules = rules.deepCopy().put("version", rules.path("version").asInt() + 1);
    ObjectNode certified = (ObjectNode) JSON.readTree(read("customs", "readExport", waitingForEcx));
    certified.put("status", "QUALITY_CERTIFIED").put("decisions", 4);
    String permitJson =
        "{\"exportId\":\""
            + waitingForEcx
            + "\",\"issuedAt\":\"2026-12-01T00:00:00Z\","
            + "\"permitNumber\":\""
            + neverIssued
            + "\"}";
    String usedPermit =
        "{\"exportId\":\""
            + waitingForCustoms
            + "\",\"issuedAt\":\"2026-12-01T00:00:00Z\","
            + "\"permitNumber\":\""
            + permit
            + "\",\"usedAt\":\"2026-12-01T00:00:00Z\","
            + "\"usedInTx\":\"forged\"}";
    String decision =
        "{\"action\":\"REJECT_COMPLIANCE\",\"exportId\":\""
            + waitingForEcx
            + "\",\"mspId\":\"EctaMSP\"}";
    String anchor =
        "{\"cid\":\"bafkreiforgedforgedforgedforgedforgedforgedforgedforgedfor\",\"exportId\":\""
            + waitingForEcx
            + "\",\"sha256\":\""
            + "0".repeat(64)
            + "\",\"type\":\"SALES_CONTRACT\"}";
    String cheapFloor =
        "{\"cosigned\":true,\"effectiveDate\":\"2026-01-01\",\"grade\":\"G2\",\"id\":\"G2/SIDAMA/WASHED/2026-01-01\","
            + "\"minPricePerLbUsd\":0.01,\"origin\":\"SIDAMA\",\"process\":\"WASHED\"}";
    String terms =
        "{\"buyerCountry\":\"DE\",\"buyerName\":\"Forged GmbH\",\"paymentMode\":\"ADVANCE_PAYMENT\","
            + "\"paymentReference\":\"X\",\"pricePerLbUsd\":0.01,\"salt\":\"forged\"}";

    String exportKey = key("export", waitingForEcx);
    // Trail entries and anchors are keyed by the transaction that wrote them, as the ledger says.
    String ectaDecisionTx = "";
    for (var d : JSON.readTree(read("customs", "readHistory", waitingForEcx)).path("decisions")) {
      if (d.path("sequence").asInt() == 3) {
        ectaDecisionTx = d.path("txId").asText();
      }
    }
    String salesContractTx = "";
    for (var a :
        JSON.readTree(
            query(
                "customs", "coffee-export", "DocumentContract", "listDocuments", waitingForEcx))) {
      if (a.path("type").asText().equals("SALES_CONTRACT") && a.path("version").asInt() == 1) {
        salesContractTx = a.path("txId").asText();
      }
    }
    // exports
    out.add(
        create(
            "a new export already CUSTOMS_CLEARED with a permit never issued",
            "coffee-export",
            key("export", forgedExport),
            cleared.toString()));
    out.add(
        create(
            "the forged export in the customs-cleared index",
            "coffee-export",
            key("export~status", "CUSTOMS_CLEARED", forgedExport),
            "\u0000"));
    out.add(
        overwrite(
            "the export waiting for ECX made QUALITY_CERTIFIED by ECX without a witness",
            "coffee-export",
            exportKey,
            certified.toString()));
    out.add(remove("delete the export waiting for ECX", "coffee-export", exportKey, KEY_POLICY));
    out.add(
        repolicy(
            "make ECX alone the endorser of the export waiting for it",
            "coffee-export",
            exportKey));
    out.add(
        squat(
            "squat an export id: create it with ECX alone as its endorser",
            "coffee-export",
            key("export", "EXP-" + run + "-future"),
            cleared.toString()));
    out.add(
        remove(
            "drop the export waiting for ECX from the ECTA_APPROVED index",
            "coffee-export",
            key("export~status", "ECTA_APPROVED", waitingForEcx),
            CHAINCODE_POLICY));
    out.add(
        overwrite(
            "cancel the export waiting for ECX (its oversight record)",
            "coffee-export",
            key("oversight", waitingForEcx),
            "{\"cancelledAt\":\"2026-12-01T00:00:00Z\",\"cancelledInTx\":\"forged\"}"));
    // directives
    out.add(
        overwrite(
            "the rule set in force: four-eyes above 1 USD, 99 amendment rounds",
            "coffee-export",
            key("ruleset", "current"),
            rules.toString()));
    out.add(
        create(
            "the next rule set version",
            "coffee-export",
            key("ruleset", String.format("%06d", nextRules.path("version").asInt())),
            nextRules.toString()));
    out.add(
        overwrite(
            "the co-signed minimum price G2/SIDAMA/WASHED lowered to 0.01 USD/lb",
            "coffee-export",
            key("floor", "G2", "SIDAMA", "WASHED", "2026-01-01"),
            cheapFloor));
    out.add(
        create(
            "a new co-signed minimum price G2/SIDAMA/WASHED of 0.01 USD/lb from yesterday on",
            "coffee-export",
            key("floor", "G2", "SIDAMA", "WASHED", yesterday),
            cheapFloor.replace("2026-01-01", yesterday)));
    // permits
    out.add(
        create(
            "a new export permit National Bank never issued",
            "coffee-export",
            key("permit", neverIssued),
            permitJson));
    out.add(
        overwrite(
            "National Bank's permit marked used, so Customs cannot clear its export",
            "coffee-export",
            key("permit", permit),
            usedPermit));
    // the trail and the documents
    out.add(
        overwrite(
            "ECTA's decision on the export waiting for ECX turned into a rejection",
            "coffee-export",
            key("decision", waitingForEcx, "000003", ectaDecisionTx),
            decision));
    out.add(
        create(
            "ECX's own decision appended to the trail without a witness",
            "coffee-export",
            key("decision", waitingForEcx, "000004", "f".repeat(64)),
            decision.replace("REJECT_COMPLIANCE", "CERTIFY_QUALITY").replace("Ecta", "Ecx")));
    out.add(
        overwrite(
            "National Bank's seal (proof that National Bank's peer endorsed its decisions)",
            "coffee-export",
            key("seal", "NATIONAL_BANK"),
            "forged"));
    out.add(
        overwrite(
            "the exporter's sales contract anchor of someone else's export replaced",
            "coffee-export",
            key("document", waitingForEcx, "SALES_CONTRACT", "0001", salesContractTx),
            anchor));
    out.add(
        create(
            "a new version of the sales contract of someone else's export anchored",
            "coffee-export",
            key("document", waitingForEcx, "SALES_CONTRACT", "0002", "f".repeat(64)),
            anchor));
    // the participant registry
    out.add(
        create(
            "an exporter registered (ECTA's to do)",
            "user-management",
            key("exporter", "EXPORTER-FORGED-" + run),
            "{\"exporterId\":\"EXPORTER-FORGED-" + run + "\",\"standing\":\"ACTIVE\"}"));
    ObjectNode suspended =
        (ObjectNode)
            JSON.readTree(
                people
                    .officer("ecta")
                    .evaluate(
                        "user-management",
                        "ParticipantContract",
                        "readExporter",
                        people.exporterId));
    suspended.put("standing", "SUSPENDED");
    out.add(
        overwrite(
            "a licensed exporter suspended",
            "user-management",
            key("exporter", people.exporterId),
            suspended.toString()));
    out.add(
        remove(
            "a licensed exporter deleted from the registry",
            "user-management",
            key("exporter", people.exporterId),
            KEY_POLICY));
    out.add(
        create(
            "an ECTA supervisor registered (ECTA's administrator's to do)",
            "user-management",
            key("officer", "EctaMSP", "ecta-forged-" + run),
            "{\"active\":true,\"enrollmentId\":\"ecta-forged-"
                + run
                + "\",\"mspId\":\"EctaMSP\",\"role\":\"SUPERVISOR\"}"));
    out.add(
        overwrite(
            "National Bank's officer deactivated",
            "user-management",
            key("officer", "NationalBankMSP", nbeOfficer()),
            "{\"active\":false,\"enrollmentId\":\""
                + nbeOfficer()
                + "\",\"mspId\":\"NationalBankMSP\",\"role\":\"OFFICER\"}"));
    // private terms
    out.add(
        new Attempt(
            "private terms of the export waiting for ECX, through ECX's honest peer",
            forgeAlone("coffee-export", "putPrivate", "exportTerms", waitingForEcx, terms),
            OWN_PEER_REFUSED + ": no write access to exportTerms"));
    out.add(
        new Attempt(
            "private terms of the export waiting for ECX, signed with ECX's peer key",
            forgeSigned(
                people.officer(BYZANTINE),
                people
                    .officer(BYZANTINE)
                    .contract("coffee-export", FORGERY)
                    .newProposal("get")
                    .addArguments(exportKey),
                ForgedEndorsement.privateWrite(
                    "coffee-export", "exportTerms", waitingForEcx, terms)),
            COLLECTION_POLICY));
    // ECX's gateway saw the refusal at once; the collection's members must not wait for private
    // data that does not exist before committing that block (pullRetryThreshold, 60 s).
    assertThat(NETWORK.awaitEqualHeights(Duration.ofSeconds(10)))
        .as("every peer committed the forged private write's block within 10 s")
        .hasSize(1);
    out.add(
        new Attempt(
            "private terms, Commercial Bank alone (a member of the collection) signing with its peer key",
            forgeSigned(
                people.officer("commercialbank"),
                people
                    .officer("commercialbank")
                    .contract("coffee-export", "ExportQueryContract")
                    .newProposal("readExport")
                    .addArguments(waitingForEcx),
                ForgedEndorsement.privateWrite(
                    "coffee-export", "exportTerms", waitingForEcx, terms)),
            COLLECTION_POLICY));
    return out;
  }

  /** A key that does not exist yet, which only the chaincode-level policy governs. */
  private Attempt create(String what, String chaincode, String key, String value) throws Exception {
    assertThat(stored(chaincode, key)).as("%s: %s exists already", what, key).isNull();
    return new Attempt(what, forgeAlone(chaincode, "put", key, value), CHAINCODE_POLICY);
  }

  /** A key that does not exist yet, written with ECX's peer alone as its endorsement policy. */
  private Attempt squat(String what, String chaincode, String key, String value) throws Exception {
    assertThat(stored(chaincode, key)).as("%s: %s exists already", what, key).isNull();
    return new Attempt(what, forgeAlone(chaincode, "putOwned", key, value), CHAINCODE_POLICY);
  }

  /** An existing key, which its own key-level policy governs. */
  private Attempt overwrite(String what, String chaincode, String key, String value)
      throws Exception {
    assertThat(stored(chaincode, key)).as("%s: %s does not exist", what, key).isNotNull();
    return new Attempt(what, forgeAlone(chaincode, "put", key, value), KEY_POLICY);
  }

  /**
   * An existing key deleted; {@code policy} is the one that governs it (index markers have no
   * key-level policy: the chaincode's governs them).
   */
  private Attempt remove(String what, String chaincode, String key, String policy)
      throws Exception {
    assertThat(stored(chaincode, key)).as("%s: %s does not exist", what, key).isNotNull();
    return new Attempt(what, forgeAlone(chaincode, "delete", key), policy);
  }

  /** An existing key's endorsement policy replaced by "ECX's peer". */
  private Attempt repolicy(String what, String chaincode, String key) throws Exception {
    assertThat(stored(chaincode, key)).as("%s: %s does not exist", what, key).isNotNull();
    return new Attempt(what, forgeAlone(chaincode, "setPolicy", key, BYZANTINE_MSP), KEY_POLICY);
  }

  /** A key's value as ECX's peer holds it (the forging server reads it); null when absent. */
  private static String stored(String chaincode, String key) throws Exception {
    try {
      return new String(
          people
              .officer(BYZANTINE)
              .contract(chaincode, FORGERY)
              .newProposal("get")
              .addArguments(key)
              .setEndorsingOrganizations(BYZANTINE_MSP)
              .build()
              .evaluate(),
          StandardCharsets.UTF_8);
    } catch (GatewayException e) {
      if (Consortium.details(e).contains("NOT_FOUND")) {
        return null;
      }
      throw e;
    }
  }

  /**
   * ECX's officer submits {@code function} of the forging contract, endorsed by ECX's peer alone;
   * returns the validation code, or why ECX's own peer would not endorse it.
   */
  private static String forgeAlone(String chaincode, String function, String... args)
      throws Exception {
    Transaction endorsed;
    try {
      endorsed =
          people
              .officer(BYZANTINE)
              .contract(chaincode, FORGERY)
              .newProposal(function)
              .addArguments(args)
              .setEndorsingOrganizations(BYZANTINE_MSP)
              .build()
              .endorse();
    } catch (EndorseException e) {
      // The peer tells the chaincode only that its write failed; its log says why.
      String why = byzantinePeerLog(e.getTransactionId());
      if (why.contains("does not have write access permission on privatedata")) {
        return OWN_PEER_REFUSED + ": no write access to exportTerms";
      }
      throw new AssertionError(
          "ECX's forging server did not endorse "
              + function
              + ": "
              + Consortium.details(e)
              + " "
              + why,
          e);
    }
    try {
      endorsed.submit();
      return VALID;
    } catch (CommitException e) {
      return refusal(e.getCode(), e.getTransactionId());
    }
  }

  /**
   * The validation code, and for an endorsement policy failure which policy failed, as the honest
   * Customs peer logged its validation of {@code txId}.
   */
  private static String refusal(TxValidationCode code, String txId) throws Exception {
    if (code != TxValidationCode.ENDORSEMENT_POLICY_FAILURE) {
      return code.name();
    }
    Path log =
        NETWORK
            .state
            .resolve("logs")
            .resolve(NETWORK.profile("customs").peers().get(0).name() + ".log");
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      List<String> lines;
      try (var all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
        lines = all.filter(l -> l.contains(txId) && l.contains("returned error")).toList();
      }
      for (String line : lines) {
        if (line.contains("validation of endorsement policy for collection")) {
          return COLLECTION_POLICY;
        }
        if (line.contains("validation of endorsement policy for chaincode")) {
          return CHAINCODE_POLICY;
        }
        if (line.contains("validation of key ")) {
          return KEY_POLICY;
        }
        return code.name() + " (" + line + ")";
      }
      Thread.sleep(200);
    }
    return code.name() + " (Customs' peer logged no reason)";
  }

  /** What ECX's peer logged about the transaction {@code txId}. */
  private static String byzantinePeerLog(String txId) throws java.io.IOException {
    Path log =
        NETWORK
            .state
            .resolve("logs")
            .resolve(NETWORK.profile(BYZANTINE).peers().get(0).name() + ".log");
    String shortId = "[" + txId.substring(0, 8) + "]";
    try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return String.join("\n", lines.filter(l -> l.contains(shortId) || l.contains(txId)).toList());
    }
  }

  /**
   * {@code client}'s organisation endorses {@code proposal} honestly on its own peer, then signs a
   * rewritten write set with that peer's key.
   */
  private static String forgeSigned(
      Person client,
      org.hyperledger.fabric.client.Proposal.Builder proposal,
      UnaryOperator<TxReadWriteSet> rewrite)
      throws Exception {
    Transaction endorsed = proposal.setEndorsingOrganizations(client.org.mspId()).build().endorse();
    return refusal(
        ForgedEndorsement.submit(client, endorsed, peerMsp(client.org.org()), rewrite),
        endorsed.getTransactionId());
  }

  /** The MSP folder of an organisation's peer0: its signing certificate and key. */
  private static Path peerMsp(String org) {
    Path admin = NETWORK.profile(org).credentials("admin").cert();
    // <org dir>/users/Admin@<domain>/msp/signcerts/cert.pem
    Path orgDir = admin.getParent().getParent().getParent().getParent().getParent();
    return orgDir
        .resolve("peers")
        .resolve(NETWORK.profile(org).peers().get(0).name())
        .resolve("msp");
  }

  /** A key as the contracts store it: a composite key of {@code type} and {@code attributes}. */
  static String key(String type, String... attributes) {
    StringBuilder key = new StringBuilder("\u0000").append(type).append('\u0000');
    for (String a : attributes) {
      key.append(a).append('\u0000');
    }
    return key.toString();
  }

  private static String nbeOfficer() {
    return "nationalbank-officer-" + run;
  }

  /**
   * What the honest peers of the other organisations answer about everything the forgeries aim at,
   * read through their own honest query functions (a refusal is kept as its error code).
   */
  private static Map<String, String> honestState() {
    String forged = "EXP-" + run + "-forged";
    Map<String, String> state = new LinkedHashMap<>();
    state.put("export waiting for ECX", read("customs", "readExport", waitingForEcx));
    state.put("export waiting for Customs", read("nationalbank", "readExport", waitingForCustoms));
    state.put("forged export", read("customs", "readExport", forged));
    state.put("squatted export", read("ecta", "readExport", "EXP-" + run + "-future"));
    state.put("history and trail", read("shippingline", "readHistory", waitingForEcx));
    state.put(
        "customs-cleared exports", read("customs", "queryByStatus", "CUSTOMS_CLEARED", "200", ""));
    state.put("ECTA-approved exports", read("ecta", "queryByStatus", "ECTA_APPROVED", "200", ""));
    state.put(
        "exporter's exports",
        read("commercialbank", "queryByExporter", people.exporterId, "200", ""));
    state.put(
        "documents",
        query("ecta", "coffee-export", "DocumentContract", "listDocuments", waitingForEcx));
    state.put("rule set", query("commercialbank", "coffee-export", "RuleContract", "readRuleSet"));
    state.put(
        "minimum prices G2/SIDAMA/WASHED",
        query(
            "nationalbank",
            "coffee-export",
            "RuleContract",
            "listPriceFloors",
            "G2",
            "SIDAMA",
            "WASHED"));
    state.put("terms (Commercial Bank)", read("commercialbank", "readTerms", waitingForEcx));
    state.put("terms (National Bank)", read("nationalbank", "readTerms", waitingForEcx));
    state.put("permit clears its export", clears(permit));
    state.put("forged permit clears it", clears("NBE-EP-NEVER" + run.toUpperCase()));
    state.put(
        "exporter",
        query("ecta", "user-management", "ParticipantContract", "readExporter", people.exporterId));
    state.put(
        "forged exporter",
        query(
            "nationalbank",
            "user-management",
            "ParticipantContract",
            "readExporter",
            "EXPORTER-FORGED-" + run));
    state.put(
        "forged ECTA supervisor",
        query(
            "ecta",
            "user-management",
            "ParticipantContract",
            "officerStatus",
            "EctaMSP",
            "ecta-forged-" + run));
    state.put(
        "National Bank's officer",
        query(
            "nationalbank",
            "user-management",
            "ParticipantContract",
            "officerStatus",
            "NationalBankMSP",
            nbeOfficer()));
    return state;
  }

  /**
   * Whether Customs' honest chaincode would clear the export waiting for it with {@code number}.
   */
  private static String clears(String number) {
    String result =
        query(
            "customs",
            "coffee-export",
            "ExportContract",
            "clearCustoms",
            waitingForCustoms,
            "{\"permitNumber\":\"" + number + "\",\"declarationNumber\":\"DEC-" + run + "\"}");
    return result.startsWith("refused") ? result : "accepted";
  }

  private static String read(String org, String transaction, String... args) {
    return query(org, "coffee-export", "ExportQueryContract", transaction, args);
  }

  private static final Pattern CODE = Pattern.compile("chaincode response \\d+, ([A-Z_]+)");

  private static String query(
      String org, String chaincode, String contract, String transaction, String... args) {
    try {
      return people.officer(org).evaluate(chaincode, contract, transaction, args);
    } catch (GatewayException e) {
      Matcher m = CODE.matcher(Consortium.details(e));
      return "refused " + (m.find() ? m.group(1) : Consortium.details(e));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String step(String org, String transaction, String exportId, String json)
      throws Exception {
    String result =
        people.officer(org).submit("coffee-export", "ExportContract", transaction, exportId, json);
    people.settle();
    return result;
  }

  private static Path forgeryJar() {
    return NETWORK.home.resolve("chaincode/forgery/target/forgery.jar");
  }

  /**
   * Serves ECX's peer the forging chaincode instead of its honest servers, and waits until it does.
   */
  private static void becomeByzantine() throws Exception {
    impostorsRunning = true;
    for (String cc : CHAINCODES) {
      NETWORK.script("impostor.sh", "start", BYZANTINE, cc, forgeryJar().toString());
    }
    for (String cc : CHAINCODES) {
      awaitOnByzantinePeer(cc, FORGERY, "whoami", "forgery@" + BYZANTINE_MSP);
    }
  }

  /** Serves ECX's peer its honest chaincode servers again and waits until they answer. */
  private static void restoreHonestServers() throws Exception {
    for (String cc : CHAINCODES) {
      NETWORK.script("impostor.sh", "stop", BYZANTINE, cc);
    }
    impostorsRunning = false;
    awaitOnByzantinePeer("coffee-export", "RuleContract", "readRuleSet", "\"version\"");
    awaitOnByzantinePeer(
        "user-management",
        "ParticipantContract",
        "readExporter",
        "\"standing\"",
        people.exporterId);
  }

  /**
   * Evaluates on ECX's own peer until its answer contains {@code expected}: the peer reconnects to
   * whatever server now listens on its chaincode port when it next launches the chaincode.
   */
  private static void awaitOnByzantinePeer(
      String chaincode, String contract, String transaction, String expected, String... args)
      throws InterruptedException {
    long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last =
            new String(
                people
                    .officer(BYZANTINE)
                    .contract(chaincode, contract)
                    .newProposal(transaction)
                    .addArguments(args)
                    .setEndorsingOrganizations(BYZANTINE_MSP)
                    .build()
                    .evaluate(),
                StandardCharsets.UTF_8);
        if (last.contains(expected)) {
          return;
        }
      } catch (GatewayException e) {
        last = Consortium.details(e);
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        chaincode
            + " on ECX's peer did not answer "
            + transaction
            + " within "
            + HEALTHY_WITHIN
            + "; last: "
            + last);
  }
}
