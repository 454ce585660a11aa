package faqbot.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusFingerprint;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import faqbot.embed.Vectors;
import faqbot.text.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Builds, opens and swaps the Lucene index of a corpus: one document per entry, one per sentence vector.
 *
 * <p>Rebuilding replaces every document in a single commit, so searches in flight finish on the old point in time
 * while new ones see the new; the vectors of texts that did not change are taken from the old index rather than
 * computed again.
 */
public final class FaqIndex implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LOCK_WAIT_MILLIS = 120_000;

  private final Path folder;
  private final Directory directory;
  private final SentenceEncoder encoder;
  private final FaqAnalyzer analyzer = new FaqAnalyzer();
  private final QueryBuilder queries = new QueryBuilder(analyzer);
  private final SearcherManager searchers;

  private FaqIndex(Path folder, SentenceEncoder encoder) throws IOException {
    this.folder = folder;
    this.encoder = encoder;
    this.directory = FSDirectory.open(folder);
    String model = encoder == null ? null : encoder.modelId();
    this.searchers = new SearcherManager(directory, new SearcherFactory() {
      @Override
      public FaqSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
          org.apache.lucene.index.IndexReader previous) throws IOException {
        return new FaqSearcher(reader, model);
      }
    });
  }

  /**
   * Opens the index in a folder, building it first from the corpus when it is missing, was built from other files,
   * or was built with another model (or none).
   *
   * @param corpusPath a corpus folder or {@code .jsonl} file, fingerprinted to tell whether the index is current
   * @param loader     reads the corpus when a build is needed
   * @param encoder    the sentence model, or null for keyword search only
   * @param onBuild    told what a build did, when one happens
   */
  public static FaqIndex openOrBuild(Path corpusPath, Function<Path, Corpus> loader, Path folder,
      SentenceEncoder encoder, java.util.function.Consumer<BuildReport> onBuild) {
    try {
      Files.createDirectories(folder);
      String fingerprint = CorpusFingerprint.of(corpusPath);
      if (!isCurrent(folder, fingerprint, encoder)) {
        BuildReport report = build(loader.apply(corpusPath), fingerprint, folder, encoder);
        onBuild.accept(report);
      }
      return new FaqIndex(folder, encoder);
    } catch (IOException e) {
      throw new IndexException("cannot open the index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Whether the index in a folder was built from a corpus with this fingerprint, with this encoder's model. */
  public static boolean isCurrent(Path folder, String fingerprint, SentenceEncoder encoder) {
    Map<String, String> data = commitData(folder);
    String model = encoder == null ? "" : encoder.modelId();
    return fingerprint.equals(data.get(Fields.COMMIT_FINGERPRINT))
        && model.equals(data.getOrDefault(Fields.COMMIT_MODEL, ""))
        && Fields.SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA));
  }

  private static Map<String, String> commitData(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Map.of();
    }
    try (Directory dir = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(dir)) {
        return Map.of();
      }
      List<IndexCommit> commits = DirectoryReader.listCommits(dir);
      return commits.get(commits.size() - 1).getUserData();
    } catch (IOException e) {
      // An unreadable index is treated as missing, so it gets rebuilt.
      return Map.of();
    }
  }

  /**
   * Builds the index of a corpus into a folder, replacing what was there in one commit.
   *
   * @param fingerprint recorded with the index, to tell later whether it is current
   */
  public static BuildReport build(Corpus corpus, String fingerprint, Path folder, SentenceEncoder encoder) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(folder);
      try (Directory dir = FSDirectory.open(folder)) {
        Map<String, float[]> cache = encoder == null ? Map.of() : cachedVectors(dir);
        List<PendingVector> pending = vectorsToWrite(corpus, encoder);
        int embedded = embed(pending, cache, encoder);
        try (IndexWriter writer = openWriter(dir)) {
          writer.deleteAll();
          int ordinal = 0;
          for (FaqEntry entry : corpus.entries()) {
            writer.addDocument(entryDocument(entry, ordinal++));
          }
          for (PendingVector v : pending) {
            writer.addDocument(vectorDocument(v));
          }
          Map<String, String> data = new LinkedHashMap<>();
          data.put(Fields.COMMIT_FINGERPRINT, fingerprint);
          data.put(Fields.COMMIT_MODEL, encoder == null ? "" : encoder.modelId());
          data.put(Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION);
          data.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
          writer.setLiveCommitData(data.entrySet());
          writer.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildReport(corpus.size(), pending.size(), embedded, corpus.problems(), millis);
      }
    } catch (IOException e) {
      throw new IndexException("cannot build the index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Rebuilds this open index from a corpus and makes new searches see it. */
  public BuildReport rebuild(Corpus corpus, String fingerprint) {
    BuildReport report = build(corpus, fingerprint, folder, encoder);
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new IndexException("built the index but cannot reopen it: " + e.getMessage(), e);
    }
    return report;
  }

  /** Whether this open index was built from a corpus with this fingerprint. */
  public boolean isCurrent(String fingerprint) {
    return isCurrent(folder, fingerprint, encoder);
  }

  public Path folder() {
    return folder;
  }

  public SentenceEncoder encoder() {
    return encoder;
  }

  /** A point-in-time view; close it when done. */
  public IndexView acquire() {
    try {
      FaqSearcher searcher = (FaqSearcher) searchers.acquire();
      return new View(searcher);
    } catch (IOException e) {
      throw new IndexException("cannot read the index in " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class View implements IndexView {
    private final FaqSearcher searcher;
    private boolean closed;

    View(FaqSearcher searcher) {
      this.searcher = searcher;
    }

    @Override
    public Corpus corpus() {
      return searcher.corpus;
    }

    @Override
    public float[] keywordScores(String text, int depth) {
      try {
        return searcher.scores(queries.forText(text), depth);
      } catch (IOException e) {
        throw new IndexException("cannot search the index: " + e.getMessage(), e);
      }
    }

    @Override
    public WordMatches words(String text) {
      try {
        return searcher.words(queries.terms(text));
      } catch (IOException e) {
        throw new IndexException("cannot search the index: " + e.getMessage(), e);
      }
    }

    @Override
    public List<String> terms(String text) {
      return queries.terms(text);
    }

    @Override
    public boolean hasVectors() {
      return searcher.vectorCount > 0;
    }

    @Override
    public SemanticScores semanticScores(float[] queryVector) {
      int n = searcher.corpus.size();
      if (searcher.vectorCount > 0 && queryVector.length != searcher.dimension) {
        throw new IllegalArgumentException("a query vector of " + queryVector.length + " dimensions cannot be compared"
            + " with this index's " + searcher.dimension);
      }
      int parts = encoder == null ? 1 : encoder.parts();
      int count = searcher.vectorCount;
      int slice = searcher.dimension / parts;
      float[] byDimension = searcher.vectors;
      List<SemanticScores.ModelScores> models = new ArrayList<>(parts);
      float[] cosines = new float[count];
      for (int p = 0; p < parts; p++) {
        Arrays.fill(cosines, 0f);
        for (int j = p * slice; j < (p + 1) * slice; j++) {
          // Each model's slice has length 1/sqrt(parts) in both vectors: scale its products back to a cosine.
          Vectors.addScaled(cosines, queryVector[j] * parts, byDimension, j * count);
        }
        float[] best = new float[n];
        float[] second = new float[n];
        Arrays.fill(best, -1f);
        Arrays.fill(second, -1f);
        for (int i = 0; i < count; i++) {
          float score = cosines[i];
          int owner = searcher.vectorOwner[i];
          if (score > best[owner]) {
            second[owner] = best[owner];
            best[owner] = score;
          } else if (score > second[owner]) {
            second[owner] = score;
          }
        }
        models.add(new SemanticScores.ModelScores(best, second));
      }
      return new SemanticScores(models);
    }

    @Override
    public List<Suggestion> suggest(String typed, int limit) {
      return searcher.suggester.suggest(typed, limit);
    }

    @Override
    public long version() {
      return ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader()).getVersion();
    }

    @Override
    public String model() {
      return searcher.model;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static IndexWriter openWriter(Directory dir) throws IOException {
    long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
    while (true) {
      try {
        IndexWriterConfig config = new IndexWriterConfig(new FaqAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        return new IndexWriter(dir, config);
      } catch (LockObtainFailedException e) {
        // Another process is building this index; wait for it rather than fail.
        if (System.currentTimeMillis() > deadline) {
          throw new IndexException("the index is locked by another process (its write.lock is held); try again", e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IndexException("interrupted while waiting for the index lock", interrupted);
        }
      }
    }
  }

  private static Map<String, float[]> cachedVectors(Directory dir) {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return Map.of();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return FaqSearcher.vectorsByKey(reader);
      }
    } catch (IOException | RuntimeException e) {
      // A damaged old index only costs the cache: everything is embedded again.
      return Map.of();
    }
  }

  /** A text of an entry to embed, and its vector once known. */
  private static final class PendingVector {
    final String owner;
    final String role;
    final String text;
    final String key;
    float[] vector;

    PendingVector(String owner, String role, String text, String model) {
      this.owner = owner;
      this.role = role;
      this.text = text;
      this.key = cacheKey(model, text);
    }
  }

  private static List<PendingVector> vectorsToWrite(Corpus corpus, SentenceEncoder encoder) {
    List<PendingVector> pending = new ArrayList<>();
    if (encoder == null) {
      return pending;
    }
    String model = encoder.modelId();
    for (FaqEntry entry : corpus.entries()) {
      pending.add(new PendingVector(entry.id(), Fields.ROLE_QUESTION, entry.question(), model));
      for (String alternate : entry.alternates()) {
        pending.add(new PendingVector(entry.id(), Fields.ROLE_ALTERNATE, alternate, model));
      }
      pending.add(new PendingVector(entry.id(), Fields.ROLE_FULL, entry.question() + "\n\n" + entry.plainText(), model));
      String lead = Passages.lead(entry);
      if (lead != null) {
        pending.add(new PendingVector(entry.id(), Fields.ROLE_LEAD, lead, model));
      }
      for (String passage : Passages.of(entry)) {
        pending.add(new PendingVector(entry.id(), Fields.ROLE_PASSAGE, passage, model));
      }
    }
    return pending;
  }

  private static int embed(List<PendingVector> pending, Map<String, float[]> cache, SentenceEncoder encoder)
      throws IOException {
    List<PendingVector> missing = new ArrayList<>();
    for (PendingVector v : pending) {
      v.vector = cache.get(v.key);
      if (v.vector == null) {
        missing.add(v);
      }
    }
    if (missing.isEmpty()) {
      return 0;
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), missing.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (PendingVector v : missing) {
        futures.add(pool.submit(() -> v.vector = encoder.embed(v.text)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while embedding the corpus", e);
    } catch (ExecutionException e) {
      throw new IndexException("the sentence model failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return missing.size();
  }

  static String cacheKey(String model, String text) {
    return Hashes.sha256Hex(model, text);
  }

  private static Document entryDocument(FaqEntry entry, int ordinal) throws JsonProcessingException {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_ENTRY, Field.Store.YES));
    doc.add(new StringField(Fields.ID, entry.id(), Field.Store.YES));
    doc.add(new StoredField(Fields.ORDINAL, ordinal));
    doc.add(new TextField(Fields.QUESTION, entry.question(), Field.Store.NO));
    for (String alternate : entry.alternates()) {
      doc.add(new TextField(Fields.ALTERNATES, alternate, Field.Store.NO));
    }
    doc.add(new TextField(Fields.TAGS, String.join(", ", entry.tags()), Field.Store.NO));
    doc.add(new TextField(Fields.BODY, entry.plainText(), Field.Store.NO));
    doc.add(new TextField(Fields.EDITORS, entry.editorsText(), Field.Store.NO));
    doc.add(new StoredField(Fields.ENTRY_JSON, JSON.writeValueAsBytes(entry)));
    return doc;
  }

  private static Document vectorDocument(PendingVector v) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_VECTOR, Field.Store.YES));
    doc.add(new StringField(Fields.VECTOR_OWNER, v.owner, Field.Store.YES));
    doc.add(new StoredField(Fields.VECTOR_ROLE, v.role));
    doc.add(new StoredField(Fields.VECTOR_KEY, v.key));
    doc.add(new KnnFloatVectorField(Fields.VECTOR, v.vector, VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }
}
