package et.coffeeexport.identity.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.identity.security.EngineRestRules.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards both HTTP surfaces of the engine, the REST API ({@code /engine-rest}, bearer tokens) and
 * the webapps' API ({@code /camunda/api}, Tasklist's, Cockpit's and Admin's session), with the same
 * rules: exporters work through the submission API only; officers, supervisors and analysts reach
 * what Tasklist and Cockpit need ({@link EngineRestRules}) and complete only their own tasks with
 * only their forms' fields; the engine's administrators reach everything. It also answers the
 * engine's errors as problems, and the bad input the engine would answer with a server error
 * (negative paging, unknown tasks and instances) as 400 and 404.
 *
 * <p>It runs after Spring Security (the token is checked, the caller known) and after Camunda's
 * container-based authentication (the webapps' session knows the caller's groups).
 */
final class EngineRestGuard extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(EngineRestGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1 << 20;
  private static final Pattern PAGING = Pattern.compile("\\d{1,9}");

  /** Words that follow task/, process-instance/ or execution/ in place of an id. */
  private static final Set<String> NOT_IDS =
      Set.of("count", "create", "report", "suspended", "delete", "job-retries");

  /** What the guard needs to know of the engine, without the caller's authorizations. */
  interface Engine {
    /** The task's assignee and its form's field ids, or empty when there is no such task. */
    Optional<TaskForm> task(String taskId);

    boolean taskExists(String taskId);

    boolean processInstanceExists(String id);

    boolean executionExists(String id);

    /**
     * A process definition's start: by id, or the latest version of a key; empty when there is no
     * such definition.
     */
    Optional<StartForm> startForm(String definitionId, String key);
  }

  record TaskForm(String assignee, Set<String> fields) {}

  /**
   * Who may start a process (its candidate starter groups and users) and its start form's fields.
   */
  record StartForm(
      String name, Set<String> starterGroups, Set<String> starterUsers, Set<String> fields) {
    boolean startableBy(EngineCaller caller) {
      return starterUsers.contains(caller.userId())
          || caller.groups().stream().anyMatch(starterGroups::contains);
    }
  }

  private final Engine engine;

  EngineRestGuard(Engine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EngineRequest call;
    try {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Optional<EngineRequest> parsed = EngineRequest.of(request.getMethod(), path);
      if (parsed.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      call = parsed.get();
    } catch (IllegalArgumentException e) {
      EngineProblems.write(response, 400, "The path is not a plain resource path.");
      return;
    }
    // A method override would let the engine run another method than the one the rules judged.
    for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
      if (request.getHeader(header) != null) {
        EngineProblems.write(response, 400, header + " is not accepted.");
        return;
      }
    }
    String paging = pagingProblem(request.getQueryString());
    if (paging != null) {
      EngineProblems.write(response, 400, paging);
      return;
    }
    EngineCaller caller = caller(request);
    HttpServletRequest forward = request;
    if (caller != null && !caller.isAdministrator()) {
      Refusal refusal;
      if (caller.isExporter()) {
        refusal =
            new Refusal(403, "Exporters work through the submission API (/api), not the engine's.");
      } else {
        Verdict verdict = EngineRestRules.verdict(call);
        if (verdict == Verdict.DENY) {
          refusal =
              new Refusal(
                  403,
                  call.method()
                      + " "
                      + (call.path().isEmpty() ? "/" : call.path())
                      + " is not open to officers, supervisors and analysts.");
        } else {
          refusal = unknownResource(call);
          if (refusal == null
              && (verdict == Verdict.ASSIGN_TO_SELF
                  || verdict == Verdict.COMPLETE
                  || verdict == Verdict.START)) {
            byte[] body = readBody(request);
            if (body == null) {
              refusal = new Refusal(413, "The body is too large.");
            } else {
              forward = new CachedBody(request, body);
              refusal =
                  switch (verdict) {
                    case COMPLETE -> completion(caller, call.segments().get(1), body);
                    case START -> start(caller, call, body);
                    default -> assignment(caller, call, body);
                  };
            }
          }
        }
      }
      if (refusal != null) {
        log.info(
            "refused {} {} to {}: {}",
            call.method(),
            call.path(),
            caller.userId(),
            refusal.detail());
        EngineProblems.write(response, refusal.status(), refusal.detail());
        return;
      }
    } else {
      Refusal unknown = unknownResource(call);
      if (unknown != null) {
        EngineProblems.write(response, unknown.status(), unknown.detail());
        return;
      }
    }
    if (call.segments().equals(List.of("external-task", "fetchAndLock"))) {
      // Long polling answers asynchronously, after this filter returned: nothing to rewrite then.
      chain.doFilter(forward, response);
      return;
    }
    var rewriting = new EngineProblems.Rewriting(response);
    chain.doFilter(forward, rewriting);
    rewriting.finish();
  }

  private record Refusal(int status, String detail) {}

  /**
   * The engine passes a negative page size on to the database and answers its failure with a server
   * error. Read from the query string only: asking the servlet for parameters would consume a form
   * body before the engine reads it.
   */
  static String pagingProblem(String queryString) {
    if (queryString == null) {
      return null;
    }
    try {
      for (String pair : queryString.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (name.equals("firstResult") || name.equals("maxResults")) {
          String value =
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          if (!PAGING.matcher(value).matches()) {
            return name + " must be a whole number from 0 to 999999999.";
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return "The query string is not well encoded.";
    }
    return null;
  }

  /**
   * 404 for a task, process instance or execution that does not exist, which the engine answers
   * with a server error on several of their sub-resources (variables, identity links).
   */
  private Refusal unknownResource(EngineRequest call) {
    if (call.surface() == EngineRequest.Surface.WEBAPP_PLUGIN || call.segments().size() < 2) {
      return null;
    }
    String resource = call.segments().get(0);
    String id = call.segments().get(1);
    // Engine ids (UUIDs, numbers) carry digits; the resources' own words (count, create) do not.
    if (NOT_IDS.contains(id) || id.chars().noneMatch(Character::isDigit)) {
      return null;
    }
    boolean missing =
        switch (resource) {
          case "task" -> !engine.taskExists(id);
          case "process-instance" -> !engine.processInstanceExists(id);
          case "execution" -> !engine.executionExists(id);
          default -> false;
        };
    return missing ? new Refusal(404, "There is no " + resource + " " + id + ".") : null;
  }

  /**
   * Claiming or assigning a task: only to oneself; handing it back (unclaim, no assignee): only the
   * assignee, so a candidate cannot take a colleague's claimed task away.
   */
  private Refusal assignment(EngineCaller caller, EngineRequest call, byte[] body) {
    String action = call.segments().get(2);
    JsonNode userId = JSON.nullNode();
    if (!action.equals("unclaim")) {
      try {
        JsonNode root = body.length == 0 ? null : JSON.readTree(body);
        userId = root == null ? JSON.missingNode() : root.path("userId");
      } catch (IOException e) {
        return new Refusal(400, "The body is not JSON.");
      }
    }
    if (userId.isNull() && !action.equals("claim")) {
      String assignee = engine.task(call.segments().get(1)).map(TaskForm::assignee).orElse(null);
      return assignee == null || assignee.equals(caller.userId())
          ? null
          : new Refusal(403, "Only the task's assignee can hand it back.");
    }
    if (userId.isTextual() && userId.asText().equals(caller.userId())) {
      return null;
    }
    return new Refusal(403, "A task can be claimed or assigned only to oneself.");
  }

  /** Completing a task: its assignee, with only the variables its form declares. */
  private Refusal completion(EngineCaller caller, String taskId, byte[] body) {
    Optional<TaskForm> task = engine.task(taskId);
    if (task.isEmpty()) {
      return new Refusal(404, "There is no task " + taskId + ".");
    }
    if (!caller.userId().equals(task.get().assignee())) {
      return new Refusal(403, "Only the task's assignee can complete it: claim it first.");
    }
    List<String> problems = CompletionBody.problems(body, task.get().fields());
    return problems.isEmpty() ? null : new Refusal(400, String.join("; ", problems) + ".");
  }

  /**
   * Starting a process: by its candidate starters only, with only the variables its start form
   * declares (no business key: a process that needs one sets it from its form).
   */
  private Refusal start(EngineCaller caller, EngineRequest call, byte[] body) {
    List<String> segments = call.segments();
    boolean byKey = segments.get(1).equals("key");
    String which = byKey ? segments.get(2) : segments.get(1);
    Optional<StartForm> form =
        byKey ? engine.startForm(null, which) : engine.startForm(which, null);
    if (form.isEmpty()) {
      return new Refusal(404, "There is no process definition " + which + ".");
    }
    if (!form.get().startableBy(caller)) {
      return new Refusal(403, form.get().name() + " is not started by your group.");
    }
    List<String> problems =
        CompletionBody.problems(
            body, form.get().fields(), "the start form of " + form.get().name());
    return problems.isEmpty() ? null : new Refusal(400, String.join("; ", problems) + ".");
  }

  /**
   * The caller, from the bearer token on the REST API or from Camunda's session on the webapps'
   * API; null when neither knows them (Spring Security and Camunda answer that themselves).
   */
  private static EngineCaller caller(HttpServletRequest request) {
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken token) {
      return EngineCaller.of(token);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    // AuthenticationUtil's (protected) session key for the webapps' authentications.
    Object stored = session.getAttribute("authenticatedUser");
    if (!(stored instanceof Authentications authentications)) {
      return null;
    }
    for (UserAuthentication user : authentications.getAuthentications()) {
      return new EngineCaller(
          user.getIdentityId(),
          Set.copyOf(Optional.ofNullable(user.getGroupIds()).orElse(List.of())),
          Set.of());
    }
    return null;
  }

  /** The body, or null when it is larger than any task form's. */
  private static byte[] readBody(HttpServletRequest request) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  /** The request with its body read once by the guard and again by the engine. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /** The engine as the guard reads it: as the system, so a caller's authorizations do not hide. */
  record ProcessEngineFacts(ProcessEngine processEngine) implements Engine {
    @Override
    public Optional<TaskForm> task(String taskId) {
      return asSystem(
          () -> {
            Task task =
                processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
              return Optional.empty();
            }
            Set<String> fields =
                task.getProcessDefinitionId() == null
                    ? Set.of()
                    : DECLARED.computeIfAbsent(
                        task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                        k ->
                            declared(
                                processEngine
                                    .getRepositoryService()
                                    .getBpmnModelInstance(task.getProcessDefinitionId())
                                    .getModelElementById(task.getTaskDefinitionKey())));
            return Optional.of(new TaskForm(task.getAssignee(), fields));
          });
    }

    @Override
    public boolean taskExists(String taskId) {
      return asSystem(
          () -> processEngine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
    }

    @Override
    public boolean processInstanceExists(String id) {
      return asSystem(
          () ->
              processEngine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processInstanceId(id)
                      .count()
                  > 0);
    }

    @Override
    public boolean executionExists(String id) {
      return asSystem(
          () ->
              processEngine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0);
    }

    @Override
    public Optional<StartForm> startForm(String definitionId, String key) {
      return asSystem(
          () -> {
            var repository = processEngine.getRepositoryService();
            var query = repository.createProcessDefinitionQuery();
            var definition =
                definitionId != null
                    ? query.processDefinitionId(definitionId).singleResult()
                    : query
                        .processDefinitionKey(key)
                        .withoutTenantId()
                        .latestVersion()
                        .singleResult();
            if (definition == null) {
              return Optional.empty();
            }
            Set<String> groups = new java.util.HashSet<>();
            Set<String> users = new java.util.HashSet<>();
            for (var link : repository.getIdentityLinksForProcessDefinition(definition.getId())) {
              if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
              } else if (link.getUserId() != null) {
                users.add(link.getUserId());
              }
            }
            Set<String> fields =
                DECLARED.computeIfAbsent(
                    definition.getId() + "/start", k -> declaredAtStart(definition.getId()));
            String name = definition.getName() != null ? definition.getName() : definition.getKey();
            return Optional.of(new StartForm(name, groups, users, fields));
          });
    }

    /**
     * A task's or a start form's fields as the model declares them, read once per deployed
     * definition (a definition never changes): the engine's own form data would load the task's
     * variables on every completion only for their names. A read-only field shows what the person
     * signs as it stands, so it is not one they may send.
     */
    private static final java.util.Map<String, Set<String>> DECLARED =
        new java.util.concurrent.ConcurrentHashMap<>();

    /** The fields of the process's none start event (the one a person starts it at). */
    private Set<String> declaredAtStart(String definitionId) {
      return processEngine
          .getRepositoryService()
          .getBpmnModelInstance(definitionId)
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)
          .stream()
          .filter(e -> e.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
          .filter(e -> e.getEventDefinitions().isEmpty())
          .findFirst()
          .map(ProcessEngineFacts::declared)
          .orElse(Set.of());
    }

    private static Set<String> declared(
        org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
      if (!(element instanceof org.camunda.bpm.model.bpmn.instance.BaseElement base)
          || base.getExtensionElements() == null) {
        return Set.of();
      }
      return base
          .getExtensionElements()
          .getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class)
          .list()
          .stream()
          .flatMap(data -> data.getCamundaFormFields().stream())
          .filter(field -> !readOnly(field))
          .map(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField::getCamundaId)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static boolean readOnly(
        org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField field) {
      return field.getCamundaValidation() != null
          && field.getCamundaValidation().getCamundaConstraints().stream()
              .anyMatch(c -> "readonly".equals(c.getCamundaName()));
    }

    private <T> T asSystem(java.util.function.Supplier<T> read) {
      var identity = processEngine.getIdentityService();
      Authentication current = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return read.get();
      } finally {
        if (current != null) {
          identity.setAuthentication(current);
        }
      }
    }
  }

  @Configuration
  static class Registration {
    /**
     * After Spring Security's chains (order -100) and Camunda's container-based authentication
     * (201), before the engine's Jersey servlets.
     */
    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(ProcessEngine processEngine) {
      var registration =
          new FilterRegistrationBean<>(new EngineRestGuard(new ProcessEngineFacts(processEngine)));
      registration.setOrder(202);
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      return registration;
    }
  }
}
