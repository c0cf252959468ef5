package et.coffeeexport.connectors.testing;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Credentials;
import et.coffeeexport.connectors.fabric.Decided;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.Signatory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hyperledger.fabric.client.GatewayException;

/**
 * The people of one test or benchmark run on the real network: an officer of each organisation, a
 * National Bank supervisor and an exporter, enrolled from their organisations' CAs with certificate
 * attributes and registered in the participant registry; plus the minimum price they trade under.
 */
public final class Consortium implements AutoCloseable {
  public static final List<String> ORGS =
      List.of("commercialbank", "nationalbank", "ecta", "ecx", "shippingline", "customs");
  public static final String QUALITY =
      "{\"lotReference\":\"LOT-77\",\"physicalScore\":35,\"cupScore\":52,\"moisturePercent\":10.5,\"defectsPer300g\":4,\"screenSize\":15}";

  /**
   * Who endorses transactions carrying private data: {@link CoffeeExportChaincode#TERMS_ENDORSERS}.
   */
  public static final String[] TERMS_ENDORSERS =
      CoffeeExportChaincode.TERMS_ENDORSERS.stream()
          .map(et.coffeeexport.domain.Organisation::mspId)
          .toArray(String[]::new);

  public final LocalNetwork network;
  public final String run;
  public final String exporterId;
  public final Map<String, Person> officers = new HashMap<>();
  public final Person exporter;
  public final Person nbeSupervisor;

  private Consortium(LocalNetwork network, String run) throws Exception {
    this.network = network;
    this.run = run;
    this.exporterId = "EXPORTER-" + run;
    for (String org : ORGS) {
      officers.put(org, officer(org, "officer"));
    }
    nbeSupervisor = officer("nationalbank", "supervisor");
    String id = "exporter-" + run;
    exporter =
        new Person(
            network.profile("commercialbank"),
            network.enroll(
                "commercialbank",
                id,
                "role=exporter:ecert,uid=kc-" + id + ":ecert,exporterId=" + exporterId + ":ecert"));
    officers
        .get("ecta")
        .submit(
            "user-management",
            "ParticipantContract",
            "registerExporter",
            exporterId,
            "{\"name\":\"Sidama Union\",\"licenceNumber\":\"LIC-"
                + run
                + "\",\"competenceCertificateNumber\":\"CC-"
                + run
                + "\",\"licenceExpiry\":\"2099-12-31\",\"competenceCertificateExpiry\":\"2099-12-31\",\"tin\":\"0012345678\",\"capitalEtb\":15000000}");
    settle();
    floorOnce();
  }

  /** Enrols and registers everyone for a run with a fresh, unique name. */
  public static Consortium enrol(LocalNetwork network) throws Exception {
    return new Consortium(network, UUID.randomUUID().toString().substring(0, 8));
  }

  /**
   * A supervisor of {@code org} registered for this run, enrolled the first time it is asked for:
   * for tests that try what a supervisor alone can write.
   */
  public synchronized Person supervisor(String org) throws Exception {
    Person supervisor = supervisors.get(org);
    if (supervisor == null) {
      supervisor = officer(org, "supervisor");
      supervisors.put(org, supervisor);
    }
    return supervisor;
  }

  private final Map<String, Person> supervisors = new HashMap<>();

  private Person officer(String org, String role) throws Exception {
    String id = org + "-" + role + "-" + run;
    Credentials credentials =
        network.enroll(org, id, "role=" + role + ":ecert,uid=kc-" + id + ":ecert");
    Credentials admin = network.profile(org).credentials("admin");
    try (Person administrator = new Person(network.profile(org), admin)) {
      administrator.submit(
          "user-management", "ParticipantContract", "registerOfficer", id, role, "kc-" + id);
    }
    return new Person(network.profile(org), credentials);
  }

  /** The minimum price the runs trade under; proposed and co-signed once per ledger. */
  private void floorOnce() throws Exception {
    String floor =
        "{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-01-01\",\"minPricePerLbUsd\":3.00,\"cosigned\":false}";
    ignoreAlreadyExists(
        () ->
            officers
                .get("ecta")
                .submit("coffee-export", "RuleContract", "proposePriceFloor", floor));
    settle();
    ignoreAlreadyExists(
        () ->
            officers
                .get("nationalbank")
                .submit(
                    "coffee-export",
                    "RuleContract",
                    "cosignPriceFloor",
                    "G2",
                    "SIDAMA",
                    "WASHED",
                    "2026-01-01"));
    settle();
  }

  interface Call {
    void run() throws Exception;
  }

