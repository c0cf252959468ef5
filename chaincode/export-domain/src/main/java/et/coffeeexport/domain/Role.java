package et.coffeeexport.domain;

/**
 * What a person does for their organisation, as carried in their certificate's {@code role}
 * attribute. Exporters are enrolled under Commercial Bank, through which they file their requests.
 */
public enum Role {
  EXPORTER,
  OFFICER,
  SUPERVISOR;

  /** Parses a certificate attribute value ({@code officer}); unknown values yield {@code null}. */
  public static Role fromAttribute(String value) {
    if (value == null) {
      return null;
    }
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(value)) {
        return role;
      }
    }
    return null;
  }
}
