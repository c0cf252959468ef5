package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.IdempotencyKeys;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.workflow.WorkflowSchema;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filing an export: the request is checked, its export id derived from the exporter and the
 * Idempotency-Key, and the process started once per export (a row per export, inserted in the
 * transaction that starts the process, settles concurrent repeats). The private terms travel as a
 * transient variable: the engine never stores them.
 */
@Component
class Submissions {
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdempotencyKeys keys;
  private final JdbcTemplate jdbc;
  private final AsPlatform platform;

  Submissions(
      RuntimeService runtime,
      HistoryService history,
      IdempotencyKeys keys,
      DataSource db,
      AsPlatform platform) {
    this.platform = platform;
    this.runtime = runtime;
    this.history = history;
    this.keys = keys;
    this.jdbc = new JdbcTemplate(db);
    WorkflowSchema.migrate(db);
  }

  /** A filing's outcome: the export, and whether this request repeated an earlier one. */
  record Filed(String exportId, boolean repeated) {}

  @Transactional
  public Filed file(String username, String idempotencyKey, JsonNode body) {
    if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_.:-]{8,128}")) {
      throw new ApiProblems.BadRequest(
          "an Idempotency-Key header of 8-128 characters [A-Za-z0-9_.:-] is required");
    }
    ExportRequest request = parse(body.path("request"), ExportRequest.class, "request");
    if (body.path("terms").has("salt")) {
      throw new ApiProblems.BadRequest(
          "terms.salt is not accepted: the platform salts the terms' public hash itself");
    }
    ObjectNode sealed = salted(body.path("terms"));
    ExportTerms terms = parse(sealed, ExportTerms.class, "terms");
    String exportId = FilingIds.of(username, idempotencyKey);
    String fingerprint = FilingIds.sha256(body.toString());
    if (keys.claim("exports", username + ":" + idempotencyKey, fingerprint)
        == IdempotencyKeys.Claim.CONFLICT) {
      throw new ApiProblems.Conflict("this Idempotency-Key was used for a different request");
    }
    int inserted =
        jdbc.update(
            "INSERT INTO submission (export_id, username, fingerprint) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            exportId,
            username,
            fingerprint);
    if (inserted == 0) {
      String earlier =
          jdbc.queryForObject(
              "SELECT fingerprint FROM submission WHERE export_id = ?", String.class, exportId);
      if (!fingerprint.equals(earlier)) {
        throw new ApiProblems.Conflict("this Idempotency-Key was used for a different request");
      }
      return new Filed(exportId, true);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ExportProcess.EXPORT_ID, exportId);
    variables.put(ExportProcess.EXPORTER_USER, username);
    variables.put("exporterId", request.exporterId());
    variables.put("requestJson", body.path("request").toString());
    variables.put("termsJson", Variables.stringValue(sealed.toString(), true));
    platform.run(
        () ->
            refusedFiling(
                runtime.startProcessInstanceByKey(ExportProcess.KEY, exportId, variables).getId()));
    return new Filed(exportId, false);
  }

  /** The filing ran in this request; if the chaincode refused it, say why (and roll back). */
  private void refusedFiling(String processInstanceId) {
    boolean refused =
        history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityId("FilingRefused")
                .count()
            > 0;
    if (refused) {
      var variable =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(processInstanceId)
              .variableName(ExportProcess.LEDGER_REFUSAL)
              .singleResult();
      String message = variable == null ? "UNKNOWN: refused" : String.valueOf(variable.getValue());
      int colon = message.indexOf(':');
      throw new LedgerRefusal(
          RefusalCode.of(colon > 0 ? message.substring(0, colon) : "UNKNOWN"),
          colon > 0 ? message.substring(colon + 1).trim() : message);
    }
  }

  /**
   * The terms with a fresh random salt: the ledger keeps their salted hash in public, and a salt
   * the exporter chose (or could guess) would let anyone test candidate prices against it.
   */
  private static ObjectNode salted(JsonNode terms) {
    if (!terms.isObject()) {
      throw new ApiProblems.BadRequest("terms must be a JSON object");
    }
    byte[] salt = new byte[24];
    RANDOM.nextBytes(salt);
    return ((ObjectNode) terms.deepCopy())
        .put("salt", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static <T> T parse(JsonNode node, Class<T> type, String what) {
    if (!node.isObject()) {
      throw new ApiProblems.BadRequest(what + " must be a JSON object");
    }
    try {
      return STRICT.treeToValue(node, type);
    } catch (Exception e) {
      throw new ApiProblems.BadRequest(what + " is malformed: " + e.getMessage().split("\n")[0]);
    }
  }
}
