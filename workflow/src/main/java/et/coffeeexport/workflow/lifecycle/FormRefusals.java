package et.coffeeexport.workflow.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws in a plain {@link ProcessEngineException}, which
 * its REST API answers with 500. A refused form input ({@link FormInputs}, {@link PrivateInputs})
 * is the caller's mistake: outside the command's transaction (already rolled back), the refusal is
 * passed on as the REST API's invalid-request exception, which it answers with 400.
 */
final class FormRefusals extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException refused) {
          // As the REST API's own refusal: a task's completion and a process's start (whose
          // resource answers any engine exception with 500) both pass its status on.
          throw new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
              jakarta.ws.rs.core.Response.Status.BAD_REQUEST, refused, refused.getMessage());
        }
      }
      throw e;
    }
  }
}
