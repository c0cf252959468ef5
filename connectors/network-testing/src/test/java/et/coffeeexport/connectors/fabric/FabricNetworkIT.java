package et.coffeeexport.connectors.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.testing.RealNetwork;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FabricNetworkIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();

  @Test
  void transactionSubmittedThroughOneOrganisationIsReadableOnAllSixPeersAtEqualHeight()
      throws Exception {
    String officer = "it-" + UUID.randomUUID();
    String created;
    try (Member bank = new Member(NETWORK.profile("commercialbank"))) {
      created = bank.registerOfficer(officer);
    }
    assertThat(created).contains("\"active\":true").contains("\"mspId\":\"CommercialBankMSP\"");

    assertThat(NETWORK.orgs()).hasSize(6);
    for (String org : NETWORK.orgs()) {
      try (Member member = new Member(NETWORK.profile(org))) {
        assertThat(member.officerStatus("CommercialBankMSP", officer))
            .as("state on %s's peer", org)
            .isEqualTo("ACTIVE");
      }
    }
    assertThat(NETWORK.awaitEqualHeights(Duration.ofSeconds(30))).as("peer heights").hasSize(1);
  }

  @Test
  void signingIdentityFromNoConsortiumCaIsRefused(@TempDir Path dir) throws Exception {
    OrganisationProfile bank = NETWORK.profile("commercialbank");
    Credentials genuine = bank.credentials("admin");
    SelfSignedIdentity foreign = SelfSignedIdentity.create(dir, "CN=intruder,O=Commercial Bank");
    Credentials forged =
        new Credentials(
            bank.mspId(), foreign.cert(), foreign.key(), genuine.tlsCert(), genuine.tlsKey());
    String officer = "it-" + UUID.randomUUID();

    ManagedChannel channel = PeerConnections.open(bank, 0, genuine);
    try (var gateway =
        PeerConnections.gateway(channel, forged, PeerConnections.CallDeadlines.DEFAULT)) {
      var contract = gateway.getNetwork(bank.channel()).getContract("user-management");
      assertThatThrownBy(
              () ->
                  contract.submitTransaction("registerOfficer", officer, "officer", "kc-intruder"))
          .isInstanceOf(GatewayException.class)
          .satisfies(
              e ->
                  assertThat(((GatewayException) e).getDetails())
                      .anySatisfy(d -> assertThat(d.getMessage()).contains("access denied")));
      assertThatThrownBy(() -> contract.evaluateTransaction("officerStatus", bank.mspId(), officer))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("access denied");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    try (Member member = new Member(bank)) {
      assertThatThrownBy(() -> member.officerStatus(bank.mspId(), officer))
          .hasMessageContaining("NOT_FOUND");
    }
  }

  @Test
  void connectionWithoutTlsClientCertificateIsRefused() throws Exception {
    OrganisationProfile bank = NETWORK.profile("commercialbank");
    var serverOnlyTls =
        TlsChannelCredentials.newBuilder().trustManager(bank.tlsCaCert().toFile()).build();
    assertRefusedAtTransport(bank, serverOnlyTls);
  }

  @Test
  void connectionWithTlsClientCertificateFromForeignCaIsRefused(@TempDir Path dir)
      throws Exception {
    OrganisationProfile bank = NETWORK.profile("commercialbank");
    SelfSignedIdentity foreign = SelfSignedIdentity.create(dir, "CN=intruder");
    var foreignTls =
        TlsChannelCredentials.newBuilder()
            .trustManager(bank.tlsCaCert().toFile())
            .keyManager(foreign.cert().toFile(), foreign.key().toFile())
            .build();
    assertRefusedAtTransport(bank, foreignTls);
  }

  private static void assertRefusedAtTransport(
      OrganisationProfile bank, io.grpc.ChannelCredentials tls) throws Exception {
    Credentials user = bank.credentials("admin");
    ManagedChannel channel = PeerConnections.open(bank.peers().get(0), tls);
    try (var gateway =
        PeerConnections.gateway(channel, user, PeerConnections.CallDeadlines.DEFAULT)) {
      var contract = gateway.getNetwork(bank.channel()).getContract("user-management");
      assertThatThrownBy(
              () -> contract.evaluateTransaction("officerStatus", bank.mspId(), "anyone"))
          .isInstanceOfSatisfying(
              GatewayException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(e).hasMessageContaining("ssl exception");
              });
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