  private static void ignoreAlreadyExists(Call call) throws Exception {
    try {
      call.run();
    } catch (GatewayException e) {
      if (!details(e).contains("ALREADY_EXISTS")) {
        throw e;
      }
    }
  }

  /** A gateway error with every peer's message, which is where chaincode error codes are. */
  public static String details(GatewayException e) {
    return e.getMessage()
        + " "
        + e.getDetails().stream().map(d -> d.getMspId() + ": " + d.getMessage()).toList();
  }

  /** Waits until every peer has every block: the next organisation endorses on its own peer. */
  public void settle() throws InterruptedException {
    if (network.awaitEqualHeights(Duration.ofSeconds(30)).size() != 1) {
      throw new IllegalStateException("the peers did not reach the same height within 30 s");
    }
  }

  /** Commercial terms, with a fresh salt, as transient data. */
  public Map<String, byte[]> terms(String price) {
    return Map.of("terms", termsJson(price).getBytes(StandardCharsets.UTF_8));
  }

  /** Commercial terms, with a fresh salt, as JSON. */
  public String termsJson(String price) {
    return "{\"pricePerLbUsd\":"
        + price
        + ",\"buyerId\":\"BUYER-HAMBURG-1\",\"buyerName\":\"Hamburg Roasters GmbH\",\"buyerCountry\":\"DE\","
        + "\"paymentMode\":\"LETTER_OF_CREDIT\",\"paymentReference\":\"LC-"
        + run
        + "\",\"salt\":\""
        + UUID.randomUUID()
        + "\"}";
  }

  /** A repatriated amount, as the transient data {@code recordRepatriation} takes. */
  public static Map<String, byte[]> repatriatedAmount(String amountUsd) {
    return Map.of(
        "repatriation", ("{\"amountUsd\":" + amountUsd + "}").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The exporter files {@code exportId} through the gateway, the terms privately to the
   * collection's endorsers; returns the stored export.
   */
  public String file(String exportId) throws Exception {
    return exporter.submitPrivately(
        "createExport", terms("3.45"), TERMS_ENDORSERS, exportId, request());
  }

  /** Commercial Bank records the proceeds of {@code exportId}: the amount privately. */
  public String recordRepatriation(String exportId, String reference, String receivedOn)
      throws Exception {
    return officer("commercialbank")
        .submitPrivately(
            "recordRepatriation",
            repatriatedAmount("146034.20"),
            TERMS_ENDORSERS,
            exportId,
            "{\"reference\":\"" + reference + "\",\"receivedOn\":\"" + receivedOn + "\"}");
  }

  public String request() {
    return "{\"exporterId\":\""
        + exporterId
        + "\",\"contractNumber\":\"SC-"
        + run
        + "\",\"contractSignedAt\":\""
        + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
        + "\",\"contractDate\":\""
        + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
        + "\","
        + "\"destinationCountry\":\"DE\",\"quantityKg\":19200,\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"incoterm\":\"FOB\"}";
  }

  /**
   * Anchors a document of {@code type} (a fake CID and hash: the IPFS side is the documents
   * connector's).
   */
  public void anchor(Person by, String exportId, String type) throws Exception {
    String sha = String.format("%064x", Math.abs((long) (exportId + type).hashCode()));
    by.submit(
        "coffee-export",
        "DocumentContract",
        "anchorDocument",
        exportId,
        "{\"type\":\""
            + type
            + "\",\"cid\":\"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\",\"sha256\":\""
            + sha
            + "\",\"sizeBytes\":1024}");
  }

  public Person officer(String org) {
    return officers.get(org);
  }

  /** The exporter files {@code exportId} through the connector, terms private to the collection. */
  public Decided file(Ledger ledger, String exportId) {
    return ledger
        .coffeeExport()
        .file(Signatory.of(exporter.credentials), exportId, request(), termsJson("3.45"));
  }

  /**
   * How many transactions wrote the export record, by the ledger's history of its key: one per
   * decision, so a write applied twice shows.
   */
  public int versionsOf(Ledger ledger, String exportId) {
    return ledger
        .coffeeExport()
        .readHistory(Signatory.of(exporter.credentials), exportId)
        .versions()
        .size();
  }

  /** The officer of {@code org} as the connector's signatory. */
  public Signatory signatory(String org) {
    return Signatory.of(officers.get(org).credentials);
  }

  @Override
  public void close() throws InterruptedException {
    for (Person p : officers.values()) {
      p.close();
    }
    for (Person p : supervisors.values()) {
      p.close();
    }
    exporter.close();
    nbeSupervisor.close();
  }
}
