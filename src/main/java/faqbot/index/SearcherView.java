package faqbot.index;

import faqbot.corpus.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;

/**
 * An {@link IndexView} over one searcher acquired from a {@link SearcherManager}, released when
 * closed.
 */
final class SearcherView implements IndexView {
  private final SearcherManager searchers;
  private final FaqSearcher searcher;
  private final QueryBuilder queries;

  /** How many models' slices each vector joins. */
  private final int parts;

  private boolean closed;

  SearcherView(SearcherManager searchers, FaqSearcher searcher, QueryBuilder queries, int parts) {
    this.searchers = searchers;
    this.searcher = searcher;
    this.queries = queries;
    this.parts = parts;
  }

  @Override
  public Corpus corpus() {
    return searcher.corpus;
  }

  @Override
  public float[] keywordScores(String text, int depth) {
    try {
      return searcher.scores(queries.forText(text), depth);
    } catch (IOException e) {
      throw new IndexException("cannot search the index: " + e.getMessage(), e);
    }
  }

  @Override
  public WordMatches words(String text) {
    try {
      return searcher.words(queries.terms(text));
    } catch (IOException e) {
      throw new IndexException("cannot search the index: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> terms(String text) {
    return queries.terms(text);
  }

  @Override
  public boolean hasVectors() {
    return searcher.vectors.count() > 0;
  }

  @Override
  public SemanticScores semanticScores(float[] queryVector) {
    return searcher.vectors.score(queryVector, parts);
  }

  @Override
  public List<Suggestion> suggest(String typed, int limit) {
    return searcher.suggester.suggest(typed, limit);
  }

  /** The suggester of this view's point in time. */
  Suggester suggester() {
    return searcher.suggester;
  }

  @Override
  public long version() {
    return ((DirectoryReader) searcher.getIndexReader()).getVersion();
  }

  @Override
  public String model() {
    return searcher.model;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
