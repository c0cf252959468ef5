package et.coffeeexport.chaincode.support;

import et.coffeeexport.domain.Organisation;
import java.util.Optional;

/** The MSP id of each organisation in the channel configuration: the domain's one spelling. */
public final class Msp {
  private Msp() {}

  /** The MSP id of {@code organisation}. */
  public static String of(Organisation organisation) {
    return organisation.mspId();
  }

  /** The organisation behind {@code mspId}; empty for the orderer organisation or a stranger. */
  public static Optional<Organisation> organisation(String mspId) {
    return Organisation.ofMspId(mspId);
  }
}
