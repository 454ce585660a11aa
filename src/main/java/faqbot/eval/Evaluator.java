package faqbot.eval;

import faqbot.answer.Answerer;
import faqbot.answer.Calibration;
import faqbot.answer.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs evaluation queries through the {@link Answerer}, exactly as a face asks it, and scores the rankings and the
 * decisions to answer or decline against relevance judgments.
 */
public final class Evaluator {
  /** trec_eval scores the first 1000 documents of a ranking. */
  static final int RANKING_DEPTH = 1000;

  private final Answerer answerer;

  public Evaluator(Answerer answerer) {
    this.answerer = answerer;
  }

  /**
   * What happened to one query, for reports and calibration; {@code evidence} is what the confidence in the first
   * entry was computed from, null without sentence vectors.
   */
  public record Outcome(Query query, boolean inScope, boolean matched, double confidence, List<Candidate> top,
      Calibration.Evidence evidence, double averagePrecision, double millis) {}

  /**
   * Evaluates queries; a query with no judgment is out of scope, and the right response to it is no answer.
   *
   * @param each told the outcome of every query, in order
   */
  public EvalReport run(List<Query> queries, Map<String, Map<String, Integer>> qrels, Consumer<Outcome> each) {
    double map = 0, mrr = 0, p1 = 0, ndcg = 0, recall = 0;
    int inScope = 0, declinedIn = 0, declinedOut = 0;
    double[] millis = new double[queries.size()];
    for (int q = 0; q < queries.size(); q++) {
      Query query = queries.get(q);
      long start = System.nanoTime();
      Answerer.Ranked ranked = answerer.answerRanked(query.text());
      millis[q] = (System.nanoTime() - start) / 1e6;
      Map<String, Integer> relevant = qrels.getOrDefault(query.id(), Map.of());
      List<String> ranking = ids(ranked.ranking());
      double ap = 0;
      if (relevant.isEmpty()) {
        if (!ranked.answer().matched()) {
          declinedOut++;
        }
      } else {
        inScope++;
        ap = Metrics.averagePrecision(ranking, relevant);
        map += ap;
        mrr += Metrics.reciprocalRank(ranking, relevant, 10);
        p1 += Metrics.precision(ranking, relevant, 1);
        ndcg += Metrics.ndcg(ranking, relevant, 10);
        recall += Metrics.recall(ranking, relevant, 10);
        if (!ranked.answer().matched()) {
          declinedIn++;
        }
      }
      List<Candidate> top = ranked.ranking().subList(0, Math.min(3, ranked.ranking().size()));
      each.accept(new Outcome(query, !relevant.isEmpty(), ranked.answer().matched(), ranked.answer().confidence(),
          List.copyOf(top), Calibration.evidenceForFirst(ranked.ranking()).orElse(null), ap, millis[q]));
    }
    int outOfScope = queries.size() - inScope;
    return new EvalReport(queries.size(), inScope, outOfScope,
        mean(map, inScope), mean(mrr, inScope), mean(p1, inScope), mean(ndcg, inScope), mean(recall, inScope),
        mean(declinedIn, inScope), mean(declinedOut, outOfScope),
        new EvalReport.Latency(round(Metrics.quantile(millis, 0.5)), round(Metrics.quantile(millis, 0.95))));
  }

  private static List<String> ids(List<Candidate> ranking) {
    List<String> ids = new ArrayList<>(Math.min(ranking.size(), RANKING_DEPTH));
    for (int i = 0; i < Math.min(ranking.size(), RANKING_DEPTH); i++) {
      ids.add(ranking.get(i).entry().id());
    }
    return ids;
  }

  private static Double mean(double sum, int count) {
    return count == 0 ? null : Math.round(sum / count * 10000) / 10000.0;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
