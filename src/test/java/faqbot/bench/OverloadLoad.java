package faqbot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Overloads a running server with back-to-back connections that each ask a new question every time,
 * and reports what came back by status: the latency of the answers (200), how many were refused
 * (503) and whether each refusal said when to retry, and socket errors. wrk cannot split latency by
 * status, which is what shedding is about.
 *
 * <p>Usage: {@code OverloadLoad URL CONNECTIONS SECONDS [honour]} (src/test/bench/overload.sh runs
 * it). With {@code honour}, a connection refused waits as long as the refusal's Retry-After says
 * before asking again, as a well-behaved client does; without it, it asks again at once, as wrk
 * does.
 */
public final class OverloadLoad {
  private OverloadLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args[0].replaceAll("/+$", "") + "/api/chat";
    int connections = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    boolean honour = args.length > 3 && args[3].equals("honour");
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    AtomicBoolean running = new AtomicBoolean(true);
    List<long[]> answered = new ArrayList<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger refusedWithRetryAfter = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicInteger socketErrors = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int connection = c;
      Thread thread =
          new Thread(
              () -> {
                long[] own = new long[1 << 16];
                int n = 0;
                for (int i = 0; running.get(); i++) {
                  String body =
                      "{\"message\":\"could you explain reward hacking? ("
                          + connection
                          + "-"
                          + i
                          + "-"
                          + System.nanoTime()
                          + ")\"}";
                  long start = System.nanoTime();
                  try {
                    HttpResponse<Void> response =
                        client.send(
                            HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() == 200) {
                      if (n == own.length) {
                        own = Arrays.copyOf(own, n * 2);
                      }
                      own[n++] = took;
                    } else if (response.statusCode() == 503) {
                      refused.incrementAndGet();
                      var retryAfter = response.headers().firstValue("Retry-After");
                      if (retryAfter.isPresent()) {
                        refusedWithRetryAfter.incrementAndGet();
                        if (honour) {
                          Thread.sleep(1000 * Long.parseLong(retryAfter.get().trim()));
                        }
                      }
                    } else {
                      other.incrementAndGet();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    socketErrors.incrementAndGet();
                  }
                }
                synchronized (answered) {
                  answered.add(Arrays.copyOf(own, n));
                }
              });
      thread.start();
      threads.add(thread);
    }
    Thread.sleep(seconds * 1000);
    running.set(false);
    for (Thread t : threads) {
      t.join(60_000);
    }
    long[] all = answered.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.println(
        String.format(
            Locale.ROOT,
            "RESULT connections=%d seconds=%d honour_retry_after=%b answered=%d answered_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                + " refused_503=%d with_retry_after=%d other_status=%d socket_errors=%d",
            connections,
            seconds,
            honour,
            all.length,
            all.length / (double) seconds,
            percentile(all, 0.5),
            percentile(all, 0.99),
            all.length == 0 ? 0 : all[all.length - 1] / 1e6,
            refused.get(),
            refusedWithRetryAfter.get(),
            other.get(),
            socketErrors.get()));
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
