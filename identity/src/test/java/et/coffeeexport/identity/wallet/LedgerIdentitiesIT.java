package et.coffeeexport.identity.wallet;

import static et.coffeeexport.domain.ExportAction.APPROVE_COMPLIANCE;
import static et.coffeeexport.domain.ExportAction.APPROVE_FOREIGN_EXCHANGE;
import static et.coffeeexport.domain.ExportAction.CERTIFY_QUALITY;
import static et.coffeeexport.domain.ExportAction.CLEAR_CUSTOMS;
import static et.coffeeexport.domain.ExportAction.VERIFY_AT_BANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.enrolment.CaRefusal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every user's Fabric identity, against the real Keycloak, Fabric CAs, PostgreSQL and network:
 * enrolled on first use, sealed in the wallet, signing only its own organisation's steps, and
 * revoked everywhere when Keycloak disables the user.
 */
class LedgerIdentitiesIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static KeycloakAdmin keycloak;
  private static PGSimpleDataSource database;
  private static CertificateAuthorities cas;
  private static LedgerOfficerRegistry registry;
  private static Ledger ledger;
  private static LedgerIdentities identities;
  private static Wallet wallet;

  @BeforeAll
  static void platform() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    Path secrets = NETWORK.state.resolve("secrets");
    keycloak = new KeycloakAdmin(read(secrets.resolve("keycloak-admin")));
    database = new PGSimpleDataSource();
    database.setUrl("jdbc:postgresql://127.0.0.1:5432/workflow");
    database.setUser("workflow");
    database.setPassword(read(secrets.resolve("postgres-workflow")));
    WalletSchema.migrate(database);
    wallet = new Wallet(database, KeyEncryptionKey.load(secrets.resolve("wallet-kek")));
    cas = new CertificateAuthorities(NETWORK.connections, secrets, Duration.ofSeconds(10));
    ledger = NETWORK.connector();
    registry = new LedgerOfficerRegistry(ledger.userManagement(), NETWORK.connections);
    var directory =
        new KeycloakDirectory(
            URI.create("http://localhost:8180"),
            "coffee-export",
            "camunda-identity-service",
            read(secrets.resolve("keycloak-client-identity")),
            Duration.ofSeconds(10));
    identities = new LedgerIdentities(wallet, cas, directory, registry);
  }

  @AfterAll
  static void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  @Test
  void aNewOfficersFirstLedgerActionEnrolsThemWithTheirAttributesAndSealsTheKey() throws Exception {
    String userId = newUser("ecx", "officer", "first");

    StoredIdentity identity = identities.forUser(userId);

    assertThat(identity.mspId()).isEqualTo("EcxMSP");
    X509Certificate cert = certificate(identity.certificatePem());
    String attributes =
        new String(cert.getExtensionValue("1.2.3.4.5.6.7.8.1"), StandardCharsets.UTF_8);
    assertThat(attributes)
        .contains("\"role\":\"officer\"")
        .contains("\"uid\":\"" + userId + "\"")
        .contains("\"hf.EnrollmentID\":\"" + identity.enrollmentId() + "\"");
    assertThat(cert.getIssuerX500Principal().getName()).contains("ecx");
    assertThat(identities.forUser(userId).certificatePem())
        .as("the second action signs with the same identity")
        .isEqualTo(identity.certificatePem());

    byte[] pkcs8 = identity.privateKey().getEncoded();
    try (var c = database.getConnection();
        var q = c.prepareStatement("SELECT * FROM fabric_identity WHERE user_id = ?")) {
      q.setString(1, userId);
      try (var r = q.executeQuery()) {
        assertThat(r.next()).isTrue();
        byte[] sealed = r.getBytes("sealed_key");
        assertThat(sealed).hasSize(pkcs8.length + 12 + 16);
        String hex = HexFormat.of().formatHex(sealed);
        assertThat(hex)
            .doesNotContain(HexFormat.of().formatHex(pkcs8, pkcs8.length - 32, pkcs8.length));
        for (int column = 1; column <= r.getMetaData().getColumnCount(); column++) {
          String value = r.getString(column);
          assertThat(value == null ? "" : value).doesNotContain("PRIVATE KEY");
        }
      }
    }
    assertThat(officerStatus("ecx", identity)).isEqualTo("ACTIVE");
  }

  @Test
  void anOfficerSignsTheirOwnStageAndTheChaincodeRefusesThemCustomsStep() throws Exception {
    String userId = newUser("ecx", "officer", "stage");
    StoredIdentity ecxOfficer = identities.forUser(userId);
    try (Consortium people = Consortium.enrol(NETWORK)) {
      String exportId = "EXP-" + RUN + "-wallet";
      people.file(exportId);
      people.settle();
      people.anchor(people.exporter, exportId, "SALES_CONTRACT");
      people.anchor(people.officer("ecx"), exportId, "QUALITY_CERTIFICATE");
      people.settle();
      var lifecycle = ledger.coffeeExport();
      lifecycle.take(people.signatory("commercialbank"), VERIFY_AT_BANK, exportId, "{}");
      people.settle();
      lifecycle.take(people.signatory("ecta"), APPROVE_COMPLIANCE, exportId, "{}");
      people.settle();

      lifecycle.take(ecxOfficer, CERTIFY_QUALITY, exportId, Consortium.QUALITY);
      people.settle();
      String permit =
          lifecycle
              .take(people.signatory("nationalbank"), APPROVE_FOREIGN_EXCHANGE, exportId, "{}")
              .export()
              .fact(ExportFacts.EXPORT_PERMIT_NUMBER);
      people.settle();

      assertThatThrownBy(
              () ->
                  lifecycle.take(
                      ecxOfficer,
                      CLEAR_CUSTOMS,
                      exportId,
                      "{\"permitNumber\":\""
                          + permit
                          + "\",\"declarationNumber\":\"DEC-"
                          + RUN
                          + "\"}"))
          .isInstanceOfSatisfying(
              LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo(RefusalCode.NOT_AUTHORISED));
      assertThat(lifecycle.readExport(people.signatory("customs"), exportId).status())
          .isEqualTo(ExportStatus.FX_APPROVED);
    }
  }

  @Test
  void aUserDisabledInKeycloakCanNoLongerSign() throws Exception {
    String userId = newUser("ecta", "officer", "disabled");
    StoredIdentity identity = identities.forUser(userId);
    assertThat(officerStatus("ecta", identity)).isEqualTo("ACTIVE");

    keycloak.setEnabled(userId, false);

    assertThatThrownBy(() -> identities.forUser(userId))
        .isInstanceOf(SigningRefused.class)
        .hasMessageContaining("disabled");
    assertThat(wallet.find(userId).orElseThrow().active()).isFalse();
    assertThat(officerStatus("ecta", identity)).isEqualTo("INACTIVE");
    // Even with the key in hand, the ledger refuses the inactive officer...
    assertThatThrownBy(
            () ->
                ledger
                    .userManagement()
                    .blacklistBuyer(identity, "BUYER-" + RUN, "Probe Buyer", "DE", "probe"))
        .isInstanceOfSatisfying(
            LedgerRefusal.class,
            e -> assertThat(e.code()).isEqualTo(RefusalCode.OFFICER_NOT_ACTIVE));
    // ...and the CA issues the revoked identity no new certificate.
    var ca = cas.of("ecta");
    String secret =
        ca.client.register(ca.registrar(), identity.enrollmentId(), Map.of("role", "officer"));
    assertThatThrownBy(() -> ca.client.enroll(identity.enrollmentId(), secret))
        .isInstanceOf(CaRefusal.class);
    keycloak.setEnabled(userId, true);
    assertThatThrownBy(() -> identities.forUser(userId))
        .as("re-enabling in Keycloak does not bring a revoked identity back")
        .isInstanceOf(SigningRefused.class);
  }

  @Test
  void anOfficerAddedToAnOrganisationsGroupIsRegisteredAndALeaverDeactivatedWithoutActing()
      throws Exception {
    String userId = newUser("shipping-line", "officer", "roster");
    assertThat(wallet.find(userId)).isEmpty();

    identities.reconcileRoster();
    StoredIdentity joined = wallet.find(userId).orElseThrow();
    assertThat(joined.mspId()).isEqualTo("ShippingLineMSP");
    assertThat(officerStatus("shippingline", joined)).isEqualTo("ACTIVE");

    keycloak.leaveGroup(userId, "shipping-line");
    identities.reconcileRoster();
    assertThat(wallet.find(userId).orElseThrow().active()).isFalse();
    assertThat(officerStatus("shippingline", joined)).isEqualTo("INACTIVE");
    assertRevokedAtTheCa("shippingline", joined);

    String analyst = newUser("ecx", "analyst", "roster-analyst");
    identities.reconcileRoster();
    assertThat(wallet.find(analyst)).as("a member who signs nothing gets no identity").isEmpty();
  }

  @Test
  void aSigningWhoseHolderIsDisabledMeanwhileIsEndorsedButNeverOrdered() throws Exception {
    String userId = newUser("ecta", "officer", "late-disabled");
    StoredIdentity identity = identities.forUser(userId);
    String username = identity.username();
    String buyer = "BUYER-LATE-" + RUN;
    // Keycloak agrees: the wallet identity signs, its lookup overlapping the endorsement.
    var agreed = identities.signing(username);
    ledger.userManagement().blacklistBuyer(agreed, buyer, "Late Buyer", "DE", "probe");
    assertThat(ledger.userManagement().readBuyer(agreed, buyer).path("buyerId").asText())
        .isEqualTo(buyer);

    // Disabled between the wallet read and the lookup's answer: the peers endorse, nothing is
    // ordered, and the next signing (forUsername) revokes and refuses.
    keycloak.setEnabled(userId, false);
    var late = identities.signing(username);
    String other = "BUYER-LATER-" + RUN;
    assertThatThrownBy(
            () -> ledger.userManagement().blacklistBuyer(late, other, "Later Buyer", "DE", "probe"))
        .isInstanceOf(LedgerIdentities.DirectoryChanged.class);
    assertThatThrownBy(() -> ledger.userManagement().readBuyer(agreed, other))
        .as("the endorsed transaction was never ordered")
        .isInstanceOf(LedgerRefusal.class);
    assertThatThrownBy(() -> identities.forUsername(username)).isInstanceOf(SigningRefused.class);
    keycloak.setEnabled(userId, true);
  }

  @Test
  void aRoleChangedInKeycloakReEnrolsAtTheNextSigningAndRevokesTheOldCertificate()
      throws Exception {
    String userId = newUser("ecx", "officer", "promoted");
    StoredIdentity before = identities.forUser(userId);
    assertThat(before.certificateAttributes()).containsEntry("role", "officer");

    keycloak.addRealmRole(userId, "supervisor");
    keycloak.removeRealmRole(userId, "officer");
    StoredIdentity after = identities.forUser(userId);

    assertThat(after.enrollmentId()).isNotEqualTo(before.enrollmentId());
    assertThat(after.mspId()).isEqualTo("EcxMSP");
    assertThat(after.certificatePem()).isNotEqualTo(before.certificatePem());
    assertThat(after.certificateAttributes())
        .containsEntry("role", "supervisor")
        .containsEntry("uid", userId)
        .containsEntry("hf.EnrollmentID", after.enrollmentId());
    assertThat(after.role()).isEqualTo("supervisor");
    assertThat(wallet.find(userId).orElseThrow().enrollmentId()).isEqualTo(after.enrollmentId());
    assertThat(identities.forUser(userId).certificatePem())
        .as("no change, no new enrolment")
        .isEqualTo(after.certificatePem());
    assertRevokedAtTheCa("ecx", before);
    assertThat(officerStatus("ecx", before)).isEqualTo("INACTIVE");
    assertThat(officerStatus("ecx", after)).isEqualTo("ACTIVE");
  }

  @Test
  void anOrganisationChangedInKeycloakReEnrolsAtTheNewOrganisationsCa() throws Exception {
    String userId = newUser("ecx", "officer", "moved");
    StoredIdentity before = identities.forUser(userId);

    keycloak.joinGroup(userId, "ecta");
    keycloak.leaveGroup(userId, "ecx");
    StoredIdentity after = identities.forUser(userId);

    assertThat(after.mspId()).isEqualTo("EctaMSP");
    assertThat(after.org()).isEqualTo("ecta");
    assertThat(certificate(after.certificatePem()).getIssuerX500Principal().getName())
        .contains("ecta");
    assertThat(after.certificateAttributes()).containsEntry("role", "officer");
    assertRevokedAtTheCa("ecx", before);
    assertThat(officerStatus("ecx", before)).isEqualTo("INACTIVE");
    assertThat(officerStatus("ecta", after)).isEqualTo("ACTIVE");
  }

  @Test
  void anExporterIdChangedInKeycloakReEnrolsWithTheNewId() throws Exception {
    String userId = newUser("exporters", "exporter", "renamed");
    keycloak.setAttribute(userId, "exporterId", "EXP-CO-" + RUN + "-A");
    StoredIdentity before = identities.forUser(userId);
    assertThat(before.certificateAttributes()).containsEntry("exporterId", "EXP-CO-" + RUN + "-A");

    keycloak.setAttribute(userId, "exporterId", "EXP-CO-" + RUN + "-B");
    StoredIdentity after = identities.forUser(userId);

    assertThat(after.certificateAttributes())
        .containsEntry("exporterId", "EXP-CO-" + RUN + "-B")
        .containsEntry("role", "exporter");
    assertThat(after.mspId()).isEqualTo(before.mspId());
    assertRevokedAtTheCa("commercialbank", before);
  }

  @Test
  void aUserWhoseNewRoleSignsNothingIsRevokedAndRefused() throws Exception {
    String userId = newUser("ecx", "officer", "demoted");
    StoredIdentity before = identities.forUser(userId);

    keycloak.addRealmRole(userId, "analyst");
    keycloak.removeRealmRole(userId, "officer");

    assertThatThrownBy(() -> identities.forUser(userId))
        .isInstanceOf(SigningRefused.class)
        .hasMessageContaining("analyst");
    assertThat(wallet.find(userId).orElseThrow().active()).isFalse();
    assertRevokedAtTheCa("ecx", before);
    assertThat(officerStatus("ecx", before)).isEqualTo("INACTIVE");
  }

  /** The CA enrols a revoked identity no more, even with a new secret (TECH-NOTES §11). */
  private static void assertRevokedAtTheCa(String org, StoredIdentity identity) {
    var ca = cas.of(org);
    String secret =
        ca.client.register(ca.registrar(), identity.enrollmentId(), Map.of("role", "officer"));
    assertThatThrownBy(() -> ca.client.enroll(identity.enrollmentId(), secret))
        .as("the old certificate's identity is revoked at " + org + "'s CA")
        .isInstanceOf(CaRefusal.class);
  }

  @Test
  void analystsAndUnknownUsersGetNoIdentity() throws Exception {
    String analyst = newUser("process-analysts", "analyst", "analyst");
    assertThatThrownBy(() -> identities.forUser(analyst)).isInstanceOf(SigningRefused.class);
    assertThatThrownBy(() -> identities.forUser(UUID.randomUUID().toString()))
        .isInstanceOf(SigningRefused.class);
    assertThat(wallet.find(analyst)).isEmpty();
  }

  private static String newUser(String group, String role, String name) throws Exception {
    return keycloak.createUser(
        "it-" + name + "-" + RUN, "It-" + UUID.randomUUID() + "-pw", group, role);
  }

  private static String officerStatus(String org, StoredIdentity identity) {
    return ledger
        .userManagement()
        .officerStatus(
            Signatory.of(NETWORK.profile(org).credentials("admin")),
            identity.mspId(),
            identity.enrollmentId());
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file).trim();
  }
}
