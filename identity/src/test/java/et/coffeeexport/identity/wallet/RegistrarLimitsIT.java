package et.coffeeexport.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.enrolment.CaRefusal;
import et.coffeeexport.identity.enrolment.Enrolment;
import et.coffeeexport.identity.enrolment.FabricCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrolment registrar the application acts as at each organisation's CA, against the real
 * Fabric CA: it registers people (client identities with the platform's attributes) and nothing
 * more. It cannot make an administrator, a node or another registrar, grant itself or anyone a
 * registrar's powers, nor revoke or take over an identity it did not make for a person (the CA's
 * administrator, nodes and the platform's own identity are outside its affiliation); those are
 * played here by decoys the CA's administrator registers, so no real identity is ever at risk.
 */
class RegistrarLimitsIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final String ORG = "ecx";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static FabricCa ca;
  private static Enrolment registrar;
  private static Enrolment administrator;

  @BeforeAll
  static void enrol() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    Path secrets = NETWORK.state.resolve("secrets");
    var cas = new CertificateAuthorities(NETWORK.connections, secrets, Duration.ofSeconds(10));
    ca = cas.of(ORG).client;
    registrar = cas.of(ORG).registrar();
    administrator = ca.enroll("admin", read(secrets.resolve("ca-" + ORG + "-admin")));
  }

  @Test
  void theApplicationEnrolsAsTheRegistrarNotAsTheCasAdministrator() throws Exception {
    assertThat(registrar.enrollmentId()).isEqualTo(CertificateAuthorities.REGISTRAR);
    var subject =
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new java.io.ByteArrayInputStream(
                    registrar
                        .certificatePem()
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
            .toString();
    assertThat(subject).contains("OU=registrar").contains("OU=users").doesNotContain("OU=admin");
  }

  @Test
  void registersAPersonWithThePlatformsAttributes() {
    String id = "it-person-" + RUN;
    String secret =
        ca.register(
            registrar, id, Map.of("role", "officer", "uid", "kc-" + RUN, "exporterId", "EXP-1"));
    Enrolment person = ca.enroll(id, secret);
    assertThat(person.certificatePem()).isNotBlank();
    ca.revoke(registrar, id, "test over");
  }

  @Test
  void cannotRegisterAnAdministratorANodeOrARegistrar() {
    for (String type : new String[] {"admin", "peer", "orderer", "registrar"}) {
      assertThatThrownBy(() -> ca.register(registrar, "it-" + type + "-" + RUN, type, Map.of()))
          .as("registering a %s", type)
          .isInstanceOf(CaRefusal.class);
    }
  }

  @Test
  void cannotGrantAttributesBeyondThePlatformsThree() {
    for (var attribute :
        Map.of(
                "hf.Registrar.Roles", "client",
                "hf.Registrar.Attributes", "role",
                "hf.Revoker", "true",
                "hf.IntermediateCA", "true",
                "hf.GenCRL", "true",
                "organisationAdmin", "true")
            .entrySet()) {
      assertThatThrownBy(
              () ->
                  ca.register(
                      registrar,
                      "it-attr-" + RUN + "-" + attribute.getKey().replace('.', '-'),
                      Map.of("role", "officer", attribute.getKey(), attribute.getValue())))
          .as("registering a client with %s", attribute.getKey())
          .isInstanceOf(CaRefusal.class);
    }
  }

  @Test
  void cannotRevokeOrTakeOverIdentitiesOutsideItsAffiliation() {
    // Decoys of what lies outside the registrar's reach, registered by the CA's administrator in
    // its own (root) affiliation, as crypto.sh registers the org's admin, nodes and platform.
    String decoyAdmin = "it-decoy-admin-" + RUN;
    String decoyClient = "it-decoy-platform-" + RUN;
    ca.register(administrator, decoyAdmin, "admin", Map.of());
    ca.register(administrator, decoyClient, "client", Map.of());

    for (String decoy : new String[] {decoyAdmin, decoyClient}) {
      assertThatThrownBy(() -> ca.revoke(registrar, decoy, "probe"))
          .as("revoking %s", decoy)
          .isInstanceOf(CaRefusal.class);
      // register() of an existing identity resets its secret: the take-over of an identity.
      assertThatThrownBy(() -> ca.register(registrar, decoy, Map.of("role", "officer")))
          .as("resetting the secret of %s", decoy)
          .isInstanceOf(CaRefusal.class);
    }
    ca.revoke(administrator, decoyAdmin, "test over");
    ca.revoke(administrator, decoyClient, "test over");
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file).trim();
  }
}
