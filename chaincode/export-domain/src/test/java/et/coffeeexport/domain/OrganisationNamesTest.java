package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The organisations' names exist once, in {@link Organisation}; the network's configuration and the
 * realm spell them too (they are not Java), and must agree with it.
 */
class OrganisationNamesTest {
  private static final Path HOME = Path.of("../..");

  @Test
  void networkConfNamesEveryOrganisationAsTheDomainDoes() throws Exception {
    String conf = Files.readString(HOME.resolve("network/network.conf"));
    Matcher declaration =
        Pattern.compile("declare -A MSP=\\(([^)]*)\\)", Pattern.DOTALL).matcher(conf);
    assertThat(declaration.find()).as("network.conf declares MSP").isTrue();
    Map<String, String> msp = new HashMap<>();
    Matcher entry = Pattern.compile("\\[([a-z]+)\\]=([A-Za-z]+)").matcher(declaration.group(1));
    while (entry.find()) {
      msp.put(entry.group(1), entry.group(2));
    }
    for (Organisation o : Organisation.values()) {
      assertThat(msp).as("network.conf's MSP of %s", o).containsEntry(o.networkName(), o.mspId());
      assertThat(Organisation.ofMspId(o.mspId())).contains(o);
      assertThat(Organisation.ofNetworkName(o.networkName())).contains(o);
      assertThat(Organisation.ofRealmGroup(o.realmGroup())).contains(o);
    }
    assertThat(msp).hasSize(Organisation.values().length + 1); // and the orderer organisation
  }

  @Test
  void theRealmHasAGroupAndASupervisorsGroupForEveryOrganisation() throws Exception {
    String realm = Files.readString(HOME.resolve("identity/realm/coffee-export-realm.json"));
    for (Organisation o : Organisation.values()) {
      assertThat(realm)
          .contains("\"name\": \"" + o.realmGroup() + "\"")
          .contains("\"name\": \"" + o.realmGroup() + "-supervisors\"");
    }
    assertThat(Arrays.stream(Organisation.values()).map(Organisation::realmGroup).distinct())
        .hasSize(Organisation.values().length);
  }
}
