package faqbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answer;
import faqbot.answer.EntryView;
import faqbot.answer.Json;
import faqbot.cli.CliRuns.Run;
import faqbot.corpus.Block;
import faqbot.corpus.Marks;
import faqbot.corpus.Source;
import faqbot.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: exit codes, what goes to stdout and stderr, on the bundled
 * corpus.
 */
class CliIT {
  private static final String SEED_QUESTION = "What is inner alignment?";
  private static final String SEED_ID = "what-is-inner-alignment";
  private static final String SEED_FILE = "What is inner alignment?.txt";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Shared by the class, so the index of the bundled corpus is built once. */
  @TempDir static Path shared;

  private static Path corpus;
  private static Path index;
  private static long corpusEntries;

  @BeforeAll
  static void setUp() throws IOException {
    corpus = Fixtures.corpus();
    index = shared.resolve("index");
    try (Stream<Path> files = Files.list(corpus)) {
      corpusEntries = files.filter(p -> p.getFileName().toString().endsWith(".txt")).count();
    }
  }

  private static Run run(String... args) {
    return CliRuns.run(args);
  }

  private static String[] withLocations(String command, String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(command, "--corpus", corpus.toString(), "--index", index.toString()));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  private static String squash(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static void assertNoStackTrace(String text) {
    assertThat(text)
        .doesNotContain("\tat ")
        .doesNotContain("at faqbot.")
        .doesNotContain("Exception");
  }

  // ---------------------------------------------------------------- ask

  @Test
  void askJsonPrintsExactlyTheApiJson() throws IOException {
    Run run = run(withLocations("ask", "--json", SEED_QUESTION));
    assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out().strip().lines()).as("one JSON object on one line").hasSize(1);
    JsonNode printed = JSON.readTree(run.out());
    assertThat(printed.isObject()).isTrue();
    JsonNode api =
        Json.mapper().valueToTree(Fixtures.bundledBot().answerer().answer(SEED_QUESTION));
    assertThat(printed).isEqualTo(api);
    assertThat(printed.get("answer").get("id").asText()).isEqualTo(SEED_ID);
  }

  @Test
  void askPrintsAReadableAnswer() {
    Run run = run(withLocations("ask", SEED_QUESTION));
    assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
    String out = run.out();
    EntryView entry = Fixtures.bundledBot().answerer().entry(SEED_ID).orElseThrow();

    assertThat(out.lines().findFirst()).contains(entry.question());
    assertThat(out).contains("Video: " + entry.video());
    String flat = squash(out);
    for (Block block : entry.blocks()) {
      List<String> texts = block.text() != null ? List.of(block.text()) : block.items();
      for (String text : texts) {
        assertThat(flat).contains(squash(Marks.strip(text)));
      }
    }
    assertThat(flat)
        .contains("Inner alignment is the problem")
        .doesNotContain("Inner alignment asks");

    assertThat(out).contains("Related questions:");
    List<Answer.Link> related = entry.related();
    assertThat(related).hasSize(5);
    for (int i = 0; i < related.size(); i++) {
      assertThat(out).contains("  " + (i + 1) + ". " + related.get(i).question());
    }
    assertThat(out.indexOf("Related questions:"))
        .isGreaterThan(out.indexOf("Inner alignment is the problem"));

    assertThat(out).contains("Sources:");
    String sources = squash(out.substring(out.indexOf("Sources:")));
    for (Source source : entry.sources()) {
      assertThat(sources).contains(squash(Marks.strip(source.text())));
    }
    assertThat(sources)
        .contains("- Hubinger, Evan; et. al. (May 2019) Risks from Learned Optimization");

    assertThat(out).doesNotContain("<u>").doesNotContain("</u>").doesNotContain("\u001b[");
  }

