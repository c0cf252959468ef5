package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Groups are recognised by full path, through one explicit table, never by name. */
class RealmGroupsTest {

  @Test
  void theOrganisationsTheirSupervisorsAndThePlatformsGroupsMapToTheEngineGroupsInUse() {
    assertThat(RealmGroups.engineGroup("/ecta")).contains("ecta");
    assertThat(RealmGroups.engineGroup("/ecta-supervisors")).contains("ecta-supervisors");
    assertThat(RealmGroups.engineGroup("/custom-authorities")).contains("custom-authorities");
    assertThat(RealmGroups.engineGroup("/process-analysts")).contains("process-analysts");
    assertThat(RealmGroups.engineGroup("/camunda-admin")).contains("camunda-admin");
    assertThat(RealmGroups.engineGroup("/exporters")).contains("exporters");
  }

  @Test
  void aSubgroupThatSharesAnOrganisationsNameIsNotThatOrganisation() {
    for (String forged :
        List.of(
            "/exporters/ecta",
            "/ecx/ecta",
            "/ecta/ecta",
            "/camunda-admin/ecta",
            "/exporters/camunda-admin",
            "/ecta/ecta-supervisors")) {
      assertThat(RealmGroups.engineGroup(forged)).as(forged).isEmpty();
    }
  }

  @Test
  void aShortNameOrAnUnknownPathGrantsNothing() {
    for (String unknown : List.of("ecta", "ecta-supervisors", "camunda-admin", "/", "", "/ECTA")) {
      assertThat(RealmGroups.engineGroup(unknown)).as(unknown).isEmpty();
    }
    assertThat(RealmGroups.engineGroup(null)).isEmpty();
  }

  @Test
  void theEngineAuthenticatesABearerWithTheGroupsOfTheKnownPathsOnly() {
    var officer = bearer(List.of("/ecx", "/exporters/ecta", "ecta", "/camunda-admin/ecta", "/ecx"));
    assertThat(EngineAuthentication.groups(officer)).containsExactly("ecx");
    var supervisor = bearer(List.of("/ecta", "/ecta-supervisors"));
    assertThat(EngineAuthentication.groups(supervisor)).containsExactly("ecta", "ecta-supervisors");
    assertThat(EngineAuthentication.groups(bearer(null))).isEmpty();
  }

  @Test
  void everyGroupTheEngineIsGrantedForIsInTheTable() {
    for (String group : OrganisationAuthorizations.ORGANISATION_GROUPS) {
      assertThat(RealmGroups.all()).contains(group, group + "-supervisors");
    }
    assertThat(RealmGroups.all()).contains(OrganisationAuthorizations.ANALYSTS);
  }

  private static JwtAuthenticationToken bearer(List<String> groups) {
    var jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("3f1c")
            .claim("preferred_username", "ecx.officer")
            .claims(c -> c.putAll(groups == null ? Map.of() : Map.of("groups", groups)))
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(300))
            .build();
    return new JwtAuthenticationToken(jwt);
  }
}
