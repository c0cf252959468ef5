package et.coffeeexport.domain;

import java.util.Set;

/**
 * One allowed move of a licence application: taking {@code action} on an application of {@code
 * kind} in status {@code from} moves it to {@code to}, and only a person of {@code organisation} in
 * one of {@code roles} may take it.
 *
 * @param from {@code null} for {@link RegistryAction#APPLY} (no application yet)
 */
public record ApplicationTransition(
    RegistryAction action,
    ApplicationKind kind,
    ApplicationStatus from,
    ApplicationStatus to,
    Organisation organisation,
    Set<Role> roles) {

  /** Whether {@code actor} may take this transition. */
  public boolean permits(Actor actor) {
    return actor.organisation() == organisation && roles.contains(actor.role());
  }
}
