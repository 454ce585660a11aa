package faqbot.answer;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.RelatedQuestion;
import faqbot.corpus.Slugs;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.index.IndexView;
import faqbot.index.Suggestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers messages from the index: the one place that decides whether an entry answers a message, whether to ask
 * which of a few was meant, or whether to say the FAQ has no answer. Every face (HTTP, Slack, command line,
 * evaluation) calls this, and only this.
 */
public final class Answerer {
  /** The longest message answered; longer ones are refused rather than cut, so nothing is silently lost. */
  public static final int MAX_MESSAGE_CHARS = 1000;
  /** How many alternatives an answer lists. */
  public static final int ALTERNATIVES = 3;
  /** How many entries a clarification offers at most. */
  public static final int CHOICES = 3;
  /** How many closest questions are offered when the bot declines. */
  public static final int SUGGESTIONS = 5;
  /** How many questions small talk offers to start with. */
  public static final int STARTERS = 3;
  /**
   * The least confidence a question needs to be offered when the bot declines: below it, offering "the closest"
   * questions to something the FAQ does not cover at all (a recipe, the weather) would only look foolish.
   */
  public static final double SUGGESTION_FLOOR = 0.02;

  private final FaqIndex index;
  private final SentenceEncoder encoder;
  private final Ranker ranker;
  private final Calibration calibration;
  private final SmallTalk smallTalk;
  private final LruCache<String, float[]> queryVectors = new LruCache<>(4096);
  /** Misspelt words corrected toward the corpus's own words; keyword-only ranking stays plain BM25. */
  private volatile Versioned<Spelling> spelling;
  /** The questions small talk offers, from the entries most often named as related. */
  private volatile Versioned<List<FaqEntry>> starters;
  /**
   * Whole answers to messages asked on their own, by index version, scope and message: FAQ traffic repeats its
   * popular questions, and a repeated one is then answered without ranking. A rebuilt index has a new version, so
   * no answer outlives the index it came from.
   */
  private final LruCache<String, Answer> answers = new LruCache<>(4096);

  public Answerer(FaqIndex index) {
    this(index, Calibration.DEFAULT, SmallTalk.standard());
  }

  public Answerer(FaqIndex index, Calibration calibration) {
    this(index, calibration, SmallTalk.standard());
  }

  public Answerer(FaqIndex index, Calibration calibration, SmallTalk smallTalk) {
    this.index = index;
    this.encoder = index.encoder();
    this.calibration = calibration;
    this.ranker = new Ranker(calibration);
    this.smallTalk = smallTalk;
  }

  /** Answers a message on its own. */
  public Answer answer(String message) {
    return answer(message, null, Scope.ALL);
  }

  /** Answers a message in the light of the previous answer's context token (or null), from every entry. */
  public Answer answer(String message, String contextToken) {
    return answer(message, contextToken, Scope.ALL);
  }

  /**
   * Answers a message in the light of what was shown before it, from the entries a scope admits:
   * {@code contextToken} is the {@code context} of the previous answer, or null. A bare number picks that question
   * from the ones just offered; "tell me more" goes on to the first related question; a short message that leans
   * on the previous one ("and how likely is it?") is read together with the previous question when that makes the
   * bot surer.
   *
   * @throws InvalidMessageException when the message is empty or too long, or the token is not one we issued
   */
  public Answer answer(String message, String contextToken, Scope scope) {
    String text = normalize(message);
    if (contextToken == null || contextToken.isBlank()) {
      return answers.get(cacheKey(text, scope), key -> answerInContext(text, null, scope));
    }
    return answerInContext(text, contextToken, scope);
  }

  private String cacheKey(String text, Scope scope) {
    long version;
    try (IndexView view = index.acquire()) {
      version = view.version();
    }
    return version + "\n" + String.join(",", new TreeSet<>(scope.tags())) + "\n"
        + String.join(",", new TreeSet<>(scope.hidden())) + "\n" + text;
  }

