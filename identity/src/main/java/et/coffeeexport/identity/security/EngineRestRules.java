package et.coffeeexport.identity.security;

import et.coffeeexport.identity.security.EngineRequest.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What officers, supervisors and analysts may call on the engine's HTTP surfaces: the reads
 * Tasklist and Cockpit make (which the engine's authorizations then narrow to what the caller may
 * see), claiming a task for oneself, comments, and completing one's own task with its form's
 * fields. Everything else is refused, whatever the engine's authorizations would allow: the engine
 * grants a task's assignee and candidates UPDATE on it, which would let them set any process
 * variable or throw any BPMN error on it. Only the platform's administrators reach the rest.
 *
 * <p>The list was taken from what Tasklist and Cockpit 7.24 call (their client sources and a
 * recorded session); paths are below the engine's root, {@code *} is one segment, {@code **} any
 * number. POST is allowed only where it is a query (the REST API takes long query bodies as POST).
 */
final class EngineRestRules {

  /**
   * What the guard does with a request a caller who is neither exporter nor administrator makes.
   */
  enum Verdict {
    ALLOW,
    /** Allowed when the body's {@code userId} is the caller, or to hand back one's own task. */
    ASSIGN_TO_SELF,
    /** Allowed for the task's assignee, with only the task's declared form fields as variables. */
    COMPLETE,
    /**
     * Allowed for the process's candidate starters, with only its start form's declared fields as
     * variables: the administration processes officers start from Tasklist.
     */
    START,
    DENY
  }

  private record Rule(Set<String> methods, Surface surface, String[] pattern, Verdict verdict) {
    boolean matches(EngineRequest request) {
      if (!methods.contains(request.method())) {
        return false;
      }
      if ((surface == Surface.WEBAPP_PLUGIN) != (request.surface() == Surface.WEBAPP_PLUGIN)) {
        return false;
      }
      List<String> segments = request.segments();
      int i = 0;
      for (String p : pattern) {
        if (p.equals("**")) {
          return true;
        }
        if (i >= segments.size() || !(p.equals("*") || p.equals(segments.get(i)))) {
          return false;
        }
        i++;
      }
      return i == segments.size();
    }
  }

  private static final List<Rule> RULES = new ArrayList<>();

  private static void engine(String methods, Verdict verdict, String... patterns) {
    for (String pattern : patterns) {
      RULES.add(
          new Rule(
              Set.of(methods.split(",")),
              Surface.ENGINE_REST,
              pattern.isEmpty() ? new String[0] : pattern.split("/"),
              verdict));
    }
  }

  private static void reads(String... patterns) {
    engine("GET,HEAD,OPTIONS", Verdict.ALLOW, patterns);
  }

  /** Query resources: GET with parameters, or POST with the same query as a JSON body. */
  private static void queries(String... patterns) {
    engine("GET,HEAD,OPTIONS,POST", Verdict.ALLOW, patterns);
  }

  private static void webapp(String methods, String... patterns) {
    for (String pattern : patterns) {
      RULES.add(
          new Rule(
              Set.of(methods.split(",")),
              Surface.WEBAPP_PLUGIN,
              pattern.split("/"),
              Verdict.ALLOW));
    }
  }

