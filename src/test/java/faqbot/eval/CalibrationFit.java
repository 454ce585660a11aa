package faqbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Calibration;
import faqbot.answer.Candidate;
import faqbot.answer.Evidence;
import faqbot.embed.EnsembleEncoder;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * Fits the confidence's logistic weights on labelled runs and shows what they and the weights in
 * use decide.
 *
 * <p>Usage: {@code CalibrationFit [runs.json] [--dump FILE]}, by default
 * src/test/resources/eval/calibration.json. Every query goes through the {@code Answerer} as in
 * {@code faqbot eval}; the label is whether its first entry answers it (never, out of scope or with
 * its answering entries hidden), and each run weighs as much as any other times its {@code weight}.
 * {@code --dump} also writes the evidence of the first three entries of every query, for study
 * elsewhere. The figures the file names in {@code nonPositive} may only lower the confidence: one
 * whose fitted weight comes out positive is held at 0 and the others are fitted again.
 */
public final class CalibrationFit {
  /** One query's first three entries, their evidence, and which of them answer it. */
  record Labelled(
      String run,
      String query,
      List<Evidence> evidence,
      List<String> ids,
      List<Boolean> right,
      boolean inScope) {}

  private CalibrationFit() {}

  public static void main(String[] args) throws Exception {
    try {
      fit(args);
    } catch (TestAbortedException | IllegalArgumentException e) {
      // The shared datasets are missing, or the runs file names a figure there is not: say so,
      // without a stack trace.
      System.err.println("calibrate: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void fit(String[] args) throws Exception {
    Path file = Path.of("src/test/resources/eval/calibration.json");
    Path dump = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--dump")) {
        dump = Path.of(args[++i]);
      } else {
        file = Path.of(args[i]);
      }
    }
    List<Labelled> labelled = new ArrayList<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    JsonNode spec = new ObjectMapper().readTree(file.toFile());
    Set<Integer> nonPositive = nonPositive(file, spec);
    try (SentenceEncoder encoder = EnsembleEncoder.standard();
        EvalRuns runs = new EvalRuns(encoder)) {
      for (JsonNode node : spec.get("runs")) {
        EvalRuns.Run run = EvalRuns.read(node);
        weights.put(run.name(), run.weight());
        runs.evaluate(
            run,
            r -> {
              if (r.top().isEmpty() || r.top().get(0).evidence() == null) {
                return;
              }
              List<Evidence> evidence = r.top().stream().map(Candidate::evidence).toList();
              List<String> ids = r.top().stream().map(c -> c.entry().id()).toList();
              List<Boolean> right = ids.stream().map(r.relevant()::contains).toList();
              labelled.add(
                  new Labelled(run.name(), r.query().id(), evidence, ids, right, r.inScope()));
            });
        System.err.println("ran " + run.name() + ": " + run.queries().size() + " queries");
      }
    }
    if (dump != null) {
      write(dump, labelled);
    }
    Map<String, Long> sizes = new LinkedHashMap<>();
    labelled.forEach(l -> sizes.merge(l.run(), 1L, Long::sum));
    List<LogisticFit.Example> examples = new ArrayList<>();
    for (Labelled l : labelled) {
      double[] values = values(l.evidence().get(0));
      double[] x = new double[values.length + 1];
      x[0] = 1;
      System.arraycopy(values, 0, x, 1, values.length);
      examples.add(
          new LogisticFit.Example(x, l.right().get(0), weights.get(l.run()) / sizes.get(l.run())));
    }
    double[] w = fitHolding(examples, nonPositive);
    Calibration inUse = Calibration.DEFAULT;
    Calibration fitted =
        new Calibration(Calibration.Weights.of(w), inUse.answerAt(), inUse.clarifyAt());
    System.out.println("fitted weights (intercept, then " + String.join(", ", FIGURES) + "):");
    StringBuilder array = new StringBuilder();
    for (double v : w) {
      array.append(array.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v));
    }
    System.out.println("  {" + array + "}");
    for (Calibration c : List.of(fitted, inUse)) {
      System.out.println();
      System.out.println(
          (c == fitted ? "fitted" : "in use")
              + String.format(
                  Locale.ROOT,
                  ", answering at %.2f and offering at %.2f: share answered right | wrongly | clarified with a right choice"
                      + " | clarified, other | declined",
                  c.answerAt(),
                  c.clarifyAt()));
      for (String run : sizes.keySet()) {
        List<Labelled> own = labelled.stream().filter(l -> l.run().equals(run)).toList();
        double[] shares = new double[5];
        for (Labelled l : own) {
          shares[decide(c, l)]++;
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "  %-58s %5.1f | %5.1f | %5.1f | %5.1f | %5.1f %%",
                run,
                100 * shares[0] / own.size(),
                100 * shares[1] / own.size(),
                100 * shares[2] / own.size(),
                100 * shares[3] / own.size(),
                100 * shares[4] / own.size()));
      }
    }
  }

  private static final List<String> FIGURES =
      List.of(
          "cosine",
          "cosineLead",
          "keywordLead",
          "coverage",
          "questionCoverage",
          "maxUncovered",
          "unknownShare",
          "uncoveredName",
          "specificAsk",
          "comparisonGap");

  /**
   * What a calibration decides for a query, as the answerer would: 0 answered right, 1 answered
   * wrongly, 2 clarified with a right choice, 3 clarified without one, 4 declined.
   */
  static int decide(Calibration c, Labelled l) {
    double ceiling = 1;
    List<Double> confidences = new ArrayList<>();
    for (Evidence e : l.evidence()) {
      ceiling = Math.min(ceiling, Math.round(c.confidence(e) * 1000) / 1000.0);
      confidences.add(ceiling);
    }
    if (confidences.get(0) >= c.answerAt()) {
      return l.right().get(0) ? 0 : 1;
    }
    boolean offered = false;
    boolean right = false;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < confidences.size(); i++) {
      if (confidences.get(i) >= c.clarifyAt() && seen.add(l.ids().get(i))) {
        offered = true;
        right |= l.right().get(i);
      }
    }
    return offered ? (right ? 2 : 3) : 4;
  }

  /**
   * The weights' positions (1 for the first figure, after the intercept) of the figures a runs file
   * names in {@code nonPositive}.
   *
   * @throws IllegalArgumentException naming the file and the name when one is not a figure
   */
  static Set<Integer> nonPositive(Path file, JsonNode spec) {
    Set<Integer> positions = new HashSet<>();
    for (JsonNode figure : spec.path("nonPositive")) {
      int at = FIGURES.indexOf(figure.asText());
      if (at < 0) {
        throw new IllegalArgumentException(
            file + ": nonPositive names " + figure + ", which is not one of " + FIGURES);
      }
      positions.add(at + 1);
    }
    return positions;
  }

  /**
   * Fits the weights, holding at 0 each figure of {@code nonPositive} whose weight would be
   * positive, until none is.
   */
  static double[] fitHolding(List<LogisticFit.Example> examples, Set<Integer> nonPositive) {
    Set<Integer> held = new HashSet<>();
    while (true) {
      List<LogisticFit.Example> seen =
          examples.stream()
              .map(
                  e -> {
                    double[] x = e.x().clone();
                    held.forEach(i -> x[i] = 0);
                    return new LogisticFit.Example(x, e.label(), e.weight());
                  })
              .toList();
      double[] w = LogisticFit.fit(seen, 100);
      held.forEach(i -> w[i] = 0);
      List<Integer> positive = nonPositive.stream().filter(i -> w[i] > 0).toList();
      if (positive.isEmpty()) {
        return w;
      }
      held.addAll(positive);
    }
  }

  private static double[] values(Evidence e) {
    return new double[] {
      e.cosine(),
      e.cosineLead(),
      e.keywordLead(),
      e.coverage(),
      e.questionCoverage(),
      e.maxUncovered(),
      e.unknownShare(),
      e.uncoveredName(),
      e.specificAsk(),
      e.comparisonGap()
    };
  }

  private static void write(Path dump, List<Labelled> labelled) throws IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dump, StandardCharsets.UTF_8))) {
      w.println("run\tquery\trank\tentry\tright\tin_scope\t" + String.join("\t", FIGURES));
      for (Labelled l : labelled) {
        for (int i = 0; i < l.evidence().size(); i++) {
          StringBuilder line = new StringBuilder();
          line.append(l.run())
              .append('\t')
              .append(l.query())
              .append('\t')
              .append(i)
              .append('\t')
              .append(l.ids().get(i))
              .append('\t')
              .append(l.right().get(i))
              .append('\t')
              .append(l.inScope());
          for (double v : values(l.evidence().get(i))) {
            line.append('\t').append(String.format(Locale.ROOT, "%.5f", v));
          }
          w.println(line);
        }
      }
    }
  }
}
