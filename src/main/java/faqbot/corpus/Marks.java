package faqbot.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and removes the {@code <u>…</u>} marks that stand for the hyperlinks the export dropped.
 */
public final class Marks {
  static final String OPEN = "<u>";
  static final String CLOSE = "</u>";
  private static final Pattern MARK = Pattern.compile("</?u>", Pattern.CASE_INSENSITIVE);

  private Marks() {}

  /** The text without its marks. */
  public static String strip(String text) {
    return MARK.matcher(text).replaceAll("");
  }

  /**
   * Checks that marks open and close in turn and do not nest.
   *
   * @return null when they do, otherwise what is wrong
   */
  static String checkBalanced(String line) {
    Matcher m = MARK.matcher(line);
    boolean open = false;
    while (m.find()) {
      boolean closing = m.group().charAt(1) == '/';
      if (closing && !open) {
        return "'</u>' at column " + (m.start() + 1) + " closes nothing";
      }
      if (!closing && open) {
        return "'<u>' at column " + (m.start() + 1) + " opens inside another '<u>'";
      }
      open = !closing;
    }
    return open ? "'<u>' is not closed on the same line" : null;
  }
}
