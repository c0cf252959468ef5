package et.coffeeexport.workflow.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws in a plain {@link ProcessEngineException}, which
 * its REST API answers with 500. A refused form input ({@link FormInputs}, {@link PrivateInputs})
 * is the caller's mistake: outside the command's transaction (already rolled back), the refusal is
 * passed on as itself, which the REST API answers with 400.
 */
final class FormRefusals extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException refused) {
          throw refused;
        }
      }
      throw e;
    }
  }
}
