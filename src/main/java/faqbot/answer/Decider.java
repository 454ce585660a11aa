package faqbot.answer;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.RelatedQuestion;
import faqbot.corpus.Slugs;
import faqbot.index.IndexView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to do with a ranked message, and composes the reply: the answer when one entry is
 * sure enough; the choices when a few are close ("Did you mean …?"); a plain decline, with the
 * closest questions only when they are close; a reply and questions to start with for small talk;
 * the question picked from those offered.
 */
final class Decider {
  private final Calibration calibration;

  /** The questions small talk offers: the entries other entries name most often as related. */
  private final PerIndex<List<FaqEntry>> starters = new PerIndex<>(Decider::hubs);

  Decider(Calibration calibration) {
    this.calibration = calibration;
  }

  /** The reply to a message, from its ranking. */
  Answer decide(IndexView view, List<Candidate> ranked, String message) {
    if (ranked.isEmpty()) {
      return declined(List.of(), 0, message);
    }
    Candidate best = ranked.get(0);
    if (calibration.answers(best)) {
      FaqEntry entry = best.entry();
      return answer(
          view,
          entry,
          best.confidence(),
          "Here is what the FAQ says on \u201c" + entry.question() + "\u201d",
          alternatives(ranked, 1, Answerer.ALTERNATIVES));
    }
    List<Candidate> choices =
        onePerQuestion(ranked.subList(0, Math.min(Answerer.CHOICES, ranked.size()))).stream()
            .filter(calibration::offers)
            .toList();
    if (!choices.isEmpty()) {
      String reply =
          choices.size() == 1
              ? "I'm not sure I have the right answer. Did you mean \u201c"
                  + choices.get(0).entry().question()
                  + "\u201d?"
              : "I'm not sure which of these you mean. Did you mean:";
      return offered(Outcome.CLARIFY, choices, best.confidence(), message, reply, Answerer.CHOICES);
    }
    return declined(
        ranked.stream().filter(c -> c.confidence() >= Answerer.SUGGESTION_FLOOR).toList(),
        best.confidence(),
        message);
  }

  /** The reply to small talk, with questions to start from among the entries the scope admits. */
  Answer smallTalk(IndexView view, SmallTalk.Reading reading, Scope scope) {
    List<Candidate> offered =
        starters.of(view).stream()
            .filter(scope::admits)
            .limit(Answerer.STARTERS)
            .map(Decider::offer)
            .toList();
    return offered(Outcome.SMALLTALK, offered, 0, null, reading.reply(), Answerer.STARTERS);
  }

  /** The {@code choice}-th question of those just offered (1-based). */
  Answer pick(IndexView view, ConversationContext context, int choice) {
    List<String> offered = context.offered();
    if (choice > offered.size()) {
      List<Candidate> again =
          offered.stream()
              .filter(Objects::nonNull)
              .map(id -> view.corpus().byId(id))
              .flatMap(Optional::stream)
              .map(Decider::offer)
              .toList();
      return offered(
          Outcome.CLARIFY,
          again,
          0,
          context.question(),
          "There is no question "
              + choice
              + " in the list; pick one from 1 to "
              + offered.size()
              + ":",
          offered.size());
    }
    String id = offered.get(choice - 1);
    Optional<FaqEntry> entry = id == null ? Optional.empty() : view.corpus().byId(id);
    if (entry.isEmpty()) {
      return offered(
          Outcome.DECLINE,
          List.of(),
          0,
          context.question(),
          "Sorry, question " + choice + " has no answer here yet.",
          0);
    }
    return answer(
        view,
        entry.get(),
        1.0,
        "Here is what the FAQ says on \u201c" + entry.get().question() + "\u201d",
        List.of());
  }

  /** An entry shown as the answer, with its related questions to follow. */
  Answer answer(
      IndexView view,
      FaqEntry entry,
      double confidence,
      String reply,
      List<Answer.Alternative> alternatives) {
    List<Answer.Link> related = related(view.corpus(), entry);
    ConversationContext next =
        new ConversationContext(
            entry.id(), entry.question(), related.stream().map(Answer.Link::id).toList());
    return new Answer(
        Outcome.ANSWER,
        confidence,
        reply,
        shown(entry),
        related,
        entry.sources(),
        alternatives,
        ContextTokens.encode(next));
  }

