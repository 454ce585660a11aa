package faqbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void onATerminalRewritesOneLineInPlaceAndEndsItWhenDone() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressLine line = new ProgressLine(new PrintWriter(out), true, now::get);
    line.embedded(0, 1200);
    now.addAndGet(SECOND);
    line.embedded(340, 1200);
    line.embedded(341, 1200); // too soon after the last: not shown
    now.addAndGet(SECOND);
    line.embedded(1200, 1200);
    assertThat(out.toString())
        .isEqualTo(
            "\rfaqbot: embedding 0/1200 texts (0%, 0 s)\u001b[K"
                + "\rfaqbot: embedding 340/1200 texts (28%, 1 s)\u001b[K"
                + "\rfaqbot: embedding 1200/1200 texts (100%, 2 s)\u001b[K\n");
  }

  @Test
  void elsewherePrintsAPlainLineNowAndThen() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressLine line = new ProgressLine(new PrintWriter(out), false, now::get);
    line.embedded(0, 100);
    for (int done = 1; done < 100; done++) {
      now.addAndGet(SECOND / 4);
      line.embedded(done, 100);
    }
    line.embedded(100, 100);
    assertThat(out.toString().lines())
        .containsExactly(
            "faqbot: embedding 0/100 texts (0%, 0 s)",
            "faqbot: embedding 40/100 texts (40%, 10 s)",
            "faqbot: embedding 80/100 texts (80%, 20 s)",
            "faqbot: embedding 100/100 texts (100%, 25 s)");
    assertThat(out.toString()).doesNotContain("\r");
  }
}
