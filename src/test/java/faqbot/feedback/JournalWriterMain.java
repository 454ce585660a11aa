package faqbot.feedback;

import java.nio.file.Path;

/**
 * A child process for the crash test: appends records as fast as it can and says "ack N" after each
 * returns.
 */
public final class JournalWriterMain {
  private JournalWriterMain() {}

  public static void main(String[] args) throws Exception {
    String run = args[1];
    try (FileJournal journal = FileJournal.open(Path.of(args[0]))) {
      for (int i = 1; ; i++) {
        journal.append(
            FeedbackRecord.feedback(
                "run " + run + " record " + i, "entry-" + i, i % 2 == 0, "test"));
        System.out.println("ack " + i);
        System.out.flush();
      }
    }
  }
}
