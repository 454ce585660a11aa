package faqbot.cli;

import faqbot.answer.Answer;
import faqbot.corpus.Block;
import faqbot.corpus.Source;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints an answer for a person at a terminal: the answer, then numbered follow-ups, then the
 * sources.
 */
final class AnswerPrinter {
  private final PrintWriter out;
  private final TextLayout layout;
  private final boolean numbersPick;

  /**
   * A printer for one question and its answer ({@code faqbot ask}): choices it offers are asked
   * again by name.
   */
  AnswerPrinter(PrintWriter out, TextLayout layout) {
    this(out, layout, false);
  }

  /**
   * @param numbersPick whether the reader can type the number of a question offered (in a
   *     conversation)
   */
  AnswerPrinter(PrintWriter out, TextLayout layout, boolean numbersPick) {
    this.out = out;
    this.layout = layout;
    this.numbersPick = numbersPick;
  }

  void print(Answer answer) {
    if (!answer.matched()) {
      printOffered(answer);
      return;
    }
    Answer.Shown shown = answer.answer();
    String question = TextLayout.printable(shown.question());
    out.println(question);
    out.println("=".repeat(Math.min(question.length(), 78)));
    if (shown.video() != null) {
      out.println(
          "Video: "
              + shown.video()
              + (shown.videoUrl() == null ? "" : " (" + shown.videoUrl() + ")"));
    }
    out.println();
    printBlocks(shown.blocks());
    if (!answer.related().isEmpty()) {
      out.println();
      out.println("Related questions:");
      List<Answer.Link> related = answer.related();
      for (int i = 0; i < related.size(); i++) {
        out.println(
            String.format(
                Locale.ROOT, "  %d. %s", i + 1, TextLayout.printable(related.get(i).question())));
      }
    }
    printSources(answer.sources());
    out.println();
    out.println(String.format(Locale.ROOT, "(confidence %.2f)", answer.confidence()));
    out.flush();
  }

  /**
   * A reply that shows no answer (a clarification, a decline, small talk) and the questions it
   * offers.
   */
  void printOffered(Answer answer) {
    out.println(TextLayout.printable(answer.reply()));
    List<Answer.Alternative> offered = answer.alternatives();
    for (int i = 0; i < offered.size(); i++) {
      out.println(
          String.format(
              Locale.ROOT, "  %d. %s", i + 1, TextLayout.printable(offered.get(i).question())));
    }
    if (!offered.isEmpty()) {
      out.println(
          numbersPick
              ? "(Type a number to see that answer.)"
              : "(Ask again with the question you mean, or use 'faqbot chat' and type its number.)");
    }
    out.flush();
  }

  void printSources(List<Source> sources) {
    if (sources.isEmpty()) {
      return;
    }
    out.println();
    out.println("Sources:");
    for (Source s : sources) {
      String text =
          s.url() == null || s.text().contains(s.url()) ? s.text() : s.text() + " " + s.url();
      layout.wrap(text, "  - ", "    ").forEach(out::println);
    }
    out.flush();
  }

  private void printBlocks(List<Block> blocks) {
    boolean first = true;
    for (Block block : blocks) {
      if (!first) {
        out.println();
      }
      first = false;
      switch (block.kind()) {
        case PARAGRAPH -> layout.wrap(block.spans(), "", "").forEach(out::println);
        case QUOTE -> layout.wrap(block.spans(), "  | ", "  | ").forEach(out::println);
        case BULLETS ->
            block
                .itemSpans()
                .forEach(item -> layout.wrap(item, "  - ", "    ").forEach(out::println));
        case NUMBERED -> {
          for (int i = 0; i < block.itemSpans().size(); i++) {
            String marker = "  " + (i + 1) + ". ";
            layout
                .wrap(block.itemSpans().get(i), marker, " ".repeat(marker.length()))
                .forEach(out::println);
          }
        }
      }
    }
  }
}