  private Answer answerInContext(String text, String contextToken, Scope scope) {
    ConversationContext context =
        contextToken == null || contextToken.isBlank() ? null : ContextTokens.decode(contextToken);
    try (IndexView view = index.acquire()) {
      if (context != null) {
        int choice = FollowUps.choice(text);
        if (choice > 0 && !context.offered().isEmpty()) {
          return pick(view, context, choice);
        }
        if (FollowUps.asksForMore(text) && context.entryId() != null) {
          Optional<FaqEntry> next = context.offered().stream().filter(Objects::nonNull)
              .map(id -> view.corpus().byId(id)).flatMap(Optional::stream).findFirst();
          if (next.isPresent()) {
            return shownAnswer(view, next.get(), 1.0, "More on this: \u201c" + next.get().question() + "\u201d",
                List.of());
          }
        }
      }
      SmallTalk.Reading reading = smallTalk.read(text);
      if (reading.isSmallTalk()) {
        return smallTalk(view, reading, scope);
      }
      String question = reading.question();
      List<Candidate> ranked = rank(view, question, scope);
      if (context != null && context.question() != null && FollowUps.leansOnContext(question)) {
        // Read together with the previous question; the entry just shown is what the follow-up builds on, not its
        // answer, so it steps aside.
        List<Candidate> together = rank(view, context.question() + " " + question, scope).stream()
            .filter(c -> !c.entry().id().equals(context.entryId())).toList();
        if (!together.isEmpty() && (ranked.isEmpty() || together.get(0).confidence() > ranked.get(0).confidence())) {
          ranked = together;
        }
      }
      return decide(view, ranked, question);
    }
  }

  /** An answer together with the full ranking it was chosen from, for evaluation. */
  public record Ranked(Answer answer, List<Candidate> ranking) {}

  /** Answers a message on its own from the entries a scope admits, and returns every entry ranked for it. */
  public Ranked answerRanked(String message, Scope scope) {
    String text = normalize(message);
    try (IndexView view = index.acquire()) {
      SmallTalk.Reading reading = smallTalk.read(text);
      if (reading.isSmallTalk()) {
        // Ranked all the same, so that ranking figures do not depend on what counts as small talk.
        return new Ranked(smallTalk(view, reading, scope), rank(view, text, scope));
      }
      List<Candidate> ranked = rank(view, reading.question(), scope);
      return new Ranked(decide(view, ranked, reading.question()), ranked);
    }
  }

  /** Answers a message on its own, and also returns every entry ranked for it, best first. */
  public Ranked answerRanked(String message) {
    return answerRanked(message, Scope.ALL);
  }

  private Answer decide(IndexView view, List<Candidate> ranked, String message) {
    if (ranked.isEmpty()) {
      return declined(List.of(), 0, message);
    }
    Candidate best = ranked.get(0);
    if (calibration.answers(best)) {
      FaqEntry entry = best.entry();
      return shownAnswer(view, entry, best.confidence(), "Here is what the FAQ says on \u201c" + entry.question()
          + "\u201d", alternatives(ranked, 1, ALTERNATIVES));
    }
    List<Candidate> choices = onePerQuestion(ranked.subList(0, Math.min(CHOICES, ranked.size())));
    choices = choices.stream().filter(calibration::offers).toList();
    if (!choices.isEmpty()) {
      String reply = choices.size() == 1
          ? "I'm not sure I have the right answer. Did you mean \u201c" + choices.get(0).entry().question() + "\u201d?"
          : "I'm not sure which of these you mean. Did you mean:";
      return offered(Outcome.CLARIFY, choices, best.confidence(), message, reply, CHOICES);
    }
    return declined(ranked.stream().filter(c -> c.confidence() >= SUGGESTION_FLOOR).toList(), best.confidence(),
        message);
  }

  private Answer declined(List<Candidate> closest, double confidence, String message) {
    return offered(Outcome.DECLINE, closest, confidence, message, closest.isEmpty()
        ? "Sorry, I don't have an answer to that: it does not seem to be something this FAQ covers."
        : "Sorry, I don't have an answer to that. These are the closest questions I know:", SUGGESTIONS);
  }

