package faqbot.index;

import faqbot.corpus.FaqEntry;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Suggests questions as the user types, with Lucene's infix suggester: every word typed must start
 * a word of the question or of one of its phrasings, in any position ("align" finds "What is inner
 * alignment?"). It holds an in-memory index and its writer: close it when its point in time is no
 * longer searched.
 */
final class Suggester implements Closeable {
  /** The fewest characters worth suggesting for; one or two letters match almost everything. */
  static final int MIN_CHARS = 2;

  private final AnalyzingInfixSuggester lookup;
  private volatile boolean closed;

  Suggester(List<FaqEntry> entries) {
    try {
      lookup =
          new AnalyzingInfixSuggester(
              new ByteBuffersDirectory(), analyzer(), analyzer(), MIN_CHARS, false, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the question suggester", e);
    }
    try {
      lookup.build(new Phrasings(entries));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(lookup);
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot build the question suggester", io)
          : (RuntimeException) e;
    }
  }

  List<Suggestion> suggest(String typed, int limit) {
    if (closed) {
      throw new IllegalStateException("the question suggester is closed");
    }
    String text = typed == null ? "" : typed.strip();
    if (text.length() < MIN_CHARS || limit < 1) {
      return List.of();
    }
    try {
      List<Lookup.LookupResult> results =
          lookup.lookup(text, (BooleanQuery) null, limit * 4, true, false);
      List<Suggestion> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Lookup.LookupResult r : results) {
        String id = r.payload.utf8ToString();
        if (seen.add(id)) {
          out.add(new Suggestion(id, r.key.toString()));
          if (out.size() == limit) {
            break;
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up suggestions", e);
    }
  }

  /** Frees the in-memory index and its writer; suggestions are refused from then on. */
  @Override
  public void close() throws IOException {
    closed = true;
    lookup.close();
  }

  /** Words, folded and lowercased, not stemmed: a prefix must match what the user sees. */
  private static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new ASCIIFoldingFilter(source));
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /**
   * Every entry's question, weighted above its alternate phrasings, with the entry's id as payload.
   */
  private static final class Phrasings implements InputIterator {
    private final List<String[]> items = new ArrayList<>();
    private int next = -1;

    Phrasings(List<FaqEntry> entries) {
      for (FaqEntry e : entries) {
        Set<String> phrasings = new LinkedHashSet<>();
        phrasings.add(e.question());
        phrasings.addAll(e.alternates());
        int weight = 2;
        for (String p : phrasings) {
          items.add(new String[] {p, e.id(), Integer.toString(weight)});
          weight = 1;
        }
      }
    }

    @Override
    public BytesRef next() {
      next++;
      return next < items.size() ? new BytesRef(items.get(next)[0]) : null;
    }

    @Override
    public long weight() {
      return Long.parseLong(items.get(next)[2]);
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(items.get(next)[1].getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
