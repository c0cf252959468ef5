package et.coffeeexport.workflow.registration;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the platform tells an exporter outside a request (its licence nears or passed its expiry):
 * kept here and shown in the exporter's own view. One notice of each kind per application, so a
 * step run again posts nothing new.
 */
@Component
public class ExporterNotices {
  /** The most an exporter's view lists, newest first. */
  static final int SHOWN = 20;

  private final JdbcTemplate jdbc;

  ExporterNotices(DataSource db) {
    this.jdbc = new JdbcTemplate(db);
  }

  /** A notice as the exporter reads it. */
  public record Notice(String applicationId, String kind, String message, Instant postedAt) {}

  void post(String exporterId, String applicationId, String kind, String message) {
    jdbc.update(
        "INSERT INTO exporter_notice (application_id, kind, exporter_id, message)"
            + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
        applicationId,
        kind,
        exporterId,
        message);
  }

  /** The exporter's latest notices, newest first. */
  public List<Notice> of(String exporterId) {
    return jdbc.query(
        "SELECT application_id, kind, message, posted_at FROM exporter_notice"
            + " WHERE exporter_id = ? ORDER BY posted_at DESC LIMIT ?",
        (r, i) ->
            new Notice(
                r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant()),
        exporterId,
        SHOWN);
  }
}
