package faqbot.fuzz;

/**
 * Plain assertions for fuzz tests: cheap enough to run thousands of times a second, and failing
 * with an {@link AssertionError} that Jazzer reports as a finding.
 */
public final class Check {
  private Check() {}

  /** Fails with the formatted message unless {@code ok}. */
  public static void that(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new AssertionError(String.format(format, args));
    }
  }

  /** Fails with {@code what} and the unexpected exception as its cause. */
  public static AssertionError unexpected(String what, Throwable e) {
    return new AssertionError(what + ": " + e, e);
  }
}
