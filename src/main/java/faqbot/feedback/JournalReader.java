package faqbot.feedback;

import java.io.IOException;

/** Follows a journal as it grows, summing its records for the editors. */
public interface JournalReader {

  /** Reads what the journal gained since the last call and returns the sums so far. */
  Ledger refresh() throws IOException;

  /** A reader of nothing, for a journal that keeps nothing. */
  static JournalReader none() {
    Ledger empty = new Ledger();
    return () -> empty;
  }
}
