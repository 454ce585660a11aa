package faqbot.index;

import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusFingerprint;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Opens the index of a corpus, rebuilds it, and swaps each new build in for searches: one document
 * per entry, one per sentence vector ({@link IndexBuilder} builds it, {@link FaqSearcher} reads
 * it).
 *
 * <p>Searches in flight when a rebuild is swapped in finish on the old point in time, new ones see
 * the new.
 */
public final class FaqIndex implements AutoCloseable {
  private final Path folder;
  private final Directory directory;
  private final SentenceEncoder encoder;
  private final QueryBuilder queries = new QueryBuilder(new FaqAnalyzer());
  private final SearcherManager searchers;

  /** Vectors {@link #prepare} computed for the next rebuild, by cache key. */
  private final Map<String, float[]> prepared = new ConcurrentHashMap<>();

  private FaqIndex(Path folder, SentenceEncoder encoder) throws IOException {
    this.folder = folder;
    this.encoder = encoder;
    this.directory = FSDirectory.open(folder);
    String model = encoder == null ? null : encoder.modelId();
    this.searchers =
        new SearcherManager(
            directory,
            new SearcherFactory() {
              @Override
              public FaqSearcher newSearcher(IndexReader reader, IndexReader previous)
                  throws IOException {
                return new FaqSearcher((DirectoryReader) reader, model);
              }
            });
  }

  /**
   * Opens the index in a folder, building it first from the corpus when it is missing, was built
   * from other files or in an older layout, or (with an encoder) was built with another model or
   * none. Without an encoder, an index with vectors is read as it is and its vectors are left
   * alone, for the next open with the model.
   *
   * @param corpusPath a corpus folder or {@code .jsonl} file, fingerprinted to tell whether the
   *     index is current
   * @param loader reads the corpus when a build is needed
   * @param encoder the sentence model, or null for keyword search only
   * @param onBuild told what a build did, when one happens
   */
  public static FaqIndex openOrBuild(
      Path corpusPath,
      Function<Path, Corpus> loader,
      Path folder,
      SentenceEncoder encoder,
      Consumer<BuildReport> onBuild) {
    return openOrBuild(
        CorpusFingerprint.of(corpusPath), () -> loader.apply(corpusPath), folder, encoder, onBuild);
  }

  /**
   * Opens the index in a folder, building it first from what {@code loader} reads when it was not
   * built from a corpus of this fingerprint.
   */
  public static FaqIndex openOrBuild(
      String fingerprint,
      Supplier<Corpus> loader,
      Path folder,
      SentenceEncoder encoder,
      Consumer<BuildReport> onBuild) {
    return openOrBuild(fingerprint, loader, folder, encoder, Staging.WHOLE, onBuild);
  }

