package faqbot.cli;

import faqbot.corpus.CorpusProblem;
import faqbot.index.BuildReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints what an index build did and what is wrong with a corpus, the same way for every command.
 */
final class Reports {
  private Reports() {}

  static void build(PrintWriter w, BuildReport report, String corpus, String index) {
    int cached = report.vectors() - report.embedded();
    w.println(
        String.format(
            Locale.ROOT,
            "Indexed %d entries from %s into %s in %.1f s (%d sentence vectors: %d computed,"
                + " %d from the cache).",
            report.entries(),
            corpus,
            index,
            report.millis() / 1000.0,
            report.vectors(),
            report.embedded(),
            cached));
    if (report.deferred() > 0) {
      w.println(
          "Answering from this first index while the "
              + report.deferred()
              + " passages of the long answers are embedded; the whole index replaces it when"
              + " they are done.");
    }
    problems(w, report.problems());
    w.flush();
  }

  static void problems(PrintWriter w, List<CorpusProblem> problems) {
    problems.forEach(w::println);
    long errors = problems.stream().filter(CorpusProblem::isError).count();
    long warnings = problems.size() - errors;
    if (!problems.isEmpty()) {
      w.println(
          errors
              + " error"
              + (errors == 1 ? "" : "s")
              + ", "
              + warnings
              + " warning"
              + (warnings == 1 ? "" : "s")
              + (errors > 0
                  ? " (entry files and phrasings lines with errors are left out; the others are"
                      + " used)"
                  : ""));
    }
    w.flush();
  }
}
