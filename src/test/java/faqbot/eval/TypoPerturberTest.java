package faqbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class TypoPerturberTest {
  private static final String QUERY = "How do I delete my Facebook account?";

  @Test
  void isDeterministicForASeedAndQuery() {
    assertThat(new TypoPerturber(7).perturb("q1", QUERY))
        .isEqualTo(new TypoPerturber(7).perturb("q1", QUERY));
  }

  @Test
  void leavesQueriesWithoutLongWordsAlone() {
    assertThat(new TypoPerturber(1).perturb("q", "is it ok?")).isEqualTo("is it ok?");
  }

  @RepeatedTest(50)
  void changesExactlyOneLongWordByOneEdit(RepetitionInfo info) {
    String perturbed =
        new TypoPerturber(info.getCurrentRepetition())
            .perturb("q" + info.getCurrentRepetition(), QUERY);
    String[] before = QUERY.split(" ");
    String[] after = perturbed.split(" ");
    assertThat(after).hasSameSizeAs(before);
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i])) {
        changed++;
        assertThat(before[i].replaceAll("\\W", "")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(after[i].charAt(0)).isEqualTo(before[i].charAt(0));
        assertThat(editDistance(before[i], after[i])).isBetween(1, 2);
      }
    }
    assertThat(changed).isEqualTo(1);
  }

  /** Levenshtein distance; a swap of two letters counts 2. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.length()][b.length()];
  }
}
