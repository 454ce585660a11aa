package faqbot.app;

import faqbot.answer.Answerer;
import faqbot.answer.Calibration;
import faqbot.answer.SmallTalk;
import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusProblem;
import faqbot.corpus.CorpusSource;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.PhrasingsFile;
import faqbot.corpus.SharedPhrasings;
import faqbot.corpus.Slugs;
import faqbot.embed.LazyEncoder;
import faqbot.embed.SentenceEncoder;
import faqbot.index.BuildReport;
import faqbot.index.FaqIndex;
import faqbot.index.IndexView;
import faqbot.index.Staging;
import faqbot.text.Cut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A bot ready to answer: the sentence model loaded, the index of a corpus opened (and built first
 * when the corpus changed since), and the {@link Answerer} over them. Close it to free the index
 * and the model.
 */
public final class Bot implements AutoCloseable {
  private final CorpusSource corpus;
  private final FaqIndex index;
  private final SentenceEncoder encoder;
  private final Answerer answerer;
  private final ReentrantLock reloadLock = new ReentrantLock();
  private final AtomicLong reloads = new AtomicLong();
  private final AtomicLong reloadFailures = new AtomicLong();
  private volatile ReloadStatus lastReload;
  private static final String STALE = "does not parse now; ";

  private Bot(
      CorpusSource corpus,
      FaqIndex index,
      SentenceEncoder encoder,
      Calibration calibration,
      SmallTalk smallTalk) {
    this.corpus = corpus;
    this.index = index;
    this.encoder = encoder;
    this.answerer = new Answerer(index, calibration, smallTalk);
  }

  /**
   * Opens the bot on a corpus.
   *
   * @param semantic whether to use the sentence model; without it, answers come from keywords only
   * @param onBuild told what an index build did, when the index had to be built
   */
  public static Bot open(
      Path corpus, Path indexFolder, boolean semantic, Consumer<BuildReport> onBuild) {
    return open(corpus, indexFolder, semantic, SmallTalk.standard(), onBuild);
  }

  /** Opens the bot on a corpus, replying to small talk as {@code smallTalk} says. */
  public static Bot open(
      Path corpus,
      Path indexFolder,
      boolean semantic,
      SmallTalk smallTalk,
      Consumer<BuildReport> onBuild) {
    return open(CorpusSource.of(corpus), indexFolder, semantic, smallTalk, onBuild);
  }

  /** Opens the bot on a corpus read as {@code source} says. */
  public static Bot open(
      CorpusSource corpus,
      Path indexFolder,
      boolean semantic,
      SmallTalk smallTalk,
      Consumer<BuildReport> onBuild) {
    return open(corpus, indexFolder, semantic, smallTalk, Staging.WHOLE, onBuild);
  }

  /**
   * Opens the bot on a corpus read as {@code source} says; with {@link Staging#EARLY}, on a first
   * index when the whole one would take long to build, for {@link #completeIndex} to finish.
   */
  public static Bot open(
      CorpusSource corpus,
      Path indexFolder,
      boolean semantic,
      SmallTalk smallTalk,
      Staging staging,
      Consumer<BuildReport> onBuild) {
    Calibration calibration = Calibration.DEFAULT;
    LazyEncoder encoder = semantic ? LazyEncoder.standard() : null;
    if (encoder != null) {
      // Questions need the model anyway: load it while the index opens.
      encoder.preload();
    }
    try {
      FaqIndex index =
          FaqIndex.openOrBuild(
              corpus.fingerprint(), corpus::load, indexFolder, encoder, staging, onBuild);
      return new Bot(corpus, index, encoder, calibration, smallTalk);
    } catch (RuntimeException e) {
      if (encoder != null) {
        encoder.close();
      }
      throw e;
    }
  }

  public Answerer answerer() {
    return answerer;
  }

  /**
   * Loads the sentence model now (it loads on first use otherwise), so the first question is not
   * the slow one.
   */
  public void warmUp() {
    if (encoder instanceof LazyEncoder lazy) {
      lazy.model();
    }
    answerer.search("warm-up question", 1);
  }

