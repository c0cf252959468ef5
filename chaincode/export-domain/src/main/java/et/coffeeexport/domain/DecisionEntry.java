package et.coffeeexport.domain;

import java.util.List;
import java.util.SortedMap;

/**
 * One entry of an export's decision trail: who decided what, when (transaction time), why, and
 * under which rule.
 *
 * @param action a lifecycle action ({@link ExportAction}), or a decision that does not move the
 *     export ({@code RECOMMEND_FOREIGN_EXCHANGE})
 * @param decidedBy the decider's certificate id ({@code x509::subject::issuer})
 * @param userId the decider's Keycloak user id (certificate attribute {@code uid}), when present
 * @param ruleApplied the rule versions the decision applied ({@code ruleset:3}, {@code
 *     floor:G2/SIDAMA/WASHED/...})
 * @param details what the decision recorded (grade, permit number, ...)
 * @param step the workflow's step key the decision was submitted with, when it was given
 */
public record DecisionEntry(
    String exportId,
    int sequence,
    String action,
    ExportStatus from,
    ExportStatus to,
    Stage stage,
    String organisation,
    Role role,
    String decidedBy,
    String enrollmentId,
    String userId,
    String txId,
    String at,
    List<String> reasons,
    List<String> ruleApplied,
    SortedMap<String, String> details,
    String step) {}
