package faqbot.answer;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.RelatedQuestion;
import faqbot.corpus.Slugs;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.index.IndexView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers messages from the index: the one place that decides what is the answer, how sure the bot is, and what
 * is offered next. Every face (HTTP, Slack, command line, evaluation) calls this, and only this.
 */
public final class Answerer {
  /** The longest message answered; longer ones are refused rather than cut, so nothing is silently lost. */
  public static final int MAX_MESSAGE_CHARS = 1000;
  /** How many alternatives an answer lists. */
  public static final int ALTERNATIVES = 3;
  /** How many closest questions are offered when nothing matches. */
  public static final int SUGGESTIONS = 5;
  /**
   * The least confidence a question needs to be offered when the bot declines: below it, offering "the closest"
   * questions to something the FAQ does not cover at all (a recipe, the weather) would only look foolish. On the
   * bundled evaluation set it leaves suggestions for 19 of the 25 declined questions about AI that the FAQ does not
   * answer, and for 22 of the 119 declined everyday questions (docs/quality.md).
   */
  public static final double SUGGESTION_FLOOR = 0.05;

  private final FaqIndex index;
  private final SentenceEncoder encoder;
  private final Ranker ranker;
  private final Calibration calibration;
  private final AnswerListener listener;
  private final LruCache<String, float[]> queryVectors = new LruCache<>(4096);
  /** Misspelt words corrected toward the corpus's own words; keyword-only ranking stays plain BM25. */
  private volatile VersionedSpelling spelling;
  /**
   * Whole answers to messages asked on their own, by index version and message: FAQ traffic repeats its popular
   * questions, and a repeated one is then answered without ranking. A rebuilt index has a new version, so no
   * answer outlives the index it came from.
   */
  private final LruCache<String, Answer> answers = new LruCache<>(4096);

  public Answerer(FaqIndex index) {
    this(index, Calibration.DEFAULT, AnswerListener.NONE);
  }

  public Answerer(FaqIndex index, Calibration calibration) {
    this(index, calibration, AnswerListener.NONE);
  }

  /** An answerer that tells {@code listener} about every message it answers through {@link #answer}. */
  public Answerer(FaqIndex index, Calibration calibration, AnswerListener listener) {
    this.index = index;
    this.encoder = index.encoder();
    this.calibration = calibration;
    this.ranker = new Ranker(calibration);
    this.listener = listener;
  }