  /**
   * Reads the corpus again and swaps in a fresh index of it, whether or not it changed; searches in
   * flight finish on the old index, new ones see the new. A file that no longer parses keeps
   * serving its last good entries (with a warning in the report), so an editor's slip never takes
   * an answer away.
   */
  public BuildReport reindex() {
    reloadLock.lock();
    try {
      // While a first index is served, a reload makes another first index: quick, and the
      // completion that follows embeds the passages outside this lock.
      return reindex(indexComplete() ? Staging.WHOLE : Staging.EARLY);
    } finally {
      reloadLock.unlock();
    }
  }

  /** Rebuilds the index as {@code staging} says; the caller holds {@link #reloadLock}. */
  private BuildReport reindex(Staging staging) {
    try {
      // Fingerprint first: an edit made during the build then makes the index look stale, never
      // current.
      String fingerprint = corpus.fingerprint();
      Corpus fresh = corpus.load();
      Corpus merged = keepLastGood(fresh);
      BuildReport report = index.rebuild(merged, fingerprint, staging);
      reloads.incrementAndGet();
      lastReload =
          new ReloadStatus(
              Instant.now().toString(),
              true,
              report.entries(),
              (int) merged.problems().stream().filter(CorpusProblem::isError).count(),
              staleFiles(merged),
              null);
      return report;
    } catch (RuntimeException e) {
      reloadFailures.incrementAndGet();
      lastReload =
          new ReloadStatus(
              Instant.now().toString(), false, answerer.size(), 0, List.of(), e.getMessage());
      throw e;
    }
  }

  /**
   * Rebuilds the index when the corpus on disk differs from what the served index was built from
   * (also when another process rebuilt the index folder meanwhile, which this bot does not serve
   * until it reloads); says whether it did.
   */
  public boolean reloadIfChanged() {
    if (isCurrent()) {
      return false;
    }
    reloadLock.lock();
    try {
      // Another reload (a phrasing added through the API) may have caught up while this waited.
      if (isCurrent()) {
        return false;
      }
      reindex();
      return true;
    } finally {
      reloadLock.unlock();
    }
  }

  /**
   * What adding a phrasing did.
   *
   * @param added whether it was written (false when the entry already asks it so)
   * @param entryId the entry
   * @param phrasing the phrasing, as written
   * @param file the phrasings file's name
   */
  public record PhrasingAdded(boolean added, String entryId, String phrasing, String file) {}

