package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an exporter or an officer writes along with a change (a cancellation's reasons, a tracking
 * report) travels to the process as a variable, which holds 4,000 characters: bounded here, with a
 * 400 that says so, rather than failing in the engine.
 */
final class Notes {
  static final int MAX_TEXT = 3000;

  private Notes() {}

  /** A cancellation's body: {@code reasons}, if given, is an array of strings, short in all. */
  static JsonNode cancellation(JsonNode notes) {
    JsonNode reasons = notes.path("reasons");
    if (!notes.isObject() || !(reasons.isMissingNode() || reasons.isArray())) {
      throw new ApiProblems.BadRequest("the body must be an object whose reasons is an array");
    }
    int length = 0;
    for (JsonNode reason : reasons) {
      if (!reason.isTextual()) {
        throw new ApiProblems.BadRequest("reasons must be strings");
      }
      length += reason.asText().length() + 1;
    }
    if (length > MAX_TEXT) {
      throw new ApiProblems.BadRequest(
          "reasons are longer than " + MAX_TEXT + " characters in all");
    }
    return notes;
  }

  /** A tracking report: a JSON object of at most {@link #MAX_TEXT} characters. */
  static JsonNode report(JsonNode report) {
    if (!report.isObject()) {
      throw new ApiProblems.BadRequest("the report must be a JSON object");
    }
    if (report.toString().length() > MAX_TEXT) {
      throw new ApiProblems.BadRequest(
          "the report is longer than " + MAX_TEXT + " characters of JSON");
    }
    return report;
  }
}
