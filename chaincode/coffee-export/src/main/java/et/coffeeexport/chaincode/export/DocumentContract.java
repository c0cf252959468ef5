package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.domain.DocumentStatement;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Document anchors: the ledger's proof of which encrypted IPFS object is which document of an
 * export.
 */
@Contract(name = "DocumentContract", info = @Info(title = "Export documents", version = "1.0.0"))
public final class DocumentContract implements ContractInterface {

  /**
   * What an uploader states about a document, checked as every anchor is ({@link
   * DocumentStatement}); an export carries export documents only (a licence application's are the
   * registry's).
   */
  static DocumentStatement checked(DocumentStatement anchor) {
    List<String> violations = anchor.violations();
    if (anchor.type() != null && anchor.type().ofLicenceApplications()) {
      violations = List.of("type must be one of " + DocumentType.ofExports());
    }
    if (!violations.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
    return anchor;
  }

  /**
   * Anchors a new version of a document of an export. Exporters anchor their own documents, an
   * organisation's officers the documents it issues; versions are added, never overwritten.
   *
   * @param anchorJson {@code {"type","cid","sha256","sizeBytes"}}, the hash being of the plaintext
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String anchorDocument(Context ctx, String exportId, String anchorJson) {
    ExportContract.requireId(exportId);
    DocumentStatement anchor =
        checked(CanonicalJson.parse(anchorJson, DocumentStatement.class, "anchor"));
    Transitions t = new Transitions(ctx);
    ExportSnapshot export = t.store.export(exportId);
    if (export.status().isFinal()) {
      throw ContractError.of(
          RefusalCode.ILLEGAL_TRANSITION, "export " + exportId + " is " + export.status());
    }
    boolean exporterOwn =
        t.caller.role() == Role.EXPORTER && export.exporterId().equals(t.caller.exporterId());
    boolean issuerOfficer =
        t.caller.role() != null
            && t.caller.role() != Role.EXPORTER
            && anchor.type().issuer() != null
            && anchor.type().issuer() == t.caller.organisation();
    if (anchor.type().issuer() == null ? !exporterOwn : !issuerOfficer) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN,
          anchor.type()
              + " is anchored by "
              + (anchor.type().issuer() == null ? "the exporter" : anchor.type().issuer()));
    }
    if (!exporterOwn) {
      t.registry.about(export.exporterId()).requireActiveOfficer(t.caller);
    }
    int version =
        t.store.values(Keys.DOCUMENT, DocumentAnchor.class, exportId, anchor.type().name()).size()
            + 1;
    DocumentAnchor stored =
        new DocumentAnchor(
            exportId,
            anchor.type(),
            version,
            anchor.cid(),
            anchor.sha256(),
            anchor.sizeBytes(),
            ExportLifecycle.stageWaitingIn(export.status()),
            t.caller.mspId(),
            t.caller.certificateId(),
            t.stub.getTxId(),
            t.now());
    byte[] bytes = CanonicalJson.toBytes(stored);
    t.store.saveImmutable(Keys.document(t.stub, exportId, anchor.type().name(), version), bytes);
    return ExportStore.utf8(t.emit(Events.DOCUMENT_ANCHORED, bytes));
  }

  /** Every anchored version of every document of an export, by type then version. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String listDocuments(Context ctx, String exportId) {
    ExportContract.requireId(exportId);
    return Transitions.json(
        new ExportStore(ctx.getStub()).values(Keys.DOCUMENT, DocumentAnchor.class, exportId));
  }
}
