package faqbot.eval;

import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Candidate;
import faqbot.answer.Evidence;
import faqbot.answer.Outcome;
import faqbot.answer.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs evaluation queries through the {@link Answerer}, exactly as a face asks it, and scores the
 * rankings and the outcomes (answer, clarify, decline) against relevance judgments.
 */
public final class Evaluator {
  /** trec_eval scores the first 1000 documents of a ranking. */
  static final int RANKING_DEPTH = 1000;

  private final Answerer answerer;

  public Evaluator(Answerer answerer) {
    this.answerer = answerer;
  }

  /**
   * What happened to one query, for reports and calibration.
   *
   * @param query the query as asked
   * @param relevant the ids of the entries that answer it (empty when it is out of scope)
   * @param hidden the ids of the entries hidden from it (leave-out only), else empty
   * @param outcome what the bot did
   * @param shown the entry given as the answer, or the choices offered (by id)
   * @param confidence the confidence in the first entry
   * @param top the first three entries ranked
   * @param evidence what the confidence in the first entry was computed from, null without sentence
   *     vectors
   */
  public record QueryResult(
      Query query,
      Set<String> relevant,
      Set<String> hidden,
      Outcome outcome,
      List<String> shown,
      double confidence,
      List<Candidate> top,
      Evidence evidence,
      double averagePrecision,
      double millis) {

    public boolean inScope() {
      return !relevant.isEmpty();
    }

    /** Whether the bot answered with an entry that answers the query. */
    public boolean answeredRight() {
      return outcome == Outcome.ANSWER && relevant.contains(shown.get(0));
    }

    /** Whether the bot answered with an entry that does not. */
    public boolean answeredWrong() {
      return outcome == Outcome.ANSWER && !relevant.contains(shown.get(0));
    }

    /**
     * Whether the bot asked which was meant with an entry that answers the query among the choices.
     */
    public boolean clarifiedWithRight() {
      return outcome == Outcome.CLARIFY && shown.stream().anyMatch(relevant::contains);
    }
  }

  /**
   * Evaluates queries; a query with no judgment is out of scope, and the right response to it is no
   * answer.
   *
   * @param each told what happened to every query, in order
   */
  public EvalReport run(
      List<Query> queries, Map<String, Map<String, Integer>> qrels, Consumer<QueryResult> each) {
    double map = 0, mrr = 0, p1 = 0, ndcg = 0, recall = 0;
    Counts in = new Counts();
    Counts out = new Counts();
    double[] millis = new double[queries.size()];
    for (int q = 0; q < queries.size(); q++) {
      Query query = queries.get(q);
      Set<String> relevant = relevant(qrels, query);
      long start = System.nanoTime();
      Answerer.Ranked ranked = answerer.answerRanked(query.text(), Scope.ALL);
      millis[q] = (System.nanoTime() - start) / 1e6;
      double ap = 0;
      if (!relevant.isEmpty()) {
        Map<String, Integer> grades = qrels.get(query.id());
        List<String> ranking = ids(ranked.ranking());
        ap = Metrics.averagePrecision(ranking, grades);
        map += ap;
        mrr += Metrics.reciprocalRank(ranking, grades, 10);
        p1 += Metrics.precision(ranking, grades, 1);
        ndcg += Metrics.ndcg(ranking, grades, 10);
        recall += Metrics.recall(ranking, grades, 10);
      }
      QueryResult result = result(query, relevant, Set.of(), ranked, ap, millis[q]);
      (relevant.isEmpty() ? out : in).add(result);
      each.accept(result);
    }
    int inScope = in.total;
    int outOfScope = out.total;
    Double credit =
        inScope == 0 ? null : round4((in.answeredRight + 0.5 * in.clarifiedWithRight) / inScope);
    Double wrong =
        queries.isEmpty()
            ? null
            : round4((double) (in.answeredWrong + out.answeredWrong) / queries.size());
    return new EvalReport(
        queries.size(),
        inScope,
        outOfScope,
        mean(map, inScope),
        mean(mrr, inScope),
        mean(p1, inScope),
        mean(ndcg, inScope),
        mean(recall, inScope),
        mean(in.answeredRight, inScope),
        mean(in.answeredWrong, inScope),
        mean(in.clarified, inScope),
        mean(in.clarifiedWithRight, inScope),
        mean(in.declined, inScope),
        mean(out.answeredWrong, outOfScope),
        mean(out.clarified, outOfScope),
        mean(out.declined, outOfScope),
        credit,
        wrong,
        null,
        new EvalReport.Latency(
            round2(Metrics.quantile(millis, 0.5)), round2(Metrics.quantile(millis, 0.95))));
  }

