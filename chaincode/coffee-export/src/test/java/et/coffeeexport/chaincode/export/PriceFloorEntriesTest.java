package et.coffeeexport.chaincode.export;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.PriceFloor;
import org.junit.jupiter.api.Test;

/**
 * A minimum price entry names who proposed and who co-signed it, whatever its argument says; a
 * proposal National Bank sent back may be proposed again, a co-signed entry never changes.
 */
class PriceFloorEntriesTest {
  private static final String FLOOR =
      "{\"grade\":\"G3\",\"origin\":\"GUJI\",\"process\":\"NATURAL\",\"effectiveDate\":\"2026-12-02\","
          + "\"minPricePerLbUsd\":%s,\"cosigned\":false,\"proposedBy\":\"someone-else\"}";
  private final ExportWorld world = new ExportWorld();

  @Test
  void anEntryNamesItsProposerAndItsCoSignerFromTheirCertificates() {
    PriceFloor proposed = propose("2.50");
    assertThat(proposed.proposedBy()).isEqualTo("kc-ecta-officer");
    assertThat(proposed.cosignedBy()).isNull();

    PriceFloor cosigned = cosign();
    assertThat(cosigned.cosigned()).isTrue();
    assertThat(cosigned.proposedBy()).isEqualTo("kc-ecta-officer");
    assertThat(cosigned.cosignedBy()).isEqualTo("kc-national_bank-supervisor");
  }

  @Test
  void aProposalNotYetCoSignedMayBeProposedAgainWithAnotherPrice() {
    propose("2.50");
    PriceFloor revised = propose("2.65");
    assertThat(revised.minPricePerLbUsd()).isEqualByComparingTo("2.65");
    assertThat(revised.cosigned()).isFalse();
    assertThat(cosign().minPricePerLbUsd()).isEqualByComparingTo("2.65");
  }

  @Test
  void aCoSignedEntryIsNeverProposedAgain() {
    propose("2.50");
    cosign();
    world.refused("ALREADY_EXISTS", () -> propose("2.10"));
  }

  private PriceFloor propose(String price) {
    return CanonicalJson.parse(
        world.ledger.submit(
            world.officer(Organisation.ECTA),
            ctx -> world.rules.proposePriceFloor(ctx, FLOOR.formatted(price))),
        PriceFloor.class,
        "floor");
  }

  private PriceFloor cosign() {
    return CanonicalJson.parse(
        world.ledger.submit(
            world.supervisor(Organisation.NATIONAL_BANK),
            ctx -> world.rules.cosignPriceFloor(ctx, "G3", "GUJI", "NATURAL", "2026-12-02")),
        PriceFloor.class,
        "floor");
  }
}
