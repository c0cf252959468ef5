package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.IdempotencyKeys;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filing an export: the request is checked, its export id derived from the exporter and the
 * Idempotency-Key, and the process started once per export (a row per export, inserted in the
 * transaction that starts the process, settles concurrent repeats). The private terms travel as a
 * transient variable: the engine never stores them.
 */
@Component
class Submissions {
  private static final String SCOPE = "exports";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdempotencyKeys keys;
  private final JdbcTemplate jdbc;
  private final AsPlatform platform;
  private final TransactionTemplate transactions;

  Submissions(
      RuntimeService runtime,
      HistoryService history,
      IdempotencyKeys keys,
      DataSource db,
      AsPlatform platform,
      PlatformTransactionManager transactions) {
    this.platform = platform;
    this.transactions = new TransactionTemplate(transactions);
    this.runtime = runtime;
    this.history = history;
    this.keys = keys;
    this.jdbc = new JdbcTemplate(db);
    WorkflowSchema.migrate(db);
  }

  /** A filing's outcome: the export, and whether this request repeated an earlier one. */
  record Filed(String exportId, boolean repeated) {}

  /**
   * Files the export once per Idempotency-Key. The key is claimed only for a body that passed the
   * checks, and given back when the filing is refused (by a check after the claim or by the
   * chaincode): nothing was filed, so the exporter may use the key again, corrected. A failure of
   * another kind (a component away) keeps the claim, as the ledger may have filed already.
   */
  public Filed file(String username, String idempotencyKey, JsonNode body) {
    String exportId = FilingIds.of(username, idempotencyKey); // checks the key first
    Filing filing = Filing.of(body);
    String fingerprint = FilingIds.sha256(body.toString());
    String key = username + ":" + idempotencyKey;
    if (keys.claim(SCOPE, key, fingerprint) == IdempotencyKeys.Claim.CONFLICT) {
      throw new ApiProblems.Conflict("this Idempotency-Key was used for a different request");
    }
    try {
      return transactions.execute(
          status -> start(username, exportId, fingerprint, filing, body.path("request")));
    } catch (LedgerRefusal | ApiProblems.BadRequest refused) {
      keys.release(SCOPE, key, fingerprint);
      throw refused;
    }
  }

  private Filed start(
      String username, String exportId, String fingerprint, Filing filing, JsonNode request) {
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
    variables.put("exporterId", filing.request().exporterId());
    variables.put("requestJson", request.toString());
    variables.put("termsJson", Variables.stringValue(filing.sealedTerms().toString(), true));
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
}
