package faqbot.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for the tests that need one, on the server {@code
 * FAQBOT_TEST_DATABASE_URL} names ({@code postgresql://user:password@host:port/db}, a role that may
 * create databases). Where it is not set the tests skip, unless {@code FAQBOT_REQUIRE_DATABASE=1}
 * (as CI sets) makes that a failure.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** The server's URL, or the test is skipped (or fails, where a database is required). */
  public static String server() {
    String url = System.getenv("FAQBOT_TEST_DATABASE_URL");
    if (url == null || url.isBlank()) {
      if ("1".equals(System.getenv("FAQBOT_REQUIRE_DATABASE"))) {
        fail("FAQBOT_REQUIRE_DATABASE=1 but FAQBOT_TEST_DATABASE_URL is not set");
      }
      assumeTrue(false, "FAQBOT_TEST_DATABASE_URL is not set: no PostgreSQL to test against");
    }
    return url;
  }

  /** Creates an empty database and returns its {@code postgresql://} URL. */
  public static String create() throws SQLException {
    String server = server();
    String name = "faqbot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = connect(server);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return withDatabase(server, name);
  }

  /** Drops a database made by {@link #create}, closing its other sessions first. */
  public static void drop(String url) throws SQLException {
    String name = URI.create(url).getPath().substring(1);
    try (Connection admin = connect(server());
        Statement statement = admin.createStatement()) {
      statement.execute(
          "DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT) + " WITH (FORCE)");
    }
  }

  /** A plain JDBC connection to a {@code postgresql://} URL. */
  public static Connection connect(String url) throws SQLException {
    URI uri = URI.create(url);
    String[] user = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
        user.length > 0 ? user[0] : null,
        user.length > 1 ? user[1] : null);
  }

  private static String withDatabase(String server, String name) {
    URI uri = URI.create(server);
    return "postgresql://"
        + (uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@")
        + uri.getHost()
        + ":"
        + uri.getPort()
        + "/"
        + name;
  }
}
