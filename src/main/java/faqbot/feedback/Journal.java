package faqbot.feedback;

import java.io.IOException;

/** Where feedback and declined questions are kept. */
public interface Journal extends AutoCloseable {

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

  /**
   * A reader of what this journal and those it shares a place with (other replicas' files in its
   * folder, or the shared database) hold, for the editors' page.
   */
  default JournalReader reader() {
    return JournalReader.none();
  }

  /**
   * Where records go and whether they can be taken now, for {@code /ready} and {@code /metrics}:
   * {@code "file"}, or a database's {@code "up"}, {@code "down"} or {@code "starting"}; null for a
   * journal that keeps nothing.
   */
  default String state() {
    return null;
  }

  /**
   * Lets go of what the journal holds (a file, a database's connections); it keeps nothing more.
   */
  @Override
  default void close() throws IOException {}

  /** A journal that keeps nothing, for tests and tools that have no use for one. */
  Journal NONE = record -> {};
}
