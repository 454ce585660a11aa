package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.answer.Answer;
import faqbot.answer.Outcome;
import faqbot.answer.SmallTalk;
import faqbot.corpus.CorpusSource;
import faqbot.store.Database;
import faqbot.store.DatabasePhrasings;
import faqbot.testing.Fixtures;
import faqbot.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phrasings in the database replicas share: one added through one server is answered by another
 * (its own corpus copy and index) within a few seconds, by the same rebuild and swap as a corpus
 * edit; a restarted server serves it from the start.
 */
class SharedPhrasingsIT {
  private static final String ENTRY = "what-is-inner-alignment";

  /** No entry of the four answers it until it is added as the entry's phrasing. */
  private static final String PHRASING = "Why did Rob Miles call it the other alignment problem?";

  @TempDir Path dir;
  private String url;
  private Database databaseA;
  private Database databaseB;
  private Bot a;
  private Bot b;
  private SharedPhrasingsPoller pollerB;

  private Path corpus(String name) throws Exception {
    Path corpus = Fixtures.innerAlignmentCorpus(dir.resolve(name));
    return corpus;
  }

  private static Bot open(Path corpus, Database database, Path index) {
    return Bot.open(
        CorpusSource.of(corpus).withShared(new DatabasePhrasings(database)),
        index,
        true,
        SmallTalk.standard(),
        r -> {});
  }

  @BeforeEach
  void start() throws Exception {
    url = TestDatabases.create();
    databaseA = Database.open(url);
    databaseB = Database.open(url);
    assertThat(databaseA.awaitMigrated(Duration.ofSeconds(30))).isTrue();
    assertThat(databaseB.awaitMigrated(Duration.ofSeconds(30))).isTrue();
    a = open(corpus("corpus-a"), databaseA, dir.resolve("index-a"));
    b = open(corpus("corpus-b"), databaseB, dir.resolve("index-b"));
    pollerB = SharedPhrasingsPoller.start(b);
  }

  /** What was opened, in order; nothing when the test was skipped (no database to test on). */
  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable opened : new AutoCloseable[] {pollerB, a, b, databaseA, databaseB}) {
      if (opened != null) {
        opened.close();
      }
    }
    if (url != null) {
      TestDatabases.drop(url);
    }
  }

  @Test
  void aPhrasingAddedThroughOneServerIsAnsweredByAnotherWithinSeconds() throws Exception {
    assertThat(b.answerer().answer(PHRASING, null).outcome()).isNotEqualTo(Outcome.ANSWER);

    Bot.PhrasingAdded added = a.addPhrasing(ENTRY, PHRASING);
    assertThat(added.added()).isTrue();
    assertThat(added.file()).isEqualTo("the database's phrasings");
    assertThat(a.answerer().answer(PHRASING, null).answer().id()).isEqualTo(ENTRY);
    // Nothing was written beside either corpus: the phrasing lives in the database.
    assertThat(dir.resolve("corpus-a/added.phrasings")).doesNotExist();

    long start = System.nanoTime();
    Answer onB = b.answerer().answer(PHRASING, null);
    while (onB.outcome() != Outcome.ANSWER && System.nanoTime() - start < 5_000_000_000L) {
      Thread.sleep(100);
      onB = b.answerer().answer(PHRASING, null);
    }
    assertThat(onB.outcome())
        .as("answered on the other server within 5 s")
        .isEqualTo(Outcome.ANSWER);
    assertThat(onB.answer().id()).isEqualTo(ENTRY);

    // A second phrasing by the same words is known to both, wherever it is sent.
    assertThat(b.addPhrasing(ENTRY, PHRASING).added()).isFalse();

    // A server started afterwards serves it from its first answer.
    try (Bot c = open(corpus("corpus-c"), databaseB, dir.resolve("index-c"))) {
      assertThat(c.answerer().answer(PHRASING, null).answer().id()).isEqualTo(ENTRY);
    }
  }
}
