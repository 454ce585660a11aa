package faqbot.index;

import java.util.List;

/**
 * Which of a message's words each entry uses, and in how many entries each word occurs: the
 * evidence for whether an entry speaks of what the message names, apart from how close their
 * meanings are.
 *
 * @param terms the message's distinct words, analyzed as the index analyzes them (at most 64)
 * @param entriesWith for each word, how many entries use it anywhere
 * @param inQuestion for each entry, bit {@code t} set when its question, a phrasing or a tag uses
 *     word {@code t}
 * @param anywhere for each entry, bit {@code t} set when any of its text (answer and editors' notes
 *     too) does
 * @param entries how many entries the corpus has
 */
public record WordMatches(
    List<String> terms, int[] entriesWith, long[] inQuestion, long[] anywhere, int entries) {
  /** The most words a message is read for. */
  public static final int MAX_TERMS = 64;

  public WordMatches {
    terms = List.copyOf(terms);
    if (terms.size() > MAX_TERMS) {
      throw new IllegalArgumentException("at most " + MAX_TERMS + " words, got " + terms.size());
    }
  }

  /**
   * How much a word says about which entry is meant: BM25's inverse document frequency over
   * entries, highest for a word no entry uses.
   */
  public double weight(int term) {
    double n = entriesWith[term];
    return Math.log(1 + (entries - n + 0.5) / (n + 0.5));
  }
}
