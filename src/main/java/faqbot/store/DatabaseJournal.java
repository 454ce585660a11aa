package faqbot.store;

import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.feedback.JournalReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal in the shared database: every replica appends to one table, and a record is
 * acknowledged only once its insert is committed (PostgreSQL's commit waits for its write-ahead log
 * to be on disk).
 */
public final class DatabaseJournal implements Journal {

  static final int QUEUED = 10_000;
  private static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseJournal.class);

  private final Database database;
  private final BlockingQueue<FeedbackRecord> queue = new ArrayBlockingQueue<>(QUEUED);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;
  private boolean failing;

  /** A journal in a database, which it closes when it is closed. */
  public DatabaseJournal(Database database) {
    this.database = database;
    this.writer = new Thread(this::writeQueued, "journal-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void note(FeedbackRecord record) {
    if (!queue.offer(bounded(record))) {
      if (dropped.getAndIncrement() % 1_000 == 0) {
        LOG.warn(
            "the database is not keeping up; questions are being dropped ({} so far)",
            dropped.get());
      }
    }
  }

  /** How many questions were dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  private void writeQueued() {
    List<FeedbackRecord> batch = new ArrayList<>();
    while (true) {
      try {
        if (batch.isEmpty()) {
          FeedbackRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (closing) {
              return;
            }
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        }
        insert(batch);
        batch.clear();
        failing = false;
      } catch (InterruptedException e) {
        return;
      } catch (RecordRefusedException e) {
        // The database is fine but will not take one of these: keep the others, drop that one.
        for (FeedbackRecord record : batch) {
          insertOne(record);
        }
        batch.clear();
      } catch (IOException e) {
        if (!failing) {
          failing = true;
          LOG.warn(
              "questions cannot be written to the database now; kept and tried again: {}",
              e.getMessage());
        }
        if (closing) {
          LOG.warn(
              "{} questions could not be written before stopping: {}",
              batch.size() + queue.size(),
              e.getMessage());
          return;
        }
        // Kept in hand, tried again: the database may be back in a moment.
        try {
          Thread.sleep(Database.RETRY.toMillis() / 2);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** The database refused a record itself (its data), not for want of a connection. */
  private static final class RecordRefusedException extends IOException {
    RecordRefusedException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Inserts one record on its own; dropped, with a warning, when it cannot be. */
  private void insertOne(FeedbackRecord record) {
    try {
      insert(List.of(record));
    } catch (IOException e) {
      LOG.warn("a question the database refused was dropped: {}", e.getMessage());
    }
  }

  private void insert(List<FeedbackRecord> records) throws IOException {
    try (Connection connection = database.connection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO journal (record) VALUES (?::jsonb)")) {
      connection.setAutoCommit(false);
      try {
        for (FeedbackRecord record : records) {
          insert.setString(1, record.toJson());
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // SQL state class 22: the data (a value it cannot store), not the database, is at fault.
      if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
        throw new RecordRefusedException(e);
      }
      database.failed();
      throw new IOException("the database did not take the questions: " + e.getMessage(), e);
    }
  }

  public Database database() {
    return database;
  }

  /** Writes what is queued (waiting a few seconds at most), then closes the database. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.interrupt();
    database.close();
  }

  @Override
  public void append(FeedbackRecord record) throws IOException {
    FeedbackRecord bounded = bounded(record);
    try (Connection connection = database.connection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO journal (record) VALUES (?::jsonb)")) {
      insert.setString(1, bounded.toJson());
      insert.executeUpdate();
    } catch (SQLException e) {
      database.failed();
      throw new IOException("the database did not take the record: " + e.getMessage(), e);
    }
  }

  /**
   * The record without NUL characters, which PostgreSQL's JSON cannot hold (anyone can send one);
   * its question is cut as every journal cuts it.
   */
  private static FeedbackRecord bounded(FeedbackRecord given) {
    return given.question() != null && given.question().indexOf('\u0000') >= 0
        ? given.withQuestion(given.question().replace("\u0000", ""))
        : given;
  }

  @Override
  public String state() {
    return database.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Every replica's records, from the table they share. */
  @Override
  public JournalReader reader() {
    return new JournalTable(database);
  }
}
