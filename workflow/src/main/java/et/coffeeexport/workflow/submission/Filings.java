package et.coffeeexport.workflow.submission;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who filed each export, as the submission API recorded it when the process started (the table the
 * filing's own transaction writes, outside the engine). The lifecycle signs the exporter's steps
 * with this person, never with a process variable someone could have changed.
 */
@Component
public class Filings {
  private final JdbcTemplate jdbc;

  Filings(DataSource db) {
    this.jdbc = new JdbcTemplate(db);
  }

  /** The username of whoever filed {@code exportId}, if the platform filed it. */
  public Optional<String> filerOf(String exportId) {
    return jdbc
        .queryForList("SELECT username FROM submission WHERE export_id = ?", String.class, exportId)
        .stream()
        .findFirst();
  }
}
