package et.coffeeexport.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six member organisations of the consortium (ARCHITECTURE.md, "Who uses it"), with the one
 * spelling of each of their names: the MSP id of the channel configuration, the short name of the
 * network's configuration (network/network.conf: folders, hosts, connection profiles) and the
 * Keycloak group of its people (identity/realm). A test checks network.conf against it.
 */
public enum Organisation {
  COMMERCIAL_BANK("CommercialBankMSP", "commercialbank", "commercial-bank"),
  NATIONAL_BANK("NationalBankMSP", "nationalbank", "national-bank"),
  ECTA("EctaMSP", "ecta", "ecta"),
  ECX("EcxMSP", "ecx", "ecx"),
  SHIPPING_LINE("ShippingLineMSP", "shippingline", "shipping-line"),
  CUSTOM_AUTHORITIES("CustomAuthoritiesMSP", "customs", "custom-authorities");

  private final String mspId;
  private final String networkName;
  private final String realmGroup;

  Organisation(String mspId, String networkName, String realmGroup) {
    this.mspId = mspId;
    this.networkName = networkName;
    this.realmGroup = realmGroup;
  }

  /** Its MSP id on the channel. */
  public String mspId() {
    return mspId;
  }

  /** Its short name in network/network.conf (connection profiles, folders, processes). */
  public String networkName() {
    return networkName;
  }

  /** The Keycloak group of its officers; supervisors are also in {@code <group>-supervisors}. */
  public String realmGroup() {
    return realmGroup;
  }

  /** The organisation with this MSP id; empty for the orderer organisation or a stranger. */
  public static Optional<Organisation> ofMspId(String mspId) {
    return Arrays.stream(values()).filter(o -> o.mspId.equals(mspId)).findFirst();
  }

  /** The organisation with this network name. */
  public static Optional<Organisation> ofNetworkName(String name) {
    return Arrays.stream(values()).filter(o -> o.networkName.equals(name)).findFirst();
  }

  /** The organisation whose officers are in this Keycloak group. */
  public static Optional<Organisation> ofRealmGroup(String group) {
    return Arrays.stream(values()).filter(o -> o.realmGroup.equals(group)).findFirst();
  }
}
