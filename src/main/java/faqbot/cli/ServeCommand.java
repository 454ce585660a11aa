package faqbot.cli;

import faqbot.answer.Bot;
import faqbot.http.HttpApp;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the FAQ over HTTP until stopped. */
@Command(name = "serve", description = "Serve the chat API (and the widget) over HTTP.")
final class ServeCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 7070;

  @Spec
  CommandSpec spec;

  @Mixin
  Locations locations;

  @Option(names = "--port", paramLabel = "N",
      description = "The port to listen on (default: $FAQBOT_PORT, else " + DEFAULT_PORT + ").")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  String host;

  @Option(names = "--keywords-only", description = "Rank by keywords alone, without the sentence model.")
  boolean keywordsOnly;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int listenOn = port();
    Bot bot = Bot.open(locations.corpus(), locations.index(), !keywordsOnly,
        report -> Reports.build(err, report, locations.corpus().toString(), locations.index().toString()));
    Javalin app = HttpApp.create(bot.answerer());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      bot.close();
      stopped.countDown();
    }, "faqbot-shutdown"));
    try {
      app.start(host, listenOn);
    } catch (RuntimeException e) {
      bot.close();
      throw new UserError("cannot listen on " + host + ":" + listenOn + ": " + rootMessage(e));
    }
    String shown = "0.0.0.0".equals(host) ? "localhost" : host;
    out.println("faqbot is serving " + bot.answerer().size() + " entries at http://" + shown + ":" + app.port()
        + "/ (Ctrl-C stops it)");
    out.flush();
    stopped.await();
    return Main.OK;
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
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "FAQBOT_PORT must be a port number from 0 to 65535, got '" + env + "'");
    }
  }

  private int checkPort(int value, String name) {
    if (value < 0 || value > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          name + " must be a port number from 0 to 65535, got " + value);
    }
    return value;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
