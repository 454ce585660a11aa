package faqbot.cli;

import faqbot.answer.Answer;
import faqbot.corpus.Block;
import faqbot.corpus.Source;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints an answer for a person at a terminal: the answer, then numbered follow-ups, then the sources. */
final class AnswerPrinter {
  private final PrintWriter out;
  private final TextLayout layout;

  AnswerPrinter(PrintWriter out, TextLayout layout) {
    this.out = out;
    this.layout = layout;
  }

  void print(Answer answer) {
    if (!answer.matched()) {
      printDeclined(answer);
      return;
    }
    Answer.Shown shown = answer.answer();
    out.println(shown.question());
    out.println("=".repeat(Math.min(shown.question().length(), 78)));
    if (shown.video() != null) {
      out.println("Video: " + shown.video());
    }
    out.println();
    printBlocks(shown.blocks());
    if (!answer.related().isEmpty()) {
      out.println();
      out.println("Related questions:");
      List<Answer.Link> related = answer.related();
      for (int i = 0; i < related.size(); i++) {
        out.println(String.format(Locale.ROOT, "  %d. %s", i + 1, related.get(i).question()));
      }
    }
    printSources(answer.sources());
    out.println();
    out.println(String.format(Locale.ROOT, "(confidence %.2f)", answer.confidence()));
    out.flush();
  }

  void printDeclined(Answer answer) {
    out.println(answer.reply());
    List<Answer.Alternative> closest = answer.alternatives();
    for (int i = 0; i < closest.size(); i++) {
      out.println(String.format(Locale.ROOT, "  %d. %s", i + 1, closest.get(i).question()));
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
      layout.wrap(s.text(), "  - ", "    ").forEach(out::println);
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
        case PARAGRAPH -> layout.wrap(block.text(), "", "").forEach(out::println);
        case QUOTE -> layout.wrap(block.text(), "  | ", "  | ").forEach(out::println);
        case BULLETS -> block.items().forEach(item -> layout.wrap(item, "  - ", "    ").forEach(out::println));
        case NUMBERED -> {
          for (int i = 0; i < block.items().size(); i++) {
            String marker = "  " + (i + 1) + ". ";
            layout.wrap(block.items().get(i), marker, " ".repeat(marker.length())).forEach(out::println);
          }
        }
      }
    }
  }
}
