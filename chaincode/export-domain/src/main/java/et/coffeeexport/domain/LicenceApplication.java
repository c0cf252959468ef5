package et.coffeeexport.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An exporter's application to ECTA, as the {@code user-management} chaincode stores and answers
 * it: what the exporter asked for (a registration with its whole profile, or a renewal with the
 * profile as it would be renewed), the documents anchored on it, and ECTA's decision with who
 * signed it and why. The shape exists once, for the chaincode, the connector and the workflow.
 *
 * @param applied who applied (the exporter's identity) and when
 * @param decided who decided for ECTA and when; null while {@code SUBMITTED}
 * @param reasons why ECTA decided as it did (required when it refused)
 */
public record LicenceApplication(
    String applicationId,
    String exporterId,
    ApplicationKind kind,
    ApplicationStatus status,
    ExporterProfile profile,
    List<ApplicationDocument> documents,
    LedgerSignature applied,
    LedgerSignature decided,
    List<String> reasons) {

  public LicenceApplication {
    documents = documents == null ? List.of() : List.copyOf(documents);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /** The documents ECTA needs that no version is anchored of yet, in declaration order. */
  public Set<DocumentType> missingDocuments() {
    Set<DocumentType> missing = EnumSet.copyOf(LicenceApplications.REQUIRED_DOCUMENTS);
    documents.forEach(d -> missing.remove(d.type()));
    return missing;
  }

  /** The number the next version of a document of {@code type} gets. */
  public int nextVersion(DocumentType type) {
    return (int) documents.stream().filter(d -> d.type() == type).count() + 1;
  }

  /** This application with one more document version. */
  public LicenceApplication withDocument(ApplicationDocument document) {
    List<ApplicationDocument> more = new ArrayList<>(documents);
    more.add(document);
    return new LicenceApplication(
        applicationId, exporterId, kind, status, profile, more, applied, decided, reasons);
  }

  /** This application as ECTA decided it. */
  public LicenceApplication decided(
      ApplicationStatus outcome, LedgerSignature by, List<String> why) {
    return new LicenceApplication(
        applicationId, exporterId, kind, outcome, profile, documents, applied, by, why);
  }
}