  /**
   * Asks each in-scope query again with the entries that answer it hidden, as if the corpus lacked
   * them, together with any entry {@code equivalents} puts in the same group as one of them (an
   * entry that answers the same question, which the judgments may not list); the right outcome is
   * anything but an answer.
   *
   * @param equivalents entry id → group name, for entries that answer the same question as others;
   *     may be empty
   */
  public EvalReport.LeaveOut leaveOut(
      List<Query> queries,
      Map<String, Map<String, Integer>> qrels,
      Map<String, String> equivalents,
      Consumer<QueryResult> each) {
    Counts counts = new Counts();
    for (Query query : queries) {
      Set<String> relevant = relevant(qrels, query);
      if (relevant.isEmpty()) {
        continue;
      }
      Set<String> hidden = hidden(relevant, equivalents);
      Answerer.Ranked ranked = answerer.answerRanked(query.text(), Scope.without(hidden));
      QueryResult result = result(query, Set.of(), hidden, ranked, 0, 0);
      counts.add(result);
      each.accept(result);
    }
    int n = counts.total;
    return new EvalReport.LeaveOut(
        n,
        n == 0 ? 0 : round4((double) counts.answeredWrong / n),
        n == 0 ? 0 : round4((double) counts.clarified / n),
        n == 0 ? 0 : round4((double) counts.declined / n));
  }

  /** The relevant entries and every entry in the same group of equivalents as one of them. */
  static Set<String> hidden(Set<String> relevant, Map<String, String> equivalents) {
    Set<String> groups = new HashSet<>();
    for (String id : relevant) {
      String group = equivalents.get(id);
      if (group != null) {
        groups.add(group);
      }
    }
    Set<String> hidden = new HashSet<>(relevant);
    equivalents.forEach(
        (id, group) -> {
          if (groups.contains(group)) {
            hidden.add(id);
          }
        });
    return hidden;
  }

  private static Set<String> relevant(Map<String, Map<String, Integer>> qrels, Query query) {
    Set<String> relevant = new HashSet<>();
    qrels
        .getOrDefault(query.id(), Map.of())
        .forEach(
            (id, grade) -> {
              if (grade > 0) {
                relevant.add(id);
              }
            });
    return relevant;
  }

  private static QueryResult result(
      Query query,
      Set<String> relevant,
      Set<String> hidden,
      Answerer.Ranked ranked,
      double ap,
      double millis) {
    Answer answer = ranked.answer();
    List<String> shown =
        answer.outcome() == Outcome.ANSWER
            ? List.of(answer.answer().id())
            : answer.alternatives().stream().map(Answer.Alternative::id).toList();
    List<Candidate> top = ranked.ranking().subList(0, Math.min(3, ranked.ranking().size()));
    Evidence evidence = ranked.ranking().isEmpty() ? null : ranked.ranking().get(0).evidence();
    return new QueryResult(
        query,
        Set.copyOf(relevant),
        Set.copyOf(hidden),
        answer.outcome(),
        shown,
        answer.confidence(),
        List.copyOf(top),
        evidence,
        ap,
        millis);
  }

  /** Tallies of outcomes over a group of queries. */
  private static final class Counts {
    int total;
    int answeredRight;
    int answeredWrong;
    int clarified;
    int clarifiedWithRight;
    int declined;

    void add(QueryResult r) {
      total++;
      switch (r.outcome()) {
        case ANSWER -> {
          if (r.answeredRight()) {
            answeredRight++;
          } else {
            answeredWrong++;
          }
        }
        case CLARIFY -> {
          clarified++;
          if (r.clarifiedWithRight()) {
            clarifiedWithRight++;
          }
        }
        case DECLINE, SMALLTALK -> declined++;
      }
    }
  }

  private static List<String> ids(List<Candidate> ranking) {
    List<String> ids = new ArrayList<>(Math.min(ranking.size(), RANKING_DEPTH));
    for (int i = 0; i < Math.min(ranking.size(), RANKING_DEPTH); i++) {
      ids.add(ranking.get(i).entry().id());
    }
    return ids;
  }

  private static Double mean(double sum, int count) {
    return count == 0 ? null : round4(sum / count);
  }

  private static double round4(double x) {
    return Math.round(x * 10000) / 10000.0;
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
