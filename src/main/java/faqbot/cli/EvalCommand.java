package faqbot.cli;

import faqbot.answer.Answerer;
import faqbot.answer.Candidate;
import faqbot.answer.Json;
import faqbot.corpus.Corpora;
import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusFingerprint;
import faqbot.embed.EnsembleEncoder;
import faqbot.embed.SentenceEncoder;
import faqbot.eval.EvalFiles;
import faqbot.eval.EvalReport;
import faqbot.eval.Evaluator;
import faqbot.eval.Query;
import faqbot.eval.TypoPerturber;
import faqbot.index.FaqIndex;
import faqbot.index.Staging;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures answer quality on a labelled set of questions, through the same path as the chat answer.
 */
@Command(
    name = "eval",
    description =
        "Measure answer quality: MAP, MRR@10, P@1, nDCG@10, Recall@10, abstention and"
            + " latency on labelled queries.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "PATH",
      description = "A corpus folder, or a .jsonl file of {doc_id, question, answer} objects.")
  Path corpus;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE",
      description = "Queries: TSV with a header line; first column the id, last column the text.")
  Path queries;

  @Option(
      names = "--qrels",
      paramLabel = "FILE",
      description =
          "Judgments in TREC format (qid 0 docid rel). Queries without one are out of scope; without"
              + " --qrels, every query is (to measure how often the bot declines questions from elsewhere).")
  Path qrels;

  @Option(names = "--json", description = "Print one JSON object with the figures.")
  boolean json;

  @Option(
      names = "--perturb",
      paramLabel = "KIND",
      description = "Perturb each query first; KIND is 'typos'.")
  String perturb;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed for --perturb (default 1).")
  long seed;

  @Option(
      names = "--keywords-only",
      description = "Rank by BM25 alone (the baseline), without the sentence model.")
  boolean keywordsOnly;

  @Option(
      names = "--warm-up",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Before measuring, answer the first N queries (all, when fewer) once on an answerer of its own,"
              + " so the latency figures are those of a running bot rather than of a cold process, with no vector or"
              + " answer cached from the warm-up (default 1000; 0 for none).")
  int warmUp;

  @Option(
      names = "--details",
      paramLabel = "FILE",
      description =
          "Also write one TSV line per query: what the bot did, what was ranked first and how sure it was.")
  Path details;

  @Option(
      names = "--where",
      paramLabel = "COLUMN=VALUE",
      description =
          "Only the queries whose named column (as the queries file's header names it) holds this value,"
              + " e.g. --where split=test; repeat to require several.")
  Map<String, String> where = new LinkedHashMap<>();

  @Option(
      names = "--leave-out",
      description =
          "Also ask every in-scope query again with the entries that answer it hidden, and report how"
              + " often the bot still answers (wrongly), clarifies or declines.")
  boolean leaveOut;

  @Option(
      names = "--first-index",
      description =
          "Measure a first index: the one a cold 'serve' of a large corpus answers from while the"
              + " passages of its long answers are still being embedded (built here whatever the corpus's"
              + " size).")
  boolean firstIndex;

  @Option(
      names = "--equivalents",
      paramLabel = "FILE",
      description =
          "With --leave-out: groups of entries that answer the same question (TSV: entry-id, group), so"
              + " that hiding one hides its equivalents too.")
  Path equivalents;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (perturb != null && !perturb.equals("typos")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--perturb takes 'typos', got '" + perturb + "'");
    }
    if (warmUp < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--warm-up takes 0 or more queries, got " + warmUp);
    }
    if (firstIndex && keywordsOnly) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--first-index measures the sentence models' first vectors; it cannot go with"
              + " --keywords-only");
    }
    if (equivalents != null && !leaveOut) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--equivalents needs --leave-out");
    }
    List<Query> questions = EvalFiles.queries(queries, where);
    Map<String, String> groups =
        equivalents == null ? Map.of() : EvalFiles.equivalents(equivalents);
    Map<String, Map<String, Integer>> judgments = qrels == null ? Map.of() : EvalFiles.qrels(qrels);
    if (perturb != null) {
      TypoPerturber typos = new TypoPerturber(seed);
      questions =
          questions.stream().map(q -> new Query(q.id(), typos.perturb(q.id(), q.text()))).toList();
    }
    Corpus loaded = Corpora.load(corpus);
    if (loaded.hasErrors()) {
      Reports.problems(err, loaded.problems().subList(0, Math.min(10, loaded.problems().size())));
      err.println(
          "("
              + loaded.problems().size()
              + " problems in all; 'faqbot check --corpus "
              + corpus
              + "' lists them)");
    }
    Path folder = Files.createTempDirectory("faqbot-eval-");
    try (SentenceEncoder encoder = keywordsOnly ? null : EnsembleEncoder.standard()) {
      Staging staging = firstIndex ? Staging.FIRST : Staging.WHOLE;
      try (FaqIndex index =
          FaqIndex.openOrBuild(
              CorpusFingerprint.of(corpus),
              () -> loaded,
              folder,
              encoder,
              staging,
              build -> {
                if (firstIndex) {
                  err.println(
                      "eval: a first index, without the vectors of "
                          + build.deferred()
                          + " passages");
                }
              })) {
        // The first questions of a fresh process pay for compiling the code and sizing the models'
        // buffers, which a
        // running bot has long done; the measured answerer is a new one, so it reuses nothing the
        // warm-up cached.
        new Evaluator(new Answerer(index))
            .run(questions.subList(0, Math.min(warmUp, questions.size())), judgments, o -> {});
        Evaluator evaluator = new Evaluator(new Answerer(index));
        EvalReport report;
        try (PrintWriter tsv =
            details == null
                ? null
                : new PrintWriter(Files.newBufferedWriter(details, StandardCharsets.UTF_8))) {
          if (tsv != null) {
            tsv.println(
                "query_id\tmode\tin_scope\toutcome\tshown\tconfidence\tap\tfirst\tsemantic1\tsemantic2"
                    + "\tkeyword1\tmillis");
          }
          report = evaluator.run(questions, judgments, o -> write(tsv, "asked", o));
          if (leaveOut) {
            report =
                report.withLeaveOut(
                    evaluator.leaveOut(
                        questions, judgments, groups, o -> write(tsv, "leave-out", o)));
          }
        }
        if (json) {
          out.println(Json.mapper().writeValueAsString(report));
        } else {
          print(out, report);
        }
      }
    } finally {
      deleteTree(folder);
    }
    out.flush();
    return Main.OK;
  }

  private static void write(PrintWriter tsv, String mode, Evaluator.QueryResult o) {
    if (tsv != null) {
      tsv.println(detail(mode, o));
    }
  }

  private static String detail(String mode, Evaluator.QueryResult o) {
    List<Candidate> top = o.top();
    String first = top.isEmpty() ? "" : top.get(0).entry().id();
    double s1 = top.isEmpty() ? Double.NaN : top.get(0).semantic();
    double s2 = top.size() < 2 ? Double.NaN : top.get(1).semantic();
    double k1 = top.isEmpty() ? Double.NaN : top.get(0).keyword();
    return String.format(
        Locale.ROOT,
        "%s\t%s\t%b\t%s\t%s\t%.4f\t%.4f\t%s\t%.4f\t%.4f\t%.3f\t%.2f",
        o.query().id(),
        mode,
        o.inScope(),
        o.outcome().key(),
        String.join(",", o.shown()),
        o.confidence(),
        o.averagePrecision(),
        first,
        s1,
        s2,
        k1,
        o.millis());
  }

  private static void print(PrintWriter out, EvalReport r) {
    out.println(
        String.format(
            Locale.ROOT,
            "queries %d (in scope %d, out of scope %d)",
            r.queries(),
            r.inScope(),
            r.outOfScope()));
    row(out, "MAP", r.map());
    row(out, "MRR@10", r.mrr10());
    row(out, "P@1", r.p1());
    row(out, "nDCG@10", r.ndcg10());
    row(out, "Recall@10", r.recall10());
    if (r.inScope() > 0) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-24s answered right %s, wrongly %s; clarified %s (with a right choice"
                  + " %s); declined %s",
              "in scope",
              share(r.answeredRight()),
              share(r.answeredWrong()),
              share(r.clarifiedInScope()),
              share(r.clarifiedWithRight()),
              share(r.declinedInScope())));
      row(out, "right (clarified = 1/2)", r.rightCredit());
    }
    if (r.outOfScope() > 0) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-24s answered %s; clarified %s; declined %s",
              "out of scope",
              share(r.answeredOutOfScope()),
              share(r.clarifiedOutOfScope()),
              share(r.declinedOutOfScope())));
    }
    row(out, "answered wrongly, all", r.wrongOverall());
    if (r.leaveOut() != null) {
      EvalReport.LeaveOut lo = r.leaveOut();
      out.println(
          String.format(
              Locale.ROOT,
              "%-24s %d queries: answered %s; clarified %s; declined %s",
              "answering entries hidden",
              lo.queries(),
              share(lo.answered()),
              share(lo.clarified()),
              share(lo.declined())));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "%-24s p50 %.2f ms, p95 %.2f ms",
            "latency per query",
            r.latencyMs().p50(),
            r.latencyMs().p95()));
  }

  private static String share(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
  }

  private static void row(PrintWriter out, String name, Double value) {
    out.println(
        String.format(
            Locale.ROOT,
            "%-24s %s",
            name,
            value == null ? "-" : String.format(Locale.ROOT, "%.4f", value)));
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
