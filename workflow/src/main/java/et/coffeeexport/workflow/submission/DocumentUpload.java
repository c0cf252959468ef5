package et.coffeeexport.workflow.submission;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A document's body as the API's document shows it wherever one is uploaded (an export's, a licence
 * application's): the file itself, PDF, PNG or JPEG.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RequestBody(
    required = true,
    content = {
      @Content(
          mediaType = DocumentUpload.PDF,
          schema = @Schema(type = "string", format = "binary")),
      @Content(
          mediaType = DocumentUpload.PNG,
          schema = @Schema(type = "string", format = "binary")),
      @Content(
          mediaType = DocumentUpload.JPEG,
          schema = @Schema(type = "string", format = "binary"))
    })
public @interface DocumentUpload {
  String PDF = "application/pdf";
  String PNG = "image/png";
  String JPEG = "image/jpeg";
}
