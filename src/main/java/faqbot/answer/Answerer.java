package faqbot.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.index.IndexView;
import faqbot.index.Suggestion;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers messages from the index: whether an entry answers a message, whether to ask which of a
 * few was meant, or whether to say the FAQ has no answer. Every face (HTTP, Slack, command line,
 * evaluation) calls this, and only this. The work is shared out: the {@link Retriever} ranks,
 * {@link FollowUps} reads a message in the light of the previous answer, the {@link Decider}
 * decides and composes the reply.
 */
public final class Answerer {
  /**
   * The longest message answered; longer ones are refused rather than cut, so nothing is silently
   * lost. People who ask under a video set out their reasoning first: 83 of the 1,817 questions
   * left under Rob Miles' videos run past 1,000 characters, 21 past 2,000 and one past 4,000.
   */
  public static final int MAX_MESSAGE_CHARS = 4000;

  /** How many alternatives an answer lists. */
  public static final int ALTERNATIVES = 3;

  /** How many entries a clarification offers at most. */
  public static final int CHOICES = 3;

  /** How many closest questions are offered when the bot declines. */
  public static final int SUGGESTIONS = 5;

  /** How many questions small talk offers to start with. */
  public static final int STARTERS = 3;

  /**
   * The least confidence a question needs to be offered when the bot declines: below it, offering
   * "the closest" questions to something the FAQ does not cover at all (a recipe, the weather)
   * would only look foolish.
   */
  public static final double SUGGESTION_FLOOR = 0.02;

  /**
   * About how much memory the whole answers kept may hold of their own (FAQ traffic repeats its
   * popular questions). Weighed rather than counted: a message of {@link #MAX_MESSAGE_CHARS}
   * characters, and the context token that carries it, weigh over ten times a common question's,
   * and four thousand of them would not fit a small server's heap.
   */
  static final long ANSWER_BYTES_KEPT = 16L << 20;

  /** What a kept answer holds besides its message and token: its reply and its lists. */
  private static final int ANSWER_OVERHEAD_BYTES = 2048;

  private final FaqIndex index;
  private final Retriever retriever;
  private final Decider decider;
  private final SmallTalk smallTalk;

  /**
   * Whole answers to messages asked on their own, by index version, scope and message, so a
   * repeated one is answered without ranking (and the same new question arriving many times at once
   * is answered once). A rebuilt index has a new version, and the answers of the old one are
   * dropped when it first serves.
   */
  private final Cache<String, Answer> answers = answerCache();

  private volatile long answersVersion = Long.MIN_VALUE;

  public Answerer(FaqIndex index) {
    this(index, Calibration.DEFAULT, SmallTalk.standard());
  }

  public Answerer(FaqIndex index, Calibration calibration) {
    this(index, calibration, SmallTalk.standard());
  }

  public Answerer(FaqIndex index, Calibration calibration, SmallTalk smallTalk) {
    this.index = index;
    this.retriever = new Retriever(index.encoder(), calibration);
    this.decider = new Decider(calibration);
    this.smallTalk = smallTalk;
  }

  /** Answers a message on its own. */
  public Answer answer(String message) {
    return answer(message, null, Scope.ALL);
  }

  /**
   * Answers a message in the light of the previous answer's context token (or null), from every
   * entry.
   */
  public Answer answer(String message, String contextToken) {
    return answer(message, contextToken, Scope.ALL);
  }

