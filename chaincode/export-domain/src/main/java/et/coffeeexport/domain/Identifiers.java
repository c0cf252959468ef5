package et.coffeeexport.domain;

import java.util.regex.Pattern;

/**
 * The shape of identifiers the ledger accepts. Keys end up in composite keys and URLs, so they are
 * restricted to a small safe alphabet and length rather than escaped.
 */
public final class Identifiers {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Identifiers() {}

  /**
   * Whether {@code value} is a well-formed identifier: 1–64 characters of letters, digits, '.', '_'
   * and '-'.
   */
  public static boolean isValid(String value) {
    return value != null && ID.matcher(value).matches();
  }
}