  static {
    reads("engine", "version");
    // Tasklist: the task list (through filters), the task, its form and the variables its form
    // shows, who else may work it, comments, the diagram, the user's profile.
    queries("task", "task/count", "filter/*/list", "filter/*/count", "filter/*/singleResult");
    reads(
        "task/*",
        "task/*/form",
        "task/*/rendered-form",
        "task/*/deployed-form",
        "task/*/form-variables",
        "task/*/identity-links",
        "task/*/comment",
        "task/*/comment/*",
        "task/*/attachment",
        "task/*/attachment/*",
        "task/*/attachment/*/data",
        "task/*/variables",
        "task/*/variables/*",
        "task/*/variables/*/data",
        "task/*/localVariables",
        "task/*/localVariables/*",
        "task/*/localVariables/*/data",
        "task/report/candidate-group-count",
        "filter",
        "filter/count",
        "filter/*",
        "user",
        "user/count",
        "user/*/profile",
        "group/count",
        "identity/groups",
        "identity/password-policy",
        "authorization",
        "authorization/count",
        "authorization/check");
    queries("group");
    engine("POST", Verdict.ASSIGN_TO_SELF, "task/*/claim", "task/*/assignee", "task/*/unclaim");
    engine("POST", Verdict.ALLOW, "task/*/comment/create");
    engine("POST", Verdict.COMPLETE, "task/*/complete", "task/*/submit-form");
    // Tasklist's "Start process": the start form, then the start with the form's fields.
    reads(
        "process-definition/*/startForm",
        "process-definition/key/*/startForm",
        "process-definition/*/form-variables",
        "process-definition/key/*/form-variables",
        "process-definition/*/deployed-start-form",
        "process-definition/key/*/deployed-start-form",
        "process-definition/*/rendered-form",
        "process-definition/key/*/rendered-form");
    engine(
        "POST",
        Verdict.START,
        "process-definition/*/start",
        "process-definition/*/submit-form",
        "process-definition/key/*/start",
        "process-definition/key/*/submit-form");
    // Models, as Tasklist's diagram tab and Cockpit show them.
    reads(
        "process-definition",
        "process-definition/count",
        "process-definition/statistics",
        "process-definition/*",
        "process-definition/*/xml",
        "process-definition/*/diagram",
        "process-definition/*/statistics",
        "process-definition/*/static-called-process-definitions",
        "process-definition/key/*",
        "process-definition/key/*/xml",
        "process-definition/key/*/diagram",
        "decision-definition",
        "decision-definition/count",
        "decision-definition/*",
        "decision-definition/*/xml",
        "decision-definition/*/diagram",
        "decision-definition/key/*",
        "decision-definition/key/*/xml",
        "decision-requirements-definition",
        "decision-requirements-definition/count",
        "decision-requirements-definition/*",
        "decision-requirements-definition/*/xml",
        "decision-requirements-definition/*/diagram",
        "decision-requirements-definition/key/*",
        "decision-requirements-definition/key/*/xml",
        "case-definition",
        "case-definition/count",
        "deployment",
        "deployment/count",
        "deployment/*",
        "deployment/*/resources",
        "deployment/*/resources/*",
        "deployment/*/resources/*/data");
    // Cockpit: running instances, where they wait, their variables, incidents and jobs (reads).
    queries(
        "process-instance",
        "process-instance/count",
        "execution",
        "execution/count",
        "variable-instance",
        "variable-instance/count",
        "job",
        "job/count",
        "external-task",
        "external-task/count");
    reads(
        "process-instance/*",
        "process-instance/*/activity-instances",
        "process-instance/*/variables",
        "process-instance/*/variables/*",
        "process-instance/*/variables/*/data",
        "process-instance/*/comment",
        "execution/*",
        "execution/*/localVariables",
        "execution/*/localVariables/*",
        "execution/*/localVariables/*/data",
        "variable-instance/*",
        "variable-instance/*/data",
        "incident",
        "incident/count",
        "incident/*",
        "job/*",
        "job-definition",
        "job-definition/count",
        "job-definition/*",
        "external-task/*",
        "metrics/**",
        "history/**");
    // History queries that take their query as a POST body; history writes (deletions, removal
    // times) are not here.
    for (String resource :
        List.of(
            "process-instance",
            "activity-instance",
            "task",
            "variable-instance",
            "decision-instance",
            "detail",
            "incident",
            "job-log",
            "external-task-log",
            "identity-link-log",
            "user-operation")) {
      engine("POST", Verdict.ALLOW, "history/" + resource, "history/" + resource + "/count");
    }
    // The webapps' own APIs: who is signed in, signing out, plugin scripts, Cockpit's read-only
    // views. Admin's setup (creating the first user) and its plugins are for administrators.
    webapp("GET", "admin/auth/user/*", "welcome/**");
    webapp("POST", "admin/auth/user/*/logout");
    webapp("GET", "tasklist/plugin/*/static/**", "cockpit/plugin/*/static/**");
    webapp("GET", "admin/plugin/*/static/**");
    webapp("GET,POST", "cockpit/plugin/*/*/**");
    webapp("GET", "tasklist/plugin/*/*/**");
  }

  private EngineRestRules() {}

  /** The verdict for an officer's, a supervisor's or an analyst's request. */
  static Verdict verdict(EngineRequest request) {
    for (Rule rule : RULES) {
      if (rule.matches(request)) {
        return rule.verdict();
      }
    }
    return Verdict.DENY;
  }
}
