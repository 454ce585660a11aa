package faqbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.corpus.Corpora;
import faqbot.embed.OnnxSentenceEncoder;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pinned quality figures (src/test/resources/eval/pins.json), measured the way {@code faqbot eval} measures
 * them: a fresh temporary index per corpus, every query through the {@link Answerer}.
 */
class QualityIT {
  private static final Path PINS = Path.of("src/test/resources/eval/pins.json");
  private static final Path BUNDLED = Path.of("src/test/resources/eval/bundled");

  private static SentenceEncoder encoder;
  private static final Map<Path, FaqIndex> indexes = new HashMap<>();
  private static final List<Path> folders = new ArrayList<>();

  @BeforeAll
  static void loadModel() {
    encoder = OnnxSentenceEncoder.load();
  }

  @AfterAll
  static void closeAll() {
    indexes.values().forEach(FaqIndex::close);
    folders.forEach(Fixtures::deleteTree);
    encoder.close();
  }

  @TestFactory
  Stream<DynamicTest> keepsEveryPinnedFigure() throws IOException {
    JsonNode pins = new ObjectMapper().readTree(PINS.toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode run : pins.get("runs")) {
      tests.add(DynamicTest.dynamicTest(run.get("name").asText(), () -> check(run)));
    }
    return tests.stream();
  }

  private static void check(JsonNode run) throws IOException {
    Path corpus = resolve(run.get("corpus").asText());
    List<Query> queries = EvalFiles.queries(resolve(run.get("queries").asText()));
    if (run.has("kind")) {
      queries = only(resolve(run.get("queries").asText()), run.get("kind").asText(), queries);
    }
    if (run.has("perturb")) {
      TypoPerturber typos = new TypoPerturber(run.get("seed").asLong());
      queries = queries.stream().map(q -> new Query(q.id(), typos.perturb(q.id(), q.text()))).toList();
    }
    Map<String, Map<String, Integer>> qrels = run.has("qrels") ? EvalFiles.qrels(resolve(run.get("qrels").asText()))
        : Map.of();
    EvalReport report = new Evaluator(new Answerer(index(corpus))).run(queries, qrels, o -> { });
    JsonNode figures = new ObjectMapper().valueToTree(report);
    System.out.println(run.get("name").asText() + ": " + figures);
    bounds(run, "min", figures, true);
    bounds(run, "max", figures, false);
  }

  private static void bounds(JsonNode run, String which, JsonNode figures, boolean atLeast) {
    if (!run.has(which)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = run.get(which).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> pin = it.next();
      assertThat(figures.has(pin.getKey())).as("%s is a figure of the report", pin.getKey()).isTrue();
      double value = figures.get(pin.getKey()).asDouble();
      if (atLeast) {
        assertThat(value).as("%s: %s", run.get("name").asText(), pin.getKey()).isGreaterThanOrEqualTo(
            pin.getValue().asDouble());
      } else {
        assertThat(value).as("%s: %s", run.get("name").asText(), pin.getKey()).isLessThanOrEqualTo(
            pin.getValue().asDouble());
      }
    }
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

  private static Path resolve(String path) {
    if (path.startsWith("shared/")) {
      return Fixtures.sharedDatasets().resolve(path.substring("shared/".length()));
    }
    if (path.startsWith("bundled/")) {
      return BUNDLED.resolve(path.substring("bundled/".length()));
    }
    return Path.of(path);
  }

  private static FaqIndex index(Path corpus) throws IOException {
    FaqIndex index = indexes.get(corpus);
    if (index == null) {
      Path folder = Files.createTempDirectory("faqbot-quality-");
      folders.add(folder);
      index = FaqIndex.openOrBuild(corpus, Corpora::load, folder, encoder, r -> { });
      indexes.put(corpus, index);
    }
    return index;
  }
}
