package faqbot.cli;

/** What the command line knows about the terminal it prints to. */
final class Console {
  private Console() {}

  /**
   * A layout for standard output: underlining only on a real terminal, wrapped to its width (else
   * 80).
   */
  static TextLayout layout() {
    boolean tty =
        System.console() != null
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
    return new TextLayout(width(), tty);
  }

  static int width() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 80 : Math.min(120, Integer.parseInt(columns.strip()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
