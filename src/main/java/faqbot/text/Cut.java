package faqbot.text;

/**
 * Cuts text to a length in chars without splitting a surrogate pair, so an emoji is kept whole or
 * left out whole.
 */
public final class Cut {
  private Cut() {}

  /**
   * The longest start of {@code text} of at most {@code maxChars} chars that does not end between
   * the two chars of a surrogate pair: the text itself when it fits, one char less than {@code
   * maxChars} when the last would be half an emoji, and empty when {@code maxChars} is not
   * positive.
   */
  public static String atMost(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, boundaryAtOrBefore(text, Math.max(0, maxChars)));
  }

  /** {@code index}, or the index before it when it falls between a high and a low surrogate. */
  public static int boundaryAtOrBefore(CharSequence text, int index) {
    boolean insidePair =
        index > 0
            && index < text.length()
            && Character.isHighSurrogate(text.charAt(index - 1))
            && Character.isLowSurrogate(text.charAt(index));
    return insidePair ? index - 1 : index;
  }
}
