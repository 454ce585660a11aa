package faqbot.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops a service in order when the process is asked to stop (SIGTERM, or Ctrl-C's SIGINT), and
 * only then exits.
 *
 * <p>The JVM's own handling would start every shutdown hook at once, and ONNX Runtime registers one
 * that frees its native environment: run beside the service's own stopping, it pulled the runtime
 * from under answers still being computed, and the process died of a segmentation fault in about
 * one stop in two under load. Handling the signal first lets the service finish every call into the
 * runtime before the hooks run; the exit status is then 0.
 */
public final class StopSignals {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  /**
   * On SIGTERM or SIGINT, runs {@code stop} and then exits with status 0. Where the signals cannot
   * be handled (a runtime without {@code sun.misc.Signal}), a shutdown hook runs {@code stop}
   * instead.
   */
  public static void install(Runnable stop) {
    Thread hook = new Thread(stop, "faqbot-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (String name : new String[] {"TERM", "INT"}) {
        Signal.handle(
            new Signal(name),
            signal -> {
              LOG.info("stopping (SIG{})", name);
              stop.run();
              System.exit(0);
            });
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("stopping on signals through the shutdown hook only: {}", e.toString());
    }
  }
}
