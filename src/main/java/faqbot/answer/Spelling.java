package faqbot.answer;

import faqbot.corpus.FaqEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects a message's misspelt words toward the words the corpus uses, before it is ranked.
 *
 * <p>A word is left alone when it is short, when the corpus uses it, or when the sentence model
 * knows it, alone or with a common prefix or suffix ("preload", "subscribers"; also "AGIs" where
 * the corpus says "AGI"). Otherwise, if one letter dropped, doubled, swapped or changed turns it
 * into a word of the corpus with the same first letter, it becomes that word; the one that also
 * keeps the last letter, then the one the corpus uses most, wins. The model reads an unknown word
 * as scraps of word pieces ("optimzer"), which moves its vector far more than the typo moves the
 * meaning. Measured in docs/quality.md.
 */
public final class Spelling {
  /** Shorter words are left alone: too many real words lie one letter from each other. */
  static final int MIN_LENGTH = 4;

  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static final List<String> PREFIXES =
      List.of(
          "", "re", "pre", "un", "dis", "over", "under", "non", "mis", "de", "co", "sub", "inter",
          "out", "up");
  private static final List<String> SUFFIXES =
      List.of(
          "", "s", "es", "ed", "d", "ing", "able", "er", "ers", "ly", "ness", "ment", "ments", "al",
          "ful", "less", "ity", "ize", "ized", "izes");

  /** Contractions written without their apostrophe, which the model's vocabulary lacks. */
  private static final Set<String> CONTRACTIONS =
      Set.of(
          "dont",
          "cant",
          "wont",
          "isnt",
          "doesnt",
          "didnt",
          "whats",
          "hows",
          "wasnt",
          "arent",
          "shouldnt",
          "couldnt",
          "wouldnt",
          "youre",
          "thats",
          "theyre");

  private final Map<String, Integer> corpusWords;
  private final Predicate<String> modelKnows;

  Spelling(Map<String, Integer> corpusWords, Predicate<String> modelKnows) {
    this.corpusWords = Map.copyOf(corpusWords);
    this.modelKnows = modelKnows;
  }

  /**
   * The words of the entries' questions, alternate phrasings, tags and answers, with how often each
   * occurs.
   */
  public static Spelling of(List<FaqEntry> entries, Predicate<String> modelKnows) {
    Map<String, Integer> counts = new HashMap<>();
    for (FaqEntry e : entries) {
      count(e.question(), counts);
      e.alternates().forEach(a -> count(a, counts));
      e.tags().forEach(t -> count(t, counts));
      count(e.text(), counts);
    }
    return new Spelling(counts, modelKnows);
  }

  /**
   * Counts the runs of ASCII letters, lower-cased; a plain loop, as this runs before a command's
   * first answer.
   */
  private static void count(String text, Map<String, Integer> counts) {
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        counts.merge(text.substring(start, i).toLowerCase(Locale.ROOT), 1, Integer::sum);
        start = -1;
      }
    }
  }

  /**
   * The text with each misspelt word corrected; everything else, spacing and punctuation too, kept
   * as it was.
   */
  public String correct(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String word = m.group();
      String fixed = correctWord(word);
      if (!fixed.equals(word)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8);
        }
        out.append(text, last, m.start()).append(fixed);
        last = m.end();
      }
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  private String correctWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() < MIN_LENGTH || corpusWords.containsKey(lower) || known(lower)) {
      return word;
    }
    String best = null;
    int bestRank = -1;
    for (String candidate : oneEditAway(lower)) {
      Integer count = corpusWords.get(candidate);
      if (count == null || candidate.charAt(0) != lower.charAt(0)) {
        continue;
      }
      boolean keepsLast =
          candidate.charAt(candidate.length() - 1) == lower.charAt(lower.length() - 1);
      int rank = (keepsLast ? 1 << 30 : 0) + count;
      if (rank > bestRank || rank == bestRank && candidate.compareTo(best) < 0) {
        best = candidate;
        bestRank = rank;
      }
    }
    return best == null ? word : inCaseOf(word, best);
  }

  /**
   * Whether the model knows the word, or it is a word the model or the corpus knows with a common
   * prefix or suffix around it ("preload"; "AGIs" where the corpus says "AGI").
   */
  private boolean known(String word) {
    if (CONTRACTIONS.contains(word) || modelKnows.test(word)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (!word.startsWith(prefix)) {
        continue;
      }
      String rest = word.substring(prefix.length());
      for (String suffix : SUFFIXES) {
        if (prefix.isEmpty() && suffix.isEmpty() || !rest.endsWith(suffix)) {
          continue;
        }
        String stem = rest.substring(0, rest.length() - suffix.length());
        if (stem.length() >= 3 && (corpusWords.containsKey(stem) || modelKnows.test(stem))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every string one dropped, swapped, changed or added letter away from {@code word}. */
  static List<String> oneEditAway(String word) {
    List<String> out = new ArrayList<>(54 * word.length() + 26);
    for (int i = 0; i <= word.length(); i++) {
      String head = word.substring(0, i);
      String tail = word.substring(i);
      if (!tail.isEmpty()) {
        out.add(head + tail.substring(1));
        for (char c = 'a'; c <= 'z'; c++) {
          if (c != tail.charAt(0)) {
            out.add(head + c + tail.substring(1));
          }
        }
      }
      if (tail.length() > 1) {
        out.add(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2));
      }
      for (char c = 'a'; c <= 'z'; c++) {
        out.add(head + c + tail);
      }
    }
    return out;
  }

  /** {@code replacement} written in the case of {@code original}: "COVID", "Should", "should". */
  private static String inCaseOf(String original, String replacement) {
    if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
      return replacement.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(original.charAt(0))) {
      return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }
    return replacement;
  }
}
