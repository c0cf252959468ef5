package et.coffeeexport.workflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The workflow application: Camunda's engine, webapps and REST, secured through Keycloak. A process
 * application, so that task forms resolve against it.
 */
@SpringBootApplication(scanBasePackages = "et.coffeeexport")
@EnableProcessApplication("coffee-export")
public class CoffeeExportApplication {
  public static void main(String[] args) {
    SpringApplication.run(CoffeeExportApplication.class, args);
  }
}
