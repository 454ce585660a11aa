package faqbot.app;

import faqbot.answer.Answerer;
import faqbot.answer.SmallTalk;
import faqbot.corpus.CorpusSource;
import faqbot.feedback.Journal;
import faqbot.http.Backend;
import faqbot.http.HttpApp;
import faqbot.http.HttpOptions;
import faqbot.index.BuildReport;
import faqbot.index.Staging;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the FAQ as a service, and owns the lifecycle of everything it runs: the HTTP server (with
 * the widget, the API and Slack's routes), the workers of the faces, the completing of a first
 * index, the corpus watcher, the index and the sentence models.
 *
 * <p>Stopping goes from the outside in, so nothing is closed while something else still uses it:
 * the server stops taking requests and lets those in flight finish; the faces' workers finish what
 * they were given; a first index's completion stops; the watcher stops and finishes a reload in
 * progress; then the index closes, and the sentence models last.
 */
public final class Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  /** How long opening may still take when the service is stopped while it opens. */
  static final long OPEN_WAIT_SECONDS = 120;

  /**
   * What the service serves and how.
   *
   * @param corpus the corpus folder or file
   * @param index the index folder
   * @param semantic whether to use the sentence models (else keywords only)
   * @param smallTalk the replies to small talk
   * @param watch whether to watch a corpus folder for edits
   * @param journal where feedback and unanswered questions are kept
   * @param http the HTTP face's options (its journal is {@code journal})
   */
  public record Settings(
      CorpusSource corpus,
      Path index,
      boolean semantic,
      SmallTalk smallTalk,
      boolean watch,
      Journal journal,
      HttpOptions http) {}

  /**
   * A face served on the same HTTP server: registers its routes, and finishes its own work when
   * closed.
   */
  public interface Face extends Consumer<JavalinConfig>, AutoCloseable {
    @Override
    void close();

    /** A face made of its routes and what finishes its work. */
    static Face of(String name, Consumer<JavalinConfig> routes, Runnable finish) {
      return new Face() {
        @Override
        public void accept(JavalinConfig config) {
          routes.accept(config);
        }

        @Override
        public void close() {
          finish.run();
        }

        @Override
        public String toString() {
          return name;
        }
      };
    }
  }

  private final Settings settings;
  private final Backend backend = Backend.starting();
  private final List<Face> faces = new ArrayList<>();
  private Javalin http;
  private CompletableFuture<Bot> opening;
  private volatile Bot bot;
  private volatile CorpusWatcher watcher;
  private volatile SharedPhrasingsPoller poller;
  private volatile IndexCompleter completer;
  private boolean stopped;

  private Service(Settings settings) {
    this.settings = settings;
  }

  /** A service not yet started. */
  public static Service of(Settings settings) {
    return new Service(settings);
  }

  /**
   * The answerer the faces ask: it refuses with 503 and Retry-After (an {@code ApiException}) until
   * the bot is open, and then answers from the bot's current index.
   */
  public Supplier<Answerer> answerer() {
    return backend::answerer;
  }

  /**
   * Adds a face to serve on the same HTTP server (before {@link #start}); it is closed when the
   * service stops.
   */
  public synchronized void serve(Face face) {
    if (http != null) {
      throw new IllegalStateException("faces are added before the service starts");
    }
    faces.add(face);
  }

  /**
   * Starts listening, then opens the index (building it when the corpus changed) and loads the
   * models while the server already answers {@code /health}; returns once the bot answers.
   *
   * @param onBuild told what an index build did, when one happens
   * @param onListening told the server's port as soon as it listens
   * @throws RuntimeException when the address cannot be listened on, or the bot cannot be opened
   */
  public synchronized Bot start(
      String host, int port, Consumer<BuildReport> onBuild, Consumer<Integer> onListening) {
    List<Consumer<JavalinConfig>> routes = new ArrayList<>(settings.http().extraRoutes());
    routes.addAll(faces);
    HttpOptions options = settings.http();
    http =
        HttpApp.create(
            backend,
            new HttpOptions(
                options.allowedOrigins(),
                routes,
                settings.journal(),
                options.limits(),
                options.adminToken()));
    // The index opens (and the models load) while the server starts listening: both take a while.
    opening =
        CompletableFuture.supplyAsync(
            () ->
                Bot.open(
                    settings.corpus(),
                    settings.index(),
                    settings.semantic(),
                    settings.smallTalk(),
                    Staging.EARLY,
                    onBuild));
    http.start(host, port);
    onListening.accept(http.port());
    Bot opened;
    try {
      opened = opening.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    bot = opened;
    opened.warmUp();
    backend.ready(opened);
    if (!opened.indexComplete()) {
      completer = IndexCompleter.start(opened, onBuild);
    }
    if (settings.watch() && Files.isDirectory(settings.corpus().path())) {
      try {
        watcher = CorpusWatcher.start(opened);
      } catch (IOException e) {
        LOG.warn(
            "cannot watch {} for changes ({}); use POST /admin/reload after editing it",
            settings.corpus().path(),
            e.getMessage());
      }
    }
    if (settings.corpus().shared() != null) {
      poller = SharedPhrasingsPoller.start(opened);
    }
    return opened;
  }

  /** The bot, once open. */
  public Optional<Bot> bot() {
    return Optional.ofNullable(bot);
  }

  /** Whether the corpus folder is watched for edits. */
  public boolean watching() {
    return watcher != null;
  }

  /**
   * Stops everything, in order (see the class comment); safe to call more than once and from a
   * shutdown hook.
   */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (http != null) {
      step("stop the HTTP server", http::stop);
    }
    for (Face face : faces) {
      step("stop " + face, face::close);
    }
    IndexCompleter c = completer;
    if (c != null) {
      step("stop completing the index", c::close);
    }
    CorpusWatcher w = watcher;
    if (w != null) {
      step("stop the corpus watcher", w::close);
    }
    SharedPhrasingsPoller p = poller;
    if (p != null) {
      step("stop following the shared phrasings", p::close);
    }
    Bot b = bot != null ? bot : stillOpening();
    if (b != null) {
      step("close the index and the sentence models", b::close);
    }
    step("close the journal", settings.journal()::close);
  }

  /**
   * Stopped while still opening: the opening is let finish, so the models are never torn down half
   * loaded.
   */
  private Bot stillOpening() {
    if (opening == null) {
      return null;
    }
    try {
      return opening.get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  /** One step of stopping; a failure is logged and the next step still runs. */
  private static void step(String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      LOG.warn("could not {}: {}", what, e.toString());
    }
  }
}
