package faqbot.cli;

import faqbot.app.Bot;
import faqbot.app.Service;
import faqbot.app.StopSignals;
import faqbot.feedback.FileJournal;
import faqbot.feedback.Journal;
import faqbot.http.HttpOptions;
import faqbot.http.Limits;
import faqbot.index.FaqIndex;
import faqbot.slack.SlackFace;
import faqbot.slack.SlackSettings;
import faqbot.store.Database;
import faqbot.store.DatabaseJournal;
import faqbot.store.DatabasePhrasings;
import faqbot.store.DatabaseSeenIds;
import faqbot.text.Causes;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves the FAQ over HTTP until stopped. */
@Command(name = "serve", description = "Serve the chat API (and the widget) over HTTP.")
final class ServeCommand implements Callable<Integer> {
  /**
   * The shared database's URL: {@code postgresql://user:password@host:port/name}, or a JDBC URL.
   */
  static final String DATABASE_URL = "FAQBOT_DATABASE_URL";

  static final int DEFAULT_PORT = 7070;

  @Spec CommandSpec spec;

  @Mixin Locations locations;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port to listen on (default: $FAQBOT_PORT, else " + DEFAULT_PORT + ").")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "0.0.0.0",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(
      names = "--keywords-only",
      description = "Rank by keywords alone, without the sentence model.")
  boolean keywordsOnly;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description =
          "An origin (like https://example.org) whose pages may embed the widget and call the API;"
              + " repeat for more (default: none, only pages served from this server).")
  List<String> allowOrigins = new ArrayList<>();

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description = "Where the widget's feedback is appended (default: journal/<host name>.jsonl).")
  Path journal;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "API requests a second each client may make on average, in bursts of 4 x N (0 turns the limit"
              + " off; default ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(
      names = "--trust-proxy",
      description =
          "Take the client's address from the last entry of X-Forwarded-For (only behind one proxy "
              + "that appends it).")
  boolean trustProxy;

  @Option(names = "--no-watch", description = "Do not watch the corpus folder for changes.")
  boolean noWatch;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int listenOn = port();
    List<String> origins = origins();
    if (rateLimit < 0 || rateLimit > 100_000) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate-limit must be 0 (off) to 100000 requests a second, got " + rateLimit);
    }
    Limits limits = Limits.defaults().withRate(rateLimit).withTrustProxy(trustProxy);
    String adminToken = adminToken();
    Journal feedback = journal();
    Service service;
    try {
      service =
          Service.of(
              new Service.Settings(
                  feedback instanceof DatabaseJournal shared
                      ? locations
                          .corpusSource()
                          .withShared(new DatabasePhrasings(shared.database()))
                      : locations.corpusSource(),
                  locations.index(),
                  !keywordsOnly,
                  locations.smallTalk(),
                  !noWatch,
                  feedback,
                  new HttpOptions(origins, List.of(), feedback, limits, adminToken)));
      SlackFace.open(System.getenv(), service.answerer(), feedback, seenIds(feedback))
          .ifPresent(
              slack -> service.serve(Service.Face.of("Slack", slack::register, slack::close)));
    } catch (IllegalArgumentException e) {
      closeQuietly(feedback);
      throw new UserError("Slack is misconfigured: " + e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(feedback);
      throw e;
    }
    // A cold start builds the index before serving: show that it moves.
    FaqIndex.reportProgressTo(ProgressLine.onStandardError(err));
    CountDownLatch stopped = new CountDownLatch(1);
    StopSignals.install(
        () -> {
          service.close();
          stopped.countDown();
        });
    String[] url = new String[1];
    Bot bot;
    try {
      bot =
          service.start(
              host,
              listenOn,
              report ->
                  Reports.build(
                      err, report, locations.corpus().toString(), locations.index().toString()),
              port -> {
                url[0] =
                    "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port + "/";
                err.println(
                    "faqbot: listening at "
                        + url[0]
                        + "; opening the index of "
                        + locations.corpus()
                        + " ...");
                err.flush();
              });
    } catch (JavalinBindException e) {
      service.close();
      throw new UserError(
          "cannot listen on " + host + ":" + listenOn + ": " + Causes.rootMessage(e));
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    if (!noWatch && Files.isDirectory(locations.corpus()) && !service.watching()) {
      err.println(
          "faqbot: cannot watch "
              + locations.corpus()
              + " for changes; use POST /admin/reload after"
              + " editing it");
    }
    out.println(
        "faqbot is serving "
            + bot.answerer().size()
            + " entries at "
            + url[0]
            + " (Ctrl-C stops it)"
            + (System.getenv(SlackSettings.SIGNING_SECRET) == null ? "" : "; Slack is on"));
    out.flush();
    stopped.await();
    return Main.OK;
  }

  /**
   * Where questions, verdicts and decisions are kept: the database named by {@value #DATABASE_URL},
   * shared by every replica, or else this replica's journal file.
   */
  private Journal journal() {
    String url = System.getenv(DATABASE_URL);
    if (url != null && !url.isBlank()) {
      if (journal != null) {
        throw new ParameterException(
            spec.commandLine(), "--journal and " + DATABASE_URL + " cannot both be given");
      }
      Database database;
      try {
        database = Database.open(url);
      } catch (IllegalArgumentException e) {
        throw new UserError(DATABASE_URL + ": " + e.getMessage());
      }
      // A little wait, so the index is built with the phrasings the database holds; past it, the
      // server starts anyway and takes them up when the database answers.
      try {
        if (!database.awaitMigrated(Duration.ofSeconds(10))) {
          spec.commandLine()
              .getErr()
              .println("faqbot: the database is not reachable yet; serving without it until it is");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new DatabaseJournal(database);
    }
    Path journalFile =
        journal != null
            ? journal
            : Locations.home().resolve("journal").resolve(replicaName() + ".jsonl");
    try {
      return FileJournal.open(journalFile);
    } catch (IOException e) {
      throw new UserError("cannot open the journal " + journalFile + ": " + Causes.rootMessage(e));
    }
  }

  /** Slack's event ids seen, in the database when there is one (this process's memory else). */
  private static UnaryOperator<Predicate<String>> seenIds(Journal journal) {
    return journal instanceof DatabaseJournal shared
        ? local -> new DatabaseSeenIds(shared.database(), SlackFace.DEDUPE_TTL, local)
        : UnaryOperator.identity();
  }

  /** The admin token from FAQBOT_ADMIN_TOKEN, or null (then POST /admin/reload is off). */
  private String adminToken() {
    String token = System.getenv("FAQBOT_ADMIN_TOKEN");
    if (token == null || token.isBlank()) {
      return null;
    }
    if (token.strip().length() < 16) {
      throw new ParameterException(
          spec.commandLine(), "FAQBOT_ADMIN_TOKEN must be at least 16 characters long");
    }
    return token.strip();
  }

  /** The --allow-origin values, checked and written as browsers send them. */
  private List<String> origins() {
    List<String> out = new ArrayList<>();
    for (String origin : allowOrigins) {
      try {
        out.add(HttpOptions.origin(origin));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--allow-origin: " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * This machine's name, as a file name: each replica keeps its own journal file, and the files
   * merge.
   */
  private static String replicaName() {
    try {
      String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
      return name.isBlank() || name.startsWith(".") ? "serve" : name;
    } catch (IOException e) {
      return "serve";
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing at shutdown: every acknowledged verdict and decision is already durable; questions
      // still being written may be lost (they were never acknowledged).
    }
  }

  private int port() {
    if (port != null) {
      return checkPort(port, "--port");
    }
    String env = System.getenv("FAQBOT_PORT");
    if (env == null || env.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      return checkPort(Integer.parseInt(env.strip()), "FAQBOT_PORT");
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(),
          "FAQBOT_PORT must be a port number from 0 to 65535, got '" + env + "'");
    }
  }

  private int checkPort(int value, String name) {
    if (value < 0 || value > 65535) {
      throw new ParameterException(
          spec.commandLine(), name + " must be a port number from 0 to 65535, got " + value);
    }
    return value;
  }
}