  /**
   * Adds a phrasing to an entry: appends it to the phrasings file beside the corpus, durably, then
   * reloads and returns once the new index serves it, so the next question in those words answers
   * that entry. Nothing is written when the entry already asks it so.
   *
   * @throws PhrasingRefusedException when the phrasing is not one line of text, the entry is
   *     unknown, or another entry already asks it so; nothing is written then
   * @throws UncheckedIOException when the file cannot be written
   * @throws IllegalStateException when it was written but the reloaded index does not serve it
   */
  public PhrasingAdded addPhrasing(String entryId, String phrasing) {
    String wrong = PhrasingsFile.checkPhrasing(phrasing);
    if (wrong != null) {
      throw new PhrasingRefusedException(PhrasingRefusedException.Reason.INVALID, wrong);
    }
    String text = phrasing.strip();
    Path file = PhrasingsFile.target(corpus.path());
    reloadLock.lock();
    try {
      Corpus current = corpus.load();
      if (current.byId(entryId).isEmpty()) {
        throw new PhrasingRefusedException(
            PhrasingRefusedException.Reason.UNKNOWN_ENTRY,
            "no entry has the id '" + Cut.atMost(entryId, 100) + "'");
      }
      String owner = current.resolve(text).orElse(null);
      if (entryId.equals(owner)) {
        return new PhrasingAdded(
            false,
            entryId,
            text,
            corpus.shared() != null ? corpus.shared().name() : file.getFileName().toString());
      }
      if (owner != null) {
        FaqEntry other = current.byId(owner).orElseThrow();
        boolean question = Slugs.questionKey(other.question()).equals(Slugs.questionKey(text));
        throw new PhrasingRefusedException(
            PhrasingRefusedException.Reason.TAKEN,
            "\""
                + text
                + "\" is "
                + (question ? "the question" : "a phrasing")
                + " of another entry, '"
                + owner
                + "'");
      }
      SharedPhrasings shared = corpus.shared();
      try {
        if (shared != null) {
          shared.add(entryId, text);
        } else {
          PhrasingsFile.append(file, entryId, text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + (shared != null ? shared.name() : file) + ": " + e.getMessage(), e);
      }
      reindex();
      try (IndexView view = index.acquire()) {
        if (!entryId.equals(view.corpus().resolve(text).orElse(null))) {
          throw new IllegalStateException(
              "the phrasing was written to " + file + " but the reloaded index does not serve it");
        }
      }
      return new PhrasingAdded(
          true, entryId, text, shared != null ? shared.name() : file.getFileName().toString());
    } finally {
      reloadLock.unlock();
    }
  }

  private Corpus keepLastGood(Corpus fresh) {
    Set<String> broken = new HashSet<>();
    for (CorpusProblem p : fresh.problems()) {
      if (p.isError()) {
        broken.add(p.file());
      }
    }
    if (broken.isEmpty()) {
      return fresh;
    }
    List<FaqEntry> entries = new ArrayList<>(fresh.entries());
    List<CorpusProblem> problems = new ArrayList<>(fresh.problems());
    try (IndexView view = index.acquire()) {
      for (FaqEntry old : view.entries()) {
        if (broken.contains(old.file()) && fresh.byId(old.id()).isEmpty()) {
          entries.add(old);
          problems.add(
              CorpusProblem.warning(
                  old.file(),
                  0,
                  STALE
                      + "the last good version of this entry (\""
                      + old.question()
                      + "\") is still served"));
        }
      }
    }
    return Corpus.of(entries, problems);
  }

  private static List<String> staleFiles(Corpus corpus) {
    return corpus.problems().stream()
        .filter(p -> p.message().startsWith(STALE))
        .map(CorpusProblem::file)
        .distinct()
        .toList();
  }

  /**
   * How the last reload went.
   *
   * @param at when it ended
   * @param ok whether the new index is serving
   * @param entries how many entries are served
   * @param errors how many corpus files had errors
   * @param staleFiles files that failed to parse and whose last good entries are still served
   * @param failure why the reload failed, or null
   */
  public record ReloadStatus(
      String at, boolean ok, int entries, int errors, List<String> staleFiles, String failure) {}

  /** How the last reload went, or null when there was none since start. */
  public ReloadStatus lastReload() {
    return lastReload;
  }

  public long reloads() {
    return reloads.get();
  }

  public long reloadFailures() {
    return reloadFailures.get();
  }

  /** Whether the index being served holds every vector, not only a first index's. */
  public boolean indexComplete() {
    return index.isComplete();
  }

  /**
   * Embeds what the whole index needs beyond the first one that is served (its passages), without
   * holding up reloads or touching the index: the slow half of completing it, which may be
   * interrupted. Returns how many texts were embedded.
   */
  public int prepareWholeIndex() {
    return indexComplete() ? 0 : index.prepare(keepLastGood(corpus.load()));
  }

  /**
   * Builds the whole index when a first one is served, with the vectors {@link #prepareWholeIndex}
   * computed (so it mostly writes), and swaps it in; the first index answers meanwhile. Returns
   * what the build did, or null when there was nothing to complete (a reload got there first).
   */
  public BuildReport completeIndex() {
    reloadLock.lock();
    try {
      return indexComplete() ? null : reindex(Staging.WHOLE);
    } finally {
      reloadLock.unlock();
    }
  }

  /** Whether the index being served was built from the corpus as it is now on disk. */
  public boolean isCurrent() {
    return index.isCurrent(corpus.fingerprint());
  }

  public Path corpus() {
    return corpus.path();
  }

  @Override
  public void close() {
    index.close();
    if (encoder != null) {
      encoder.close();
    }
  }
}
