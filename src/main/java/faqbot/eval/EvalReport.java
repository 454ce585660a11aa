package faqbot.eval;

/**
 * The figures of one evaluation run. Ranking figures are means over in-scope queries (null when there are none);
 * abstention figures are fractions of each group of queries the bot declined to answer.
 */
public record EvalReport(
    int queries,
    int inScope,
    int outOfScope,
    Double map,
    Double mrr10,
    Double p1,
    Double ndcg10,
    Double recall10,
    Double abstainedInScope,
    Double abstainedOutOfScope,
    Latency latencyMs) {

  /** Per-query answer time in milliseconds. */
  public record Latency(double p50, double p95) {}
}