  /**
   * Opens the index in a folder, building it first (or, with {@link Staging#EARLY}, a first index
   * of it) from what {@code loader} reads when it was not built from a corpus of this fingerprint.
   * With {@link Staging#EARLY} a first index of that corpus is opened as it is, for a rebuild to
   * complete; with {@link Staging#WHOLE} it is completed first.
   */
  public static FaqIndex openOrBuild(
      String fingerprint,
      Supplier<Corpus> loader,
      Path folder,
      SentenceEncoder encoder,
      Staging staging,
      Consumer<BuildReport> onBuild) {
    try {
      Files.createDirectories(folder);
      if (!BuildStamp.lastCommitIn(folder).opensAsIs(fingerprint, encoder, staging)) {
        onBuild.accept(IndexBuilder.build(loader.get(), fingerprint, folder, encoder, staging));
      }
      return new FaqIndex(folder, encoder);
    } catch (IOException e) {
      throw new IndexException("cannot open the index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Builds the index of a corpus into a folder, replacing what was there in one commit; the vectors
   * of texts that did not change are taken from the old index rather than computed again.
   *
   * @param fingerprint recorded with the index, to tell later whether it is current
   * @param encoder the sentence model, or null for an index without vectors
   */
  public static BuildReport build(
      Corpus corpus, String fingerprint, Path folder, SentenceEncoder encoder) {
    return IndexBuilder.build(corpus, fingerprint, folder, encoder, Staging.WHOLE);
  }

  /**
   * Where every later build in this process (by {@link #build}, {@link #openOrBuild} or {@link
   * #rebuild}) reports how far it has got in computing sentence vectors; null for nowhere.
   */
  public static void reportProgressTo(BuildProgress progress) {
    IndexBuilder.reportProgressTo(progress);
  }

  /**
   * Rebuilds this open index from a corpus and makes new searches see it: once this returns, the
   * open reader is of the new commit (or of a later one, when another process committed meanwhile).
   */
  public BuildReport rebuild(Corpus corpus, String fingerprint) {
    return rebuild(corpus, fingerprint, Staging.WHOLE);
  }

  /**
   * Rebuilds this open index from a corpus, as {@link #rebuild(Corpus, String)} does; with {@link
   * Staging#EARLY}, as a first index when many passages are still to embed. The vectors {@link
   * #prepare} computed are used, and dropped once the new index holds them.
   */
  public BuildReport rebuild(Corpus corpus, String fingerprint, Staging staging) {
    Map<String, float[]> used = Map.copyOf(prepared);
    BuildReport report = IndexBuilder.build(corpus, fingerprint, folder, encoder, staging, used);
    prepared.keySet().removeAll(used.keySet());
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      // The commit is on disk but not served: isCurrent says so, and the next reload tries again.
      throw new IndexException("built the index but cannot reopen it: " + e.getMessage(), e);
    }
    return report;
  }

  /**
   * Whether the index that searches see now was built from a corpus with this fingerprint. It reads
   * the open reader's commit, not the folder's last one: another process may have rebuilt the
   * folder since it was opened, or a refresh after a rebuild may have failed, and then this index
   * still serves what it served before.
   */
  public boolean isCurrent(String fingerprint) {
    FaqSearcher searcher = acquireSearcher();
    try {
      return searcher.stamp.serves(fingerprint, encoder);
    } finally {
      release(searcher);
    }
  }

  /**
   * Whether the index that searches see now holds every vector, or is a first index still waiting
   * for its passages ({@link Staging#EARLY}). Without the models an index is always complete: its
   * vectors are not read.
   */
  public boolean isComplete() {
    if (encoder == null) {
      return true;
    }
    FaqSearcher searcher = acquireSearcher();
    try {
      return searcher.stamp.complete();
    } finally {
      release(searcher);
    }
  }

  /**
   * Embeds every text of a corpus that neither this index nor an earlier call holds, and keeps the
   * vectors for the next {@link #rebuild}, which then only has to write. Nothing in the folder
   * changes, so this may run beside searches and other rebuilds, and may be interrupted; it is how
   * a first index is completed without holding up reloads for as long as its passages take.
   *
   * @return how many texts were embedded
   */
  public int prepare(Corpus corpus) {
    if (encoder == null) {
      return 0;
    }
    VectorCache cache = VectorCache.readFrom(directory).with(Map.copyOf(prepared));
    List<VectorText> missing =
        VectorText.allOf(corpus, encoder.modelId()).stream().filter(t -> !cache.holds(t)).toList();
    try {
      VectorCache.Embedded embedded =
          VectorCache.empty().vectorsOf(missing, encoder, IndexBuilder.progress());
      for (int i = 0; i < missing.size(); i++) {
        prepared.put(missing.get(i).key(), embedded.vectors().get(i));
      }
      return embedded.computed();
    } catch (IOException e) {
      throw new IndexException("cannot embed the corpus: " + e.getMessage(), e);
    }
  }

  public Path folder() {
    return folder;
  }

  public SentenceEncoder encoder() {
    return encoder;
  }

  /** A point-in-time view; close it when done. */
  public IndexView acquire() {
    return new SearcherView(
        searchers, acquireSearcher(), queries, encoder == null ? 1 : encoder.parts());
  }

  private FaqSearcher acquireSearcher() {
    try {
      return (FaqSearcher) searchers.acquire();
    } catch (IOException e) {
      throw new IndexException("cannot read the index in " + folder + ": " + e.getMessage(), e);
    }
  }

  private void release(FaqSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the index. The point in time it served, with its suggester, is freed now, or when the
   * last view still open on it is closed.
   */
  @Override
  public void close() {
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
