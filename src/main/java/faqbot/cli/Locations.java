package faqbot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --corpus} and {@code --index} options every command that reads the FAQ shares. */
final class Locations {
  @Option(names = "--corpus", paramLabel = "PATH",
      description = "The corpus: a folder of entry files, or a .jsonl file (default: the bundled corpus/).")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Where the Lucene index is built and read (default: the bundled index/).")
  Path index;

  /** The folder the launcher runs from, where the bundled corpus and index live; else the working folder. */
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
}
