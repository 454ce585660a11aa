package faqbot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lays text out for a terminal: wraps it to a width and shows the corpus's {@code <u>} marks as underlining. */
final class TextLayout {
  private static final Pattern MARK = Pattern.compile("<u>(.*?)</u>", Pattern.CASE_INSENSITIVE);
  private static final String UNDERLINE = "\u001b[4m";
  private static final String RESET = "\u001b[0m";

  private final int width;
  private final boolean ansi;

  TextLayout(int width, boolean ansi) {
    this.width = Math.max(20, width);
    this.ansi = ansi;
  }

  /** Wraps text to the width, each line starting with {@code first} (then {@code rest}'s width of spaces). */
  List<String> wrap(String text, String first, String rest) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int visible = first.length();
    boolean empty = true;
    for (String word : text.split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      int length = visibleLength(word);
      if (!empty && visible + 1 + length > width) {
        lines.add(line.toString());
        line = new StringBuilder(rest);
        visible = rest.length();
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        visible++;
      }
      line.append(word);
      visible += length;
      empty = false;
    }
    lines.add(line.toString());
    return lines.stream().map(this::marks).toList();
  }

  /** Underlines marked text on a terminal that shows it; elsewhere drops the marks. */
  String marks(String text) {
    Matcher m = MARK.matcher(text);
    String replaced = m.replaceAll(r -> Matcher.quoteReplacement(ansi ? UNDERLINE + r.group(1) + RESET : r.group(1)));
    // A mark split across wrapped lines is closed on each line it spans.
    return replaced.replaceAll("(?i)</?u>", "");
  }

  private static int visibleLength(String word) {
    return word.replaceAll("(?i)</?u>", "").length();
  }
}
