package faqbot.answer;

import faqbot.corpus.Corpora;
import faqbot.corpus.CorpusFingerprint;
import faqbot.embed.OnnxSentenceEncoder;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import faqbot.embed.SentenceEncoder;
import faqbot.index.BuildReport;
import faqbot.index.FaqIndex;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A bot ready to answer: the sentence model loaded, the index of a corpus opened (and built first when the corpus
 * changed since), and the {@link Answerer} over them. Close it to free the index and the model.
 */
public final class Bot implements AutoCloseable {
  private final Path corpus;
  private final FaqIndex index;
  private final SentenceEncoder encoder;
  private final Answerer answerer;

  private Bot(Path corpus, FaqIndex index, SentenceEncoder encoder, Calibration calibration, Journal journal) {
    this.corpus = corpus;
    this.index = index;
    this.encoder = encoder;
    this.answerer = new Answerer(index, calibration, recordDeclined(journal));
  }

  /** Keeps every question the bot declined in the journal, so editors see what to write next. */
  private static AnswerListener recordDeclined(Journal journal) {
    return (message, answer) -> {
      if (!answer.matched()) {
        try {
          journal.append(FeedbackRecord.declined(message, "chat"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * Opens the bot on a corpus.
   *
   * @param semantic whether to use the sentence model; without it, answers come from keywords only
   * @param onBuild  told what an index build did, when the index had to be built
   */
  public static Bot open(Path corpus, Path indexFolder, boolean semantic, Consumer<BuildReport> onBuild) {
    return open(corpus, indexFolder, semantic, Calibration.DEFAULT, onBuild);
  }

  public static Bot open(Path corpus, Path indexFolder, boolean semantic, Calibration calibration,
      Consumer<BuildReport> onBuild) {
    return open(corpus, indexFolder, semantic, calibration, Journal.NONE, onBuild);
  }

  /** Opens the bot on a corpus, keeping the questions it declines in {@code journal}. */
  public static Bot open(Path corpus, Path indexFolder, boolean semantic, Calibration calibration, Journal journal,
      Consumer<BuildReport> onBuild) {
    SentenceEncoder encoder = semantic ? OnnxSentenceEncoder.load() : null;
    try {
      FaqIndex index = FaqIndex.openOrBuild(corpus, Corpora::load, indexFolder, encoder, onBuild);
      return new Bot(corpus, index, encoder, calibration, journal);
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

  /** Reads the corpus again and rebuilds the index from it, whether or not it changed; answers switch at once. */
  public BuildReport reindex() {
    // Fingerprint first: an edit made during the build then makes the index look stale, never current.
    String fingerprint = CorpusFingerprint.of(corpus);
    return index.rebuild(Corpora.load(corpus), fingerprint);
  }

  /** Whether the index was built from the corpus as it is now on disk. */
  public boolean isCurrent() {
    return index.isCurrent(CorpusFingerprint.of(corpus));
  }

  public Path corpus() {
    return corpus;
  }

  @Override
  public void close() {
    index.close();
    if (encoder != null) {
      encoder.close();
    }
  }
}