  private static final class LoggerHolder {
    static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Answerer.class);
  }

  /** Answers a message on its own. */
  public Answer answer(String message) {
    return answer(message, null);
  }

  /**
   * Answers a message in the light of what was shown before it: {@code contextToken} is the {@code context} of the
   * previous answer, or null. A bare number picks that question from the ones just offered; "tell me more" goes on
   * to the first related question; a short message that leans on the previous one ("and how likely is it?") is
   * read together with the previous question when that makes the bot surer.
   *
   * @throws InvalidMessageException when the message is empty or too long, or the token is not one we issued
   */
  public Answer answer(String message, String contextToken) {
    String text = normalize(message);
    Answer answer;
    if (contextToken == null || contextToken.isBlank()) {
      long version;
      try (IndexView view = index.acquire()) {
        version = view.version();
      }
      answer = answers.get(version + "\n" + text, key -> answerInContext(text, null));
    } else {
      answer = answerInContext(text, contextToken);
    }
    // Recording is secondary: the person asking gets the answer even when it fails.
    notify(text, answer);
    return answer;
  }

  private Answer answerInContext(String text, String contextToken) {
    ConversationContext context =
        contextToken == null || contextToken.isBlank() ? null : ContextTokens.decode(contextToken);
    try (IndexView view = index.acquire()) {
      if (context != null) {
        int choice = FollowUps.choice(text);
        if (choice > 0 && !context.offered().isEmpty()) {
          return pick(view, context, choice);
        }
        if (FollowUps.asksForMore(text) && context.entryId() != null) {
          Optional<FaqEntry> next = context.offered().stream().filter(java.util.Objects::nonNull)
              .map(id -> view.corpus().byId(id)).flatMap(Optional::stream).findFirst();
          if (next.isPresent()) {
            return shownAnswer(view, next.get(), 1.0, "More on this: \u201c" + next.get().question() + "\u201d",
                List.of());
          }
        }
      }
      List<Candidate> ranked = rank(view, text);
      if (context != null && context.question() != null && FollowUps.leansOnContext(text)) {
        // Read together with the previous question; the entry just shown is what the follow-up builds on, not its
        // answer, so it steps aside.
        List<Candidate> together = rank(view, context.question() + " " + text).stream()
            .filter(c -> !c.entry().id().equals(context.entryId())).toList();
        if (!together.isEmpty() && (ranked.isEmpty() || together.get(0).confidence() > ranked.get(0).confidence())) {
          ranked = together;
        }
      }
      return decide(view, ranked, text);
    }
  }

  /** An answer together with the full ranking it was chosen from, for evaluation. */
  public record Ranked(Answer answer, List<Candidate> ranking) {}

  /** Answers a message on its own, and also returns every entry ranked for it, best first. */
  public Ranked answerRanked(String message) {
    String text = normalize(message);
    try (IndexView view = index.acquire()) {
      List<Candidate> ranked = rank(view, text);
      return new Ranked(decide(view, ranked, text), ranked);
    }
  }

  private Answer decide(IndexView view, List<Candidate> ranked, String message) {
    if (ranked.isEmpty() || !calibration.accepts(ranked.get(0))) {
      List<Candidate> close = ranked.stream().filter(c -> c.confidence() >= SUGGESTION_FLOOR).toList();
      return declined(close, ranked.isEmpty() ? 0 : ranked.get(0).confidence(), message, close.isEmpty()
          ? "Sorry, I don't have an answer to that: it does not seem to be something this FAQ covers."
          : "Sorry, I don't have an answer to that. These are the closest questions I know:");
    }
    Candidate best = ranked.get(0);
    FaqEntry entry = best.entry();
    return shownAnswer(view, entry, best.confidence(), "Here is what the FAQ says on \u201c" + entry.question()
        + "\u201d", alternatives(ranked, 1, ALTERNATIVES));
  }

  private Answer declined(List<Candidate> offered, double confidence, String message, String reply) {
    List<Answer.Alternative> closest = alternatives(offered, 0, SUGGESTIONS);
    ConversationContext next = new ConversationContext(null, message,
        closest.stream().map(Answer.Alternative::id).toList());
    return new Answer(false, confidence, reply, null,
        List.of(), List.of(), closest, ContextTokens.encode(next));
  }

  private Answer shownAnswer(IndexView view, FaqEntry entry, double confidence, String reply,
      List<Answer.Alternative> alternatives) {
    List<Answer.Link> related = related(view.corpus(), entry);
    ConversationContext next = new ConversationContext(entry.id(), entry.question(),
        related.stream().map(Answer.Link::id).toList());
    return new Answer(true, confidence, reply, shown(entry), related, entry.sources(), alternatives,
        ContextTokens.encode(next));
  }

  /** The {@code choice}-th question of those just offered (1-based). */
  private Answer pick(IndexView view, ConversationContext context, int choice) {
    List<String> offered = context.offered();
    if (choice > offered.size()) {
      List<Candidate> shown = offered.stream().filter(java.util.Objects::nonNull)
          .map(id -> view.corpus().byId(id)).flatMap(Optional::stream)
          .map(e -> new Candidate(e, 0, -1, 0, 0)).toList();
      return declined(shown, 0, context.question(), "There is no question " + choice
          + " in the list; pick one from 1 to " + offered.size() + ":");
    }
    String id = offered.get(choice - 1);
    Optional<FaqEntry> entry = id == null ? Optional.empty() : view.corpus().byId(id);
    if (entry.isEmpty()) {
      return declined(List.of(), 0, context.question(), "Sorry, question " + choice + " has no answer here yet.");
    }
    return shownAnswer(view, entry.get(), 1.0, "Here is what the FAQ says on \u201c" + entry.get().question()
        + "\u201d", List.of());
  }

  /** The entries that best match a query, best first, at most {@code limit}. */
  public List<Candidate> search(String query, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    String text = normalize(query);
    try (IndexView view = index.acquire()) {
      List<Candidate> ranked = rank(view, text);
      return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }
  }

  /** Questions to suggest while the user types {@code typed}, at most {@code limit}, at most one per entry. */
  public List<faqbot.index.Suggestion> suggest(String typed, int limit) {
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
  public Optional<Answer> cached(String message) {
    String text;
    try {
      text = normalize(message);
    } catch (InvalidMessageException e) {
      return Optional.empty();
    }
    long version;
    try (IndexView view = index.acquire()) {
      version = view.version();
    }
    Optional<Answer> answer = answers.peek(version + "\n" + text);
    answer.ifPresent(a -> notify(text, a));
    return answer;
  }

  private void notify(String text, Answer answer) {
    try {
      listener.answered(text, answer);
    } catch (RuntimeException e) {
      LoggerHolder.LOG.warn("could not record an answer: {}", e.toString());
    }
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

  private List<Candidate> rank(IndexView view, String text) {
    if (encoder == null) {
      return ranker.rank(view, text, null);
    }
    String corrected = spelling(view).correct(text);
    return ranker.rank(view, corrected, queryVectors.get(corrected, encoder::embedQuery));
  }

  /** The spelling corrector for the view's corpus, built once per index version. */
  private Spelling spelling(IndexView view) {
    VersionedSpelling current = spelling;
    if (current == null || current.version() != view.version()) {
      current = new VersionedSpelling(view.version(), Spelling.of(view.entries(), encoder::knowsWord));
      spelling = current;
    }
    return current.spelling();
  }

  private record VersionedSpelling(long version, Spelling spelling) {}

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
