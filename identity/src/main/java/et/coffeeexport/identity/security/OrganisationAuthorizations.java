package et.coffeeexport.identity.security;

import et.coffeeexport.identity.wallet.Organisations;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of the realm's groups, ensured at every start (adding what is missing,
 * never removing what an administrator granted). Officers and supervisors reach Tasklist and its
 * filters; which tasks they see and work comes from the tasks' candidate groups (the engine grants
 * a candidate group read and work on its task); each organisation's supervisors group, which
 * escalations and four-eyes co-approvals add as candidates, likewise. Analysts read everything in
 * Cockpit. Members of {@code camunda-admin} are the engine's administrators (the identity plugin
 * grants them all).
 */
@Component
class OrganisationAuthorizations {
  private static final Logger log = LoggerFactory.getLogger(OrganisationAuthorizations.class);
  static final List<String> ORGANISATION_GROUPS =
      java.util.Arrays.stream(et.coffeeexport.domain.Organisation.values())
          .map(et.coffeeexport.domain.Organisation::realmGroup)
          .toList();
  static final String ANALYSTS = RealmGroups.ANALYSTS;

  private final AuthorizationService authorizations;
  private final org.camunda.bpm.engine.RepositoryService repository;

  OrganisationAuthorizations(
      AuthorizationService authorizations, org.camunda.bpm.engine.RepositoryService repository) {
    this.authorizations = authorizations;
    this.repository = repository;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    for (String group : ORGANISATION_GROUPS) {
      if (!Organisations.isOrganisation(group)) {
        throw new IllegalStateException(group + " is not an organisation group");
      }
      for (String g : List.of(group, group + "-supervisors")) {
        grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(g, Resources.FILTER, "*", Permissions.READ);
        grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      }
    }
    grant(ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        ANALYSTS,
        Resources.PROCESS_DEFINITION,
        "*",
        Permissions.READ,
        Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE,
        Permissions.READ_TASK);
    grant(ANALYSTS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(ANALYSTS, Resources.TASK, "*", Permissions.READ);
    grant(ANALYSTS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
    grant(ANALYSTS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(
        ANALYSTS,
        Resources.HISTORIC_PROCESS_INSTANCE,
        "*",
        HistoricProcessInstancePermissions.READ);
    grant(ANALYSTS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(ANALYSTS, Resources.REPORT, "*", Permissions.READ);
    startersOfDeployedProcesses();
    log.info("authorizations ensured for {} and {}", ORGANISATION_GROUPS, ANALYSTS);
  }

  /**
   * A process's candidate starter groups (the administration processes officers start from
   * Tasklist) may create its instances; the engine REST guard still lets them send only the start
   * form's fields.
   */
  private void startersOfDeployedProcesses() {
    for (var definition :
        repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().list()) {
      for (var link : repository.getIdentityLinksForProcessDefinition(definition.getId())) {
        if (link.getGroupId() == null) {
          continue;
        }
        grant(
            link.getGroupId(),
            Resources.PROCESS_DEFINITION,
            definition.getKey(),
            Permissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(link.getGroupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
    }
  }

  private void grant(
      String group, Resource resource, String resourceId, Permission... permissions) {
    // Users reach engine groups only through RealmGroups' table: a grant to any other id is dead.
    if (!RealmGroups.all().contains(group)) {
      throw new IllegalStateException(group + " is not an engine group of the realm's groups");
    }
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization authorization =
        existing != null
            ? existing
            : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
