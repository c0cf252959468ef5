package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The webapps' user stylesheets the application ships shadow the webjar's empty ones on the
 * classpath (the starter serves {@code classpath:/META-INF/resources/webjars/camunda/app/}), and
 * hide the end-of-life banner that 7.24's configuration cannot switch off.
 */
class WebappStylesTest {

  @Test
  void everyWebappGetsTheStylesheetThatHidesTheEndOfLifeBanner() throws IOException {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      String path = "META-INF/resources/webjars/camunda/app/" + app + "/styles/user-styles.css";
      var resource = getClass().getClassLoader().getResource(path);
      assertThat(resource).as(path).isNotNull();
      assertThat(resource.toString())
          .as("%s is the application's own", path)
          .doesNotContain(".jar!");
      try (var in = resource.openStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .as(path)
            .contains("[cam-widget-header] .ce-eol-banner { display: none; }")
            .contains("padding-top: 45px");
      }
    }
  }
}
