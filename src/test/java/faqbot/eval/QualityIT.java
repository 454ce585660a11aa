package faqbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.embed.EnsembleEncoder;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The pinned quality figures (src/test/resources/eval/pins.json), measured the way {@code faqbot
 * eval} measures them: a fresh temporary index per corpus, every query through the {@code
 * Answerer}.
 */
class QualityIT {
  private static final Path PINS = Path.of("src/test/resources/eval/pins.json");

  private static SentenceEncoder encoder;
  private static EvalRuns runs;

  @BeforeAll
  static void loadModel() {
    encoder = EnsembleEncoder.standard();
    runs = new EvalRuns(encoder);
  }

  @AfterAll
  static void closeAll() {
    runs.close();
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

  private static void check(JsonNode pinned) throws IOException {
    EvalRuns.Run run = EvalRuns.read(pinned);
    EvalReport report = runs.evaluate(run, o -> {});
    JsonNode figures = new ObjectMapper().valueToTree(report);
    System.out.println(run.name() + ": " + figures);
    bounds(pinned, "min", figures, true);
    bounds(pinned, "max", figures, false);
  }

  private static void bounds(JsonNode run, String which, JsonNode figures, boolean atLeast) {
    if (!run.has(which)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = run.get(which).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> pin = it.next();
      // A figure of a part of the report is named with a dot: "leaveOut.answered".
      JsonNode figure = figures.at("/" + pin.getKey().replace('.', '/'));
      assertThat(figure.isNumber()).as("%s is a figure of the report", pin.getKey()).isTrue();
      double value = figure.asDouble();
      if (atLeast) {
        assertThat(value)
            .as("%s: %s", run.get("name").asText(), pin.getKey())
            .isGreaterThanOrEqualTo(pin.getValue().asDouble());
      } else {
        assertThat(value)
            .as("%s: %s", run.get("name").asText(), pin.getKey())
            .isLessThanOrEqualTo(pin.getValue().asDouble());
      }
    }
  }
}
