package faqbot.feedback;

import java.io.IOException;

/** Where feedback and declined questions are kept. */
public interface Journal {

  /**
   * Appends a record; returns only once it is written durably (it survives a crash of the process
   * or machine).
   */
  void append(FeedbackRecord record) throws IOException;

  /**
   * Appends a record that nobody waits for (a question the bot declined): written at once, but not
   * forced to the device, so it costs the request nothing; it survives a crash of the process,
   * though not of the machine.
   */
  default void note(FeedbackRecord record) throws IOException {
    append(record);
  }

  /** A journal that keeps nothing, for tests and tools that have no use for one. */
  Journal NONE = record -> {};
}
