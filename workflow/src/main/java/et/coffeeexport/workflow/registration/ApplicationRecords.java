package et.coffeeexport.workflow.registration;

import et.coffeeexport.domain.ApplicationKind;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who applied for what, as the submission API recorded it when the process started (a row per
 * application, inserted in the transaction that starts its process, settles concurrent repeats).
 * The registration's steps take the exporter from here. The table is a workflow migration, run when
 * the application starts ({@code WorkflowSchema}).
 */
@Component
class ApplicationRecords {
  private final JdbcTemplate jdbc;

  ApplicationRecords(DataSource db) {
    this.jdbc = new JdbcTemplate(db);
  }

  /** Records the application; false when it was recorded already (a request sent again). */
  boolean record(String applicationId, String exporterId, String username, ApplicationKind kind) {
    return jdbc.update(
            "INSERT INTO licence_application (application_id, exporter_id, username, kind)"
                + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            applicationId,
            exporterId,
            username,
            kind.name())
        == 1;
  }

  /** The exporter an application is for, if the platform started it. */
  Optional<String> exporterOf(String applicationId) {
    return jdbc
        .queryForList(
            "SELECT exporter_id FROM licence_application WHERE application_id = ?",
            String.class,
            applicationId)
        .stream()
        .findFirst();
  }

  /** The exporter of an application whose process is running: it was recorded when it started. */
  String exporterOfRunning(String applicationId) {
    return exporterOf(applicationId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "application " + applicationId + " was not started by the platform"));
  }
}
