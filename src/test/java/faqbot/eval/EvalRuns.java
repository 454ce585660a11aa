package faqbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import faqbot.corpus.Corpora;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation runs described in JSON (pins.json, calibration.json): a corpus, its queries, optionally judgments, one
 * kind of the bundled queries, and typos. Paths under {@code shared/} are in ../shared/datasets, {@code bundled/}
 * in src/test/resources/eval/bundled. Indexes each corpus once, into a temporary folder.
 */
final class EvalRuns implements AutoCloseable {
  private static final Path BUNDLED = Path.of("src/test/resources/eval/bundled");

  /** One run, read and ready to evaluate. */
  record Run(String name, Path corpus, List<Query> queries, Map<String, Map<String, Integer>> qrels) {}

  private final SentenceEncoder encoder;
  private final Map<Path, FaqIndex> indexes = new HashMap<>();
  private final List<Path> folders = new ArrayList<>();

  EvalRuns(SentenceEncoder encoder) {
    this.encoder = encoder;
  }

  static Run read(JsonNode run) throws IOException {
    Path queryFile = resolve(run.get("queries").asText());
    List<Query> queries = EvalFiles.queries(queryFile);
    if (run.has("kind")) {
      queries = only(queryFile, run.get("kind").asText(), queries);
    }
    if (run.has("perturb")) {
      TypoPerturber typos = new TypoPerturber(run.get("seed").asLong());
      queries = queries.stream().map(q -> new Query(q.id(), typos.perturb(q.id(), q.text()))).toList();
    }
    Map<String, Map<String, Integer>> qrels = run.has("qrels") ? EvalFiles.qrels(resolve(run.get("qrels").asText()))
        : Map.of();
    return new Run(run.get("name").asText(), resolve(run.get("corpus").asText()), queries, qrels);
  }

  /** The index of a corpus, built on first use. */
  FaqIndex index(Path corpus) throws IOException {
    FaqIndex index = indexes.get(corpus);
    if (index == null) {
      Path folder = Files.createTempDirectory("faqbot-eval-");
      folders.add(folder);
      index = FaqIndex.openOrBuild(corpus, Corpora::load, folder, encoder, r -> { });
      indexes.put(corpus, index);
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
    return Path.of(path);
  }

  /** The queries of one kind (second column of the bundled set). */
  private static List<Query> only(Path file, String kind, List<Query> queries) throws IOException {
    Map<String, String> kinds = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] columns = line.split("\t");
      if (columns.length >= 3) {
        kinds.put(columns[0], columns[1]);
      }
    }
    return queries.stream().filter(q -> kind.equals(kinds.get(q.id()))).toList();
  }
}
