package faqbot.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The entries of a corpus, looked up by id and by question, with the problems found while reading
 * them.
 *
 * <p>Building one checks what needs the whole corpus: duplicate ids and questions (the later file
 * is left out) and {@code Related} lines that name no entry.
 */
public final class Corpus {
  private final List<FaqEntry> entries;
  private final Map<String, FaqEntry> byId;
  private final Map<String, String> idByQuestion;
  private final List<CorpusProblem> problems;

  /**
   * For each entry's position, the position of the first entry asking the same question (often its
   * own).
   */
  private final int[] firstWithSameQuestion;

  /** What it was built from, so it can be built again with its entries changed. */
  private final List<FaqEntry> parsed;

  private final List<CorpusProblem> problemsSoFar;
  private final boolean sharedQuestions;

  private Corpus(
      List<FaqEntry> entries,
      Map<String, FaqEntry> byId,
      Map<String, String> idByQuestion,
      List<CorpusProblem> problems,
      List<FaqEntry> parsed,
      List<CorpusProblem> problemsSoFar,
      boolean sharedQuestions) {
    this.parsed = List.copyOf(parsed);
    this.problemsSoFar = List.copyOf(problemsSoFar);
    this.sharedQuestions = sharedQuestions;
    this.entries = entries;
    this.byId = byId;
    this.idByQuestion = idByQuestion;
    this.problems = problems;
    this.firstWithSameQuestion = new int[entries.size()];
    Map<String, Integer> firstByQuestion = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Integer first = firstByQuestion.putIfAbsent(Slugs.questionKey(entries.get(i).question()), i);
      firstWithSameQuestion[i] = first == null ? i : first;
    }
  }

  /**
   * Builds a corpus from parsed entries, keeping the first of any two that share an id or a
   * question.
   */
  public static Corpus of(List<FaqEntry> parsed, List<CorpusProblem> problemsSoFar) {
    return of(parsed, problemsSoFar, false);
  }

  /**
   * Builds a corpus from parsed entries, keeping the first of any two that share an id.
   *
   * @param sharedQuestions whether several entries may answer the same question, as in FAQ datasets
   *     that keep each answer of a thread as its own entry; otherwise the later one is left out
   */
  public static Corpus of(
      List<FaqEntry> parsed, List<CorpusProblem> problemsSoFar, boolean sharedQuestions) {
    List<CorpusProblem> problems = new ArrayList<>(problemsSoFar);
    Map<String, FaqEntry> byId = new LinkedHashMap<>();
    Map<String, String> idByQuestion = new LinkedHashMap<>();
    List<FaqEntry> kept = new ArrayList<>();
    Map<String, String> idByOwnQuestion = new LinkedHashMap<>();
    for (FaqEntry entry : parsed) {
      FaqEntry sameId = byId.get(entry.id());
      if (sameId != null) {
        problems.add(
            CorpusProblem.error(
                entry.file(),
                0,
                "has the id '" + entry.id() + "' of " + sameId.file() + "; rename one of them"));
        continue;
      }
      String questionKey = Slugs.questionKey(entry.question());
      String sameQuestion = idByOwnQuestion.get(questionKey);
      if (sameQuestion != null && !sharedQuestions) {
        problems.add(
            CorpusProblem.error(
                entry.file(),
                0,
                "asks the same question as "
                    + byId.get(sameQuestion).file()
                    + ": \""
                    + entry.question()
                    + "\""));
        continue;
      }
      byId.put(entry.id(), entry);
      kept.add(entry);
      idByOwnQuestion.putIfAbsent(questionKey, entry.id());
    }
    idByQuestion.putAll(idByOwnQuestion);
    for (FaqEntry entry : kept) {
      for (String alternate : entry.alternates()) {
        String owner = idByQuestion.putIfAbsent(Slugs.questionKey(alternate), entry.id());
        if (owner != null && !owner.equals(entry.id())) {
          problems.add(
              CorpusProblem.warning(
                  entry.file(),
                  0,
                  "alternate \""
                      + alternate
                      + "\" is already the question or an alternate of "
                      + byId.get(owner).file()));
        }
      }
    }
    Corpus corpus =
        new Corpus(
            Collections.unmodifiableList(kept),
            Collections.unmodifiableMap(byId),
            Collections.unmodifiableMap(idByQuestion),
            problems,
            parsed,
            problemsSoFar,
            sharedQuestions);
    corpus.checkRelated();
    return corpus;
  }

  /**
   * This corpus built again from what it was read from, each entry passed through {@code change},
   * with {@code more} problems noted after the readers' own: its checks then see the changed
   * entries.
   */
  public Corpus rebuilt(UnaryOperator<FaqEntry> change, List<CorpusProblem> more) {
    List<CorpusProblem> problems = new ArrayList<>(problemsSoFar);
    problems.addAll(more);
    return of(parsed.stream().map(change).toList(), problems, sharedQuestions);
  }

  private void checkRelated() {
    for (FaqEntry entry : entries) {
      for (RelatedQuestion related : entry.related()) {
        Optional<String> id = resolve(related);
        if (id.isEmpty() && related.id() != null) {
          problems.add(
              CorpusProblem.warning(
                  entry.file(),
                  related.line(),
                  "related id '"
                      + related.id()
                      + "' names no entry loaded (\""
                      + related.question()
                      + "\")"));
        } else if (id.isEmpty()) {
          problems.add(
              CorpusProblem.warning(
                  entry.file(),
                  related.line(),
                  "Related question names no entry: \"" + related.question() + "\""));
        } else if (id.get().equals(entry.id())) {
          problems.add(
              CorpusProblem.warning(
                  entry.file(),
                  related.line(),
                  "Related question names this same entry: \"" + related.question() + "\""));
        }
      }
    }
  }

  /** The entries, in the order they were read. */
  public List<FaqEntry> entries() {
    return entries;
  }

  public Optional<FaqEntry> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The id of the entry whose question, or one of whose alternates, is this question. */
  public Optional<String> resolve(String question) {
    return Optional.ofNullable(idByQuestion.get(Slugs.questionKey(question)));
  }

  /** The id of the entry a related question names: by its id where it has one, else by question. */
  public Optional<String> resolve(RelatedQuestion related) {
    return related.id() != null
        ? Optional.of(related.id()).filter(byId::containsKey)
        : resolve(related.question());
  }

  /** Everything found wrong, errors and warnings, in the order found. */
  public List<CorpusProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(CorpusProblem::isError);
  }

  public int size() {
    return entries.size();
  }

  /**
   * The position of the first entry that asks the same question as the entry at {@code position}:
   * its own position unless several entries answer one question (allowed only where the corpus was
   * built to share them).
   */
  public int firstWithSameQuestion(int position) {
    return firstWithSameQuestion[position];
  }
}
