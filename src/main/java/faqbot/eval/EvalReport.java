package faqbot.eval;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of one evaluation run. Ranking figures are means over in-scope queries (those an
 * entry answers; null when there are none). Outcome figures are shares of each group of queries:
 * for in-scope ones, answered with a right entry, answered with a wrong one, clarified (the choices
 * offered, and whether a right entry was among them), or declined; for out-of-scope ones, answered
 * (always wrongly), clarified or declined.
 *
 * @param rightCredit in-scope queries answered right, plus half of those clarified with a right
 *     entry among the choices
 * @param wrongOverall queries of either kind answered with an entry that does not answer them
 * @param leaveOut the same queries asked again with the entries that answer them hidden; null when
 *     not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalReport(
    int queries,
    int inScope,
    int outOfScope,
    Double map,
    Double mrr10,
    Double p1,
    Double ndcg10,
    Double recall10,
    Double answeredRight,
    Double answeredWrong,
    Double clarifiedInScope,
    Double clarifiedWithRight,
    Double declinedInScope,
    Double answeredOutOfScope,
    Double clarifiedOutOfScope,
    Double declinedOutOfScope,
    Double rightCredit,
    Double wrongOverall,
    LeaveOut leaveOut,
    Latency latencyMs) {

  /** Per-query answer time in milliseconds. */
  public record Latency(double p50, double p95) {}

  /**
   * What the bot did with in-scope queries once the entries that answer them (and any entry that
   * answers the same question, where the run knows such equivalents) were hidden: the right outcome
   * is anything but an answer.
   *
   * @param queries how many queries were asked this way
   * @param answered the share answered anyway, with an entry that does not answer them
   * @param clarified the share clarified
   * @param declined the share declined
   */
  public record LeaveOut(int queries, double answered, double clarified, double declined) {}

  /** The same report with the leave-out figures. */
  public EvalReport withLeaveOut(LeaveOut figures) {
    return new EvalReport(
        queries,
        inScope,
        outOfScope,
        map,
        mrr10,
        p1,
        ndcg10,
        recall10,
        answeredRight,
        answeredWrong,
        clarifiedInScope,
        clarifiedWithRight,
        declinedInScope,
        answeredOutOfScope,
        clarifiedOutOfScope,
        declinedOutOfScope,
        rightCredit,
        wrongOverall,
        figures,
        latencyMs);
  }
}
