package faqbot.corpus;

import java.util.Locale;

/**
 * One run of an answer's text with one look: plain, emphasised, strong, code, a link, or one of the
 * seed's {@code <u>} marks.
 *
 * @param kind how the run is shown
 * @param text the run's text, never markup
 * @param url where a link goes (http, https or mailto only); null for every other kind
 */
public record Span(Kind kind, String text, String url) {

  /** How a run is shown. */
  public enum Kind {
    TEXT,
    EMPHASIS,
    STRONG,
    CODE,
    LINK,
    /** A {@code <u>} mark of the seed: a hyperlink the export dropped, shown underlined. */
    MARK
  }

  /**
   * Characters a URL may not hold as they are (they would end it in HTML, Slack or a terminal);
   * with them, and with anything outside printable ASCII, a link stays text.
   */
  private static final String UNSAFE = "\"<>\\^`{|}";

  public Span {
    if (kind == null || text == null) {
      throw new IllegalArgumentException("a span needs a kind and a text");
    }
    if ((kind == Kind.LINK) != (url != null)) {
      throw new IllegalArgumentException("a link needs a URL, and only a link has one: " + kind);
    }
    if (url != null && !isSafeUrl(url)) {
      throw new IllegalArgumentException("not an http, https or mailto URL: " + url);
    }
  }

  public static Span text(String text) {
    return new Span(Kind.TEXT, text, null);
  }

  /**
   * A link to {@code url}, or the text alone when the URL is not one a reader may safely follow
   * (javascript:, data:, a relative path).
   */
  public static Span link(String text, String url) {
    String trimmed = url == null ? "" : url.strip();
    return isSafeUrl(trimmed) ? new Span(Kind.LINK, text, trimmed) : text(text);
  }

  /** Whether {@code url} is absolute http, https or mailto, the only links an answer may hold. */
  public static boolean isSafeUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean web = lower.startsWith("https://") || lower.startsWith("http://");
    return (web && url.length() > lower.indexOf("//") + 2
            || lower.startsWith("mailto:") && url.length() > 7)
        && url.chars().allMatch(c -> c > ' ' && c < 0x7f && UNSAFE.indexOf(c) < 0);
  }
}
