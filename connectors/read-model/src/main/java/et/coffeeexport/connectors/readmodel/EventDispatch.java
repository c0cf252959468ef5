package et.coffeeexport.connectors.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.domain.EventName;
import java.io.IOException;
import java.util.Optional;

/**
 * What the read model does with one chaincode event, decided by the event's name (the domain's
 * {@link EventName}), never guessed from the fields of its payload. An event whose name the
 * chaincode does not emit, or whose payload is not what its name says, is skipped: not recorded,
 * not projected, with the reason for the log; the checkpoint still moves past it.
 *
 * @param exportId the export the event is about, for exports and documents
 * @param reason why the event is skipped; null otherwise
 */
record EventDispatch(
    Target target, EventName name, String exportId, JsonNode payload, String reason) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the event goes. */
  enum Target {
    /** Into the trail, and the export's view replaced by the export the payload holds. */
    EXPORT,
    /** Into the trail, and the anchored document into the export's documents. */
    DOCUMENT,
    /** Into the trail only: rule sets and minimum prices change no export. */
    TRAIL,
    /** Nowhere. */
    SKIP
  }

  static EventDispatch of(LedgerEvent event) {
    Optional<EventName> known = EventName.named(event.name());
    if (known.isEmpty()) {
      return skip(null, "the coffee-export chaincode emits no event of that name");
    }
    EventName name = known.get();
    Optional<JsonNode> payload = parse(event.payload());
    return switch (name.subject()) {
      case EXPORT ->
          payload.filter(p -> has(p, "exportId", "exporterId", "status", "decisions")).isPresent()
              ? new EventDispatch(
                  Target.EXPORT, name, payload.get().path("exportId").asText(), payload.get(), null)
              : skip(name, "its payload is not an export");
      case DOCUMENT ->
          payload.filter(p -> has(p, "exportId", "type", "cid", "sha256")).isPresent()
              ? new EventDispatch(
                  Target.DOCUMENT,
                  name,
                  payload.get().path("exportId").asText(),
                  payload.get(),
                  null)
              : skip(name, "its payload is not a document anchor");
      case RULES ->
          new EventDispatch(
              Target.TRAIL, name, null, payload.orElse(JSON.createObjectNode()), null);
    };
  }

  private static EventDispatch skip(EventName name, String reason) {
    return new EventDispatch(Target.SKIP, name, null, JSON.createObjectNode(), reason);
  }

  private static boolean has(JsonNode payload, String... fields) {
    for (String field : fields) {
      JsonNode value = payload.path(field);
      if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<JsonNode> parse(byte[] payload) {
    try {
      JsonNode json = payload.length == 0 ? null : JSON.readTree(payload);
      return Optional.ofNullable(json).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
