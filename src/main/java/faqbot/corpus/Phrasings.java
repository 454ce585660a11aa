package faqbot.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the phrasings files beside a corpus ({@link PhrasingsFile}) into its entries: each
 * phrasing becomes one of its entry's alternates, each tag one of its tags. The entries' own files
 * are never touched.
 *
 * <p>What cannot be merged is reported at its file and line and left out, while the rest merges: an
 * {@code Entry:} that names no entry, a phrasing that is already another entry's question or
 * phrasing, and a phrasing given to two entries in the phrasings files (the first one read keeps
 * it).
 */
public final class Phrasings {
  private Phrasings() {}

  /** The corpus read from {@code corpusPath}, with the phrasings files beside it merged in. */
  public static Corpus apply(Path corpusPath, Corpus corpus) {
    List<PhrasingsFile.Addition> additions = new ArrayList<>();
    List<CorpusProblem> problems = new ArrayList<>();
    for (Path file : PhrasingsFile.files(corpusPath)) {
      PhrasingsFile.Read read = PhrasingsFile.read(file);
      additions.addAll(read.additions());
      problems.addAll(read.problems());
    }
    if (additions.isEmpty() && problems.isEmpty()) {
      return corpus;
    }
    return merge(corpus, additions, problems);
  }

  /**
   * The corpus with these additions merged in, and {@code problemsSoFar} and what the merge finds
   * wrong added to its problems.
   */
  public static Corpus merge(
      Corpus corpus, List<PhrasingsFile.Addition> additions, List<CorpusProblem> problemsSoFar) {
    List<CorpusProblem> problems = new ArrayList<>(problemsSoFar);
    Map<String, List<String>> phrasings = new LinkedHashMap<>();
    Map<String, List<String>> tags = new LinkedHashMap<>();
    // Phrasings given so far, by question key: who has each, and where it was given.
    Map<String, PhrasingsFile.Addition> given = new HashMap<>();
    Map<String, String> givenTo = new HashMap<>();
    Set<String> unknownReported = new HashSet<>();
    for (PhrasingsFile.Addition addition : additions) {
      Optional<FaqEntry> target = find(corpus, addition.entry());
      if (target.isEmpty()) {
        if (unknownReported.add(addition.file() + ":" + addition.entryLine())) {
          problems.add(
              CorpusProblem.error(
                  addition.file(),
                  addition.entryLine(),
                  "'Entry: "
                      + addition.entry()
                      + "' names no entry (give an entry's id or its question)"));
        }
        continue;
      }
      FaqEntry entry = target.get();
      if (addition.kind() == PhrasingsFile.Kind.TAG) {
        List<String> entryTags = tags.computeIfAbsent(entry.id(), id -> new ArrayList<>());
        if (!hasIgnoringCase(entry.tags(), addition.text())
            && !hasIgnoringCase(entryTags, addition.text())) {
          entryTags.add(addition.text());
        }
        continue;
      }
      String key = Slugs.questionKey(addition.text());
      Optional<String> owner = corpus.resolve(addition.text());
      if (owner.isPresent()) {
        FaqEntry other = corpus.byId(owner.get()).orElseThrow();
        if (other.id().equals(entry.id())) {
          problems.add(
              CorpusProblem.warning(
                  addition.file(),
                  addition.line(),
                  "\"" + addition.text() + "\" is already how " + entry.file() + " asks it"));
        } else {
          boolean question = Slugs.questionKey(other.question()).equals(key);
          problems.add(
              CorpusProblem.error(
                  addition.file(),
                  addition.line(),
                  "\""
                      + addition.text()
                      + "\" is "
                      + (question ? "the question" : "a phrasing")
                      + " of another entry, "
                      + other.file()
                      + ", so it cannot also ask "
                      + entry.id()));
        }
        continue;
      }
      String earlierOwner = givenTo.get(key);
      if (earlierOwner != null) {
        PhrasingsFile.Addition earlier = given.get(key);
        String where = earlier.file() + ":" + earlier.line();
        if (earlierOwner.equals(entry.id())) {
          problems.add(
              CorpusProblem.warning(
                  addition.file(),
                  addition.line(),
                  "\""
                      + addition.text()
                      + "\" is given to "
                      + entry.id()
                      + " already, at "
                      + where));
        } else {
          problems.add(
              CorpusProblem.error(
                  addition.file(),
                  addition.line(),
                  "\""
                      + addition.text()
                      + "\" is given to two entries: to "
                      + earlierOwner
                      + " at "
                      + where
                      + ", and here to "
                      + entry.id()
                      + "; the first keeps it"));
        }
        continue;
      }
      given.put(key, addition);
      givenTo.put(key, entry.id());
      phrasings.computeIfAbsent(entry.id(), id -> new ArrayList<>()).add(addition.text());
    }
    // Reported in the order an editor reads them: file by file, line by line.
    problems.sort(Comparator.comparing(CorpusProblem::file).thenComparing(CorpusProblem::line));
    return corpus.rebuilt(
        entry -> {
          List<String> morePhrasings = phrasings.getOrDefault(entry.id(), List.of());
          List<String> moreTags = tags.getOrDefault(entry.id(), List.of());
          if (morePhrasings.isEmpty() && moreTags.isEmpty()) {
            return entry;
          }
          List<String> alternates = new ArrayList<>(entry.alternates());
          alternates.addAll(morePhrasings);
          List<String> allTags = new ArrayList<>(entry.tags());
          allTags.addAll(moreTags);
          return new FaqEntry(
              entry.id(),
              entry.question(),
              alternates,
              allTags,
              entry.video(),
              entry.blocks(),
              entry.related(),
              entry.editorsText(),
              entry.sources(),
              entry.file());
        },
        problems);
  }

  /** The entry an {@code Entry:} line names: by id first, then by its question or a phrasing. */
  static Optional<FaqEntry> find(Corpus corpus, String named) {
    Optional<FaqEntry> byId = corpus.byId(named.strip());
    if (byId.isPresent()) {
      return byId;
    }
    return corpus.resolve(named).flatMap(corpus::byId);
  }

  private static boolean hasIgnoringCase(List<String> list, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return list.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(lower));
  }
}
