package faqbot.http;

import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A journal double for the HTTP tests: keeps every appended record in memory, or fails every append
 * when told.
 */
final class RecordingJournal implements Journal {
  private final List<FeedbackRecord> records = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  @Override
  public void append(FeedbackRecord record) throws IOException {
    if (failing) {
      throw new IOException("disk full (test double)");
    }
    records.add(record);
  }

  List<FeedbackRecord> records() {
    return List.copyOf(records);
  }

  RecordingJournal failing() {
    failing = true;
    return this;
  }

  void clear() {
    records.clear();
  }
}
