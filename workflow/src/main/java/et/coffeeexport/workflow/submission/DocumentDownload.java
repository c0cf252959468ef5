package et.coffeeexport.workflow.submission;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A downloaded document's answer as the API's document shows it: the file, as it was uploaded. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "The document, verified against its ledger anchor",
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
public @interface DocumentDownload {}
