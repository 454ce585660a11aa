package faqbot.index;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Builds the index of a corpus into a folder, replacing every document in a single commit, so that
 * readers of the old index finish on it while new ones see the new; vectors of texts that did not
 * change come from the old index.
 */
final class IndexBuilder {
  private static final long LOCK_WAIT_MILLIS = 120_000;

  /**
   * Where every build of this process reports its embedding progress: the command line sets it
   * once, for {@code faqbot index} and for the build {@code faqbot serve} may start with.
   */
  private static volatile BuildProgress progress = BuildProgress.NONE;

  private IndexBuilder() {}

  static BuildProgress progress() {
    return progress;
  }

  static void reportProgressTo(BuildProgress to) {
    progress = to == null ? BuildProgress.NONE : to;
  }

  /**
   * How many words of passages still to embed make a first index worth opening without them ({@link
   * Staging#EARLY}): about ten seconds of both cores' work here. The bundled corpus has 19,000; the
   * AISafety.info export 37,600.
   */
  static final int EARLY_PASSAGE_WORDS = 25_000;

  /**
   * Builds the index of a corpus into a folder.
   *
   * @param fingerprint recorded with the index, to tell later whether it is current
   * @param encoder the sentence model, or null for an index without vectors
   * @param staging whether a first index may leave passages out
   */
  static BuildReport build(
      Corpus corpus, String fingerprint, Path folder, SentenceEncoder encoder, Staging staging) {
    return build(corpus, fingerprint, folder, encoder, staging, Map.of());
  }

  /**
   * Builds the index of a corpus into a folder, taking the vectors of texts from {@code prepared}
   * (by key) as well as from the index it replaces.
   */
  static BuildReport build(
      Corpus corpus,
      String fingerprint,
      Path folder,
      SentenceEncoder encoder,
      Staging staging,
      Map<String, float[]> prepared) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(folder);
      try (Directory dir = FSDirectory.open(folder)) {
        List<VectorText> all =
            encoder == null ? List.of() : VectorText.allOf(corpus, encoder.modelId());
        VectorCache cache =
            encoder == null ? VectorCache.empty() : VectorCache.readFrom(dir).with(prepared);
        List<VectorText> texts =
            switch (staging) {
              case WHOLE -> all;
              case EARLY -> firstStage(all, cache, EARLY_PASSAGE_WORDS);
              case FIRST -> firstStage(all, cache, 0);
            };
        boolean complete = texts.size() == all.size();
        VectorCache.Embedded embedded = cache.vectorsOf(texts, encoder, progress);
        try (IndexWriter writer = openWriter(dir)) {
          try {
            writer.deleteAll();
            int ordinal = 0;
            for (FaqEntry entry : corpus.entries()) {
              writer.addDocument(IndexDocuments.entry(entry, ordinal++));
            }
            for (int i = 0; i < texts.size(); i++) {
              writer.addDocument(IndexDocuments.vector(texts.get(i), embedded.vectors().get(i)));
            }
            writer.setLiveCommitData(
                BuildStamp.of(fingerprint, encoder, complete).userData().entrySet());
            writer.commit();
          } catch (IOException | RuntimeException | Error e) {
            // Closing would commit what was written so far: the old index stays as it was.
            writer.rollback();
            throw e;
          }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildReport(
            corpus.size(),
            texts.size(),
            embedded.computed(),
            all.size() - texts.size(),
            corpus.problems(),
            millis);
      }
    } catch (IOException e) {
      throw new IndexException("cannot build the index in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The texts a first index embeds: all of them, unless the passages it would have to compute come
   * to {@code minWords} words or more; then all but those. A passage the cache holds, or that is
   * also another text of the first index (a short opening often is), stays in.
   */
  static List<VectorText> firstStage(List<VectorText> texts, VectorCache cache, long minWords) {
    Set<String> early =
        texts.stream()
            .filter(t -> !t.role().equals(Fields.ROLE_PASSAGE))
            .map(VectorText::key)
            .collect(Collectors.toSet());
    Predicate<VectorText> later =
        t -> t.role().equals(Fields.ROLE_PASSAGE) && !cache.holds(t) && !early.contains(t.key());
    long words = texts.stream().filter(later).mapToLong(t -> VectorText.words(t.text())).sum();
    return words < minWords ? texts : texts.stream().filter(later.negate()).toList();
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
          throw new IndexException(
              "the index is locked by another process (its write.lock is held); try again", e);
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
}
