package et.coffeeexport.workflow.submission;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Engine calls the submission API makes on an exporter's behalf, after checking the exporter's
 * rights itself (ownership, the state machine). Exporters have no rights in the engine; their
 * ledger signatures come from the process's {@code exporterUser}.
 */
@Component
class AsPlatform {
  private final IdentityService identities;

  AsPlatform(IdentityService identities) {
    this.identities = identities;
  }

  <T> T call(Supplier<T> work) {
    var caller = identities.getCurrentAuthentication();
    identities.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identities.setAuthentication(caller);
      }
    }
  }

  void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }
}
