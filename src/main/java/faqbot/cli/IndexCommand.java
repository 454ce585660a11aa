package faqbot.cli;

import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusSource;
import faqbot.embed.LazyEncoder;
import faqbot.embed.SentenceEncoder;
import faqbot.index.BuildReport;
import faqbot.index.FaqIndex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds the index of the corpus, and says what it indexed and what is wrong with the corpus. */
@Command(
    name = "index",
    description = "Build the index of the corpus (ask and serve also do it when needed).")
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Locations locations;

  @Option(names = "--keywords-only", description = "Build without sentence vectors.")
  boolean keywordsOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CorpusSource source = locations.corpusSource();
    String fingerprint = source.fingerprint();
    Corpus corpus = source.load();
    BuildReport report;
    FaqIndex.reportProgressTo(ProgressLine.onStandardError(spec.commandLine().getErr()));
    // Lazily: an unchanged corpus takes every vector from the old index and never loads the model.
    try (SentenceEncoder encoder = keywordsOnly ? null : LazyEncoder.standard()) {
      report = FaqIndex.build(corpus, fingerprint, locations.index(), encoder);
    }
    Reports.build(out, report, locations.corpus().toString(), locations.index().toString());
    return corpus.hasErrors() ? Main.FAILURE : Main.OK;
  }
}
