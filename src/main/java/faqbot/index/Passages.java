package faqbot.index;

import faqbot.corpus.Block;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.Marks;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into passages of a few sentences, so a detail deep in a long answer can still be
 * found.
 */
final class Passages {
  static final int MIN_WORDS = 40;
  static final int MAX_WORDS = 160;

  private Passages() {}

  /**
   * The answer's opening paragraph when it is short: FAQ answers lead with a one- or two-sentence
   * direct answer, which on its own is the closest text to a paraphrase of the question.
   */
  static String lead(FaqEntry entry) {
    if (entry.blocks().isEmpty() || entry.blocks().get(0).kind() != Block.Kind.PARAGRAPH) {
      return null;
    }
    String text = Marks.strip(entry.blocks().get(0).text());
    return text.split("\\s+").length <= 60 && entry.blocks().size() > 1 ? text : null;
  }

  static List<String> of(FaqEntry entry) {
    List<String> passages = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int words = 0;
    for (Block block : entry.blocks()) {
      String text =
          Marks.strip(block.text() != null ? block.text() : String.join("; ", block.items()));
      int n = text.split("\\s+").length;
      if (words > 0 && words + n > MAX_WORDS) {
        passages.add(current.toString());
        current.setLength(0);
        words = 0;
      }
      if (words > 0) {
        current.append('\n');
      }
      current.append(text);
      words += n;
      if (words >= MIN_WORDS) {
        passages.add(current.toString());
        current.setLength(0);
        words = 0;
      }
    }
    if (words > 0) {
      passages.add(current.toString());
    }
    // A one-passage answer is already covered by the question-and-answer vector.
    return passages.size() > 1 ? passages : List.of();
  }
}