  /**
   * Answers a message in the light of what was shown before it, from the entries a scope admits:
   * {@code contextToken} is the {@code context} of the previous answer, or null. A bare number
   * picks that question from the ones just offered; "tell me more" goes on to the first related
   * question; a short message that leans on the previous one ("and how likely is it?") is read
   * together with the previous question when that makes the bot surer.
   *
   * @throws InvalidMessageException when the message is empty or too long, or the token is not one
   *     we issued
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
    if (version != answersVersion) {
      answers.invalidateAll();
      answersVersion = version;
    }
    return version
        + "\n"
        + String.join("\u0000", new TreeSet<>(scope.tags()))
        + "\n"
        + String.join("\u0000", new TreeSet<>(scope.hidden()))
        + "\n"
        + text;
  }

  private Answer answerInContext(String text, String contextToken, Scope scope) {
    ConversationContext context =
        contextToken == null || contextToken.isBlank() ? null : ContextTokens.decode(contextToken);
    try (IndexView view = index.acquire()) {
      if (context != null) {
        int choice = FollowUps.choice(text);
        if (choice > 0 && !context.offered().isEmpty()) {
          return decider.pick(view, context, choice);
        }
        if (FollowUps.asksForMore(text) && context.entryId() != null) {
          Optional<FaqEntry> next =
              context.offered().stream()
                  .filter(Objects::nonNull)
                  .map(id -> view.corpus().byId(id))
                  .flatMap(Optional::stream)
                  .findFirst();
          if (next.isPresent()) {
            return decider.answer(
                view,
                next.get(),
                1.0,
                "More on this: \u201c" + next.get().question() + "\u201d",
                List.of());
          }
        }
      }
      SmallTalk.Reading reading = smallTalk.read(text);
      if (reading.isSmallTalk()) {
        return decider.smallTalk(view, reading, scope);
      }
      String question = reading.question();
      List<Candidate> ranked = retriever.rank(view, question, scope);
      if (context != null && context.question() != null && FollowUps.leansOnContext(question)) {
        // Read together with the previous question; the entry just shown is what the follow-up
        // builds on, not its
        // answer, so it steps aside.
        List<Candidate> together =
            retriever.rank(view, context.question() + " " + question, scope).stream()
                .filter(c -> !c.entry().id().equals(context.entryId()))
                .toList();
        if (!together.isEmpty()
            && (ranked.isEmpty() || together.get(0).confidence() > ranked.get(0).confidence())) {
          ranked = together;
        }
      }
      return decider.decide(view, ranked, question);
    }
  }

  /** An answer together with the full ranking it was chosen from, for evaluation. */
  public record Ranked(Answer answer, List<Candidate> ranking) {}

  /**
   * Answers a message on its own from the entries a scope admits, and returns every entry ranked
   * for it.
   */
  public Ranked answerRanked(String message, Scope scope) {
    String text = normalize(message);
    try (IndexView view = index.acquire()) {
      SmallTalk.Reading reading = smallTalk.read(text);
      if (reading.isSmallTalk()) {
        // Ranked all the same, so that ranking figures do not depend on what counts as small talk.
        return new Ranked(
            decider.smallTalk(view, reading, scope), retriever.rank(view, text, scope));
      }
      List<Candidate> ranked = retriever.rank(view, reading.question(), scope);
      return new Ranked(decider.decide(view, ranked, reading.question()), ranked);
    }
  }

