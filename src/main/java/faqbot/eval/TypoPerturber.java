package faqbot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts one realistic typo into one word of four or more letters of a query: a dropped, doubled,
 * swapped or substituted letter (substituted by a neighbour on a QWERTY keyboard). The same seed
 * and query id always give the same typo.
 */
public final class TypoPerturber {
  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
  private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

  private final long seed;

  public TypoPerturber(long seed) {
    this.seed = seed;
  }

  /** The query with one typo, or unchanged when it has no word of four or more letters. */
  public String perturb(String queryId, String text) {
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    if (words.isEmpty()) {
      return text;
    }
    Random random = new Random(seed * 31 + queryId.hashCode());
    int[] word = words.get(random.nextInt(words.size()));
    String w = text.substring(word[0], word[1]);
    String typo = typo(w, random);
    if (typo.equals(w)) {
      // Swapping two equal letters changes nothing; drop a letter instead.
      typo = w.substring(0, 1) + w.substring(2);
    }
    return text.substring(0, word[0]) + typo + text.substring(word[1]);
  }

  private static String typo(String w, Random random) {
    // Leave the first letter alone: people rarely mistype it, and it keeps the typo realistic.
    int at = 1 + random.nextInt(w.length() - 1);
    switch (random.nextInt(4)) {
      case 0:
        return w.substring(0, at) + w.substring(at + 1);
      case 1:
        return w.substring(0, at + 1) + w.charAt(at) + w.substring(at + 1);
      case 2:
        if (at == w.length() - 1) {
          at--;
        }
        if (at < 1) {
          return w.substring(0, 1) + w.substring(2);
        }
        return w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
      default:
        return w.substring(0, at) + neighbour(w.charAt(at), random) + w.substring(at + 1);
    }
  }

  private static char neighbour(char c, Random random) {
    char lower = Character.toLowerCase(c);
    for (String row : ROWS) {
      int i = row.indexOf(lower);
      if (i >= 0) {
        List<Character> options = new ArrayList<>();
        if (i > 0) {
          options.add(row.charAt(i - 1));
        }
        if (i < row.length() - 1) {
          options.add(row.charAt(i + 1));
        }
        char n = options.get(random.nextInt(options.size()));
        return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
      }
    }
    // Not a letter on the keyboard's letter rows: drop in a common letter instead.
    return "etaoin".charAt(random.nextInt(6));
  }
}
