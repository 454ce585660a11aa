package faqbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers Slack's event ids in the shared database, so that an event delivered again to any
 * replica within the window is answered once: one atomic statement decides which delivery is the
 * first. When the database cannot be asked (or failed in the last few seconds: Slack wants its
 * answer within 3 s), the replica's own memory decides, and an event may then be answered twice. An
 * id is recorded before its answer is sent, so a replica killed in between loses that answer:
 * Slack's retry to another replica is taken for a repeat.
 */
public final class DatabaseSeenIds implements Predicate<String> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseSeenIds.class);

  /** Every this many events, the ids older than the window are deleted. */
  private static final int CLEAN_EVERY = 500;

  private final Database database;
  private final Duration window;
  private final Predicate<String> fallback;
  private final AtomicInteger count = new AtomicInteger();

  /**
   * @param fallback decides when the database cannot be asked: true for an id seen for the first
   *     time
   */
  public DatabaseSeenIds(Database database, Duration window, Predicate<String> fallback) {
    this.database = database;
    this.window = window;
    this.fallback = fallback;
  }

  /** Records the id; true when it was not seen within the window (by any replica). */
  @Override
  public boolean test(String id) {
    if (database.recentlyDown() || database.state() == Database.State.STARTING) {
      return fallback.test(id);
    }
    try (Connection connection = database.connection()) {
      boolean first;
      // Inserted, or seen so long ago that it counts as new: either way a row comes back.
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO slack_events (event_id) VALUES (?) ON CONFLICT (event_id) DO UPDATE"
                  + " SET seen_at = now() WHERE slack_events.seen_at < now() - ? * interval '1"
                  + " second' RETURNING event_id")) {
        upsert.setString(1, id);
        upsert.setLong(2, window.toSeconds());
        try (ResultSet rs = upsert.executeQuery()) {
          first = rs.next();
        }
      }
      if (count.incrementAndGet() % CLEAN_EVERY == 0) {
        try (PreparedStatement clean =
            connection.prepareStatement(
                "DELETE FROM slack_events WHERE seen_at < now() - ? * interval '1 second'")) {
          clean.setLong(1, window.toSeconds());
          clean.executeUpdate();
        }
      }
      return first;
    } catch (SQLException e) {
      database.failed();
      LOG.warn(
          "the database cannot tell whether Slack event {} was seen ({}); this replica decides",
          id,
          e.getMessage());
      return fallback.test(id);
    }
  }
}
