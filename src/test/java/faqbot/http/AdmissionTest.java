package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void letsWaitAboutAsMuchWorkAsTheBudgetClears() {
    Admission admission = new Admission(2, 512, 800);
    // Until answers are measured each is assumed to take 10 ms: two workers clear 160 of them in
    // 0.8 s.
    assertThat(admission.queueBound()).isEqualTo(160);
    for (int i = 0; i < 200; i++) {
      admission.record(40 * MS);
    }
    assertThat(admission.queueBound()).isBetween(39, 41);
    for (int i = 0; i < 300; i++) {
      admission.record(MS / 10);
    }
    assertThat(admission.queueBound()).as("capped").isEqualTo(512);
  }

  @Test
  void refusesAtOnceWhenTheWorkWaitingWouldTakeLongerThanTheBudget() throws Exception {
    Admission admission = new Admission(1, 512, 2_000);
    for (int i = 0; i < 300; i++) {
      admission.record(1_000 * MS);
    }
    assertThat(admission.queueBound()).isEqualTo(2);
    assertThat(admission.enter()).isTrue();
    List<Thread> waiters = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread waiter =
          new Thread(
              () -> {
                try {
                  if (admission.enter()) {
                    admission.leave();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();
      waiters.add(waiter);
    }
    while (admission.waiting() < 2) {
      Thread.sleep(1);
    }
    long start = System.nanoTime();
    assertThat(admission.enter()).as("a third would wait past the budget").isFalse();
    assertThat(System.nanoTime() - start)
        .as("refused at once, not after waiting")
        .isLessThan(500 * MS);
    admission.leave();
    for (Thread waiter : waiters) {
      waiter.join(5_000);
      assertThat(waiter.isAlive()).isFalse();
    }
    assertThat(admission.waiting()).isZero();
  }

  @Test
  void aRequestThatWaitedPastTheBudgetIsRefused() throws Exception {
    Admission admission = new Admission(1, 10, 50);
    assertThat(admission.enter()).isTrue();
    long start = System.nanoTime();
    assertThat(admission.enter()).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40 * MS);
    admission.leave();
    assertThat(admission.enter()).isTrue();
  }
}
