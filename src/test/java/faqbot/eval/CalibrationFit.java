package faqbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.answer.Calibration;
import faqbot.embed.EnsembleEncoder;
import faqbot.embed.SentenceEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Fits the confidence's logistic weights on labelled runs and shows what they and the weights in use decide.
 *
 * <p>Usage: {@code CalibrationFit [runs.json] [threshold]}, by default src/test/resources/eval/calibration.json
 * and thresholds from 0.2 to 0.5. Every query goes through the {@link Answerer} as in {@code faqbot eval}; the label is
 * whether its first entry is relevant (always no out of scope), and each run weighs as much as any other.
 */
public final class CalibrationFit {
  private record Labelled(String run, Calibration.Evidence evidence, boolean inScope, boolean right) {}

  private CalibrationFit() {}

  public static void main(String[] args) throws Exception {
    try {
      fit(args);
    } catch (TestAbortedException e) {
      // The shared datasets are missing: say where they were looked for, without a stack trace.
      System.err.println("calibrate: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void fit(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "src/test/resources/eval/calibration.json");
    List<Labelled> labelled = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (SentenceEncoder encoder = EnsembleEncoder.standard(); EvalRuns runs = new EvalRuns(encoder)) {
      for (JsonNode node : new ObjectMapper().readTree(file.toFile()).get("runs")) {
        EvalRuns.Run run = EvalRuns.read(node);
        names.add(run.name());
        new Evaluator(new Answerer(runs.index(run.corpus()))).run(run.queries(), run.qrels(), o -> {
          Map<String, Integer> relevant = run.qrels().getOrDefault(o.query().id(), Map.of());
          boolean right = !o.top().isEmpty() && relevant.getOrDefault(o.top().get(0).entry().id(), 0) > 0;
          labelled.add(new Labelled(run.name(), o.evidence(), o.inScope(), right));
        });
        System.err.println("ran " + run.name() + ": " + run.queries().size() + " queries");
      }
    }
    Map<String, Long> sizes = sizes(labelled);
    List<LogisticFit.Example> examples = new ArrayList<>();
    for (Labelled l : labelled) {
      Calibration.Evidence e = l.evidence();
      examples.add(new LogisticFit.Example(new double[] {1, e.cosine(), e.cosineLead(), e.keywordLead()}, l.right(),
          1.0 / sizes.get(l.run())));
    }
    double[] w = LogisticFit.fit(examples, 100);
    Calibration fitted = new Calibration(w[0], w[1], w[2], w[3], Calibration.DEFAULT.threshold());
    Calibration inUse = Calibration.DEFAULT;
    System.out.println(describe("fitted", fitted, labelled));
    System.out.println(describe("in use", inUse, labelled));
    System.out.println();
    System.out.println("mean confidence in the first entry against the share of first entries that are right:");
    for (String name : names) {
      List<Labelled> own = labelled.stream().filter(l -> l.run().equals(name)).toList();
      System.out.println(String.format(Locale.ROOT, "  %-50s fitted %.3f | in use %.3f | right %.3f", name,
          meanConfidence(own, fitted), meanConfidence(own, inUse),
          own.stream().filter(Labelled::right).count() / (double) own.size()));
    }
    double[] thresholds = args.length > 1 ? new double[] {Double.parseDouble(args[1])}
        : new double[] {0.2, 0.3, 0.4, 0.5};
    for (double threshold : thresholds) {
      System.out.println();
      System.out.println(String.format(Locale.ROOT, "at threshold %.2f (fitted | in use):", threshold));
      System.out.println(String.format(Locale.ROOT, "  %-50s %7s  %-16s  %-16s  %-16s", "run", "queries",
          "right answered", "wrong answered", "declined"));
      for (String name : names) {
        List<Labelled> own = labelled.stream().filter(l -> l.run().equals(name)).toList();
        Calibration a = fitted.withThreshold(threshold);
        Calibration b = inUse.withThreshold(threshold);
        System.out.println(String.format(Locale.ROOT, "  %-50s %7d  %-16s  %-16s  %-16s", name, own.size(),
            both(own, a, b, Decision.RIGHT), both(own, a, b, Decision.WRONG), both(own, a, b, Decision.DECLINED)));
      }
    }
  }

  private static double meanConfidence(List<Labelled> own, Calibration c) {
    return own.stream().mapToDouble(l -> c.confidence(l.evidence())).average().orElse(Double.NaN);
  }

  private enum Decision { RIGHT, WRONG, DECLINED }

  private static String both(List<Labelled> own, Calibration a, Calibration b, Decision kind) {
    return String.format(Locale.ROOT, "%5.1f | %5.1f %%", share(own, a, kind), share(own, b, kind));
  }

  private static double share(List<Labelled> own, Calibration c, Decision kind) {
    long n = own.stream().filter(l -> {
      boolean answers = c.confidence(l.evidence()) >= c.threshold();
      return switch (kind) {
        case RIGHT -> answers && l.right();
        case WRONG -> answers && !l.right();
        case DECLINED -> !answers;
      };
    }).count();
    return 100.0 * n / own.size();
  }

  private static String describe(String label, Calibration c, List<Labelled> labelled) {
    return String.format(Locale.ROOT, "%-7s bias %.2f, cosine %.2f, lead %.2f, keyword lead %.2f;"
        + " weighted log-loss %.4f", label, c.bias(), c.cosineWeight(), c.leadWeight(), c.keywordWeight(),
        logLoss(c, labelled));
  }

  /** The mean log-loss with each run weighing the same, as the fit minimises it. */
  private static double logLoss(Calibration c, List<Labelled> labelled) {
    Map<String, Long> sizes = sizes(labelled);
    double loss = 0;
    for (Labelled l : labelled) {
      double p = Math.min(Math.max(c.confidence(l.evidence()), 1e-12), 1 - 1e-12);
      loss -= (l.right() ? Math.log(p) : Math.log(1 - p)) / sizes.get(l.run());
    }
    return loss / sizes.size();
  }

  private static Map<String, Long> sizes(List<Labelled> labelled) {
    Map<String, Long> sizes = new HashMap<>();
    labelled.forEach(l -> sizes.merge(l.run(), 1L, Long::sum));
    return sizes;
  }
}
