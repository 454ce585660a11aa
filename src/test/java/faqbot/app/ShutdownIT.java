package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import faqbot.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a real {@code faqbot serve} (SIGTERM) in the middle of everything at once: new questions
 * being embedded on the request threads, Slack events queued for its workers (whose replies go to a
 * slow fake of Slack's API), and a corpus edit being indexed. A clean stop ends with exit status 0,
 * no native crash report (hs_err_pid*.log) and no stack trace. Tries {@code faqbot.shutdown.tries}
 * times (2 by default; src/test/bench/sigterm.sh runs 20).
 */
class ShutdownIT {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final int TRIES = Integer.getInteger("faqbot.shutdown.tries", 2);
  private static final Pattern LISTENING = Pattern.compile("listening at http://[^:/]+:(\\d+)/");

  @TempDir static Path shared;
  private static Path builtIndex;

  @BeforeAll
  static void buildTheIndexOnce() throws IOException {
    // Each try starts from this index of a dozen entries, so it starts in seconds and only the edit
    // is embedded.
    builtIndex = shared.resolve("index");
    Path corpus = Files.createDirectories(shared.resolve("corpus"));
    try (Stream<Path> files = Files.list(Fixtures.corpus())) {
      for (Path file : files.sorted().limit(12).toList()) {
        Files.copy(file, corpus.resolve(file.getFileName().toString()));
      }
    }
    Files.copy(
        Fixtures.corpus().resolve("what-is-reward-hacking.txt"),
        corpus.resolve("what-is-reward-hacking.txt"));
    try (Bot bot = Bot.open(corpus, builtIndex, true, r -> {})) {
      assertThat(bot.answerer().size()).isEqualTo(13);
    }
  }

  @Test
  void stopsCleanlyUnderLoadWithSlackWorkQueuedAndAnEditBeingIndexed(@TempDir Path dir)
      throws Exception {
    HttpServer slowSlack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slowSlack.createContext(
        "/",
        exchange -> {
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] ok = "{\"ok\":true,\"ts\":\"1.2\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    slowSlack.start();
    try {
      for (int t = 1; t <= TRIES; t++) {
        oneTry(dir.resolve("try-" + t), slowSlack.getAddress().getPort(), t);
      }
    } finally {
      slowSlack.stop(0);
    }
  }

  private void oneTry(Path dir, int slackPort, int attempt) throws Exception {
    Path corpus = dir.resolve("corpus");
    copy(shared.resolve("corpus"), corpus);
    copy(builtIndex, dir.resolve("index"));
    ProcessBuilder builder =
        new ProcessBuilder(
                Fixtures.faqbotCommand(
                    "256m",
                    "serve",
                    "--port",
                    "0",
                    "--host",
                    "127.0.0.1",
                    "--corpus",
                    corpus.toString(),
                    "--index",
                    dir.resolve("index").toString(),
                    "--journal",
                    dir.resolve("journal.jsonl").toString(),
                    "--rate-limit",
                    "0"))
            .directory(Files.createDirectories(dir).toFile());
    builder.environment().put("SLACK_SIGNING_SECRET", SECRET);
    builder.environment().put("SLACK_BOT_TOKEN", "xoxb-test");
    builder.environment().put("SLACK_API_URL", "http://127.0.0.1:" + slackPort + "/api");
    builder.environment().put("SLACK_WORKERS", "2");
    builder.environment().put("SLACK_QUEUE", "64");
    Process child = builder.start();
    List<String> stderr = new ArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    int[] port = {0};
    Thread errors =
        drain(
            child,
            stderr,
            line -> {
              Matcher m = LISTENING.matcher(line);
              if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
              }
            });
    Thread output =
        drain(
            child.getInputStream(),
            new ArrayList<>(),
            line -> {
              if (line.startsWith("faqbot is serving")) {
                ready.countDown();
              }
            });
    try {
      assertThat(ready.await(120, TimeUnit.SECONDS))
          .as("try %d started: %s", attempt, stderr)
          .isTrue();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + port[0];
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      List<Thread> load = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        load.add(
            daemon(
                () -> {
                  for (int i = 0; running.get(); i++) {
                    // Every question new, so every one is embedded on a request thread.
                    String body =
                        "{\"message\":\"what is reward hacking, question "
                            + thread
                            + "-"
                            + i
                            + "\"}";
                    send(
                        client,
                        HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                        answered);
                  }
                }));
      }
      for (int e = 0; e < 20; e++) {
        String event =
            "{\"type\":\"event_callback\",\"event_id\":\"Ev"
                + attempt
                + "x"
                + e
                + "\",\"event\":{\"type\":"
                + "\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\",\"ts\":\""
                + attempt
                + "."
                + e
                + "\",\"text\":"
                + "\"<@UBOT> why would an AI seek power, take "
                + e
                + "\"}}";
        send(client, signed(base + "/slack/events", event), answered);
      }
      Path entry = corpus.resolve("what-is-reward-hacking.txt");
      String text = Files.readString(entry);
      Files.writeString(
          entry,
          text.replaceFirst(
              "\n\n",
              "\n\nAn edit made while the server stops, try " + attempt + ", to be indexed.\n\n"));
      // The watcher waits half a second for edits to settle, then embeds: stop in the middle of
      // that.
      Thread.sleep(900);
      child.destroy();
      assertThat(child.waitFor(90, TimeUnit.SECONDS))
          .as("try %d stopped in time", attempt)
          .isTrue();
      running.set(false);
      for (Thread t : load) {
        t.join(10_000);
      }
      errors.join(10_000);
      output.join(10_000);
      String log = String.join("\n", stderr);
      assertThat(answered.get())
          .as("try %d answered something before stopping", attempt)
          .isPositive();
      assertThat(child.exitValue()).as("try %d exit status; stderr:\n%s", attempt, log).isZero();
      assertThat(log)
          .as("try %d", attempt)
          .doesNotContain("Exception")
          .doesNotContain("SIGSEGV")
          .doesNotContain("fatal error")
          .doesNotContain("\tat ");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("try %d", attempt)
            .noneMatch(name -> name.startsWith("hs_err_pid"));
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static void send(HttpClient client, HttpRequest.Builder request, AtomicInteger answered) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        answered.incrementAndGet();
      }
    } catch (IOException e) {
      // Refused or cut while the server stops: what a client of a stopping server sees.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpRequest.Builder signed(String url, String body) throws Exception {
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "v0="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static Thread drain(Process child, List<String> lines, Consumer<String> each) {
    return drain(child.getErrorStream(), lines, each);
  }

  private static Thread drain(InputStream stream, List<String> lines, Consumer<String> each) {
    return daemon(
        () -> {
          try (BufferedReader in =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
              synchronized (lines) {
                lines.add(line);
              }
              each.accept(line);
            }
          } catch (IOException e) {
            // The child ended.
          }
        });
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("write.lock")) {
          Files.copy(p, target);
        }
      }
    }
  }
}