  /** A reply that shows no entry but offers some as numbered choices. */
  private Answer offered(Outcome outcome, List<Candidate> offered, double confidence, String message, String reply,
      int count) {
    List<Answer.Alternative> choices = alternatives(offered, 0, count);
    ConversationContext next = new ConversationContext(null, message,
        choices.stream().map(Answer.Alternative::id).toList());
    return new Answer(outcome, confidence, reply, null, List.of(), List.of(), choices, ContextTokens.encode(next));
  }

  private Answer smallTalk(IndexView view, SmallTalk.Reading reading, Scope scope) {
    List<Candidate> starters = starters(view).stream().filter(scope::admits).limit(STARTERS)
        .map(e -> new Candidate(e, 0, -1, 0, 0, null)).toList();
    return offered(Outcome.SMALLTALK, starters, 0, null, reading.reply(), STARTERS);
  }

  private Answer shownAnswer(IndexView view, FaqEntry entry, double confidence, String reply,
      List<Answer.Alternative> alternatives) {
    List<Answer.Link> related = related(view.corpus(), entry);
    ConversationContext next = new ConversationContext(entry.id(), entry.question(),
        related.stream().map(Answer.Link::id).toList());
    return new Answer(Outcome.ANSWER, confidence, reply, shown(entry), related, entry.sources(), alternatives,
        ContextTokens.encode(next));
  }

  /** The {@code choice}-th question of those just offered (1-based). */
  private Answer pick(IndexView view, ConversationContext context, int choice) {
    List<String> offered = context.offered();
    if (choice > offered.size()) {
      List<Candidate> shown = offered.stream().filter(Objects::nonNull)
          .map(id -> view.corpus().byId(id)).flatMap(Optional::stream)
          .map(e -> new Candidate(e, 0, -1, 0, 0, null)).toList();
      return offered(Outcome.CLARIFY, shown, 0, context.question(), "There is no question " + choice
          + " in the list; pick one from 1 to " + offered.size() + ":", offered.size());
    }
    String id = offered.get(choice - 1);
    Optional<FaqEntry> entry = id == null ? Optional.empty() : view.corpus().byId(id);
    if (entry.isEmpty()) {
      return offered(Outcome.DECLINE, List.of(), 0, context.question(),
          "Sorry, question " + choice + " has no answer here yet.", 0);
    }
    return shownAnswer(view, entry.get(), 1.0, "Here is what the FAQ says on \u201c" + entry.get().question()
        + "\u201d", List.of());
  }

  /** The entries that best match a query, best first, at most {@code limit}. */
  public List<Candidate> search(String query, int limit) {
    return search(query, limit, Scope.ALL);
  }

