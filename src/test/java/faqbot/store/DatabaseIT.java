package faqbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.JournalReader;
import faqbot.feedback.Ledger;
import faqbot.testing.ChildLines;
import faqbot.testing.CuttableProxy;
import faqbot.testing.Fixtures;
import faqbot.testing.TestDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared store on a real PostgreSQL: the schema migrated by the server from empty and from the
 * previous version, acknowledged records committed (a writer killed with SIGKILL loses none), rows
 * committed out of id order still read once, and Slack's event ids decided once across servers.
 */
class DatabaseIT {
  private String url;
  private final List<Database> opened = new ArrayList<>();

  @BeforeEach
  void create() throws Exception {
    url = TestDatabases.create();
  }

  @AfterEach
  void drop() throws Exception {
    opened.forEach(Database::close);
    if (url != null) { // null when skipped: no database to test on
      TestDatabases.drop(url);
    }
  }

  private Database open() throws InterruptedException {
    return open(url);
  }

  private Database open(String at) throws InterruptedException {
    Database database = Database.open(at);
    opened.add(database);
    assertThat(database.awaitMigrated(Duration.ofSeconds(30))).isTrue();
    return database;
  }

  private static FeedbackRecord declined(String question) {
    return FeedbackRecord.asked(question, "decline", null, 0.1, false, "web");
  }

  @Test
  void anEmptyDatabaseIsMigratedByTheServer() throws Exception {
    open();
    try (Connection c = TestDatabases.connect(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
      assertThat(versions).containsExactly("1", "2", "3");
    }
  }

  @Test
  void aDatabaseOnThePreviousSchemaIsMigratedAndKeepsItsJournal() throws Exception {
    try (Connection c = TestDatabases.connect(url)) {
      // The schema as the previous version left it (the journal and Slack's events, no phrasings
      // yet),
      // with a record in it.
      Flyway.configure()
          .dataSource(
              Database.jdbc(url).url(), Database.jdbc(url).user(), Database.jdbc(url).password())
          .locations("classpath:db/migration")
          .target("2")
          .load()
          .migrate();
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO journal (record) VALUES ('{\"type\":\"asked\",\"time\":\"2026-12-01T10:00:00Z\","
                + "\"question\":\"who funds ai safety\",\"outcome\":\"decline\"}')");
      }
    }
    Database database = open();
    DatabaseJournal journal = new DatabaseJournal(database);
    journal.append(declined("Who funds AI safety?"));
    assertThat(journal.reader().refresh().unanswered(Instant.EPOCH))
        .singleElement()
        .satisfies(w -> assertThat(w.count()).isEqualTo(2));
    assertThat(new DatabaseSeenIds(database, Duration.ofMinutes(30), id -> true).test("Ev1"))
        .isTrue();
    DatabasePhrasings phrasings = new DatabasePhrasings(database);
    phrasings.add("what-is-inner-alignment", "the other alignment problem");
    assertThat(phrasings.additions())
        .singleElement()
        .satisfies(p -> assertThat(p.text()).isEqualTo("the other alignment problem"));
  }

