package faqbot.store;

import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.JournalReader;
import faqbot.feedback.Ledger;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the shared journal table into a {@link Ledger}, each row once.
 *
 * <p>Ids are handed out when a row is inserted, not when it is committed, so a row may become
 * visible after rows with higher ids: every id skipped over is kept as a gap and asked for again at
 * each refresh, until {@link #GAP_KEPT} has passed (by then its insert was rolled back, or the
 * database lost it).
 */
final class JournalTable implements JournalReader {
  private static final Logger LOG = LoggerFactory.getLogger(JournalTable.class);
  static final Duration GAP_KEPT = Duration.ofMinutes(5);
  private static final int BATCH = 50_000;

  private final Database database;
  private final Ledger ledger = new Ledger();
  private final Map<Long, Long> gaps = new LinkedHashMap<>();
  private long last;

  JournalTable(Database database) {
    this.database = database;
  }

  @Override
  public synchronized Ledger refresh() throws IOException {
    try (Connection connection = database.connection()) {
      fillGaps(connection);
      while (readAfter(connection) == BATCH) {
        // more to read
      }
    } catch (SQLException e) {
      database.failed();
      throw new IOException("the journal cannot be read from the database: " + e.getMessage(), e);
    }
    return ledger;
  }

  private int readAfter(Connection connection) throws SQLException {
    int rows = 0;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, record::text FROM journal WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
      select.setLong(1, last);
      try (ResultSet rs = select.executeQuery()) {
        long now = System.nanoTime();
        while (rs.next()) {
          long id = rs.getLong(1);
          for (long skipped = last + 1; skipped < id; skipped++) {
            gaps.put(skipped, now);
          }
          add(id, rs.getString(2));
          last = id;
          rows++;
        }
      }
    }
    return rows;
  }

  private void fillGaps(Connection connection) throws SQLException {
    if (gaps.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    gaps.values().removeIf(since -> now - since > GAP_KEPT.toNanos());
    if (gaps.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>(gaps.keySet());
    Array array = connection.createArrayOf("bigint", ids.toArray());
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, record::text FROM journal WHERE id = ANY (?) ORDER BY id")) {
      select.setArray(1, array);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          gaps.remove(id);
          add(id, rs.getString(2));
        }
      }
    } finally {
      array.free();
    }
  }

  private void add(long id, String json) {
    try {
      FeedbackRecord record = FeedbackRecord.fromJson(json);
      if (record != null) {
        ledger.add(record);
      }
    } catch (IOException e) {
      LOG.warn("journal row {} is not a record; skipped", id);
    }
  }
}