  /** Answers a message on its own, and also returns every entry ranked for it, best first. */
  public Ranked answerRanked(String message) {
    return answerRanked(message, Scope.ALL);
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
      List<Candidate> ranked = retriever.rank(view, text, scope);
      return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }
  }

  /**
   * Questions to suggest while the user types {@code typed}, at most {@code limit}, at most one per
   * entry.
   */
  public List<Suggestion> suggest(String typed, int limit) {
    try (IndexView view = index.acquire()) {
      return view.suggest(typed, limit);
    }
  }

  /** One entry by id, with its related questions resolved. */
  public Optional<EntryView> entry(String id) {
    try (IndexView view = index.acquire()) {
      return view.corpus()
          .byId(id)
          .map(
              e ->
                  new EntryView(
                      e.id(),
                      e.question(),
                      e.alternates(),
                      e.tags(),
                      e.text(),
                      e.video(),
                      e.blocks(),
                      Decider.related(view.corpus(), e),
                      e.sources(),
                      e.videoUrl(),
                      e.origin()));
    }
  }

  /**
   * How alike two questions' sentence vectors must be (cosine) to be read as one question in other
   * words, for the editors' groups. Measured on questions written for it
   * (src/test/resources/eval/same-meaning): at this bar a question joins 43 % of its rewordings
   * (nearly all typos and near-copies, few full rewordings) and 0.04 % of other questions of the
   * field, but still 42 % of those that differ in one telling word ("inner" or "outer alignment"):
   * the vectors cannot tell those apart at any bar, so the page lets an editor choose which of a
   * group's questions to act on. Chosen for few false merges: one question meets thousands of
   * groups, and at 0.82 one in a hundred others already passes.
   */
  public static final double SAME_MEANING = 0.88;

  /**
   * A question's sentence vector, unit length, for telling which questions mean the same; null
   * without the sentence model. Not kept: the editors' grouping keeps its own, and would otherwise
   * push the questions being asked now out of the answerer's cache.
   */
  public float[] meaning(String question) {
    SentenceEncoder encoder = index.encoder();
    return encoder == null
        ? null
        : encoder.embedQuery(normalize(question).toLowerCase(Locale.ROOT));
  }

  /** The sentence model's name, or null without one: vectors of two models are never compared. */
  public String meaningModel() {
    return index.encoder() == null ? null : index.encoder().modelId();
  }

  /**
   * The questions that are not yet one of the FAQ's own (an entry's question or phrasing, as an
   * editor may have added it since they were asked), in their order.
   */
  public List<String> notYetInTheFaq(Collection<String> questions) {
    try (IndexView view = index.acquire()) {
      return questions.stream().filter(q -> view.corpus().resolve(q).isEmpty()).toList();
    }
  }

  /** Every entry, in corpus order, as listed among the others. */
  public List<Listing> listing() {
    try (IndexView view = index.acquire()) {
      return view.corpus().entries().stream()
          .map(e -> new Listing(e.id(), e.question(), e.tags()))
          .toList();
    }
  }

  /** How many entries the bot knows now. */
  public int size() {
    try (IndexView view = index.acquire()) {
      return view.corpus().size();
    }
  }

  /**
   * The question a message picks one of the offered entries for: the message is a bare number and
   * the previous answer (its context token) offered choices instead of answering, a "did you
   * mean…?" or the closest questions after a decline. Null otherwise. Read after the message was
   * answered, so the token is known to be good.
   */
  public static String clarifiedBy(String message, String contextToken) {
    if (contextToken == null || contextToken.isBlank()) {
      return null;
    }
    ConversationContext context = ContextTokens.decode(contextToken);
    int choice = FollowUps.choice(normalize(message));
    return context.entryId() == null && choice > 0 && choice <= context.offered().size()
        ? context.question()
        : null;
  }

  /**
   * The answer to a message asked on its own, when it is already in the answer cache for the
   * current index; empty otherwise. Nothing is computed, so a server can serve these without
   * queueing them behind real work.
   */
  public Optional<Answer> cached(String message, Scope scope) {
    String text;
    try {
      text = normalize(message);
    } catch (InvalidMessageException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(answers.getIfPresent(cacheKey(text, scope)));
  }

  /** The same, for a message asked of every entry. */
  public Optional<Answer> cached(String message) {
    return cached(message, Scope.ALL);
  }

  /** Questions whose sentence vector came from the cache, since start. */
  public long cacheHits() {
    return retriever.vectors().stats().hitCount();
  }

  /** Questions that had to be embedded, since start. */
  public long cacheMisses() {
    return retriever.vectors().stats().missCount();
  }

  /** Messages answered from the answer cache, since start. */
  public long answerCacheHits() {
    return answers.stats().hitCount();
  }

  /** Whether answers use sentence vectors (otherwise keywords only). */
  public boolean semantic() {
    return retriever.semantic();
  }

  /** The spelling corrector for the view's corpus (for tools that study the ranking). */
  Spelling spelling(IndexView view) {
    return retriever.spelling(view);
  }

  static Cache<String, Answer> answerCache() {
    return Caffeine.newBuilder()
        .maximumWeight(ANSWER_BYTES_KEPT)
        .weigher(Answerer::bytesKept)
        .recordStats()
        .build();
  }

  /**
   * Roughly the bytes a kept answer holds of its own: its key (two bytes a char at most), its token
   * (base64, one byte a char) and the rest.
   */
  static int bytesKept(String key, Answer answer) {
    int token = answer.context() == null ? 0 : answer.context().length();
    return 2 * key.length() + token + ANSWER_OVERHEAD_BYTES;
  }

  /**
   * The message as it will be answered (whitespace and control characters collapsed), after
   * checking it can be.
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
      throw new InvalidMessageException(
          "the message is "
              + text.length()
              + " characters long; the limit is "
              + MAX_MESSAGE_CHARS);
    }
    return text;
  }
}
