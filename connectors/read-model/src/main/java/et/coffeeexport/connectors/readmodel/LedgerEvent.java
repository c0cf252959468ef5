package et.coffeeexport.connectors.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chaincode event as the read model receives it: where it is on the ledger, its name, payload.
 */
public record LedgerEvent(long blockNumber, String transactionId, String name, byte[] payload) {
  private static final Pattern EXPORT_ID = Pattern.compile("\"exportId\":\"([^\"]+)\"");

  /** The export the event is about, read from its payload without parsing all of it. */
  public Optional<String> exportId() {
    Matcher m = EXPORT_ID.matcher(payloadText());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
