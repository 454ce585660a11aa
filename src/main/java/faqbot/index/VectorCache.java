package faqbot.index;

import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vectors of the index a build replaces, by their cache key, so a build embeds only the texts
 * that changed (on every core); the rest are taken as they are.
 */
final class VectorCache {
  private static final Logger LOG = LoggerFactory.getLogger(VectorCache.class);
  private final Map<String, float[]> byKey;

  private VectorCache(Map<String, float[]> byKey) {
    this.byKey = byKey;
  }

  /**
   * What each text's vector is and how many had to be computed.
   *
   * @param vectors each text's vector, in the order of the texts
   * @param computed how many the model computed (the others came from the cache)
   */
  record Embedded(List<float[]> vectors, int computed) {}

  static VectorCache empty() {
    return new VectorCache(Map.of());
  }

  /** This cache with more vectors, by key, besides its own. */
  VectorCache with(Map<String, float[]> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, float[]> all = new HashMap<>(byKey);
    all.putAll(more);
    return new VectorCache(all);
  }

  /**
   * The vectors of the index in a directory; none when it has no index, it cannot be read, or it
   * was written in another layout (before schema 4 the vectors were in a vector field, which this
   * code no longer reads: the first build after that change embeds every text again, once).
   */
  static VectorCache readFrom(Directory dir) {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return empty();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        String schema = BuildStamp.of(reader.getIndexCommit().getUserData()).schema();
        if (!Fields.SCHEMA_VERSION.equals(schema)) {
          LOG.info(
              "the old index has an older layout (schema {}, now {}); its sentence vectors cannot be reused, so"
                  + " every text is embedded again",
              schema.isEmpty() ? "unknown" : schema,
              Fields.SCHEMA_VERSION);
          return empty();
        }
        Map<String, float[]> byKey = new HashMap<>();
        IndexDocuments.forEachVector(
            reader, (fields, vector) -> byKey.put(fields.get(Fields.VECTOR_KEY), vector));
        return new VectorCache(byKey);
      }
    } catch (IOException | RuntimeException e) {
      // A damaged old index only costs the cache: everything is embedded again.
      return empty();
    }
  }

  /** Whether the cache holds a text's vector. */
  boolean holds(VectorText text) {
    return byKey.containsKey(text.key());
  }

  /**
   * The vector of each text: from the cache when it holds the text's key, else computed now by the
   * encoder.
   */
  Embedded vectorsOf(List<VectorText> texts, SentenceEncoder encoder) throws IOException {
    return vectorsOf(texts, encoder, BuildProgress.NONE);
  }

  /**
   * The vector of each text: from the cache when it holds the text's key, else computed now by the
   * encoder, each distinct text once (an answer's opening is often its first passage too), telling
   * {@code progress} how many of those are done.
   */
  Embedded vectorsOf(List<VectorText> texts, SentenceEncoder encoder, BuildProgress progress)
      throws IOException {
    float[][] vectors = new float[texts.size()][];
    Map<String, List<Integer>> missing = new LinkedHashMap<>();
    int computed = 0;
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = byKey.get(texts.get(i).key());
      if (vectors[i] == null) {
        missing.computeIfAbsent(texts.get(i).key(), k -> new ArrayList<>()).add(i);
        computed++;
      }
    }
    if (!missing.isEmpty()) {
      embed(texts, new ArrayList<>(missing.values()), vectors, encoder, progress);
    }
    return new Embedded(Arrays.asList(vectors), computed);
  }

  /**
   * Embeds each group of texts (one text, and the others with the same key) on every core, the
   * longest first: a model's time grows with a text's length, and a long text started last would
   * keep one core busy while the other waits.
   */
  private static void embed(
      List<VectorText> texts,
      List<List<Integer>> groups,
      float[][] vectors,
      SentenceEncoder encoder,
      BuildProgress progress)
      throws IOException {
    groups.sort(
        Comparator.comparingInt((List<Integer> g) -> texts.get(g.get(0)).text().length())
            .reversed());
    int total = groups.size();
    AtomicInteger done = new AtomicInteger();
    Object reporting = new Object();
    progress.embedded(0, total);
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), total));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (List<Integer> group : groups) {
        futures.add(
            pool.submit(
                () -> {
                  float[] vector = encoder.embed(texts.get(group.get(0)).text());
                  for (int i : group) {
                    vectors[i] = vector;
                  }
                  synchronized (reporting) {
                    progress.embedded(done.incrementAndGet(), total);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while embedding the corpus", e);
    } catch (ExecutionException e) {
      throw new IndexException(
          "the sentence model failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