  private Answer declined(List<Candidate> closest, double confidence, String message) {
    return offered(
        Outcome.DECLINE,
        closest,
        confidence,
        message,
        closest.isEmpty()
            ? "Sorry, I don't have an answer to that: it does not seem to be something this FAQ covers."
            : "Sorry, I don't have an answer to that. These are the closest questions I know:",
        Answerer.SUGGESTIONS);
  }

  /** A reply that shows no entry but offers some as numbered choices. */
  private static Answer offered(
      Outcome outcome,
      List<Candidate> offered,
      double confidence,
      String message,
      String reply,
      int count) {
    List<Answer.Alternative> choices = alternatives(offered, 0, count);
    ConversationContext next =
        new ConversationContext(
            null, message, choices.stream().map(Answer.Alternative::id).toList());
    return new Answer(
        outcome,
        confidence,
        reply,
        null,
        List.of(),
        List.of(),
        choices,
        ContextTokens.encode(next));
  }

  private static Candidate offer(FaqEntry entry) {
    return new Candidate(entry, 0, -1, 0, 0, null);
  }

  /**
   * The entries other entries name most often as related (the FAQ's own hubs), in corpus order
   * among equals.
   */
  private static List<FaqEntry> hubs(IndexView view) {
    Corpus corpus = view.corpus();
    Map<String, Integer> named = new HashMap<>();
    for (FaqEntry e : corpus.entries()) {
      for (RelatedQuestion r : e.related()) {
        corpus
            .resolve(r)
            .filter(id -> !id.equals(e.id()))
            .ifPresent(id -> named.merge(id, 1, Integer::sum));
      }
    }
    List<FaqEntry> order = new ArrayList<>(corpus.entries());
    order.sort(Comparator.comparingInt((FaqEntry e) -> -named.getOrDefault(e.id(), 0)));
    return List.copyOf(order);
  }

  private static Answer.Shown shown(FaqEntry entry) {
    return new Answer.Shown(
        entry.id(),
        entry.question(),
        entry.text(),
        entry.video(),
        entry.blocks(),
        entry.videoUrl(),
        entry.origin());
  }

  /** An entry's related questions, each resolved to the entry it names where there is one. */
  static List<Answer.Link> related(Corpus corpus, FaqEntry entry) {
    List<Answer.Link> links = new ArrayList<>();
    for (RelatedQuestion r : entry.related()) {
      Optional<FaqEntry> target = corpus.resolve(r).flatMap(corpus::byId);
      if (target.isEmpty() && r.id() != null) {
        continue; // an entry named by id that is not served (not live, or not in the export)
      }
      links.add(
          target
              .map(t -> new Answer.Link(t.id(), t.question()))
              .orElse(new Answer.Link(null, r.question())));
    }
    return links;
  }

  /** The candidates, keeping the first of any that ask the same question. */
  private static List<Candidate> onePerQuestion(List<Candidate> ranked) {
    Set<String> seen = new HashSet<>();
    return ranked.stream().filter(c -> seen.add(Slugs.questionKey(c.entry().question()))).toList();
  }

  /**
   * Up to {@code count} candidates from position {@code from}, one per question: where several
   * entries answer one question, offering the same question twice (or the one just answered) would
   * offer nothing new.
   */
  private static List<Answer.Alternative> alternatives(
      List<Candidate> ranked, int from, int count) {
    List<Answer.Alternative> out = new ArrayList<>();
    Set<String> offered = new HashSet<>();
    for (int i = 0; i < from && i < ranked.size(); i++) {
      offered.add(Slugs.questionKey(ranked.get(i).entry().question()));
    }
    for (int i = from; i < ranked.size() && out.size() < count; i++) {
      Candidate c = ranked.get(i);
      if (offered.add(Slugs.questionKey(c.entry().question()))) {
        out.add(new Answer.Alternative(c.entry().id(), c.entry().question(), c.confidence()));
      }
    }
    return out;
  }
}
