package et.coffeeexport.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The workflow application: Camunda's engine, webapps and REST, secured through Keycloak. */
@SpringBootApplication(scanBasePackages = "et.coffeeexport")
public class CoffeeExportApplication {
  public static void main(String[] args) {
    SpringApplication.run(CoffeeExportApplication.class, args);
  }
}
