package faqbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faqbot chat} as a person uses it: a separate JVM in a real pseudo-terminal, made by
 * util-linux's {@code script} (in every Debian install, package bsdutils), with keys typed into it
 * and the screen read back. Where {@code script} is missing the tests are skipped, unless {@code
 * FAQBOT_REQUIRE_TERMINAL=1} makes that a failure.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ChatTerminalIT {
  private static final String SEED_QUESTION = "What is inner alignment?";
  private static final String SECOND_RELATED =
      "What is the difference between inner and outer alignment?";
  private static final String PROMPT = ChatInput.PROMPT;

  /** Loading the sentence model takes about a second; a loaded CI machine gets plenty more. */
  private static final Duration START = Duration.ofSeconds(120);

  private static final Duration ANSWER = Duration.ofSeconds(60);

  /**
   * Escape sequences a terminal program writes: CSI (with private modes), OSC, and two-character
   * ones.
   */
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\u001b\\[[0-9;?<=>$]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]");

  @TempDir static Path shared;

  private static Path index;

  @BeforeAll
  static void setUp() {
    requireScript();
    // Build the index here, once, so the sessions below only load it.
    index = shared.resolve("index");
    CliRuns.Run run =
        CliRuns.run("index", "--corpus", Fixtures.corpus().toString(), "--index", index.toString());
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
  }

  @Test
  void aQuestionThenANumberThenQuitInARealTerminal(@TempDir Path home) throws Exception {
    try (Session session = Session.start(home, Map.of())) {
      session.awaitPrompts(1, START);
      assertThat(session.screen()).contains("/help for help, /quit to leave.");

      session.type(SEED_QUESTION + "\r");
      session.awaitPrompts(2, ANSWER);
      String first = session.screen();
      assertThat(first).contains(SEED_QUESTION + "\n" + "=".repeat(SEED_QUESTION.length()) + "\n");
      assertThat(first)
          .contains("Inner alignment is the problem")
          .contains("Related questions:")
          .contains("  2. " + SECOND_RELATED + "\n");

      session.type("2\r");
      session.awaitPrompts(3, ANSWER);
      String second = session.screen().substring(first.length());
      assertThat(second)
          .contains(SECOND_RELATED + "\n" + "=".repeat(SECOND_RELATED.length()) + "\n");
      assertThat(second).contains("Outer alignment is about choosing the right objective");

      session.type("/quit\r");
      assertThat(session.awaitExit(ANSWER)).as(session.screen()).isEqualTo(Main.OK);
    }
    // Both lines are in the history, for the next session's arrow-up.
    String history =
        Files.readString(home.resolve(ChatInput.HISTORY_FILE_NAME), StandardCharsets.UTF_8);
    assertThat(history).contains(SEED_QUESTION).contains("2");
  }

  @Test
  void ctrlCClearsTheLineAndCtrlDLeavesEvenWhenTheHomeCannotBeWritten(@TempDir Path scratch)
      throws Exception {
    // /proc takes no new files, not even from root; elsewhere, a home that is a file and not a
    // folder.
    Path home =
        Files.isDirectory(Path.of("/proc"))
            ? Path.of("/proc")
            : Files.writeString(scratch.resolve("home"), "");
    // The sentence model's native library is unpacked under the home unless told otherwise.
    Map<String, String> env = Map.of("DJL_CACHE_DIR", scratch.resolve("djl").toString());
    try (Session session = Session.start(home, env)) {
      session.awaitPrompts(1, START);
      session.type("What is outer alignment? and this is never sent");
      session.awaitScreen(screen -> screen.contains("never sent"), ANSWER);
      session.type("\u0003");
      session.awaitPrompts(2, ANSWER);
      assertThat(session.alive()).as("Ctrl-C cleared the line; it did not stop the JVM").isTrue();

      // The cleared line was not asked: there is no answer yet to list the sources of.
      session.type("/sources\r");
      session.awaitScreen(screen -> screen.contains("No answer yet"), ANSWER);
      session.awaitPrompts(3, ANSWER);
      assertThat(session.screen()).doesNotContain("What is outer alignment?\n=");

      session.type("\u0004");
      assertThat(session.awaitExit(ANSWER)).as(session.screen()).isEqualTo(Main.OK);
      assertThat(session.screen())
          .doesNotContain("Exception")
          .doesNotContain("WARN")
          .doesNotContain("history");
    }
  }

  @Test
  void pipedInputNeedsNoTerminal(@TempDir Path home) throws Exception {
    List<String> command = new ArrayList<>(javaCommand(home));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    Process process = builder.start();
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write((SEED_QUESTION + "\n2\n/quit\n").getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
      errReader.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
      errReader.join();
      assertThat(process.exitValue()).as(out + err).isEqualTo(Main.OK);
      assertThat(out).startsWith(SEED_QUESTION + "\n=");
      assertThat(out).contains(SECOND_RELATED + "\n=");
      assertThat(out).doesNotContain(PROMPT).doesNotContain("\u001b");
    } finally {
      process.destroyForcibly();
    }
  }

  // ---------------------------------------------------------------- the terminal

  /**
   * {@code java … faqbot.cli.Main chat} on the index built above, with the history under {@code
   * home}.
   */
  private static List<String> javaCommand(Path home) {
    return List.of(
        Fixtures.javaBinary(),
        "-Duser.home=" + home,
        "faqbot.cli.Main",
        "chat",
        "--corpus",
        Fixtures.corpus().toString(),
        "--index",
        index.toString());
  }

  /** One {@code faqbot chat} in a pseudo-terminal, with what it wrote so far. */
  private static final class Session implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    private Session(Process process) {
      this.process = process;
      this.keys = process.getOutputStream();
      this.reader = new Thread(() -> copy(process.getInputStream(), output), "pty-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Session start(Path home, Map<String, String> env) throws IOException {
      StringBuilder shell = new StringBuilder("stty cols 100 rows 40 2>/dev/null; exec");
      for (String arg : javaCommand(home)) {
        shell.append(' ').append(quote(arg));
      }
      ProcessBuilder builder =
          new ProcessBuilder("script", "-qfec", shell.toString(), "/dev/null")
              .directory(Path.of("").toAbsolutePath().toFile())
              .redirectErrorStream(true);
      Map<String, String> environment = builder.environment();
      environment.put("CLASSPATH", System.getProperty("java.class.path"));
      environment.put("TERM", "xterm");
      environment.put("COLUMNS", "100");
      environment.put("SHELL", "/bin/sh");
      environment.remove("NO_COLOR");
      environment.putAll(env);
      return new Session(builder.start());
    }

    void type(String text) throws IOException {
      keys.write(text.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    /** What the terminal shows, without escape sequences and carriage returns. */
    String screen() {
      String raw;
      synchronized (output) {
        raw = output.toString(StandardCharsets.UTF_8);
      }
      return ESCAPES.matcher(raw).replaceAll("").replace("\r", "");
    }

    void awaitPrompts(int count, Duration timeout) throws InterruptedException {
      awaitScreen(screen -> occurrences(screen, PROMPT) >= count, timeout);
    }

    void awaitScreen(Predicate<String> condition, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.test(screen())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "timed out after " + timeout.toSeconds() + " s; the terminal shows:\n" + screen());
        }
        if (!process.isAlive()) {
          reader.join(2000);
          if (!condition.test(screen())) {
            throw new AssertionError(
                "the session ended (exit "
                    + process.exitValue()
                    + "); the terminal shows:\n"
                    + screen());
          }
          return;
        }
        Thread.sleep(50);
      }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(
            "still running after " + timeout.toSeconds() + " s; the terminal shows:\n" + screen());
      }
      reader.join(2000);
      return process.exitValue();
    }

    boolean alive() {
      return process.isAlive();
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static void copy(InputStream from, ByteArrayOutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = from.read(buffer)) > 0) {
        synchronized (to) {
          to.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** The argument quoted for sh. */
  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** Skips the class where util-linux's script is missing, unless FAQBOT_REQUIRE_TERMINAL=1. */
  private static void requireScript() {
    String problem;
    try {
      Process version = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
      String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      version.waitFor(10, TimeUnit.SECONDS);
      problem =
          text.contains("util-linux")
              ? null
              : "'script --version' does not say util-linux: " + text.strip();
    } catch (IOException e) {
      problem =
          "there is no 'script' command (util-linux; Debian's bsdutils package): " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    }
    if (problem != null) {
      if ("1".equals(System.getenv("FAQBOT_REQUIRE_TERMINAL"))) {
        throw new AssertionError(
            problem + ", and FAQBOT_REQUIRE_TERMINAL=1 says the terminal tests must run");
      }
      Assumptions.abort("skipped: " + problem);
    }
  }
}
