package faqbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import faqbot.answer.Answerer;
import faqbot.corpus.Corpora;
import faqbot.corpus.CorpusFingerprint;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.index.Staging;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluation runs described in JSON (pins.json, calibration.json): a corpus, its queries,
 * optionally judgments, one kind of the bundled queries, and typos. Paths under {@code shared/} are
 * in ../shared/datasets, {@code bundled/} in src/test/resources/eval/bundled. Indexes each corpus
 * once, into a temporary folder.
 */
final class EvalRuns implements AutoCloseable {
  private static final Path BUNDLED = Path.of("src/test/resources/eval/bundled");

  /**
   * One run, read and ready to evaluate.
   *
   * @param leaveOut whether the run asks its in-scope queries with the entries that answer them
   *     hidden
   * @param equivalents for a leave-out run, groups of entries that answer the same question (entry
   *     id → group)
   * @param weight how much the run counts when fitting the confidence, against 1 for others
   * @param staging {@link Staging#FIRST} for a run of a first index, else whole
   */
  record Run(
      String name,
      Path corpus,
      List<Query> queries,
      Map<String, Map<String, Integer>> qrels,
      boolean leaveOut,
      Map<String, String> equivalents,
      double weight,
      Staging staging) {}

  /** A corpus indexed one way. */
  private record Indexed(Path corpus, Staging staging) {}

  private final SentenceEncoder encoder;
  private final Map<Indexed, FaqIndex> indexes = new HashMap<>();
  private final List<Path> folders = new ArrayList<>();

  EvalRuns(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  static Run read(JsonNode run) throws IOException {
    Path queryFile = resolve(run.get("queries").asText());
    Map<String, String> where = new LinkedHashMap<>();
    run.path("where").fields().forEachRemaining(f -> where.put(f.getKey(), f.getValue().asText()));
    List<Query> queries = EvalFiles.queries(queryFile, where);
    if (run.has("perturb")) {
      TypoPerturber typos = new TypoPerturber(run.get("seed").asLong());
      queries =
          queries.stream().map(q -> new Query(q.id(), typos.perturb(q.id(), q.text()))).toList();
    }
    Map<String, Map<String, Integer>> qrels =
        run.has("qrels") ? EvalFiles.qrels(resolve(run.get("qrels").asText())) : Map.of();
    Map<String, String> equivalents =
        run.has("equivalents")
            ? EvalFiles.equivalents(resolve(run.get("equivalents").asText()))
            : Map.of();
    return new Run(
        run.get("name").asText(),
        resolve(run.get("corpus").asText()),
        queries,
        qrels,
        run.path("leaveOut").asBoolean(false),
        equivalents,
        run.path("weight").asDouble(1),
        run.path("firstIndex").asBoolean(false) ? Staging.FIRST : Staging.WHOLE);
  }

  /**
   * Evaluates a run: its queries as asked, and for a leave-out run, asked again with their answers
   * hidden.
   */
  EvalReport evaluate(Run run, Consumer<Evaluator.QueryResult> each) throws IOException {
    Evaluator evaluator = new Evaluator(new Answerer(index(run.corpus(), run.staging())));
    if (run.leaveOut()) {
      EvalReport.LeaveOut figures =
          evaluator.leaveOut(run.queries(), run.qrels(), run.equivalents(), each);
      return evaluator.run(run.queries(), run.qrels(), r -> {}).withLeaveOut(figures);
    }
    return evaluator.run(run.queries(), run.qrels(), each);
  }

  /** The whole index of a corpus, built on first use. */
  FaqIndex index(Path corpus) throws IOException {
    return index(corpus, Staging.WHOLE);
  }

  /** The index of a corpus, whole or first, built on first use. */
  FaqIndex index(Path corpus, Staging staging) throws IOException {
    Indexed key = new Indexed(corpus, staging);
    FaqIndex index = indexes.get(key);
    if (index == null) {
      Path folder = Files.createTempDirectory("faqbot-eval-");
      folders.add(folder);
      index =
          FaqIndex.openOrBuild(
              CorpusFingerprint.of(corpus),
              () -> Corpora.load(corpus),
              folder,
              encoder,
              staging,
              r -> {});
      indexes.put(key, index);
    }
    return index;
  }

  @Override
  public void close() {
    indexes.values().forEach(FaqIndex::close);
    folders.forEach(Fixtures::deleteTree);
  }

  private static Path resolve(String path) {
    if (path.startsWith("shared/")) {
      return Fixtures.sharedDatasets().resolve(path.substring("shared/".length()));
    }
    if (path.startsWith("bundled/")) {
      return BUNDLED.resolve(path.substring("bundled/".length()));
    }
    if (path.startsWith("real/") || path.startsWith("leaveout/") || path.startsWith("export/")) {
      return BUNDLED.getParent().resolve(path);
    }
    return Path.of(path);
  }
}
