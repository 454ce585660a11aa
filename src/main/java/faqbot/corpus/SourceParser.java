package faqbot.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a citation written as {@code Authors (Mon YYYY) Title [URL]}. */
final class SourceParser {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
  private static final Pattern AUTHORS_DATE_TITLE =
      Pattern.compile(
          "^(?<authors>[^()]+?)\\s*\\((?<date>(?:[A-Z][a-z]{2,8}\\.?\\s+)?(?:\\d{1,2},?\\s+)?\\d{4}[a-z]?)\\)\\s*(?<title>.+)$");

  private static final Pattern MARKDOWN_LINK = Pattern.compile("^\\[(.+)]\\((\\S+)\\)$");

  private SourceParser() {}

  /**
   * Reads a citation that may be a Markdown link ({@code [Title](https://…)}), as written in a
   * front-matter header or a spreadsheet cell; otherwise as {@link #parse}.
   */
  static Source parseLink(String raw) {
    Matcher link = MARKDOWN_LINK.matcher(raw.strip());
    if (link.matches() && Span.isSafeUrl(link.group(2))) {
      String title = link.group(1).strip();
      return new Source(title, null, null, title, link.group(2));
    }
    Source plain = parse(raw);
    return plain.url() != null && !Span.isSafeUrl(plain.url())
        ? new Source(plain.text(), plain.authors(), plain.date(), plain.title(), null)
        : plain;
  }

  static Source parse(String raw) {
    String text = raw.strip();
    String url = null;
    String rest = text;
    Matcher u = URL.matcher(rest);
    if (u.find()) {
      url = u.group().replaceAll("[).,;]+$", "");
      rest = (rest.substring(0, u.start()) + rest.substring(u.start() + url.length())).strip();
    }
    // What is left where a URL was cut out of the end: a space and a full stop.
    rest = Marks.strip(rest).strip().replaceAll("\\s+[.,;]$", "");
    Matcher m = AUTHORS_DATE_TITLE.matcher(rest);
    if (m.matches()) {
      return new Source(
          text, m.group("authors").strip(), m.group("date"), m.group("title").strip(), url);
    }
    return new Source(text, null, null, rest.isEmpty() ? null : rest, url);
  }
}
