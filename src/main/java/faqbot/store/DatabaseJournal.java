package faqbot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.feedback.JournalReader;
import faqbot.text.Cut;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The journal in the shared database: every replica appends to one table, and a record is
 * acknowledged only once its insert is committed (PostgreSQL's commit waits for its write-ahead log
 * to be on disk).
 */
public final class DatabaseJournal implements Journal {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Database database;

  /** A journal in a database, which it closes when it is closed. */
  public DatabaseJournal(Database database) {
    this.database = database;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }

  @Override
  public void append(FeedbackRecord record) throws IOException {
    FeedbackRecord bounded =
        record.question() != null && record.question().length() > Answerer.MAX_MESSAGE_CHARS
            ? new FeedbackRecord(
                record.type(),
                record.time(),
                Cut.atMost(record.question(), Answerer.MAX_MESSAGE_CHARS),
                record.answerId(),
                record.helpful(),
                record.channel(),
                record.outcome(),
                record.confidence(),
                record.picked(),
                record.decision())
            : record;
    try (Connection connection = database.connection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO journal (record) VALUES (?::jsonb)")) {
      insert.setString(1, JSON.writeValueAsString(bounded));
      insert.executeUpdate();
    } catch (SQLException e) {
      database.failed();
      throw new IOException("the database did not take the record: " + e.getMessage(), e);
    }
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
