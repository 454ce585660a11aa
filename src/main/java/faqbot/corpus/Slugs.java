package faqbot.corpus;

import faqbot.text.Hashes;
import java.text.Normalizer;
import java.util.Locale;

/** Turns names and questions into ids and comparison keys. */
public final class Slugs {
  private Slugs() {}

  /**
   * "What is Goodhart's law?" → "what-is-goodharts-law": lowercase ASCII words joined by hyphens.
   */
  public static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String lower = ascii.toLowerCase(Locale.ROOT).replaceAll("['’]", "");
    return lower.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /**
   * An id for an entry named {@code name}: its slug, or, for a name with no Latin letters or digits
   * (a question in Japanese), "entry-" and a short hash of it, so that every entry has an id a link
   * can use.
   */
  public static String id(String name) {
    String slug = slug(name);
    return slug.isEmpty() ? "entry-" + Hashes.sha256Hex(name.strip()).substring(0, 10) : slug;
  }

  /**
   * A key under which two spellings of the same question compare equal: case, curly quotes, spacing
   * and trailing punctuation do not matter.
   */
  public static String questionKey(String question) {
    String s =
        Normalizer.normalize(question, Normalizer.Form.NFKC)
            .replace('’', '\'')
            .replace('‘', '\'')
            .replace('“', '"')
            .replace('”', '"');
    s = Marks.strip(s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    return s.replaceAll("[\\s?.!:;]+$", "");
  }
}
