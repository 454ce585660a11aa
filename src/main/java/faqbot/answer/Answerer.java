package faqbot.answer;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.RelatedQuestion;
import faqbot.embed.SentenceEncoder;
import faqbot.index.FaqIndex;
import faqbot.index.IndexView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  private final FaqIndex index;
  private final SentenceEncoder encoder;
  private final Ranker ranker;
  private final Calibration calibration;
  private final LruCache<String, float[]> queryVectors = new LruCache<>(4096);

  public Answerer(FaqIndex index) {
    this(index, Calibration.DEFAULT);
  }

  public Answerer(FaqIndex index, Calibration calibration) {
    this.index = index;
    this.encoder = index.encoder();
    this.calibration = calibration;
    this.ranker = new Ranker(calibration);
  }

  /** Answers a message. */
  public Answer answer(String message) {
    return answerRanked(message).answer();
  }

  /** An answer together with the full ranking it was chosen from, for evaluation. */
  public record Ranked(Answer answer, List<Candidate> ranking) {}

  /** Answers a message, and also returns every entry ranked for it, best first. */
  public Ranked answerRanked(String message) {
    String text = normalize(message);
    try (IndexView view = index.acquire()) {
      List<Candidate> ranked = rank(view, text);
      return new Ranked(decide(view, ranked), ranked);
    }
  }

  private Answer decide(IndexView view, List<Candidate> ranked) {
    if (ranked.isEmpty() || !calibration.accepts(ranked.get(0))) {
      List<Answer.Alternative> closest = alternatives(ranked, 0, SUGGESTIONS);
      String reply = closest.isEmpty()
          ? "Sorry, I don't have an answer to that."
          : "Sorry, I don't have an answer to that. These are the closest questions I know:";
      double confidence = ranked.isEmpty() ? 0 : ranked.get(0).confidence();
      return new Answer(false, confidence, reply, null, List.of(), List.of(), closest);
    }
    Candidate best = ranked.get(0);
    FaqEntry entry = best.entry();
    return new Answer(true, best.confidence(), "Here is what the FAQ says on \u201c" + entry.question() + "\u201d",
        shown(entry), related(view.corpus(), entry), entry.sources(), alternatives(ranked, 1, ALTERNATIVES));
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

  /** Whether answers use sentence vectors (otherwise keywords only). */
  public boolean semantic() {
    return encoder != null;
  }

  private List<Candidate> rank(IndexView view, String text) {
    float[] vector = encoder == null ? null : queryVectors.get(text, encoder::embed);
    return ranker.rank(view, text, vector);
  }

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

  private static List<Answer.Alternative> alternatives(List<Candidate> ranked, int from, int count) {
    List<Answer.Alternative> out = new ArrayList<>();
    for (int i = from; i < ranked.size() && out.size() < count; i++) {
      Candidate c = ranked.get(i);
      out.add(new Answer.Alternative(c.entry().id(), c.entry().question(), c.confidence()));
    }
    return out;
  }
}
