package faqbot.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What to read as the corpus: a folder or file, and, for an export that keeps entries at several
 * stages of writing, which stages to serve.
 *
 * @param path a corpus folder, or a {@code .jsonl}, {@code .csv} or {@code .tsv} file
 * @param statuses the statuses of an export's rows to load (matched case-insensitively, a status by
 *     its first words: "live" matches "Live on site"; "all" loads every row)
 * @param shared phrasings kept in a store the replicas share, merged in after the phrasings files;
 *     null for none
 */
public record CorpusSource(Path path, List<String> statuses, SharedPhrasings shared) {
  /** The rows an export serves unless told otherwise: those its site shows. */
  public static final List<String> LIVE = List.of("live");

  public CorpusSource(Path path, List<String> statuses) {
    this(path, statuses, null);
  }

  /** The same corpus with phrasings from a shared store merged in. */
  public CorpusSource withShared(SharedPhrasings store) {
    return new CorpusSource(path, statuses, store);
  }

  public CorpusSource {
    statuses =
        statuses == null || statuses.isEmpty()
            ? LIVE
            : statuses.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** The corpus at {@code path}, serving an export's live rows. */
  public static CorpusSource of(Path path) {
    return new CorpusSource(path, LIVE);
  }

  /** Reads the corpus; problems are in the result, not thrown. */
  public Corpus load() {
    Corpus files = Corpora.load(path, this);
    if (shared == null) {
      return files;
    }
    try {
      List<PhrasingsFile.Addition> additions = shared.additions();
      return additions.isEmpty() ? files : Phrasings.merge(files, additions, List.of());
    } catch (IOException e) {
      // The store away: serve the corpus as its files say, and say why.
      return files.rebuilt(
          entry -> entry,
          List.of(
              CorpusProblem.warning(
                  shared.name(), 0, "the shared phrasings cannot be read now: " + e.getMessage())));
    }
  }

  /** Whether an export row of this status is to be served. */
  public boolean serves(String status) {
    String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    return statuses.stream().anyMatch(wanted -> wanted.equals("all") || s.startsWith(wanted));
  }

  /**
   * A fingerprint of the files and of the statuses chosen, so that serving other statuses of the
   * same file builds the index again.
   */
  public String fingerprint() {
    String files = CorpusFingerprint.of(path);
    String chosen = statuses.equals(LIVE) ? files : files + ":" + String.join(",", statuses);
    if (shared == null) {
      return chosen;
    }
    try {
      return chosen + ":phrasings " + shared.version();
    } catch (IOException e) {
      // Unknown while the store is away: nothing to rebuild for until it answers again.
      return chosen + ":phrasings unknown";
    }
  }
}