  /** The entries a scope admits that best match a query, best first, at most {@code limit}. */
  public List<Candidate> search(String query, int limit, Scope scope) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    String text = normalize(query);
    try (IndexView view = index.acquire()) {
      List<Candidate> ranked = rank(view, text, scope);
      return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }
  }

  /** Questions to suggest while the user types {@code typed}, at most {@code limit}, at most one per entry. */
  public List<Suggestion> suggest(String typed, int limit) {
    try (IndexView view = index.acquire()) {
      return view.suggest(typed, limit);
    }
  }

  /** One entry by id, with its related questions resolved. */
  public Optional<EntryView> entry(String id) {
    try (IndexView view = index.acquire()) {
      return view.corpus().byId(id).map(e -> new EntryView(e.id(), e.question(), e.alternates(), e.tags(),
          e.text(), e.video(), e.blocks(), related(view.corpus(), e), e.sources()));
    }
  }

  /** How many entries the bot knows now. */
  public int size() {
    try (IndexView view = index.acquire()) {
      return view.corpus().size();
    }
  }

  /**
   * The answer to a message asked on its own, when it is already in the answer cache for the current index; empty
   * otherwise. Nothing is computed, so a server can serve these without queueing them behind real work.
   */
  public Optional<Answer> cached(String message, Scope scope) {
    String text;
    try {
      text = normalize(message);
    } catch (InvalidMessageException e) {
      return Optional.empty();
    }
    return answers.peek(cacheKey(text, scope));
  }

  /** The same, for a message asked of every entry. */
  public Optional<Answer> cached(String message) {
    return cached(message, Scope.ALL);
  }

  /** Questions whose sentence vector came from the cache, since start. */
  public long cacheHits() {
    return queryVectors.hits();
  }

  /** Questions that had to be embedded, since start. */
  public long cacheMisses() {
    return queryVectors.misses();
  }

  /** Messages answered from the answer cache, since start. */
  public long answerCacheHits() {
    return answers.hits();
  }

  /** Whether answers use sentence vectors (otherwise keywords only). */
  public boolean semantic() {
    return encoder != null;
  }

  private List<Candidate> rank(IndexView view, String text, Scope scope) {
    MessageCues cues = MessageCues.of(text);
    if (encoder == null) {
      return ranker.rank(view, text, null, scope, cues);
    }
    String corrected = spelling(view).correct(text);
    return ranker.rank(view, corrected, queryVectors.get(corrected, encoder::embedQuery), scope, cues);
  }

  /** The spelling corrector for the view's corpus, built once per index version. */
  Spelling spelling(IndexView view) {
    Versioned<Spelling> current = spelling;
    if (current == null || current.version() != view.version()) {
      current = new Versioned<>(view.version(), Spelling.of(view.entries(), encoder::knowsWord));
      spelling = current;
    }
    return current.value();
  }

  /**
   * The entries to suggest as first questions, built once per index version: those other entries name most often
   * as related (the FAQ's own hubs), in the corpus's order among equals.
   */
  private List<FaqEntry> starters(IndexView view) {
    Versioned<List<FaqEntry>> current = starters;
    if (current == null || current.version() != view.version()) {
      Corpus corpus = view.corpus();
      Map<String, Integer> named = new HashMap<>();
      for (FaqEntry e : corpus.entries()) {
        for (RelatedQuestion r : e.related()) {
          corpus.resolve(r.question()).filter(id -> !id.equals(e.id())).ifPresent(id -> named.merge(id, 1, Integer::sum));
        }
      }
      List<FaqEntry> order = new ArrayList<>(corpus.entries());
      order.sort(Comparator.comparingInt((FaqEntry e) -> -named.getOrDefault(e.id(), 0)));
      current = new Versioned<>(view.version(), List.copyOf(order));
      starters = current;
    }
    return current.value();
  }

  private record Versioned<T>(long version, T value) {}

  /**
   * The message as it will be answered (whitespace and control characters collapsed), after checking it can be.
   *
   * @throws InvalidMessageException when it is missing, empty or too long
   */
  public static String normalize(String message) {
    if (message == null) {
      throw new InvalidMessageException("the message is missing");
    }
    String text = message.replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
    if (text.isEmpty()) {
      throw new InvalidMessageException("the message is empty");
    }
    if (text.length() > MAX_MESSAGE_CHARS) {
      throw new InvalidMessageException("the message is " + text.length() + " characters long; the limit is "
          + MAX_MESSAGE_CHARS);
    }
    return text;
  }

  private static Answer.Shown shown(FaqEntry entry) {
    return new Answer.Shown(entry.id(), entry.question(), entry.text(), entry.video(), entry.blocks());
  }

  private static List<Answer.Link> related(Corpus corpus, FaqEntry entry) {
    List<Answer.Link> links = new ArrayList<>();
    for (RelatedQuestion r : entry.related()) {
      Optional<FaqEntry> target = corpus.resolve(r.question()).flatMap(corpus::byId);
      links.add(target.map(t -> new Answer.Link(t.id(), t.question())).orElse(new Answer.Link(null, r.question())));
    }
    return links;
  }

  /** The candidates, keeping the first of any that ask the same question. */
  private static List<Candidate> onePerQuestion(List<Candidate> ranked) {
    Set<String> seen = new HashSet<>();
    return ranked.stream().filter(c -> seen.add(Slugs.questionKey(c.entry().question()))).toList();
  }

  /**
   * Up to {@code count} candidates from position {@code from}, one per question: where several entries answer
   * one question, offering the same question twice (or the one just answered) would offer nothing new.
   */
  private static List<Answer.Alternative> alternatives(List<Candidate> ranked, int from, int count) {
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
