package faqbot.cli;

import faqbot.corpus.Corpus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lints a corpus: files that do not parse, duplicate questions, dangling related questions, missing
 * sources.
 */
@Command(
    name = "check",
    description = "Check the corpus for problems; exits 1 when it finds errors.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Locations locations;

  @Option(names = "--strict", description = "Treat warnings as errors too.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Corpus corpus = locations.corpusSource().load();
    Reports.problems(out, corpus.problems());
    boolean failed = corpus.hasErrors() || strict && !corpus.problems().isEmpty();
    out.println(
        (failed ? "FAILED: " : "OK: ")
            + corpus.size()
            + (corpus.size() == 1 ? " entry in " : " entries in ")
            + locations.corpus()
            + (corpus.problems().isEmpty() ? ", no problems" : ""));
    out.flush();
    return failed ? Main.FAILURE : Main.OK;
  }
}
