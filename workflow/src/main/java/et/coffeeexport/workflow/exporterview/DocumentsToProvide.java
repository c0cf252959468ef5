package et.coffeeexport.workflow.exporterview;

import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RuleSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The documents an exporter must still provide for what comes next on an export: those the rule set
 * in force requires before the actions the lifecycle allows from where the export stands (for an
 * export returned for amendment, from the stage it re-enters), that the exporter provides (no
 * organisation issues them) and that are not anchored yet.
 */
final class DocumentsToProvide {
  private DocumentsToProvide() {}

  /** What the next steps need of the exporter; empty for a final export. */
  static Set<DocumentType> required(ExportSnapshot export, RuleSet rules) {
    Set<DocumentType> required = EnumSet.noneOf(DocumentType.class);
    if (export.status().isFinal()) {
      return required;
    }
    ExportStatus waiting =
        export.status() == ExportStatus.RETURNED_FOR_AMENDMENT && export.returnedFrom() != null
            ? export.returnedFrom()
            : export.status();
    ExportLifecycle.transitions().stream()
        .filter(t -> t.from() == waiting)
        .forEach(t -> required.addAll(rules.documentsRequiredFor(t.action())));
    required.removeIf(t -> t.issuer() != null);
    return required;
  }

  /** Of {@code required}, those no version is anchored of. */
  static Set<DocumentType> missing(
      Set<DocumentType> required, Collection<DocumentAnchor> anchored) {
    Set<DocumentType> missing =
        required.isEmpty() ? EnumSet.noneOf(DocumentType.class) : EnumSet.copyOf(required);
    anchored.forEach(a -> missing.remove(a.type()));
    return missing;
  }
}
