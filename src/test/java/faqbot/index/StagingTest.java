package faqbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faqbot.corpus.Corpora;
import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusFingerprint;
import faqbot.embed.SentenceEncoder;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first index of long answers, opened before their passages are embedded, and its completion. */
class StagingTest {
  @TempDir Path dir;

  private static FaqIndex open(
      Path corpus, Path folder, FakeEncoder encoder, Staging staging, List<BuildReport> builds) {
    return FaqIndex.openOrBuild(
        CorpusFingerprint.of(corpus),
        () -> Corpora.load(corpus),
        folder,
        encoder,
        staging,
        builds::add);
  }

  @Test
  void aFirstIndexLeavesManyPassagesOutAndSaysItIsNotComplete() throws IOException {
    Path corpus = Fixtures.longAnswers(dir.resolve("corpus"), 50);
    Path folder = dir.resolve("index");
    FakeEncoder fake = new FakeEncoder();
    List<BuildReport> builds = new ArrayList<>();
    String fingerprint = CorpusFingerprint.of(corpus);
    try (FaqIndex index = open(corpus, folder, fake, Staging.EARLY, builds);
        IndexView view = index.acquire()) {
      BuildReport first = builds.get(0);
      // 50 entries of 5 passages (30,000 words): their questions and question-and-answer vectors
      // come first.
      assertThat(first.deferred()).isEqualTo(250);
      assertThat(first.vectors()).isEqualTo(100);
      assertThat(fake.embedded()).isEqualTo(100);
      assertThat(index.isComplete()).isFalse();
      // It is of the corpus as it is (a watcher has nothing to reload), but not complete.
      assertThat(index.isCurrent(fingerprint)).isTrue();
      assertThat(BuildStamp.lastCommitIn(folder).opensAsIs(fingerprint, fake, Staging.WHOLE))
          .isFalse();
      // It answers meanwhile, by keywords over every word and by the vectors it has.
      assertThat(view.entries()).hasSize(50);
      assertThat(view.hasVectors()).isTrue();
      int topic37 = view.entries().indexOf(view.corpus().byId("topic-37").orElseThrow());
      assertThat(view.keywordScores("part 4 of topic 37", 10)[topic37]).isPositive();

      BuildReport whole = index.rebuild(Corpora.load(corpus), fingerprint);
      assertThat(whole.deferred()).isZero();
      assertThat(whole.vectors()).isEqualTo(350);
      assertThat(whole.embedded()).as("only the passages are embedded").isEqualTo(250);
      assertThat(fake.embedded()).isEqualTo(350);
      assertThat(index.isComplete()).isTrue();
      assertThat(index.isCurrent(fingerprint)).isTrue();
    }
  }

  @Test
  void aRestartOnAFirstIndexOpensItAsItIsAndAWholeOpenCompletesIt() throws IOException {
    Path corpus = Fixtures.longAnswers(dir.resolve("corpus"), 50);
    Path folder = dir.resolve("index");
    open(corpus, folder, new FakeEncoder(), Staging.EARLY, new ArrayList<>()).close();
    FakeEncoder restarted = new FakeEncoder();
    List<BuildReport> builds = new ArrayList<>();
    try (FaqIndex index = open(corpus, folder, restarted, Staging.EARLY, builds)) {
      assertThat(builds).isEmpty();
      assertThat(restarted.embedded()).isZero();
      assertThat(index.isComplete()).isFalse();
    }
    // A command that needs the whole index (ask, chat, eval) completes it before opening it.
    try (FaqIndex index = open(corpus, folder, restarted, Staging.WHOLE, builds)) {
      assertThat(builds).singleElement().satisfies(b -> assertThat(b.embedded()).isEqualTo(250));
      assertThat(index.isComplete()).isTrue();
    }
  }

  @Test
  void aWholeBuildOrAFewPassagesMakeACompleteIndexAtOnce() throws IOException {
    Path folder = dir.resolve("index");
    Path many = Fixtures.longAnswers(dir.resolve("many"), 50);
    List<BuildReport> builds = new ArrayList<>();
    open(many, folder, new FakeEncoder(), Staging.WHOLE, builds).close();
    // Under EARLY_PASSAGE_WORDS words of passages to embed: nothing to wait for.
    Path few = Fixtures.longAnswers(dir.resolve("few"), 1);
    open(few, dir.resolve("index-few"), new FakeEncoder(), Staging.EARLY, builds).close();
    assertThat(builds).extracting(BuildReport::deferred).containsExactly(0, 0);
    assertThat(BuildStamp.lastCommitIn(folder).complete()).isTrue();
    assertThat(BuildStamp.lastCommitIn(dir.resolve("index-few")).complete()).isTrue();
  }

  @Test
  void aBuildThatFailsLeavesTheIndexAsItWas() throws IOException {
    Path corpus = Fixtures.longAnswers(dir.resolve("corpus"), 3);
    Path folder = dir.resolve("index");
    String fingerprint = CorpusFingerprint.of(corpus);
    FaqIndex.build(Corpora.load(corpus), fingerprint, folder, new FakeEncoder());
    Corpus smaller = Corpora.load(Fixtures.longAnswers(dir.resolve("smaller"), 1));
    // Another model, so every text is embedded again. One fails in the model; the other fails
    // once the index is being written (its model gives no vector), after the old documents were
    // deleted and the new entries added.
    assertThatThrownBy(() -> FaqIndex.build(smaller, "another", folder, broken(false)))
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("the model is broken");
    assertThatThrownBy(() -> FaqIndex.build(smaller, "another", folder, broken(true)))
        .isInstanceOf(NullPointerException.class);
    List<BuildReport> builds = new ArrayList<>();
    try (FaqIndex index = open(corpus, folder, new FakeEncoder(), Staging.WHOLE, builds);
        IndexView view = index.acquire()) {
      assertThat(builds).as("the first build's commit still serves its corpus").isEmpty();
      assertThat(view.entries()).hasSize(3);
      assertThat(view.hasVectors()).isTrue();
    }
  }

  /** A model that throws, or that gives no vector at all. */
  private static SentenceEncoder broken(boolean givesNothing) {
    return new SentenceEncoder() {
      @Override
      public String modelId() {
        return "broken-v1";
      }

      @Override
      public int dimension() {
        return FakeEncoder.DIMENSION;
      }

      @Override
      public float[] embed(String text) {
        if (givesNothing) {
          return null;
        }
        throw new IllegalStateException("the model is broken");
      }
    };
  }

  @Test
  void aFirstIndexForMeasuringLeavesOutEvenAFewPassagesAndIsOpenedAsItIs() throws IOException {
    // One entry of five passages (600 words): far under EARLY_PASSAGE_WORDS, so a serve would build
    // it whole; eval --first-index still measures what a first index of it answers.
    Path few = Fixtures.longAnswers(dir.resolve("few"), 1);
    Path folder = dir.resolve("index");
    FakeEncoder fake = new FakeEncoder();
    List<BuildReport> builds = new ArrayList<>();
    try (FaqIndex index = open(few, folder, fake, Staging.FIRST, builds)) {
      assertThat(builds).singleElement().satisfies(b -> assertThat(b.deferred()).isEqualTo(5));
      assertThat(fake.embedded()).isEqualTo(2);
      assertThat(index.isComplete()).isFalse();
    }
    String fingerprint = CorpusFingerprint.of(few);
    assertThat(BuildStamp.lastCommitIn(folder).opensAsIs(fingerprint, fake, Staging.FIRST))
        .isTrue();
    assertThat(BuildStamp.lastCommitIn(folder).opensAsIs(fingerprint, fake, Staging.WHOLE))
        .isFalse();
  }
}
