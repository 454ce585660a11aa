package faqbot.feedback;

import java.io.IOException;

/** Where feedback and declined questions are kept. */
public interface Journal {

  /** Appends a record; returns only once it is written durably (it survives a crash of the process or machine). */
  void append(FeedbackRecord record) throws IOException;

  /** A journal that keeps nothing, for tests and tools that have no use for one. */
  Journal NONE = record -> { };
}
