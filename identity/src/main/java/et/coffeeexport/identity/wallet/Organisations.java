package et.coffeeexport.identity.wallet;

import et.coffeeexport.domain.Organisation;
import java.util.Optional;

/**
 * Keycloak's organisation groups and the network's organisations, as the domain's {@link
 * Organisation} names them. Exporters are customers of Commercial Bank, whose CA issues their
 * identities.
 */
public final class Organisations {
  static final String EXPORTERS = "exporters";

  private Organisations() {}

  /** The network organisation whose CA and peers serve members of {@code group}. */
  public static Optional<String> networkOrgOf(String group) {
    if (EXPORTERS.equals(group)) {
      return Optional.of(Organisation.COMMERCIAL_BANK.networkName());
    }
    return Organisation.ofRealmGroup(group).map(Organisation::networkName);
  }

  /** The Keycloak groups that are organisations (candidate groups of their tasks). */
  public static boolean isOrganisation(String group) {
    return Organisation.ofRealmGroup(group).isPresent();
  }
}
