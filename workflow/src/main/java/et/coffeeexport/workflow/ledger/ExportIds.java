package et.coffeeexport.workflow.ledger;

import et.coffeeexport.connectors.readmodel.LedgerEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The export an event is about, read from its JSON payload without parsing all of it. */
final class ExportIds {
  private static final Pattern EXPORT_ID = Pattern.compile("\"exportId\":\"([^\"]+)\"");

  private ExportIds() {}

  static String of(LedgerEvent event) {
    Matcher m = EXPORT_ID.matcher(event.payloadText());
    return m.find() ? m.group(1) : null;
  }
}
