package faqbot.cli;

import faqbot.corpus.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Lays text out for a terminal: wraps it to a width in display columns (a CJK ideograph or an emoji
 * takes two, a combining mark none) without splitting a grapheme, and shows the corpus's {@code
 * <u>} marks as underlining.
 */
final class TextLayout {
  private static final Pattern MARK =
      Pattern.compile("<u>(.*?)</u>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern STRAY_MARK = Pattern.compile("</?u>", Pattern.CASE_INSENSITIVE);
  private static final AttributedStyle UNDERLINED = AttributedStyle.DEFAULT.underline();

  private static final Pattern UNPRINTABLE =
      Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

  private final int width;
  private final boolean ansi;

  TextLayout(int width, boolean ansi) {
    this.width = Math.max(20, width);
    this.ansi = ansi;
  }

  /**
   * Wraps text to the width, each line starting with {@code first} (then {@code rest}). Lines break
   * at spaces, and inside unspaced text next to wide characters; a word wider than a whole line
   * keeps a line of its own.
   */
  List<String> wrap(String text, String first, String rest) {
    return layout(marked(printable(text)), first, rest);
  }

  /**
   * Text without control characters (escape sequences would drive the terminal) and without
   * direction overrides (they would reorder what is shown): corpus text is shown, never obeyed.
   */
  static String printable(String text) {
    return text == null ? "" : UNPRINTABLE.matcher(text).replaceAll("");
  }

  /**
   * Wraps an answer's runs as {@link #wrap(String, String, String)} does: emphasis in italics,
   * strong in bold, the seed's marks and link texts underlined, each link's URL after its text (a
   * terminal hyperlink too, on a terminal that shows styles).
   */
  List<String> wrap(List<Span> spans, String first, String rest) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    Set<String> urls = new LinkedHashSet<>();
    for (Span span : spans) {
      String text = printable(span.text());
      switch (span.kind()) {
        case TEXT, CODE -> out.append(text);
        case EMPHASIS -> out.append(text, AttributedStyle.DEFAULT.italic());
        case STRONG -> out.append(text, AttributedStyle.DEFAULT.bold());
        case MARK -> out.append(text, UNDERLINED);
        case LINK -> {
          String shownUrl = span.url().startsWith("mailto:") ? span.url().substring(7) : span.url();
          // A link's URL is printable ASCII (Span refuses any other), so it is shown as it is.
          if (text.strip().equals(shownUrl)) {
            out.append(shownUrl);
          } else {
            out.append(text, UNDERLINED);
            out.append(" (" + shownUrl + ")");
          }
          urls.add(shownUrl);
        }
      }
    }
    List<String> lines = layout(out.toAttributedString(), first, rest);
    if (!ansi || urls.isEmpty()) {
      return lines;
    }
    List<String> linked = new ArrayList<>();
    for (String line : lines) {
      // Only the URL printed after its link text, in its parentheses, becomes a hyperlink: a URL
      // that begins another, or one in the text, is left alone.
      for (String url : urls) {
        line = line.replace("(" + url + ")", "(" + hyperlink(url) + ")");
      }
      linked.add(line);
    }
    return linked;
  }

  /** A URL as a terminal hyperlink (OSC 8), which terminals without it show as the URL alone. */
  private static String hyperlink(String url) {
    String target = url.contains("@") && !url.contains("://") ? "mailto:" + url : url;
    return "\u001b]8;;" + target + "\u001b\\" + url + "\u001b]8;;\u001b\\";
  }

  private List<String> layout(AttributedString marked, String first, String rest) {
    Lines lines = new Lines(first, rest);
    int end = 0;
    while (true) {
      int gap = end;
      int start = skipSpaces(marked, gap);
      if (start == marked.length()) {
        break;
      }
      end = wordEnd(marked, start);
      boolean firstPiece = true;
      for (AttributedString piece : pieces(marked, start, end)) {
        // A space joins a word to the one before it, underlined when the space was inside a mark.
        lines.add(piece, firstPiece ? marked.styleAt(gap) : null);
        firstPiece = false;
      }
    }
    return lines.finish();
  }

  /**
   * The text with its marks taken out, marked spans underlined; a mark that does not close is
   * dropped.
   */
  private static AttributedString marked(String text) {
    AttributedStringBuilder out = new AttributedStringBuilder(text.length());
    Matcher m = MARK.matcher(text);
    int at = 0;
    while (m.find()) {
      out.append(STRAY_MARK.matcher(text.substring(at, m.start())).replaceAll(""));
      out.append(STRAY_MARK.matcher(m.group(1)).replaceAll(""), UNDERLINED);
      at = m.end();
    }
    out.append(STRAY_MARK.matcher(text.substring(at)).replaceAll(""));
    return out.toAttributedString();
  }

  /**
   * The word {@code text[start, end)} cut where a line may break inside it (only in unspaced, wide
   * text).
   */
  private static List<AttributedString> pieces(AttributedString text, int start, int end) {
    List<AttributedString> pieces = new ArrayList<>();
    int pieceStart = start;
    String before = null;
    int beforeWidth = 0;
    for (int i = start; i < end; ) {
      int next = Math.min(end, i + Columns.grapheme(text, i));
      String grapheme = text.subSequence(i, next).toString();
      int graphemeWidth = Columns.graphemeWidth(text, i, next);
      if (before != null && Columns.mayBreakBetween(before, beforeWidth, grapheme, graphemeWidth)) {
        pieces.add(text.subSequence(pieceStart, i));
        pieceStart = i;
      }
      before = grapheme;
      beforeWidth = graphemeWidth;
      i = next;
    }
    pieces.add(text.subSequence(pieceStart, end));
    return pieces;
  }

  /** The whitespace words are split at: the same six characters as the regex {@code \s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static int skipSpaces(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int wordEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && !isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The lines being filled, greedily: a piece goes on the current line when it fits, else starts
   * the next.
   */
  private final class Lines {
    private final List<String> done = new ArrayList<>();
    private final String rest;
    private AttributedStringBuilder line;
    private int used;
    private boolean empty;

    Lines(String first, String rest) {
      this.rest = rest;
      start(first);
    }

    /**
     * Adds a piece of a word; {@code spaceStyle} is the style of the space before it, null when
     * none is.
     */
    void add(AttributedString piece, AttributedStyle spaceStyle) {
      boolean space = spaceStyle != null && !empty;
      int pieceWidth = Columns.width(piece);
      if (!empty && used + (space ? 1 : 0) + pieceWidth > width) {
        done.add(render(line));
        start(rest);
        space = false;
      }
      if (space) {
        line.append(" ", spaceStyle);
        used++;
      }
      line.append(piece);
      used += pieceWidth;
      empty = false;
    }

    List<String> finish() {
      done.add(render(line));
      return done;
    }

    private void start(String prefix) {
      line = new AttributedStringBuilder().append(prefix);
      used = Columns.width(prefix);
      empty = true;
    }

    /**
     * Underlining as escape sequences on a terminal that shows them (each line closes its own);
     * else plain.
     */
    private String render(AttributedStringBuilder text) {
      return ansi ? text.toAttributedString().toAnsi() : text.toString();
    }
  }
}
