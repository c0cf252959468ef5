package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.ExportHistory;
import et.coffeeexport.domain.Actor;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.Role;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.documents.DocumentAccess;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * An exporter's own exports after filing: reading them (from the ledger), amending when returned,
 * cancelling while the lifecycle allows, documents (which officers anchor too, for the documents
 * their organisation issues). Every ledger call is signed with the caller's own identity; an
 * exporter does not find another exporter's export.
 */
@Component
class ExporterExports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_AMENDMENT_ROUNDS_FOR_CHECK = Integer.MAX_VALUE;

  private final LedgerIdentities identities;
  private final CachedLedgerReads reads;
  private final CoffeeExportChaincode ledger;
  private final DocumentStore documents;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final AsPlatform platform;

  ExporterExports(
      LedgerIdentities identities,
      CachedLedgerReads reads,
      CoffeeExportChaincode ledger,
      DocumentStore documents,
      TaskService tasks,
      RuntimeService runtime,
      AsPlatform platform) {
    this.platform = platform;
    this.identities = identities;
    this.reads = reads;
    this.ledger = ledger;
    this.documents = documents;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  StoredIdentity exporter(String username) {
    return identities.forUsername(username);
  }

  /** The export as the ledger holds it, if it is this exporter's. */
  ExportSnapshot export(StoredIdentity exporter, String exportId) {
    ExportSnapshot export = reads.export(exporter, exportId);
    String owner = export.exporterId();
    if (exporter.ledgerRole() == Role.EXPORTER && !owner.equals(exporterIdOf(exporter))) {
      throw new ApiProblems.NotFound("no export " + exportId);
    }
    return export;
  }

  ExportHistory history(StoredIdentity exporter, String exportId) {
    export(exporter, exportId);
    return ledger.readHistory(exporter, exportId);
  }

  /** Completes the exporter's amendment task with the amended request. */
  void amend(StoredIdentity exporter, String exportId, JsonNode request) {
    export(exporter, exportId);
    var task =
        platform.call(
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(exportId)
                    .taskAssignee(exporter.username())
                    .taskDefinitionKeyLike("AmendFor%")
                    .singleResult());
    if (task == null) {
      throw new ApiProblems.Conflict("export " + exportId + " is not returned for amendment");
    }
    platform.change(() -> tasks.complete(task.getId(), Map.of("requestJson", request.toString())));
  }

  /** Cancels when the state machine lets the exporter do it now; the chaincode checks again. */
  void cancel(StoredIdentity exporter, String exportId, JsonNode notes) {
    ExportState state = export(exporter, exportId).state();
    var decision =
        ExportLifecycle.decide(
            state,
            ExportAction.CANCEL,
            new Actor(Organisation.COMMERCIAL_BANK, Role.EXPORTER),
            MAX_AMENDMENT_ROUNDS_FOR_CHECK);
    if (!decision.isAccepted()) {
      throw new ApiProblems.Conflict(
          "export " + exportId + " can no longer be cancelled: it is " + state.status());
    }
    StringBuilder reasons = new StringBuilder();
    notes.path("reasons").forEach(r -> reasons.append(r.asText()).append('\n'));
    platform.change(
        () ->
            LedgerActors.mark(
                    runtime
                        .createMessageCorrelation(ExportProcess.CANCEL_EXPORT)
                        .processInstanceBusinessKey(exportId)
                        .setVariable("reasons", reasons.toString()),
                    ExportProcess.RECORD_CANCELLATION,
                    exporter.username())
                .correlate());
  }

  DocumentStore.AnchoredDocument upload(
      StoredIdentity exporter, String exportId, String type, String contentType, byte[] content) {
    export(exporter, exportId);
    return documents.upload(exporter, exportId, type, contentType, content);
  }

  DocumentStore.VerifiedDocument download(StoredIdentity exporter, String exportId, String type) {
    export(exporter, exportId);
    DocumentAccess.requireReadable(exporter, type);
    return documents.download(exporter, exportId, type);
  }

  private static String exporterIdOf(StoredIdentity exporter) {
    return CertificateAttributes.of(exporter.certificatePem()).getOrDefault("exporterId", "");
  }
}