  @Test
  void askShowsTheChoicesWhenAQuestionFallsBetweenEntries() {
    Run run = run(withLocations("ask", "How does AI control differ from boxing an AI?"));
    assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out())
        .startsWith("I'm not sure which of these you mean. Did you mean:\n")
        .contains(". What is AI control?\n")
        .contains(". Can't we just keep a dangerous AI in a box?\n")
        .contains(
            "(Ask again with the question you mean, or use 'faqbot chat' and type its number.)");
  }

  @Test
  void askAnswersHelloWithQuestionsToStartWith() throws IOException {
    Run run = run(withLocations("ask", "hi"));
    assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).startsWith("Hi!").contains("  1. ").doesNotContain("Sorry");
    Run json = run(withLocations("ask", "--json", "hi"));
    assertThat(new ObjectMapper().readTree(json.out()).path("outcome").asText())
        .isEqualTo("smalltalk");
  }

  @Test
  void askWithoutAQuestionIsRefusedWithTheUsage() {
    Run run = run(withLocations("ask"));
    assertThat(run.exit()).isNotEqualTo(Main.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("QUESTION").contains("Usage:");
    assertNoStackTrace(run.err());
  }

  @Test
  void askWithoutAQuestionExitsWithTheUsageCode() {
    Run run = run(withLocations("ask"));
    assertThat(run.exit()).isEqualTo(Main.USAGE);
  }

  @Test
  void askWithAnEmptyQuestionSaysItIsEmpty() {
    for (String empty : List.of("", "   ")) {
      Run run = run(withLocations("ask", empty));
      assertThat(run.exit()).as("ask '%s'", empty).isEqualTo(Main.USAGE);
      assertThat(run.out()).isEmpty();
      // stderr may also say that the index was built first; the complaint is one line of its own.
      assertThat(run.err().lines()).contains("faqbot: the message is empty");
      assertNoStackTrace(run.err());
    }
  }

  @Test
  void unknownSubcommandIsRefusedWithTheUsage() {
    Run run = run("frobnicate");
    assertThat(run.exit()).isNotEqualTo(Main.OK);
    assertThat(run.err()).contains("frobnicate").contains("Usage:");
    assertNoStackTrace(run.err());
  }

  @Test
  void unknownSubcommandExitsWithTheUsageCode() {
    assertThat(run("frobnicate").exit()).isEqualTo(Main.USAGE);
  }

  @Test
  void helpExitsZeroAndListsTheSubcommands() {
    Run run = run("--help");
    assertThat(run.exit()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("Usage:");
    for (String command : List.of("ask", "serve", "index", "check", "eval")) {
      assertThat(run.out()).contains(command);
    }
  }

  @Test
  void noSubcommandPrintsTheUsageAndExits2() {
    Run run = run();
    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("Usage:");
  }

  // ---------------------------------------------------------------- check

  @Test
  void checkPassesTheBundledCorpus() {
    Run run = run("check", "--corpus", corpus.toString());
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("OK: " + corpusEntries + " entries");
    assertThat(corpusEntries).isEqualTo(48);
  }

  @Test
  void checkReportsEachBrokenFileWithItsLine(@TempDir Path folder) throws IOException {
    Files.copy(corpus.resolve(SEED_FILE), folder.resolve(SEED_FILE));

    Path empty = Files.write(folder.resolve("What is in an empty file?.txt"), new byte[0]);

    ByteArrayOutputStream badBytes = new ByteArrayOutputStream();
    badBytes.write(
        "Question: What are bad bytes?\n\nThis line has bad bytes: "
            .getBytes(StandardCharsets.UTF_8));
    badBytes.write(new byte[] {(byte) 0xff, (byte) 0xfe});
    badBytes.write(
        " in it.\n\nSources\n\n- Someone (May 2020) Something\n".getBytes(StandardCharsets.UTF_8));
    Path invalidUtf8 =
        Files.write(folder.resolve("What are bad bytes?.txt"), badBytes.toByteArray());
    int badBytesLine = 3;

    List<String> unclosedLines =
        List.of(
            "Question: What is an unclosed mark?",
            "",
            "The first paragraph is fine.",
            "",
            "This one has <u>a mark that never closes.",
            "",
            "Sources",
            "",
            "- Someone (May 2020) Something");
    Path unclosed = Files.write(folder.resolve("What is an unclosed mark?.txt"), unclosedLines);
    int unclosedLine = indexOfContaining(unclosedLines, "<u>") + 1;

    List<String> twoRelatedLines =
        List.of(
            "Question: Why are there two related sections?",
            "",
            "Some answer text.",
            "",
            "Related",
            "",
            "- " + SEED_QUESTION,
            "",
            "Related",
            "",
            "- " + SEED_QUESTION,
            "",
            "Sources",
            "",
            "- Someone (May 2020) Something");
    Path twoRelated =
        Files.write(folder.resolve("Why are there two related sections?.txt"), twoRelatedLines);
    int secondRelatedLine = twoRelatedLines.lastIndexOf("Related") + 1;

    Path noQuestion =
        Files.write(
            folder.resolve("no-question-header.txt"),
            List.of(
                "Some answer text, but the file has no Question: header and a slug for a name.",
                "",
                "Sources",
                "",
                "- Someone (May 2020) Something"));

    Run run = run("check", "--corpus", folder.toString());
    String out = run.out();
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.FAILURE);
    assertNoStackTrace(run.all());

    // An empty file is pointed at by its first line.
    assertThat(out).contains(empty + ":1: error: ");
    assertThat(lineFor(out, empty)).contains("empty");
    assertThat(out).contains(invalidUtf8 + ":" + badBytesLine + ": error: ");
    assertThat(lineFor(out, invalidUtf8)).contains("UTF-8");
    assertThat(out).contains(unclosed + ":" + unclosedLine + ": error: ");
    assertThat(lineFor(out, unclosed)).contains("<u>");
    assertThat(out).contains(twoRelated + ":" + secondRelatedLine + ": error: ");
    assertThat(lineFor(out, twoRelated)).contains("Related");
    assertThat(out).contains(noQuestion + ":1: error: ");
    assertThat(lineFor(out, noQuestion)).contains("Question:");

    assertThat(errorsFor(out, folder.resolve(SEED_FILE))).isEmpty();
    assertThat(out).contains("5 errors");
    assertThat(out).contains("FAILED: 1 entry in");
  }

  @Test
  void checkOfAMissingFolderSaysSoInOneLine() {
    Run run = run("check", "--corpus", "/does/not/exist");
    assertThat(run.exit()).isEqualTo(Main.FAILURE);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("/does/not/exist").contains("not found");
    assertNoStackTrace(run.all());
  }

  // ---------------------------------------------------------------- index

  @Test
  void indexBuildsAndThenReusesTheCachedVectors() {
    Path fresh = shared.resolve("index-command");
    Run first = run("index", "--corpus", corpus.toString(), "--index", fresh.toString());
    assertThat(first.exit()).as(first.all()).isEqualTo(Main.OK);
    assertThat(first.out()).contains("Indexed " + corpusEntries + " entries");
    int[] firstCounts = vectorCounts(first.out());
    assertThat(firstCounts[1])
        .as("computed on a fresh index")
        .isEqualTo(firstCounts[0])
        .isPositive();

    Run second = run("index", "--corpus", corpus.toString(), "--index", fresh.toString());
    assertThat(second.exit()).as(second.all()).isEqualTo(Main.OK);
    assertThat(second.out()).contains("Indexed " + corpusEntries + " entries");
    int[] secondCounts = vectorCounts(second.out());
    assertThat(secondCounts[0]).isEqualTo(firstCounts[0]);
    assertThat(secondCounts[1]).as("computed again").isZero();
    assertThat(secondCounts[2]).as("from the cache").isEqualTo(firstCounts[0]);
  }

  /** {vectors, computed, cached} from "(N sentence vectors: C computed, K from the cache)". */
  private static int[] vectorCounts(String out) {
    Matcher m =
        Pattern.compile("(\\d+) sentence vectors: (\\d+) computed, (\\d+) from the cache")
            .matcher(out);
    assertThat(m.find()).as("vector counts in %s", out).isTrue();
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }

  // ---------------------------------------------------------------- eval

  private static final List<String> EVAL_ENTRIES =
      List.of("what-is-goodharts-law", "what-is-the-paperclip-maximizer", "what-is-red-teaming");

  private static Path evalCorpus(Path folder) throws IOException {
    Path tiny = Files.createDirectories(folder.resolve("corpus"));
    for (String id : EVAL_ENTRIES) {
      Files.copy(corpus.resolve(id + ".txt"), tiny.resolve(id + ".txt"));
    }
    return tiny;
  }

  private static Path evalQueries(Path folder) throws IOException {
    return Files.write(
        folder.resolve("queries.tsv"),
        List.of(
            "query_id\tkind\ttext",
            "q1\tparaphrase\twhen a measure becomes a target it stops being a good measure",
            "q2\tparaphrase\tan AI told to make as many paperclips as possible",
            "q3\tparaphrase\tpeople attacking a model on purpose to find its failures before release",
            "q4\tofftopic\tWhat's a good recipe for banana bread?"));
  }

  @Test
  void evalPrintsTheFiguresAsJson(@TempDir Path folder) throws IOException {
    Path tiny = evalCorpus(folder);
    Path queries = evalQueries(folder);
    Path qrels =
        Files.write(
            folder.resolve("qrels.txt"),
            List.of(
                "q1 0 " + EVAL_ENTRIES.get(0) + " 1",
                "q2 0 " + EVAL_ENTRIES.get(1) + " 1",
                "q3 0 " + EVAL_ENTRIES.get(2) + " 1"));

    Run run =
        run(
            "eval",
            "--corpus",
            tiny.toString(),
            "--queries",
            queries.toString(),
            "--qrels",
            qrels.toString(),
            "--json",
            "--leave-out");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode report = JSON.readTree(run.out());
    List<String> shares =
        List.of(
            "answeredRight",
            "answeredWrong",
            "clarifiedInScope",
            "clarifiedWithRight",
            "declinedInScope",
            "answeredOutOfScope",
            "clarifiedOutOfScope",
            "declinedOutOfScope",
            "rightCredit",
            "wrongOverall");
    List<String> all =
        new ArrayList<>(
            List.of(
                "queries",
                "inScope",
                "outOfScope",
                "map",
                "mrr10",
                "p1",
                "ndcg10",
                "recall10",
                "leaveOut",
                "latencyMs"));
    all.addAll(shares);
    assertThat(fieldNames(report)).containsExactlyInAnyOrderElementsOf(all);
    assertThat(fieldNames(report.get("latencyMs"))).containsExactlyInAnyOrder("p50", "p95");
    assertThat(fieldNames(report.get("leaveOut")))
        .containsExactlyInAnyOrder("queries", "answered", "clarified", "declined");
    assertThat(report.get("leaveOut").get("queries").asInt()).isEqualTo(3);

    assertThat(report.get("queries").asInt()).isEqualTo(4);
    assertThat(report.get("inScope").asInt()).isEqualTo(3);
    assertThat(report.get("outOfScope").asInt()).isEqualTo(1);
    List<String> figures = new ArrayList<>(List.of("map", "mrr10", "p1", "ndcg10"));
    figures.addAll(shares);
    for (String figure : figures) {
      assertThat(report.get(figure).isNumber()).as(figure).isTrue();
      assertThat(report.get(figure).asDouble()).as(figure).isBetween(0.0, 1.0);
    }
    // Each in-scope query's outcome is one of four; each out-of-scope one of three.
    assertThat(
            report.get("answeredRight").asDouble()
                + report.get("answeredWrong").asDouble()
                + report.get("clarifiedInScope").asDouble()
                + report.get("declinedInScope").asDouble())
        .isCloseTo(1.0, Assertions.within(1e-3));
    assertThat(
            report.get("answeredOutOfScope").asDouble()
                + report.get("clarifiedOutOfScope").asDouble()
                + report.get("declinedOutOfScope").asDouble())
        .isCloseTo(1.0, Assertions.within(1e-3));
    // Every entry of a three-entry corpus is ranked, so each relevant one is within the first ten.
    assertThat(report.get("recall10").asDouble()).isEqualTo(1.0);
    assertThat(report.get("map").asDouble()).isGreaterThanOrEqualTo(1.0 / 3);
    double p50 = report.get("latencyMs").get("p50").asDouble();
    double p95 = report.get("latencyMs").get("p95").asDouble();
    assertThat(p50).isGreaterThanOrEqualTo(0.0);
    assertThat(p95).isGreaterThanOrEqualTo(p50);
  }

  @Test
  void evalTakesOnlyTheQueriesWhereAColumnHasAValue(@TempDir Path folder) throws IOException {
    Path tiny = evalCorpus(folder);
    Path queries = evalQueries(folder);
    Run run =
        run(
            "eval",
            "--corpus",
            tiny.toString(),
            "--queries",
            queries.toString(),
            "--where",
            "kind=offtopic",
            "--json");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(JSON.readTree(run.out()).get("queries").asInt()).isEqualTo(1);
    Run bad =
        run(
            "eval",
            "--corpus",
            tiny.toString(),
            "--queries",
            queries.toString(),
            "--where",
            "split=test");
    assertThat(bad.exit()).isEqualTo(Main.FAILURE);
    assertThat(bad.err())
        .contains("queries.tsv:1: has no column 'split' (its columns: query_id, kind, text)");
  }

  @Test
  void evalMeasuresAFirstIndexWhenAsked(@TempDir Path folder) throws IOException {
    Path corpus = Fixtures.longAnswers(folder.resolve("long"), 3);
    Path queries =
        Files.write(
            folder.resolve("long-queries.tsv"),
            List.of("query_id\ttext", "q1\tpart 4 of topic 2", "q2\tWhat is topic number 1?"));
    Path qrels =
        Files.write(folder.resolve("long-qrels.txt"), List.of("q1 0 topic-2 1", "q2 0 topic-1 1"));
    Run whole = evalOf(corpus, queries, "--qrels", qrels.toString(), "--json");
    Run first = evalOf(corpus, queries, "--qrels", qrels.toString(), "--json", "--first-index");
    assertThat(whole.exit()).as(whole.all()).isEqualTo(Main.OK);
    assertThat(first.exit()).as(first.all()).isEqualTo(Main.OK);
    assertThat(whole.err()).doesNotContain("first index");
    // Three entries of five passages each: all fifteen are left out of the first index.
    assertThat(first.err()).contains("eval: a first index, without the vectors of 15 passages");
    assertThat(JSON.readTree(first.out()).get("queries").asInt()).isEqualTo(2);
  }

  /** Runs eval on the three-entry corpus and its queries, with these options. */
  private static Run evalOfTheTinyCorpus(Path folder, String... options) throws IOException {
    return evalOf(evalCorpus(folder), evalQueries(folder), options);
  }

  /** Runs eval on a corpus and a queries file, with these options. */
  private static Run evalOf(Path corpus, Path queries, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("eval", "--corpus", corpus.toString(), "--queries", queries.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  @Test
  void evalRefusesAFirstIndexWithoutTheModels(@TempDir Path folder) throws IOException {
    Run run = evalOfTheTinyCorpus(folder, "--first-index", "--keywords-only");
    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("--first-index").contains("--keywords-only");
    assertNoStackTrace(run.all());
  }

  @Test
  void evalRefusesANegativeWarmUpNamingTheValue(@TempDir Path folder) throws IOException {
    Run run = evalOfTheTinyCorpus(folder, "--warm-up", "-1");
    assertThat(run.exit()).isEqualTo(Main.USAGE);
    assertThat(run.err()).contains("--warm-up").contains("-1");
    assertNoStackTrace(run.all());
  }

  @Test
  void evalRefusesAMalformedQrelsLineNamingFileAndLine(@TempDir Path folder) throws IOException {
    Path tiny = evalCorpus(folder);
    Path queries = evalQueries(folder);
    List<String> lines =
        List.of(
            "q1 0 " + EVAL_ENTRIES.get(0) + " 1",
            "q2 0 " + EVAL_ENTRIES.get(1),
            "q3 0 " + EVAL_ENTRIES.get(2) + " 1");
    Path qrels = Files.write(folder.resolve("qrels.txt"), lines);

    Run run =
        run(
            "eval",
            "--corpus",
            tiny.toString(),
            "--queries",
            queries.toString(),
            "--qrels",
            qrels.toString(),
            "--json");
    assertThat(run.exit()).isEqualTo(Main.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(qrels + ":2");
    assertNoStackTrace(run.all());
  }

  // ---------------------------------------------------------------- serve

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void servePortOutOfRangeIsRefusedNamingTheOptionAndRange() {
    Run run = run(withLocations("serve", "--port", "70000"));
    assertThat(run.exit()).isNotEqualTo(Main.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--port").contains("0 to 65535").contains("70000");
    assertNoStackTrace(run.err());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void servePortOutOfRangeExitsWithTheUsageCode() {
    assertThat(run(withLocations("serve", "--port", "70000")).exit()).isEqualTo(Main.USAGE);
  }

  // ---------------------------------------------------------------- helpers

  private static int indexOfContaining(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " is in none of the lines");
  }

  /** The one output line that reports a problem with this file. */
  private static String lineFor(String out, Path file) {
    List<String> lines = out.lines().filter(l -> l.startsWith(file + ":")).toList();
    assertThat(lines).as("problems reported for %s", file).hasSize(1);
    return lines.get(0);
  }

  private static List<String> errorsFor(String out, Path file) {
    return out.lines().filter(l -> l.startsWith(file + ":") && l.contains(": error: ")).toList();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
