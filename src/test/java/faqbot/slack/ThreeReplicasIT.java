package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import faqbot.testing.CuttableProxy;
import faqbot.testing.Fixtures;
import faqbot.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real server processes sharing one PostgreSQL, behind a real HAProxy (round robin on
 * loopback): a Slack event delivered three times (each to another replica, as Slack's retries would
 * be) is answered once; a phrasing added through one replica is answered by all three within 5 s;
 * the editors' page on any replica shows what was declined on all three; and the database cut off
 * mid-load costs no answer and no acknowledged verdict. The database is reached through a forwarder
 * the test can cut, so the shared PostgreSQL itself never stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeReplicasIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "three-replicas-admin-token";
  private static final String BOT_USER = "U0FAQBOT";

  @TempDir static Path dir;
  private static String database;
  private static CuttableProxy link;
  private static FakeSlack slack;
  private static final List<Process> replicas = new ArrayList<>();
  private static final List<Integer> ports = new ArrayList<>();
  private static Process haproxy;
  private static String front;
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    String server = TestDatabases.server();
    Path binary = Path.of("/usr/sbin/haproxy");
    if (!Files.isExecutable(binary)) {
      if ("1".equals(System.getenv("FAQBOT_REQUIRE_DATABASE"))) {
        fail("HAProxy is needed for the replicas' test: apt-get install haproxy");
      }
      assumeTrue(false, "no HAProxy at " + binary);
    }
    database = TestDatabases.create();
    link = CuttableProxy.to(database);
    String linked = link.through(database);
    slack = new FakeSlack();
    for (int i = 0; i < 3; i++) {
      ports.add(freePort());
    }
    for (int i = 0; i < 3; i++) {
      replicas.add(replica(i, linked));
    }
    for (int port : ports) {
      awaitReady("http://127.0.0.1:" + port);
    }
    int frontPort = freePort();
    Path config = dir.resolve("haproxy.cfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global",
            "  maxconn 512",
            "defaults",
            "  mode http",
            "  timeout connect 5s",
            "  timeout client 30s",
            "  timeout server 30s",
            "frontend faqbot",
            "  bind 127.0.0.1:" + frontPort,
            "  default_backend replicas",
            "backend replicas",
            "  balance roundrobin",
            "  server r0 127.0.0.1:" + ports.get(0),
            "  server r1 127.0.0.1:" + ports.get(1),
            "  server r2 127.0.0.1:" + ports.get(2),
            ""));
    haproxy =
        new ProcessBuilder(binary.toString(), "-f", config.toString(), "-db")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    front = "http://127.0.0.1:" + frontPort;
    awaitReady(front);
  }

  private static Process replica(int i, String databaseUrl) throws IOException {
    Path home = Files.createDirectories(dir.resolve("replica-" + i));
    Path corpus = Fixtures.innerAlignmentCorpus(home.resolve("corpus"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Fixtures.faqbotCommand(
                    "384m",
                    "serve",
                    "--port",
                    Integer.toString(ports.get(i)),
                    "--host",
                    "127.0.0.1",
                    "--corpus",
                    corpus.toString(),
                    "--index",
                    home.resolve("index").toString(),
                    "--rate-limit",
                    "0"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("serve.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("FAQBOT_HOME", home.toString());
    env.put("FAQBOT_DATABASE_URL", databaseUrl);
    env.put("FAQBOT_ADMIN_TOKEN", TOKEN);
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SECRET);
    env.put("SLACK_BOT_TOKEN", "xoxb-test");
    env.put("SLACK_BOT_USER_ID", BOT_USER);
    env.put("SLACK_API_URL", slack.apiUrl());
    return builder.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (haproxy != null) {
      haproxy.destroy();
    }
    for (Process p : replicas) {
      p.destroy();
    }
    for (Process p : replicas) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
    if (slack != null) {
      slack.close();
    }
    if (link != null) {
      link.close();
    }
    if (database != null) {
      TestDatabases.drop(database);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitReady(String base) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < end) {
      try {
        if (get(base + "/ready", null).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    fail(base + " did not get ready; see the logs in " + dir);
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String token, Object body) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode chat(String base, String message) throws Exception {
    HttpResponse<String> response = post(base + "/api/chat", null, Map.of("message", message));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void aSlackEventDeliveredToEachReplicaIsAnsweredOnce() throws Exception {
    AppMentionPayload mention =
        SlackPayloads.mention(
            "Ev3REPLICAS",
            BOT_USER,
            "<@" + BOT_USER + "> what is reward hacking?",
            "1700000099.000100",
            null);
    String body = BlockKit.GSON.toJson(mention);
    SlackRequests requests = new SlackRequests(front);
    for (int delivery = 0; delivery < 3; delivery++) {
      // Round robin: each delivery reaches the next replica, as a retry may.
      assertThat(requests.signed(SlackFace.EVENTS, SlackRequests.JSON, body).status())
          .isEqualTo(200);
    }
    assertThat(slack.next(Duration.ofSeconds(30)).path()).endsWith("chat.postMessage");
    assertThat(slack.poll(Duration.ofSeconds(3))).as("a second answer to the same event").isNull();
  }

  @Test
  void aPhrasingAddedThroughOneReplicaIsAnsweredByAllThreeWithinFiveSeconds() throws Exception {
    String phrasing = "Why did Rob Miles call it the other alignment problem?";
    for (int port : ports) {
      assertThat(chat("http://127.0.0.1:" + port, phrasing).path("outcome").asText())
          .isNotEqualTo("answer");
    }
    HttpResponse<String> added =
        post(
            front + "/admin/phrasings",
            TOKEN,
            Map.of("entryId", "what-is-inner-alignment", "phrasing", phrasing));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    long start = System.nanoTime();
    Set<Integer> answering = new HashSet<>();
    while (answering.size() < 3 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
      for (int port : ports) {
        JsonNode answer = chat("http://127.0.0.1:" + port, phrasing);
        if ("what-is-inner-alignment".equals(answer.path("answer").path("id").asText())) {
          answering.add(port);
        }
      }
      Thread.sleep(100);
    }
    assertThat(answering).as("replicas answering within 5 s").hasSize(3);
  }

  @Test
  void theEditorsPageOnAnyReplicaShowsWhatWasDeclinedOnAll() throws Exception {
    List<String> declined =
        List.of(
            "who funds research on this, replica test one",
            "what's a good banana bread recipe, replica test two",
            "where can I study this at university, replica test three");
    for (String question : declined) {
      chat(front, question); // round robin: one on each replica
    }
    for (int port : ports) {
      // Questions are written to the database a moment after they are answered.
      List<String> shown = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!shown.containsAll(declined) && System.nanoTime() < end) {
        shown.clear();
        JsonNode groups =
            JSON.readTree(get("http://127.0.0.1:" + port + "/admin/api/questions", TOKEN).body());
        groups
            .path("groups")
            .forEach(g -> g.path("questions").forEach(q -> shown.add(q.path("question").asText())));
        Thread.sleep(100);
      }
      assertThat(shown).as("replica on %d", port).containsAll(declined);
    }
  }

  @Test
  void theDatabaseCutOffMidLoadCostsNoAnswerAndNoAcknowledgedVerdict() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger chats = new AtomicInteger();
    AtomicInteger failedChats = new AtomicInteger();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> load = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                for (int i = 0; running.get(); i++) {
                  try {
                    HttpResponse<String> answer =
                        post(
                            front + "/api/chat", null, Map.of("message", "what is reward hacking"));
                    chats.incrementAndGet();
                    if (answer.statusCode() != 200) {
                      failedChats.incrementAndGet();
                    }
                    String marker = "verdict " + thread + "-" + i;
                    HttpResponse<String> verdict =
                        post(
                            front + "/api/feedback",
                            null,
                            Map.of(
                                "answerId",
                                "what-is-reward-hacking",
                                "helpful",
                                true,
                                "question",
                                marker));
                    if (verdict.statusCode() == 201) {
                      acknowledged.add(marker);
                    } else if (verdict.statusCode() == 503) {
                      refused.incrementAndGet();
                    } else {
                      failedChats.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failedChats.incrementAndGet();
                  }
                }
              });
      worker.setDaemon(true);
      worker.start();
      load.add(worker);
    }
    Thread.sleep(2_000);
    link.cut();
    Thread.sleep(6_000);
    int acknowledgedWhileAway = acknowledged.size();
    // Still ready (answers need no database), and saying where the store stands.
    for (int port : ports) {
      HttpResponse<String> ready = get("http://127.0.0.1:" + port + "/ready", null);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(ready.body()).path("store").asText()).isEqualTo("down");
      assertThat(get("http://127.0.0.1:" + port + "/metrics", null).body())
          .contains("faqbot_store{state=\"down\"} 1.0");
    }
    link.restore();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int before = acknowledged.size();
    while (acknowledged.size() == before && System.nanoTime() < end) {
      Thread.sleep(200);
    }
    Thread.sleep(1_000);
    running.set(false);
    for (Thread t : load) {
      t.join(30_000);
    }
    assertThat(chats.get()).isGreaterThan(10);
    assertThat(failedChats.get())
        .as("failed chats, or a verdict neither kept nor refused")
        .isZero();
    assertThat(refused.get()).as("verdicts refused while the database was away").isPositive();
    assertThat(acknowledged.size())
        .as("verdicts kept again once it returned")
        .isGreaterThan(acknowledgedWhileAway);
    Set<String> stored = new HashSet<>();
    try (Connection c = TestDatabases.connect(database);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT record->>'question' FROM journal WHERE record->>'type' = 'feedback'")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    assertThat(stored)
        .as("every acknowledged verdict is in the database")
        .containsAll(acknowledged);
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it kills a replica
  void everyVerdictAReplicaAcknowledgedBeforeKillMinusNineIsInTheDatabase() throws Exception {
    String replica = "http://127.0.0.1:" + ports.get(2);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    Thread sender =
        new Thread(
            () -> {
              for (int i = 0; sending.get(); i++) {
                String marker = "before the kill " + i;
                try {
                  HttpResponse<String> verdict =
                      post(
                          replica + "/api/feedback",
                          null,
                          Map.of(
                              "answerId",
                              "what-is-reward-hacking",
                              "helpful",
                              false,
                              "question",
                              marker));
                  if (verdict.statusCode() == 201) {
                    acknowledged.add(marker);
                  }
                } catch (Exception e) {
                  return; // the replica is gone
                }
              }
            });
    sender.setDaemon(true);
    sender.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < 100 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    replicas.get(2).destroyForcibly(); // SIGKILL, with verdicts in flight
    assertThat(replicas.get(2).waitFor(10, TimeUnit.SECONDS)).isTrue();
    sending.set(false);
    sender.join(10_000);
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(100);
    Set<String> stored = new HashSet<>();
    try (Connection c = TestDatabases.connect(database);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT record->>'question' FROM journal WHERE record->>'question' LIKE 'before the kill %'")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    assertThat(stored).containsAll(acknowledged);
  }
}
