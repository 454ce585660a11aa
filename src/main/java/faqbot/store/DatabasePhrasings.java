package faqbot.store;

import faqbot.corpus.PhrasingsFile;
import faqbot.corpus.SharedPhrasings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phrasings editors added through any replica, in the shared database. While the database is
 * away, the phrasings last read are served, so an outage never takes one away.
 */
public final class DatabasePhrasings implements SharedPhrasings {
  private static final Logger LOG = LoggerFactory.getLogger(DatabasePhrasings.class);
  static final String NAME = "the database's phrasings";

  private final Database database;
  private List<PhrasingsFile.Addition> last;
  private String lastVersion;

  public DatabasePhrasings(Database database) {
    this.database = database;
  }

  @Override
  public synchronized List<PhrasingsFile.Addition> additions() throws IOException {
    try (Connection connection = database.connection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, entry_id, phrasing FROM phrasings ORDER BY id");
        ResultSet rs = select.executeQuery()) {
      List<PhrasingsFile.Addition> additions = new ArrayList<>();
      while (rs.next()) {
        int id = (int) rs.getLong(1);
        additions.add(
            new PhrasingsFile.Addition(
                rs.getString(2), id, PhrasingsFile.Kind.PHRASING, rs.getString(3), NAME, id));
      }
      last = List.copyOf(additions);
      return last;
    } catch (SQLException e) {
      return lastOr(e).additions;
    }
  }

  @Override
  public synchronized String version() throws IOException {
    try (Connection connection = database.connection();
        PreparedStatement select =
            connection.prepareStatement("SELECT count(*), coalesce(max(id), 0) FROM phrasings");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      lastVersion = rs.getLong(1) + "/" + rs.getLong(2);
      return lastVersion;
    } catch (SQLException e) {
      return lastOr(e).version;
    }
  }

  private record Known(List<PhrasingsFile.Addition> additions, String version) {}

  /** What was read last, when the database cannot be read now; else the failure. */
  private Known lastOr(SQLException e) throws IOException {
    database.failed();
    if (last == null || lastVersion == null) {
      throw new IOException("the database cannot be read: " + e.getMessage(), e);
    }
    LOG.debug(
        "the database's phrasings cannot be read now ({}); serving those read last",
        e.getMessage());
    return new Known(last, lastVersion);
  }

  @Override
  public void add(String entryId, String phrasing) throws IOException {
    try (Connection connection = database.connection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO phrasings (entry_id, phrasing) VALUES (?, ?)")) {
      insert.setString(1, entryId);
      insert.setString(2, phrasing);
      insert.executeUpdate();
    } catch (SQLException e) {
      database.failed();
      throw new IOException("the database did not take the phrasing: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }
}
