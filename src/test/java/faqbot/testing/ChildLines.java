package faqbot.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects the lines a child process prints, as it prints them, until its output closes. */
public final class ChildLines {
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ChildLines(Process child) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    reader =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // The pipe closes when the child dies.
              }
            });
    reader.start();
  }

  /** Starts reading the child's standard output. */
  public static ChildLines of(Process child) {
    return new ChildLines(child);
  }

  public int size() {
    synchronized (lines) {
      return lines.size();
    }
  }

  /** The lines so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Waits up to ten seconds for the child's output to close (after it ended). */
  public void awaitEnd() throws InterruptedException {
    reader.join(10_000);
  }
}
