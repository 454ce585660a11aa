package faqbot.index;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import java.util.List;

/**
 * A consistent, point-in-time view of the index: the entries and the two ways to score them against
 * a question. Close it when done so an index swapped in meanwhile can free the old one.
 */
public interface IndexView extends AutoCloseable {

  /** The corpus the view was built from: its entries in order, looked up by id and by question. */
  Corpus corpus();

  default List<FaqEntry> entries() {
    return corpus().entries();
  }

  /**
   * BM25 scores of the entries for a text, by entry position; 0 for entries that share no word with
   * it. Only the best {@code depth} entries are scored.
   */
  float[] keywordScores(String text, int depth);

  /** Which entries use each word of a text, and how rare each word is among the entries. */
  WordMatches words(String text);

  /** The words of a text as the index reads them (lower case, stemmed, stop words left out). */
  List<String> terms(String text);

  /** Whether entries carry sentence vectors (the index was built with a model). */
  boolean hasVectors();

  /**
   * For each entry, how close the query vector is to the entry's vectors (its question, each
   * alternate phrasing, its question with its answer, its opening paragraph and passages of a long
   * answer).
   */
  SemanticScores semanticScores(float[] queryVector);

  /**
   * Questions (and alternate phrasings) containing words that start with what the user has typed so
   * far, for suggestions while typing; at most one per entry.
   */
  List<Suggestion> suggest(String typed, int limit);

  /** Identifies the point in time of this view: it changes whenever a rebuild is swapped in. */
  long version();

  /** Names the sentence model that made the vectors, or null. */
  String model();

  @Override
  void close();
}
