package faqbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the PostgreSQL database that several replicas share: a pool of connections, and the schema,
 * created and migrated by the server itself as it starts.
 *
 * <p>The server does not wait for the database: when it is not up yet, migrating is tried again in
 * the background every few seconds, and until it succeeds every use of the database fails at once
 * with an {@link SQLException} that says so (answering does not need it).
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  static final Duration RETRY = Duration.ofSeconds(2);

  /** Where the database stands, for {@code /ready} and {@code /metrics}. */
  public enum State {
    /** Not reached yet, or the migrations have not run. */
    STARTING,
    /** Migrated and answering. */
    UP,
    /** Migrated before, but the last use failed. */
    DOWN
  }

  private final HikariDataSource pool;
  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
  private final Thread migrator;
  private volatile boolean closed;
  private volatile long lastFailure = System.nanoTime() - Duration.ofDays(1).toNanos();

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.migrator = new Thread(this::migrateUntilDone, "database-migrations");
    migrator.setDaemon(true);
  }

  /**
   * Opens a database given as {@code postgresql://user:password@host:port/name} (what most hosts
   * print) or as a JDBC URL ({@code jdbc:postgresql://…}), and starts migrating it.
   *
   * @throws IllegalArgumentException when the URL is neither, naming what is wrong
   */
  public static Database open(String url) {
    HikariConfig config = new HikariConfig();
    Jdbc jdbc = jdbc(url);
    config.setJdbcUrl(jdbc.url());
    if (jdbc.user() != null) {
      config.setUsername(jdbc.user());
    }
    if (jdbc.password() != null) {
      config.setPassword(jdbc.password());
    }
    config.setPoolName("faqbot");
    config.setMaximumPoolSize(8);
    // Start without the database; fail a use quickly rather than hold a request for half a minute.
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "10");
    Database database = new Database(new HikariDataSource(config));
    database.migrator.start();
    return database;
  }

  /** A JDBC URL and the credentials taken out of a {@code postgresql://} URL. */
  record Jdbc(String url, String user, String password) {}

  static Jdbc jdbc(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("the database URL is empty");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new Jdbc(url, null, null);
    }
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "the database URL must start with postgresql:// or jdbc:postgresql://, got one starting '"
              + (url.contains("://") ? url.substring(0, url.indexOf("://") + 3) : "(no scheme)")
              + "'");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the database URL cannot be read: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the database URL names no host");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + (uri.getRawPath() == null ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new Jdbc(jdbc, user, password);
  }

  /** A URL's percent-escapes decoded; a '+' stays a '+' (it means a space only in forms). */
  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private void migrateUntilDone() {
    while (!closed) {
      try {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        state.set(State.UP);
        LOG.info("the database is migrated and in use");
        return;
      } catch (RuntimeException e) {
        LOG.warn(
            "the database cannot be migrated yet ({}); trying again in {} s",
            rootMessage(e),
            RETRY.toSeconds());
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Waits until the schema is migrated, at most {@code timeout}; true when it is. */
  public boolean awaitMigrated(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (state.get() == State.STARTING && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return state.get() != State.STARTING;
  }

  public State state() {
    return state.get();
  }

  /**
   * A connection from the pool, in auto-commit mode; close it when done.
   *
   * @throws SQLException when the schema is not migrated yet, or the database cannot be reached
   */
  public Connection connection() throws SQLException {
    if (closed) {
      throw new SQLException("the database is closed");
    }
    if (state.get() == State.STARTING) {
      throw new SQLException("the database is not reachable yet (its schema is not migrated)");
    }
    try {
      Connection connection = pool.getConnection();
      state.set(State.UP);
      return connection;
    } catch (SQLException e) {
      lastFailure = System.nanoTime();
      state.set(State.DOWN);
      throw e;
    }
  }

  /** Notes that a use failed after the connection was had, so the state shows it. */
  void failed() {
    lastFailure = System.nanoTime();
    if (state.get() == State.UP) {
      state.set(State.DOWN);
    }
  }

  /**
   * Whether the database failed within the last {@link #RETRY} times five: a caller that cannot
   * wait (Slack wants its answer in 3 s) goes without it until then, rather than wait out the
   * pool's timeout again.
   */
  boolean recentlyDown() {
    return state.get() != State.UP && System.nanoTime() - lastFailure < RETRY.toNanos() * 5;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
    closed = true;
    migrator.interrupt();
    pool.close();
  }
}
