package et.coffeeexport.chaincode.support;

import et.coffeeexport.domain.Organisation;
import java.util.Map;
import java.util.Optional;

/** The MSP id of each organisation in the channel configuration (network/network.conf). */
public final class Msp {
  private static final Map<Organisation, String> IDS =
      Map.of(
          Organisation.COMMERCIAL_BANK, "CommercialBankMSP",
          Organisation.NATIONAL_BANK, "NationalBankMSP",
          Organisation.ECTA, "EctaMSP",
          Organisation.ECX, "EcxMSP",
          Organisation.SHIPPING_LINE, "ShippingLineMSP",
          Organisation.CUSTOM_AUTHORITIES, "CustomAuthoritiesMSP");

  private Msp() {}

  /** The MSP id of {@code organisation}. */
  public static String of(Organisation organisation) {
    return IDS.get(organisation);
  }

  /** The organisation behind {@code mspId}; empty for the orderer organisation or a stranger. */
  public static Optional<Organisation> organisation(String mspId) {
    return IDS.entrySet().stream()
        .filter(e -> e.getValue().equals(mspId))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
