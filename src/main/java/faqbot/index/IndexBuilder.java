package faqbot.index;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  static void reportProgressTo(BuildProgress to) {
    progress = to == null ? BuildProgress.NONE : to;
  }

  /**
   * Builds the index of a corpus into a folder.
   *
   * @param fingerprint recorded with the index, to tell later whether it is current
   * @param encoder the sentence model, or null for an index without vectors
   */
  static BuildReport build(
      Corpus corpus, String fingerprint, Path folder, SentenceEncoder encoder) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(folder);
      try (Directory dir = FSDirectory.open(folder)) {
        List<VectorText> texts =
            encoder == null ? List.of() : VectorText.allOf(corpus, encoder.modelId());
        VectorCache cache = encoder == null ? VectorCache.empty() : VectorCache.readFrom(dir);
        VectorCache.Embedded embedded = cache.vectorsOf(texts, encoder, progress);
        try (IndexWriter writer = openWriter(dir)) {
          writer.deleteAll();
          int ordinal = 0;
          for (FaqEntry entry : corpus.entries()) {
            writer.addDocument(IndexDocuments.entry(entry, ordinal++));
          }
          for (int i = 0; i < texts.size(); i++) {
            writer.addDocument(IndexDocuments.vector(texts.get(i), embedded.vectors().get(i)));
          }
          writer.setLiveCommitData(BuildStamp.of(fingerprint, encoder).userData().entrySet());
          writer.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BuildReport(
            corpus.size(), texts.size(), embedded.computed(), corpus.problems(), millis);
      }
    } catch (IOException e) {
      throw new IndexException("cannot build the index in " + folder + ": " + e.getMessage(), e);
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