  @Test
  void everyRecordAcknowledgedBeforeAKillMinusNineIsInTheDatabase() throws Exception {
    open(); // migrated before the writer starts
    Process child =
        new ProcessBuilder(
                Fixtures.javaBinary(),
                "-cp",
                System.getProperty("java.class.path"),
                DatabaseJournalWriterMain.class.getName(),
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    ChildLines acks = ChildLines.of(child);
    long deadline = System.currentTimeMillis() + 30_000;
    while (acks.size() < 200 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    child.destroyForcibly(); // SIGKILL, in the middle of its writing
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    acks.awaitEnd();
    int acknowledged = acks.size();
    assertThat(acknowledged).isGreaterThanOrEqualTo(200);
    try (Connection c = TestDatabases.connect(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM journal WHERE (record->>'question') ~ '^record [0-9]+$'"
                    + " AND substring(record->>'question' from 8)::int <= "
                    + acknowledged)) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(acknowledged);
    }
  }

  @Test
  void aRowCommittedAfterOneWithAHigherIdIsStillReadOnce() throws Exception {
    Database database = open();
    JournalReader reader = new DatabaseJournal(database).reader();
    try (Connection slow = TestDatabases.connect(url)) {
      slow.setAutoCommit(false);
      try (Statement s = slow.createStatement()) {
        s.executeUpdate(
            "INSERT INTO journal (record) VALUES ('{\"type\":\"asked\",\"time\":\"2026-12-01T10:00:00Z\","
                + "\"question\":\"the slow one\",\"outcome\":\"decline\"}')");
      }
      new DatabaseJournal(database).append(declined("the quick one"));
      assertThat(reader.refresh().unanswered(Instant.EPOCH))
          .extracting(Ledger.Wording::question)
          .containsExactly("the quick one");
      slow.commit();
    }
    assertThat(reader.refresh().unanswered(Instant.EPOCH))
        .extracting(Ledger.Wording::question)
        .containsExactlyInAnyOrder("the quick one", "the slow one");
    assertThat(reader.refresh().totals().records()).isEqualTo(2);
  }

  @Test
  void twoServersAnswerOneSlackEventOnceAndAgainAfterTheWindow() throws Exception {
    DatabaseSeenIds one = new DatabaseSeenIds(open(), Duration.ofSeconds(2), id -> true);
    DatabaseSeenIds two = new DatabaseSeenIds(open(), Duration.ofSeconds(2), id -> true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> firsts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        DatabaseSeenIds server = i % 2 == 0 ? one : two;
        firsts.add(
            pool.submit(
                () -> {
                  start.await();
                  return server.test("event:Ev42");
                }));
      }
      start.countDown();
      int answered = 0;
      for (Future<Boolean> f : firsts) {
        answered += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(answered).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    Thread.sleep(2_500);
    assertThat(two.test("event:Ev42")).as("past the window it is a new event").isTrue();
    assertThat(one.test("event:Ev42")).isFalse();
  }

  @Test
  void aDatabaseThatIsNotThereYetRefusesWritesAtOnceAndIsUsedWhenItComes() throws Exception {
    String later = url.replaceAll("/[^/]+$", "/") + "not_yet_" + System.nanoTime();
    Database database = Database.open(later);
    opened.add(database);
    DatabaseJournal journal = new DatabaseJournal(database);
    long start = System.nanoTime();
    assertThatThrownBy(() -> journal.append(declined("too early")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not reachable yet");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(database.state()).isEqualTo(Database.State.STARTING);
    String name = later.substring(later.lastIndexOf('/') + 1);
    try (Connection admin = TestDatabases.connect(TestDatabases.server());
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    try {
      assertThat(database.awaitMigrated(Duration.ofSeconds(30))).isTrue();
      journal.append(declined("in time"));
      assertThat(journal.reader().refresh().unanswered(Instant.EPOCH)).hasSize(1);
    } finally {
      database.close();
      TestDatabases.drop(later);
    }
  }

  @Test
  void questionsAreNotedWithoutWaitingForTheDatabaseAndWrittenWhenItIsBack() throws Exception {
    open();
    try (CuttableProxy link = CuttableProxy.to(url)) {
      Database linked = open(link.through(url));
      DatabaseJournal journal = new DatabaseJournal(linked);
      link.cut();
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        journal.note(declined("asked while the database was away " + i));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
      Thread.sleep(1_500);
      link.restore();
      JournalReader reader = new DatabaseJournal(open()).reader();
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (reader.refresh().totals().records() < 100 && System.nanoTime() < end) {
        Thread.sleep(200);
      }
      assertThat(reader.refresh().totals().records()).isEqualTo(100);
      assertThat(journal.dropped()).isZero();
    }
  }

  @Test
  void theReportReadsTheJournalTheReplicasShare() throws Exception {
    DatabaseJournal journal = new DatabaseJournal(open());
    journal.append(declined("who funds ai safety"));
    journal.append(declined("Who funds AI safety?"));
    journal.append(FeedbackRecord.feedback("is ai dangerous", "evals", false, "web"));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        faqbot.cli.Main.run(
            new String[] {"report", "--json", "--database", url},
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode report =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(report.get("records").asInt()).isEqualTo(3);
    assertThat(report.at("/unanswered/0/times").asInt()).isEqualTo(2);
    assertThat(report.at("/unhelpful/0/answerId").asText()).isEqualTo("evals");
  }

  @Test
  void aQuestionWithANulCharacterIsKeptWithoutItAndStopsNothing() throws Exception {
    DatabaseJournal journal = new DatabaseJournal(open());
    journal.note(declined("hi\u0000there"));
    journal.note(declined("asked after it"));
    journal.append(FeedbackRecord.feedback("a verdict\u0000", "evals", true, "web"));
    JournalReader reader = journal.reader();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (reader.refresh().totals().records() < 3 && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(reader.refresh().unanswered(Instant.EPOCH))
        .extracting(Ledger.Wording::question)
        .containsExactlyInAnyOrder("hithere", "asked after it");
    assertThat(reader.refresh().totals().records()).isEqualTo(3);
  }

  @Test
  void slacksEventsDoNotWaitForADatabaseThatJustFailed() throws Exception {
    open();
    try (CuttableProxy link = CuttableProxy.to(url)) {
      Database linked = open(link.through(url));
      DatabaseSeenIds seen = new DatabaseSeenIds(linked, Duration.ofMinutes(30), id -> true);
      assertThat(seen.test("event:before")).isTrue();
      link.cut();
      assertThat(seen.test("event:first-failure")).as("decided by memory").isTrue();
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        seen.test("event:while-down-" + i);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }
  }
}
