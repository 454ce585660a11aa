package faqbot.cli;

import org.jline.utils.AttributedString;
import org.jline.utils.WCWidth;

/**
 * Measures text in terminal columns, one grapheme at a time, and says where unspaced text may break
 * a line.
 */
final class Columns {
  private Columns() {}

  /**
   * The number of chars in the grapheme (a letter and its marks, an emoji sequence) that starts at
   * {@code index}.
   */
  static int grapheme(CharSequence text, int index) {
    return Math.max(1, WCWidth.charCountForGraphemeCluster(text, index));
  }

  /** The columns {@code text} takes, grapheme by grapheme. */
  static int width(CharSequence text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int next = Math.min(text.length(), i + grapheme(text, i));
      columns += graphemeWidth(text, i, next);
      i = next;
    }
    return columns;
  }

  /**
   * The columns of the grapheme {@code text[start, end)}: the wider of JLine's two measures, code
   * point by code point (what a terminal that draws an emoji sequence as its parts shows) and the
   * whole cluster (what one that joins them shows), so that a line never runs past the width on
   * either kind of terminal.
   */
  static int graphemeWidth(CharSequence text, int start, int end) {
    int parts = new AttributedString(text, start, end).columnLength();
    int whole = WCWidth.wcwidthForGraphemeCluster(text.subSequence(start, end), 0);
    return Math.max(0, Math.max(parts, whole));
  }

  /**
   * Whether a line may break between two adjacent graphemes of one word. Only next to a wide
   * grapheme (CJK ideographs, kana, hangul, emoji: text written without spaces), so words of spaced
   * scripts stay whole; and, as in CJK typesetting, never before closing punctuation ("、", "。",
   * "）") nor after opening punctuation ("「").
   */
  static boolean mayBreakBetween(String before, int beforeWidth, String after, int afterWidth) {
    if (beforeWidth < 2 && afterWidth < 2) {
      return false;
    }
    int opening = Character.getType(before.codePointBefore(before.length()));
    int closing = Character.getType(after.codePointAt(0));
    return opening != Character.START_PUNCTUATION
        && opening != Character.INITIAL_QUOTE_PUNCTUATION
        && closing != Character.END_PUNCTUATION
        && closing != Character.FINAL_QUOTE_PUNCTUATION
        && closing != Character.OTHER_PUNCTUATION;
  }
}
