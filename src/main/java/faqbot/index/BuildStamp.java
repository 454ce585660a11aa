package faqbot.index;

import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What an index's commit records about how it was built, to tell whether it serves a corpus as it
 * is now.
 *
 * @param fingerprint the fingerprint of the corpus it was built from; empty when unknown
 * @param model the sentence model that made its vectors; empty for none
 * @param schema the layout of its documents ({@link Fields#SCHEMA_VERSION} when it was built)
 * @param complete false for a first index that still lacks its passages' vectors ({@link Staging})
 */
record BuildStamp(String fingerprint, String model, String schema, boolean complete) {
  /** The stamp of no index: it serves nothing. */
  static final BuildStamp NONE = new BuildStamp("", "", "", false);

  /**
   * The stamp of an index being built now, of a corpus with this fingerprint, with this encoder or
   * none.
   */
  static BuildStamp of(String fingerprint, SentenceEncoder encoder, boolean complete) {
    return new BuildStamp(
        fingerprint, encoder == null ? "" : encoder.modelId(), Fields.SCHEMA_VERSION, complete);
  }

  /** The stamp a commit's user data records. */
  static BuildStamp of(Map<String, String> userData) {
    return new BuildStamp(
        userData.getOrDefault(Fields.COMMIT_FINGERPRINT, ""),
        userData.getOrDefault(Fields.COMMIT_MODEL, ""),
        userData.getOrDefault(Fields.COMMIT_SCHEMA, ""),
        !Fields.PASSAGES_PENDING.equals(userData.get(Fields.COMMIT_PASSAGES)));
  }

  /**
   * The stamp of the last commit in a folder; {@link #NONE} when there is no index there or it
   * cannot be read.
   */
  static BuildStamp lastCommitIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return NONE;
    }
    try (Directory dir = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(dir)) {
        return NONE;
      }
      List<IndexCommit> commits = DirectoryReader.listCommits(dir);
      return of(commits.get(commits.size() - 1).getUserData());
    } catch (IOException e) {
      // An unreadable index is treated as missing, so it gets rebuilt.
      return NONE;
    }
  }

  /**
   * Whether an index with this stamp serves a corpus with this fingerprint to this encoder: built
   * from that corpus, in this layout, and with the encoder's model (a first index still waiting for
   * its passages included: {@link #complete} tells it apart). Without an encoder any model serves,
   * since keyword search ignores the vectors: rebuilding without them would only make the next
   * start with the model embed everything again.
   */
  boolean serves(String corpusFingerprint, SentenceEncoder encoder) {
    return corpusFingerprint.equals(fingerprint)
        && Fields.SCHEMA_VERSION.equals(schema)
        && (encoder == null || hasVectorsOf(encoder.modelId()));
  }

  /**
   * Whether an index with this stamp can be opened as it is for this encoder and staging: it serves
   * the corpus, and is complete unless a first index will do.
   */
  boolean opensAsIs(String corpusFingerprint, SentenceEncoder encoder, Staging staging) {
    return serves(corpusFingerprint, encoder)
        && (encoder == null || complete || staging.opensFirstIndex());
  }

  /**
   * Whether the index's vectors were made by this model (never for null or an index built without a
   * model).
   */
  boolean hasVectorsOf(String modelId) {
    return modelId != null && !modelId.isEmpty() && modelId.equals(model);
  }

  /** The user data that records this stamp in a commit, with when it was built. */
  Map<String, String> userData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(Fields.COMMIT_FINGERPRINT, fingerprint);
    data.put(Fields.COMMIT_MODEL, model);
    data.put(Fields.COMMIT_SCHEMA, schema);
    data.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
    if (!complete) {
      data.put(Fields.COMMIT_PASSAGES, Fields.PASSAGES_PENDING);
    }
    return data;
  }
}
