package et.coffeeexport.workflow.submission;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Idempotency-Key} header of a request that creates something (a filing, a licence
 * application), as the API's document shows it; {@link FilingIds#derived} checks it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
    description =
        "Names what the request creates: the same key and body create it once. "
            + FilingIds.KEY_MIN
            + "-"
            + FilingIds.KEY_MAX
            + " characters of [A-Za-z0-9_.:-].",
    required = true,
    schema =
        @Schema(
            type = "string",
            minLength = FilingIds.KEY_MIN,
            maxLength = FilingIds.KEY_MAX,
            pattern = "^" + FilingIds.KEY_PATTERN + "$"))
public @interface IdempotencyKey {}
