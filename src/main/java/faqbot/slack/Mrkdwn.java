package faqbot.slack;

import faqbot.corpus.Marks;
import faqbot.corpus.Span;
import faqbot.text.Cut;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text to and from Slack's {@code mrkdwn}: escaping, reading what users typed, and cutting at clean
 * places.
 */
final class Mrkdwn {
  private static final Pattern SPECIAL = Pattern.compile("<([@#!])([^>|]*)(?:\\|([^>]*))?>");
  private static final Pattern LINK =
      Pattern.compile("<((?:https?|mailto):[^>|]*)(?:\\|([^>]*))?>");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*(?=\\s)");
  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|]+");

  private Mrkdwn() {}

  /** Escapes the three characters Slack reserves for its own markup, so text shows as written. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Corpus text (with {@code <u>} marks for links the export dropped) as mrkdwn: marks removed,
   * then escaped.
   */
  static String fromCorpus(String text) {
    return escape(Marks.strip(text));
  }

  /**
   * A link in mrkdwn, or just the escaped label when the URL is not one that can be written safely.
   */
  static String link(String url, String label) {
    String shown = escape(label).replace("|", "\u2223");
    if (url == null || !SAFE_URL.matcher(url).matches()) {
      return shown;
    }
    return "<" + url.replace("&", "&amp;") + "|" + shown + ">";
  }

  /** Whether {@code url} can be written inside {@code <…>} as is. */
  static boolean safeUrl(String url) {
    return url != null && SAFE_URL.matcher(url).matches();
  }

  /**
   * What a user typed, as plain text: mentions of users, channels and groups removed or named,
   * links replaced by their label, and Slack's escapes undone.
   */
  static String fromSlack(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = SPECIAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String kind = m.group(1);
      String label = m.group(3);
      String replacement =
          switch (kind) {
            case "#" -> label != null && !label.isEmpty() ? "#" + label : "";
            default ->
                ""; // user mentions (mostly of the bot itself) and @here/@channel say nothing about
              // the question
          };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    Matcher links = LINK.matcher(out.toString());
    StringBuilder plain = new StringBuilder();
    while (links.find()) {
      String label =
          links.group(2) != null && !links.group(2).isEmpty() ? links.group(2) : links.group(1);
      links.appendReplacement(plain, Matcher.quoteReplacement(label));
    }
    links.appendTail(plain);
    return plain.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
  }

  /**
   * The longest start of {@code text} of at most {@code limit} characters that ends at a clean
   * place: a paragraph break, else a line break, else the end of a sentence, else a space; only cut
   * mid-word when nothing else fits, and never inside an escape like {@code &amp;}. Returns the
   * whole text when it fits.
   */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    if (limit <= 0) {
      return "";
    }
    String window =
        text.substring(0, limit + 1); // one past the limit: a boundary right at it counts
    int floor = limit / 2;
    int at = window.lastIndexOf("\n\n", limit);
    if (at < floor) {
      at = window.lastIndexOf('\n', limit);
    }
    if (at < floor) {
      at = -1;
      Matcher m = SENTENCE_END.matcher(window);
      while (m.find()) {
        if (m.end() <= limit) {
          at = m.end();
        }
      }
    }
    if (at < floor) {
      at = window.lastIndexOf(' ', limit);
    }
    if (at < floor) {
      at = limit;
      int amp = text.lastIndexOf('&', at - 1);
      if (amp >= 0 && amp > at - 5 && text.indexOf(';', amp) >= at) {
        at = amp; // do not split an escape
      }
      at = Cut.boundaryAtOrBefore(text, at); // nor a surrogate pair
    }
    int link = text.lastIndexOf('<', at - 1);
    if (link >= 0 && text.indexOf('>', link) >= at) {
      at = link; // nor a link: escaped text holds no other '<'
    }
    return text.substring(0, at).stripTrailing();
  }

  /**
   * An answer's runs as mrkdwn: text escaped, emphasis and strong as {@code _…_} and {@code *…*},
   * code as {@code `…`}, links as {@code <url|text>}; the seed's marks as their text.
   */
  static String fromSpans(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (Span span : spans) {
      switch (span.kind()) {
        case LINK -> out.append(link(span.url(), span.text()));
        case EMPHASIS -> wrap(out, span.text(), "_");
        case STRONG -> wrap(out, span.text(), "*");
        case CODE -> wrap(out, span.text().replace('`', '\''), "`");
        case TEXT, MARK -> out.append(escape(span.text()));
      }
    }
    return out.toString();
  }

  /** Text between marks, the marks inside its spaces, as Slack only reads them there. */
  private static void wrap(StringBuilder out, String text, String mark) {
    String inner = text.strip();
    if (inner.isEmpty()) {
      out.append(text);
      return;
    }
    int lead = text.indexOf(inner);
    out.append(text, 0, lead).append(mark).append(escape(inner)).append(mark);
    out.append(text.substring(lead + inner.length()));
  }

  /** Plain text cut to at most {@code limit} characters, with an ellipsis when cut. */
  static String clip(String text, int limit) {
    String plain = text.strip();
    if (plain.length() <= limit) {
      return plain;
    }
    String head = cut(plain, limit - 1);
    if (head.isEmpty()) {
      head = Cut.atMost(plain, limit - 1);
    }
    return head + "\u2026";
  }
}
