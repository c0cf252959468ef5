package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a request to the APIs may weigh: the body's size (counted while it streams, {@link
 * BodyLimits}) and the shape of its JSON (Jackson's read constraints, checked while parsing). Both
 * refuse before the input is held in memory whole.
 */
@Configuration
class ApiLimits {
  /** JSON nests a few levels here (a filing is two); deeper is an attack on the parser. */
  static final int MAX_JSON_DEPTH = 32;

  /** The longest JSON string: reasons and notes are sentences, not documents. */
  static final int MAX_JSON_STRING = 64 * 1024;

  /** The longest number: a price or a quantity, never hundreds of digits. */
  static final int MAX_JSON_NUMBER = 64;

  /** The longest field name. */
  static final int MAX_JSON_NAME = 256;

  private final long maxJsonBytes;
  private final long maxDocumentBytes;

  ApiLimits(
      @Value("${coffee-export.api.max-json-body:1MB}") DataSize maxJson,
      @Value("${coffee-export.connectors.max-document-bytes}") long maxDocumentBytes) {
    this.maxJsonBytes = maxJson.toBytes();
    this.maxDocumentBytes = maxDocumentBytes;
  }

  long maxJsonBytes() {
    return maxJsonBytes;
  }

  long maxDocumentBytes() {
    return maxDocumentBytes;
  }

  @Bean
  FilterRegistrationBean<BodyLimits> bodyLimits() {
    var registration = new FilterRegistrationBean<>(new BodyLimits(maxJsonBytes, maxDocumentBytes));
    registration.addUrlPatterns("/api/*", "/forms-api/*");
    // Before Spring's form filter and the security chain: neither may read a body past its limit.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /**
   * Tomcat answers {@code Expect: 100-continue} only when the application starts reading the body
   * (its default is at once): a body refused unread is then never sent at all.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
    return factory ->
        factory.addConnectorCustomizers(
            connector -> connector.setProperty("continueResponseTiming", "onRead"));
  }

  /**
   * Spring MVC's JSON reader (the APIs' bodies) parses under these constraints; a copy of the
   * application's ObjectMapper, so that nothing else sharing it (the engine REST API may) is held
   * to the APIs' limits.
   */
  @Bean
  WebMvcConfigurer jsonLimits() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_JSON_DEPTH)
            .maxStringLength(MAX_JSON_STRING)
            .maxNumberLength(MAX_JSON_NUMBER)
            .maxNameLength(MAX_JSON_NAME)
            .maxDocumentLength(maxJsonBytes)
            .build();
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
          if (converter instanceof MappingJackson2HttpMessageConverter json) {
            ObjectMapper limited = json.getObjectMapper().copy();
            limited.getFactory().setStreamReadConstraints(constraints);
            json.setObjectMapper(limited);
          }
        }
      }
    };
  }
}
