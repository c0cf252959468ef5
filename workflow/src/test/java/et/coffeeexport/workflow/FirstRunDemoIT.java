package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.testing.RealNetwork;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The first-run walk-through is the platform's smoke test: {@code network/cec demo}, using only the
 * public interfaces (Keycloak's login pages, the submission API, the engine REST API) and what
 * {@code up} seeded, takes an export from filing to completion with each stage signed by its
 * organisation's officer.
 */
class FirstRunDemoIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();

  @Test
  void theDemoTakesAnExportFromFilingToCompletionThroughThePublicInterfaces() throws Exception {
    Process demo =
        new ProcessBuilder(NETWORK.home.resolve("network/cec").toString(), "demo")
            .redirectErrorStream(true)
            .start();
    String output;
    boolean finished = demo.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      demo.destroyForcibly();
    }
    output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(finished).as("the demo finished within 5 minutes").isTrue();
    assertThat(demo.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("Export \\S+ is COMPLETED, 11 decisions on the ledger");
    for (String[] step :
        new String[][] {
          {"VERIFY_AT_BANK", "commercial-bank.officer"},
          {"APPROVE_COMPLIANCE", "ecta.officer"},
          {"CERTIFY_QUALITY", "ecx.officer"},
          {"APPROVE_FOREIGN_EXCHANGE", "national-bank.officer"},
          {"CLEAR_CUSTOMS", "custom-authorities.officer"},
          {"SHIP", "shipping-line.officer"},
          {"RECORD_REPATRIATION", "commercial-bank.officer"}
        }) {
      assertThat(output)
          .as("%s signed by %s", step[0], step[1])
          .containsPattern(
              Pattern.compile(
                  "ledger: " + step[0] + " \\S+ → \\S+, signed by " + Pattern.quote(step[1])));
    }
    assertThat(output).as("no secret printed").doesNotContain("eyJ");
  }
}
