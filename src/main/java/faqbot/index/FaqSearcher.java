package faqbot.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * An index searcher that also holds, for the same point in time, the entries and their vectors in memory.
 *
 * <p>FAQ corpora are small (hundreds to thousands of entries), so scoring every vector exactly is both faster
 * than a graph search and never misses a neighbour.
 */
final class FaqSearcher extends IndexSearcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Corpus corpus;
  /** Lucene doc id → entry position (-1 for vector documents), for turning hits into entries. */
  private final int[] ordinalByDoc;
  /**
   * Every vector in one array, dimension by dimension: the values of dimension {@code j} of all vectors lie together
   * from {@code j * vectorCount}. Scoring then adds one dimension's products to every vector's sum at once, a loop
   * the JIT turns into SIMD instructions (a dot product per vector is a running sum, which it does not).
   */
  final float[] vectors;
  final int dimension;
  final int vectorCount;
  final int[] vectorOwner;
  final String model;
  /** Suggests questions from the words typed so far; built with the searcher, for the same point in time. */
  final Suggester suggester;

  FaqSearcher(IndexReader reader, String model) throws IOException {
    super(reader);
    this.model = model;
    List<FaqEntry> entries = new ArrayList<>();
    Map<String, Integer> ordinalById = new HashMap<>();
    ordinalByDoc = new int[reader.maxDoc()];
    Arrays.fill(ordinalByDoc, -1);
    List<Integer> entryDocs = new ArrayList<>();
    List<Integer> entryOrdinals = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc);
        if (Fields.KIND_ENTRY.equals(d.get(Fields.KIND))) {
          entryDocs.add(leaf.docBase + doc);
          entryOrdinals.add(d.getField(Fields.ORDINAL).numericValue().intValue());
          entries.add(JSON.readValue(d.getBinaryValue(Fields.ENTRY_JSON).bytes, FaqEntry.class));
        }
      }
    }
    // Restore the corpus order the entries were written in.
    Integer[] order = new Integer[entries.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(entryOrdinals.get(a), entryOrdinals.get(b)));
    List<FaqEntry> sorted = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      FaqEntry entry = entries.get(order[i]);
      sorted.add(entry);
      ordinalById.put(entry.id(), i);
      ordinalByDoc[entryDocs.get(order[i])] = i;
    }
    // The index holds what was built; it was checked then, so nothing is left out now.
    corpus = Corpus.of(sorted, List.of(), true);

    List<float[]> vecs = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    forEachVector(reader, (d, vector) -> {
      Integer owner = ordinalById.get(d.get(Fields.VECTOR_OWNER));
      if (owner != null) {
        vecs.add(vector);
        owners.add(owner);
      }
    });
    vectorCount = vecs.size();
    dimension = vecs.isEmpty() ? 0 : vecs.get(0).length;
    vectors = new float[vectorCount * dimension];
    for (int i = 0; i < vectorCount; i++) {
      float[] vector = vecs.get(i);
      for (int j = 0; j < dimension; j++) {
        vectors[j * vectorCount + i] = vector[j];
      }
    }
    vectorOwner = owners.stream().mapToInt(Integer::intValue).toArray();
    suggester = new Suggester(corpus.entries());
  }

  /** Embedding-cache key → vector of every vector in an index, for reuse when it is rebuilt. */
  static Map<String, float[]> vectorsByKey(IndexReader reader) throws IOException {
    Map<String, float[]> byKey = new HashMap<>();
    forEachVector(reader, (d, vector) -> byKey.put(d.get(Fields.VECTOR_KEY), vector));
    return byKey;
  }

  /** Calls {@code each} with the stored fields and the vector of every live vector document. */
  private static void forEachVector(IndexReader reader, java.util.function.BiConsumer<Document, float[]> each)
      throws IOException {
    java.util.Set<String> wanted = java.util.Set.of(Fields.VECTOR_OWNER, Fields.VECTOR_KEY);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      FloatVectorValues values = r.getFloatVectorValues(Fields.VECTOR);
      if (values == null) {
        continue;
      }
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        if (live == null || live.get(doc)) {
          each.accept(stored.document(doc, wanted), values.vectorValue().clone());
        }
      }
    }
  }

  /** Scores of the best {@code depth} entries for a query, by entry position. */
  float[] scores(Query query, int depth) throws IOException {
    float[] scores = new float[corpus.size()];
    if (corpus.size() == 0) {
      return scores;
    }
    TopDocs top = search(query, Math.max(1, Math.min(depth, corpus.size())));
    for (ScoreDoc hit : top.scoreDocs) {
      int ordinal = ordinalByDoc[hit.doc];
      if (ordinal >= 0) {
        scores[ordinal] = hit.score;
      }
    }
    return scores;
  }

  /** The fields that say what an entry's question is, and all the fields of its text. */
  private static final List<String> QUESTION_FIELDS = List.of(Fields.QUESTION, Fields.ALTERNATES, Fields.TAGS);
  private static final List<String> OTHER_FIELDS = List.of(Fields.BODY, Fields.EDITORS);

  /** Which entries use each of some analyzed words, read from the index's postings. */
  WordMatches words(List<String> terms) throws IOException {
    List<String> distinct = terms.stream().distinct().limit(WordMatches.MAX_TERMS).toList();
    int n = corpus.size();
    long[] inQuestion = new long[n];
    long[] anywhere = new long[n];
    for (LeafReaderContext leaf : getIndexReader().leaves()) {
      for (String field : Fields.TEXT_FIELDS) {
        Terms fieldTerms = leaf.reader().terms(field);
        if (fieldTerms == null) {
          continue;
        }
        boolean question = QUESTION_FIELDS.contains(field);
        TermsEnum each = fieldTerms.iterator();
        PostingsEnum postings = null;
        for (int t = 0; t < distinct.size(); t++) {
          if (!each.seekExact(new BytesRef(distinct.get(t)))) {
            continue;
          }
          postings = each.postings(postings, PostingsEnum.NONE);
          long bit = 1L << t;
          Bits live = leaf.reader().getLiveDocs();
          for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            int ordinal = live == null || live.get(doc) ? ordinalByDoc[leaf.docBase + doc] : -1;
            if (ordinal >= 0) {
              anywhere[ordinal] |= bit;
              if (question) {
                inQuestion[ordinal] |= bit;
              }
            }
          }
        }
      }
    }
    int[] entriesWith = new int[distinct.size()];
    for (long mask : anywhere) {
      for (int t = 0; t < distinct.size(); t++) {
        if ((mask & (1L << t)) != 0) {
          entriesWith[t]++;
        }
      }
    }
    return new WordMatches(distinct, entriesWith, inQuestion, anywhere, n);
  }
}
