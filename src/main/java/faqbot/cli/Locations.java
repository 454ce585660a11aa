package faqbot.cli;

import faqbot.answer.SmallTalk;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --corpus}, {@code --index} and {@code --smalltalk} options every command that reads
 * the FAQ shares.
 */
final class Locations {
  /** Names a small-talk file when {@code --smalltalk} does not. */
  static final String SMALLTALK_VARIABLE = "FAQBOT_SMALLTALK";

  @Option(
      names = "--corpus",
      paramLabel = "PATH",
      description =
          "The corpus: a folder of entry files, or a .jsonl file (default: the bundled corpus/).")
  Path corpus;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Where the Lucene index is built and read (default: the bundled index/).")
  Path index;

  @Option(
      names = "--smalltalk",
      paramLabel = "FILE",
      description =
          "What to reply to greetings, thanks and the like, in the form of the bundled smalltalk.json"
              + " (default: $"
              + SMALLTALK_VARIABLE
              + ", else the bundled replies).")
  Path smallTalk;

  /**
   * The folder the launcher runs from, where the bundled corpus and index live; else the working
   * folder.
   */
  static Path home() {
    String home = System.getenv("FAQBOT_HOME");
    return home == null || home.isBlank() ? Path.of("") : Path.of(home);
  }

  Path corpus() {
    return corpus != null ? corpus : home().resolve("corpus");
  }

  Path index() {
    return index != null ? index : home().resolve("index");
  }

  /** Whether any of these options was given (a remote server has its own). */
  boolean anyGiven() {
    return corpus != null || index != null || smallTalk != null;
  }

  /**
   * The small-talk replies: from {@code --smalltalk}, else from the file {@value
   * #SMALLTALK_VARIABLE} names, else those bundled.
   *
   * @throws UserError naming the file and what is wrong with it
   */
  SmallTalk smallTalk() {
    String fromEnv = System.getenv(SMALLTALK_VARIABLE);
    Path file =
        smallTalk != null
            ? smallTalk
            : fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    if (file == null) {
      return SmallTalk.standard();
    }
    try {
      return SmallTalk.load(file);
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot use the small-talk file " + e.getMessage());
    }
  }
}
