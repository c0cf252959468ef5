package et.coffeeexport.connectors.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Documents through the real kubo node and the real ledger: stored encrypted, anchored, verified on
 * download; tampering in IPFS or on the ledger is caught; with kubo down nothing is anchored.
 */
class DocumentStoreIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Consortium people;
  private static Ledger ledger;
  private static KuboClient kubo;
  private static IpfsDocumentStore store;
  private static Signatory exporter;
  private static String exportId;

  @BeforeAll
  static void anExport() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    people = Consortium.enrol(NETWORK);
    ledger = NETWORK.connector();
    kubo = new KuboClient(URI.create("http://127.0.0.1:5001"), Duration.ofSeconds(10));
    store =
        new IpfsDocumentStore(
            kubo,
            DocumentSealing.withKeyFile(NETWORK.state.resolve("secrets/documents-key")),
            new DocumentRules(10L * 1024 * 1024),
            ledger.coffeeExport());
    exporter = Signatory.of(people.exporter.credentials);
    exportId = "EXP-" + people.run + "-docs";
    people.file(ledger, exportId);
  }

  @AfterAll
  static void close() throws Exception {
    if (people != null) {
      ledger.close();
      people.close();
    }
  }

  @Test
  void aDocumentIsStoredEncryptedAnchoredAndVerifiedOnDownload() {
    byte[] pdf = pdf("sales contract " + UUID.randomUUID());
    var anchored = store.upload(exporter, exportId, "SALES_CONTRACT", "application/pdf", pdf);

    assertThat(anchored.sha256()).isEqualTo(IpfsDocumentStore.sha256(pdf));
    assertThat(kubo.isPinned(anchored.cid())).isTrue();
    assertThat(new String(kubo.cat(anchored.cid()), StandardCharsets.ISO_8859_1))
        .as("IPFS holds ciphertext only")
        .doesNotContain("sales contract");
    var downloaded = store.download(exporter, exportId, "SALES_CONTRACT");
    assertThat(downloaded.content()).isEqualTo(pdf);
    assertThat(downloaded.contentType()).isEqualTo("application/pdf");
    assertThat(downloaded.anchor().cid()).isEqualTo(anchored.cid());
  }

  @Test
  void tamperedCiphertextInTheNodesBlockstoreIsRefused() throws Exception {
    byte[] pdf = pdf("packing list " + UUID.randomUUID());
    var anchored = store.upload(exporter, exportId, "PACKING_LIST", "application/pdf", pdf);
    byte[] sealed = kubo.cat(anchored.cid());
    Path block = blockHolding(sealed);
    byte[] altered = sealed.clone();
    altered[altered.length - 30] ^= 0x01;
    Files.write(block, altered);
    try {
      assertThatThrownBy(() -> store.download(exporter, exportId, "PACKING_LIST"))
          .isInstanceOf(DocumentTampered.class);
    } finally {
      Files.write(block, sealed);
    }
  }

  @Test
  void anAnchorWithAnotherHashMakesTheDownloadAFailureNotASilentServe() {
    byte[] pdf = pdf("invoice " + UUID.randomUUID());
    var anchored = store.upload(exporter, exportId, "COMMERCIAL_INVOICE", "application/pdf", pdf);
    var forged = JSON.createObjectNode();
    forged
        .put("type", "COMMERCIAL_INVOICE")
        .put("cid", anchored.cid())
        .put("sha256", IpfsDocumentStore.sha256(pdf("another invoice")))
        .put("sizeBytes", pdf.length);
    ledger.coffeeExport().anchorDocument(exporter, exportId, forged.toString());
    assertThatThrownBy(() -> store.download(exporter, exportId, "COMMERCIAL_INVOICE"))
        .isInstanceOf(DocumentTampered.class)
        .hasMessageContaining("does not match the SHA-256");
  }

  @Test
  void aForbiddenTypeOrMislabelledContentIsRefusedBeforeAnythingIsStored() throws Exception {
    int before = anchors();
    assertThatThrownBy(
            () ->
                store.upload(
                    exporter,
                    exportId,
                    "SALES_CONTRACT",
                    "text/html",
                    "<html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DocumentRejected.class);
    assertThatThrownBy(
            () -> store.upload(exporter, exportId, "SALES_CONTRACT", "image/png", pdf("not a png")))
        .isInstanceOf(DocumentRejected.class);
    assertThat(anchors()).isEqualTo(before);
  }

  @Test
  void withKuboStoppedAnUploadFailsAndNothingReachesTheLedger() throws Exception {
    int before = anchors();
    NETWORK.kill9("ipfs");
    try {
      assertThatThrownBy(
              () ->
                  store.upload(
                      exporter, exportId, "SALES_CONTRACT", "application/pdf", pdf("while down")))
          .isInstanceOf(DocumentStoreUnavailable.class);
      assertThat(anchors()).isEqualTo(before);
    } finally {
      Process restart =
          new ProcessBuilder("bash", NETWORK.home.resolve("network/scripts/ipfs.sh").toString())
              .inheritIO()
              .start();
      assertThat(restart.waitFor()).isZero();
    }
    assertThat(
            store
                .upload(
                    exporter, exportId, "SALES_CONTRACT", "application/pdf", pdf("after restart"))
                .version())
        .isGreaterThan(0);
  }

  private static int anchors() throws Exception {
    return ledger.coffeeExport().listDocuments(exporter, exportId).size();
  }

  private static Path blockHolding(byte[] content) throws Exception {
    try (Stream<Path> files = Files.walk(NETWORK.state.resolve("data/ipfs/blocks"))) {
      return files
          .filter(p -> p.toString().endsWith(".data"))
          .filter(
              p -> {
                try {
                  return Files.size(p) == content.length
                      && Arrays.equals(Files.readAllBytes(p), content);
                } catch (Exception e) {
                  return false;
                }
              })
          .findFirst()
          .orElseThrow(() -> new AssertionError("no block file holds the stored object"));
    }
  }

  private static byte[] pdf(String text) {
    return ("%PDF-1.7\n" + text + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
  }
}
