package faqbot.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns text with the seed's {@code <u>} marks into spans, and spans back into plain text. */
public final class Spans {
  private static final Pattern MARKED = Pattern.compile("<u>(.*?)</u>", Pattern.CASE_INSENSITIVE);

  private Spans() {}

  /** The spans of a line in the corpus notation: its {@code <u>…</u>} runs become marks. */
  public static List<Span> fromMarked(String text) {
    List<Span> spans = new ArrayList<>();
    if (text == null) {
      return spans;
    }
    Matcher m = MARKED.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        spans.add(Span.text(text.substring(at, m.start())));
      }
      spans.add(new Span(Span.Kind.MARK, m.group(1), null));
      at = m.end();
    }
    if (at < text.length()) {
      spans.add(Span.text(Marks.strip(text.substring(at))));
    }
    return spans;
  }

  /** The spans' text run together, without links or marks. */
  public static String plain(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    spans.forEach(s -> out.append(s.text()));
    return out.toString();
  }
}
