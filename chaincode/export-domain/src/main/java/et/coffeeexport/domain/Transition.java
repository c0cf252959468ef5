package et.coffeeexport.domain;

import java.util.Set;

/**
 * One allowed move of the export lifecycle: taking {@code action} on an export in status {@code
 * from} moves it to {@code to}, and only a person of {@code organisation} in one of {@code roles}
 * may take it.
 *
 * @param from the status the export must be in; {@code null} for {@link ExportAction#SUBMIT} (no
 *     export yet)
 * @param to the resulting status; {@code null} for {@link ExportAction#AMEND}, which re-enters the
 *     stage the export was returned from
 * @param stage the stage this transition belongs to (its organisation endorses it)
 */
public record Transition(
    ExportAction action,
    ExportStatus from,
    ExportStatus to,
    Stage stage,
    Organisation organisation,
    Set<Role> roles) {

  /** Whether {@code actor} may take this transition. */
  public boolean permits(Actor actor) {
    return actor.organisation() == organisation && roles.contains(actor.role());
  }
}
