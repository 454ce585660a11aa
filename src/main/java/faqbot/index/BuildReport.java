package faqbot.index;

import faqbot.corpus.CorpusProblem;
import java.util.List;

/**
 * What building an index did.
 *
 * @param entries how many entries were indexed
 * @param vectors how many sentence vectors the index holds
 * @param embedded how many of those the model had to compute (the rest came from the cache)
 * @param deferred how many passages a first index left for the rebuild that completes it ({@link
 *     Staging#EARLY}); 0 for a complete index
 * @param problems what was wrong with the corpus
 * @param millis how long the build took
 */
public record BuildReport(
    int entries,
    int vectors,
    int embedded,
    int deferred,
    List<CorpusProblem> problems,
    long millis) {
  public BuildReport {
    problems = List.copyOf(problems);
  }
}
