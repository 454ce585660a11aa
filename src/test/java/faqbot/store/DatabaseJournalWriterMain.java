package faqbot.store;

import faqbot.feedback.FeedbackRecord;
import java.time.Duration;

/**
 * A child process for the crash test: appends records to the database's journal as fast as it can
 * and says "ack N" after each returns.
 */
public final class DatabaseJournalWriterMain {
  private DatabaseJournalWriterMain() {}

  public static void main(String[] args) throws Exception {
    try (DatabaseJournal journal = new DatabaseJournal(Database.open(args[0]))) {
      if (!journal.database().awaitMigrated(Duration.ofSeconds(30))) {
        throw new IllegalStateException("the database was not migrated");
      }
      for (int i = 1; ; i++) {
        journal.append(FeedbackRecord.feedback("record " + i, "entry-" + i, i % 2 == 0, "test"));
        System.out.println("ack " + i);
        System.out.flush();
      }
    }
  }
}
