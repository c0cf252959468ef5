package et.coffeeexport.identity.wallet;

import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's organisation groups and the network's organisations (network.conf short names).
 * Exporters are customers of Commercial Bank, whose CA issues their identities.
 */
public final class Organisations {
  private static final Map<String, String> NETWORK_ORG_OF_GROUP =
      Map.of(
          "commercial-bank", "commercialbank",
          "national-bank", "nationalbank",
          "ecta", "ecta",
          "ecx", "ecx",
          "shipping-line", "shippingline",
          "custom-authorities", "customs",
          "exporters", "commercialbank");

  private Organisations() {}

  /** The network organisation whose CA and peers serve members of {@code group}. */
  public static Optional<String> networkOrgOf(String group) {
    return Optional.ofNullable(NETWORK_ORG_OF_GROUP.get(group));
  }

  /** The Keycloak groups that are organisations (candidate groups of their tasks). */
  public static boolean isOrganisation(String group) {
    return NETWORK_ORG_OF_GROUP.containsKey(group) && !"exporters".equals(group);
  }
}
