package faqbot.cli;

import faqbot.answer.SmallTalk;
import faqbot.corpus.CorpusSource;
import java.nio.file.Path;
import java.util.List;
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
          "The corpus: a folder of entry files (.txt and .md), a .jsonl file (the AISafety.info"
              + " export or an evaluation corpus), or a .csv or .tsv spreadsheet (default: the"
              + " bundled corpus/).")
  Path corpus;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      description =
          "For an AISafety.info table export: the statuses of the rows to serve, matched by their"
              + " first words (default: live; 'all' for every row), e.g. --status live,'in review'.")
  List<String> statuses;

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

  /** The corpus and, for an export, the statuses of the rows to read. */
  CorpusSource corpusSource() {
    return new CorpusSource(corpus(), statuses);
  }

  Path index() {
    return index != null ? index : home().resolve("index");
  }

  /** Whether any of these options was given (a remote server has its own). */
  boolean anyGiven() {
    return corpus != null || index != null || smallTalk != null || statuses != null;
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
