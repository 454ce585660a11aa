package faqbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import faqbot.corpus.Corpora;
import faqbot.corpus.CorpusFingerprint;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import faqbot.embed.Vectors;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Lucene index on disk, built from small corpora with the real sentence model. */
class FaqIndexTest {
  private static final SentenceEncoder encoder = Fixtures.encoder();

  @TempDir Path dir;

  private Path corpus() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    write(
        corpus,
        "cats.txt",
        "Question: How do I feed a cat?\nAlso asked as: What do kittens eat?\n\n"
            + "Cats eat meat. Give a kitten small wet meals four times a day.\n\nSources\n\n- Vet, A (2020) Cats\n");
    write(
        corpus,
        "bikes.txt",
        "Question: How do I fix a flat bicycle tyre?\n\n"
            + "Take the wheel off, find the puncture, patch the inner tube and pump it up.\n\nSources\n\n- B\n");
    return corpus;
  }

  private static void write(Path folder, String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void buildsOpensAndScoresByWordsAndByMeaning() throws IOException {
    Path corpus = corpus();
    List<BuildReport> builds = new ArrayList<>();
    try (FaqIndex index =
            FaqIndex.openOrBuild(
                corpus, Corpora::load, dir.resolve("index"), encoder, builds::add);
        IndexView view = index.acquire()) {
      assertThat(builds)
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.entries()).isEqualTo(2);
                assertThat(b.vectors()).isEqualTo(5);
                assertThat(b.embedded()).isEqualTo(5);
              });
      assertThat(view.entries()).extracting(e -> e.id()).containsExactly("bikes", "cats");
      float[] keyword = view.keywordScores("puncture", 10);
      assertThat(keyword[0]).isPositive();
      assertThat(keyword[1]).isZero();
      float[] semantic =
          view.semanticScores(encoder.embedQuery("my kitty is hungry, what should I give her?"))
              .best();
      assertThat(semantic[1]).isGreaterThan(semantic[0]);
      assertThat(view.keywordScores("AND OR ( \" * ? :", 10)).containsOnly(0f);
    }
  }

  @Test
  void givesEachEntrysTwoClosestCosinesByEachModel() throws IOException {
    try (FaqIndex index =
            FaqIndex.openOrBuild(corpus(), Corpora::load, dir.resolve("index"), encoder, b -> {});
        IndexView view = index.acquire()) {
      float[] query = encoder.embedQuery("what should a young cat be fed");
      SemanticScores scores = view.semanticScores(query);
      assertThat(scores.models()).hasSize(encoder.parts());
      // The cat entry has three vectors: its question, its alternate phrasing, its question with
      // its answer.
      FaqEntry cats = view.entries().get(1);
      List<float[]> vectors =
          Stream.of(
                  cats.question(),
                  cats.alternates().get(0),
                  cats.question() + "\n\n" + cats.plainText())
              .map(encoder::embed)
              .toList();
      int slice = encoder.dimension() / encoder.parts();
      for (int m = 0; m < encoder.parts(); m++) {
        float[] queryPart = Arrays.copyOfRange(query, m * slice, (m + 1) * slice);
        int from = m * slice;
        double[] cosines =
            vectors.stream()
                .mapToDouble(
                    v ->
                        encoder.parts()
                            * Vectors.dot(queryPart, Arrays.copyOfRange(v, from, from + slice)))
                .map(c -> -c)
                .sorted()
                .map(c -> -c)
                .toArray();
        assertThat(scores.models().get(m).best()[1])
            .as("model %d", m)
            .isCloseTo((float) cosines[0], within(1e-5f));
        assertThat(scores.models().get(m).second()[1])
            .as("model %d", m)
            .isCloseTo((float) cosines[1], within(1e-5f));
      }
    }
  }

  @Test
  void reopensWithoutRebuildingAndRebuildsWhenTheCorpusChanges() throws IOException {
    Path corpus = corpus();
    Path folder = dir.resolve("index");
    List<BuildReport> builds = new ArrayList<>();
    FaqIndex.openOrBuild(corpus, Corpora::load, folder, encoder, builds::add).close();
    FaqIndex.openOrBuild(corpus, Corpora::load, folder, encoder, builds::add).close();
    assertThat(builds).hasSize(1);

    write(
        corpus,
        "bikes.txt",
        "Question: How do I fix a flat bicycle tyre?\n\nUse a patch kit.\n\nSources\n\n- B\n");
    try (FaqIndex index =
            FaqIndex.openOrBuild(corpus, Corpora::load, folder, encoder, builds::add);
        IndexView view = index.acquire()) {
      assertThat(builds).hasSize(2);
      // Only the changed answer's vector is computed again; the questions' vectors come from the
      // old index.
      assertThat(builds.get(1).embedded()).isEqualTo(1);
      assertThat(view.corpus().byId("bikes").orElseThrow().text()).isEqualTo("Use a patch kit.");
    }
  }

  @Test
  void rebuildingAnOpenIndexSwapsWhatNewViewsSeeButNotOpenOnes() throws IOException {
    Path corpus = corpus();
    try (FaqIndex index =
        FaqIndex.openOrBuild(corpus, Corpora::load, dir.resolve("index"), encoder, b -> {})) {
      IndexView before = index.acquire();
      Files.delete(corpus.resolve("cats.txt"));
      BuildReport report = index.rebuild(Corpora.load(corpus), CorpusFingerprint.of(corpus));
      assertThat(report.embedded()).isZero();
      try (IndexView after = index.acquire()) {
        assertThat(after.entries()).hasSize(1);
        assertThat(before.entries()).hasSize(2);
        assertThat(before.keywordScores("kitten", 10)[1]).isPositive();
      } finally {
        before.close();
      }
      assertThat(index.isCurrent(CorpusFingerprint.of(corpus))).isTrue();
    }
  }

  @Test
  void anIndexThatAnotherProcessRebuiltIsNotCurrentUntilItServesThatBuild() throws IOException {
    Path corpus = corpus();
    Path folder = dir.resolve("index");
    FakeEncoder fake = new FakeEncoder();
    try (FaqIndex index = FaqIndex.openOrBuild(corpus, Corpora::load, folder, fake, b -> {})) {
      write(
          corpus,
          "dogs.txt",
          "Question: How often should I walk a dog?\n\nTwice a day.\n\nSources\n\n- C\n");
      String changed = CorpusFingerprint.of(corpus);
      // Another process (its own FaqIndex, its own writer) opens the same folder and rebuilds it
      // for the new corpus.
      List<BuildReport> otherBuilds = new ArrayList<>();
      FaqIndex.openOrBuild(corpus, Corpora::load, folder, fake, otherBuilds::add).close();
      assertThat(otherBuilds).hasSize(1);

      // The folder's last commit is of the new corpus, but this index still serves the old one.
      assertThat(index.isCurrent(changed)).isFalse();
      try (IndexView view = index.acquire()) {
        assertThat(view.corpus().byId("dogs")).isEmpty();
      }
      index.rebuild(Corpora.load(corpus), changed);
      assertThat(index.isCurrent(changed)).isTrue();
      try (IndexView view = index.acquire()) {
        assertThat(view.corpus().byId("dogs")).isPresent();
      }
    }
  }

  @Test
  void aKeywordOnlyOpenLeavesAnIndexWithVectorsAsItIsForTheNextSemanticOpen() throws IOException {
    Path corpus = corpus();
    Path folder = dir.resolve("index");
    FakeEncoder fake = new FakeEncoder();
    List<BuildReport> builds = new ArrayList<>();
    FaqIndex.openOrBuild(corpus, Corpora::load, folder, fake, builds::add).close();
    assertThat(builds).hasSize(1);
    int embedded = fake.embedded();

    try (FaqIndex keywords =
            FaqIndex.openOrBuild(corpus, Corpora::load, folder, null, builds::add);
        IndexView view = keywords.acquire()) {
      assertThat(builds).as("a keyword-only open rebuilt the index").hasSize(1);
      assertThat(keywords.isCurrent(CorpusFingerprint.of(corpus))).isTrue();
      // It searches by keywords and leaves the vectors alone.
      assertThat(view.hasVectors()).isFalse();
      assertThat(view.keywordScores("kittens", 10)[1]).isPositive();
    }
    try (FaqIndex semantic =
            FaqIndex.openOrBuild(corpus, Corpora::load, folder, fake, builds::add);
        IndexView view = semantic.acquire()) {
      assertThat(builds).hasSize(1);
      assertThat(fake.embedded()).as("texts embedded again").isEqualTo(embedded);
      assertThat(view.hasVectors()).isTrue();
    }
  }

  @Test
  void aKeywordOnlyOpenOfAChangedCorpusBuildsWithoutVectors() throws IOException {
    Path corpus = corpus();
    Path folder = dir.resolve("index");
    FaqIndex.openOrBuild(corpus, Corpora::load, folder, new FakeEncoder(), b -> {}).close();
    write(
        corpus,
        "dogs.txt",
        "Question: How often should I walk a dog?\n\nTwice a day.\n\nSources\n\n- C\n");
    List<BuildReport> builds = new ArrayList<>();
    try (FaqIndex keywords =
            FaqIndex.openOrBuild(corpus, Corpora::load, folder, null, builds::add);
        IndexView view = keywords.acquire()) {
      assertThat(builds).singleElement().satisfies(b -> assertThat(b.vectors()).isZero());
      assertThat(view.corpus().byId("dogs")).isPresent();
    }
  }

  @Test
  void storesTheVectorsWithoutAGraphAndScoresThemExactly() throws IOException {
    Path folder = dir.resolve("index");
    FakeEncoder fake = new FakeEncoder();
    try (FaqIndex index = FaqIndex.openOrBuild(corpus(), Corpora::load, folder, fake, b -> {});
        IndexView view = index.acquire()) {
      FaqEntry cats = view.corpus().byId("cats").orElseThrow();
      float[] query = fake.embedQuery("what do kittens eat");
      float best = Vectors.dot(query, fake.embed(cats.alternates().get(0)));
      assertThat(view.hasVectors()).isTrue();
      assertThat(view.semanticScores(query).best()[1]).isCloseTo(best, within(1e-6f));
    }
    try (Directory directory = FSDirectory.open(folder);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        // No vector field, so Lucene builds no nearest-neighbour graph that nothing would search.
        assertThat(leaf.reader().getFieldInfos().hasVectorValues()).isFalse();
      }
    }
  }

  @Test
  void rebuildsAnIndexOfAnOlderLayoutWithoutTrustingItsVectors() throws IOException {
    Path corpus = corpus();
    Path folder = dir.resolve("index");
    FakeEncoder fake = new FakeEncoder();
    List<BuildReport> builds = new ArrayList<>();
    FaqIndex.openOrBuild(corpus, Corpora::load, folder, fake, builds::add).close();
    try (Directory directory = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FaqAnalyzer()))) {
      Map<String, String> data = new HashMap<>(BuildStamp.lastCommitIn(folder).userData());
      data.put(Fields.COMMIT_SCHEMA, "3");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    FaqIndex.openOrBuild(corpus, Corpora::load, folder, fake, builds::add).close();
    assertThat(builds).hasSize(2);
    assertThat(builds.get(1).embedded()).isEqualTo(builds.get(1).vectors()).isPositive();
    assertThat(BuildStamp.lastCommitIn(folder).schema()).isEqualTo(Fields.SCHEMA_VERSION);
  }

  @Test
  void closesEachSuggesterWhenTheLastViewOfItsPointInTimeIsReleased() throws IOException {
    Path corpus = corpus();
    FaqIndex index =
        FaqIndex.openOrBuild(corpus, Corpora::load, dir.resolve("index"), null, b -> {});
    IndexView before = index.acquire();
    Suggester old = ((SearcherView) before).suggester();
    index.rebuild(Corpora.load(corpus), CorpusFingerprint.of(corpus));
    // Still in use by a view of the old point in time.
    assertThat(old.suggest("kitt", 5)).extracting(Suggestion::id).containsExactly("cats");
    before.close();
    assertThatThrownBy(() -> old.suggest("kitt", 5)).isInstanceOf(IllegalStateException.class);

    IndexView now = index.acquire();
    Suggester current = ((SearcherView) now).suggester();
    now.close();
    assertThat(current.suggest("kitt", 5)).isNotEmpty();
    index.close();
    assertThatThrownBy(() -> current.suggest("kitt", 5)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void buildsAKeywordOnlyIndexWithoutAModel() throws IOException {
    try (FaqIndex index =
            FaqIndex.openOrBuild(corpus(), Corpora::load, dir.resolve("index"), null, b -> {});
        IndexView view = index.acquire()) {
      assertThat(view.hasVectors()).isFalse();
      assertThat(view.keywordScores("kittens", 10)[1]).isPositive();
    }
  }
}
