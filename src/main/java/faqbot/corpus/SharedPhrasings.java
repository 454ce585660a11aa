package faqbot.corpus;

import java.io.IOException;
import java.util.List;

/**
 * Phrasings kept outside the corpus folder, in a store several replicas share, merged into the
 * corpus like a phrasings file's.
 */
public interface SharedPhrasings {

  /** Every phrasing in the store, in the order they were added. */
  List<PhrasingsFile.Addition> additions() throws IOException;

  /** A short text that changes whenever the phrasings do, for the corpus's fingerprint. */
  String version() throws IOException;

  /** Adds a phrasing to an entry; returns once it is durably in the store. */
  void add(String entryId, String phrasing) throws IOException;

  /** Where the store is, as messages name it. */
  String name();
}
