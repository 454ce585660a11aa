package faqbot.testing;

import faqbot.app.Bot;
import faqbot.embed.EnsembleEncoder;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared test fixtures: the bundled corpus, a bot over it (built once per test run), the sentence
 * model, and the shared datasets.
 */
public final class Fixtures {
  private static Bot bundled;
  private static Path bundledIndex;
  private static SentenceEncoder encoder;

  private Fixtures() {}

  /** The bundled corpus folder of this checkout. */
  public static Path corpus() {
    return Path.of("corpus").toAbsolutePath();
  }

  /** A copy of the bundled corpus's files in a new folder. */
  public static Path copyOfCorpus(Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(corpus())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    }
    return to;
  }

  /** This JVM's own launcher, for tests that run a program in a child process. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The command that runs faqbot's command line in a child JVM: this class path, the heap given,
   * the test run's cache of unpacked models, then the arguments.
   */
  public static List<String> faqbotCommand(String heap, String... arguments) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            javaBinary(),
            "-Xmx" + heap,
            "-cp",
            System.getProperty("java.class.path"),
            "-Dfaqbot.cache=" + System.getProperty("faqbot.cache", "target/unpacked"),
            "faqbot.cli.Main"));
    command.addAll(List.of(arguments));
    return command;
  }

  /**
   * Four entries of the bundled corpus around inner alignment (inner and outer alignment, mesa-
   * optimizers, reward hacking), copied into {@code folder} (made if needed): a small corpus a test
   * may change and index quickly. Returns the folder.
   */
  public static Path innerAlignmentCorpus(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String name :
        List.of(
            "What is inner alignment?.txt",
            "what-are-mesa-optimizers.txt",
            "what-is-outer-alignment.txt",
            "what-is-reward-hacking.txt")) {
      Files.copy(corpus().resolve(name), folder.resolve(name));
    }
    return folder;
  }

  /**
   * A corpus of {@code entries} answers of five paragraphs of 120 words, each paragraph a passage:
   * 600 words of passages an entry.
   */
  public static Path longAnswers(Path folder, int entries) throws IOException {
    Files.createDirectories(folder);
    String[] words = {
      "orbit", "lantern", "harvest", "signal", "marble", "copper", "meadow", "engine"
    };
    for (int e = 0; e < entries; e++) {
      StringBuilder text = new StringBuilder("Question: What is topic number " + e + "?\n\n");
      for (int p = 0; p < 5; p++) {
        text.append("Part ").append(p).append(" of topic ").append(e).append(": ");
        for (int w = 6; w < 120; w++) {
          text.append(words[(e * 7 + p * 3 + w) % words.length]).append(w % 12 == 11 ? ". " : " ");
        }
        text.append("\n\n");
      }
      Files.writeString(
          folder.resolve("topic-" + e + ".txt"), text.toString(), StandardCharsets.UTF_8);
    }
    return folder;
  }

  /**
   * A bot over the bundled corpus, with the sentence model, indexed once into a temporary folder
   * (never the checkout's own index/) and shared by every test in the run. Do not close it.
   */
  public static synchronized Bot bundledBot() {
    if (bundled == null) {
      try {
        bundledIndex = Files.createTempDirectory("faqbot-test-index-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = Bot.open(corpus(), bundledIndex, true, report -> {});
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    bundled.close();
                    deleteTree(bundledIndex);
                  }));
    }
    return bundled;
  }

  /** The sentence model, loaded once and shared by every test in the run. Do not close it. */
  public static synchronized SentenceEncoder encoder() {
    if (encoder == null) {
      encoder = EnsembleEncoder.standard();
      SentenceEncoder loaded = encoder;
      Runtime.getRuntime().addShutdownHook(new Thread(loaded::close));
    }
    return encoder;
  }

  /**
   * The shared evaluation datasets folder ({@code ../shared/datasets} next to the checkout, or
   * {@code $FAQBOT_SHARED/datasets}). Tests that need it are skipped where it is absent, unless
   * {@code FAQBOT_REQUIRE_SHARED=1} (as CI sets it), in which case they fail.
   */
  public static Path sharedDatasets() {
    String env = System.getenv("FAQBOT_SHARED");
    Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared");
    Path datasets = shared.resolve("datasets").toAbsolutePath().normalize();
    if (!Files.isDirectory(datasets)) {
      String message =
          "the shared datasets are not at "
              + datasets
              + " (set FAQBOT_SHARED to the folder that holds"
              + " datasets/)";
      if ("1".equals(System.getenv("FAQBOT_REQUIRE_SHARED"))) {
        throw new AssertionError(message + ", and FAQBOT_REQUIRE_SHARED=1 says they must be there");
      }
      Assumptions.abort("skipped: " + message);
    }
    return datasets;
  }

  /** The shared seed folder, under the same rules as {@link #sharedDatasets()}. */
  public static Path sharedSeed() {
    return sharedDatasets().getParent().resolve("seed");
  }

  public static void deleteTree(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
