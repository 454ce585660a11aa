package faqbot.index;

import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * An index searcher that also holds, for the same point in time, the entries, their vectors and a
 * suggester in memory.
 */
final class FaqSearcher extends IndexSearcher {
  final Corpus corpus;

  /** Lucene doc id → entry position (-1 for vector documents), for turning hits into entries. */
  private final int[] ordinalByDoc;

  /** The entries' vectors; none when searching by keywords only or when another model made them. */
  final VectorMatrix vectors;

  /** The model that made {@link #vectors}, or null when there are none. */
  final String model;

  /**
   * How the commit this searcher reads was built: what searches see, whatever the folder holds by
   * now.
   */
  final BuildStamp stamp;

  /**
   * Suggests questions from the words typed so far; built with the searcher, closed with its
   * reader.
   */
  final Suggester suggester;

  /**
   * Reads the entries, and the vectors when they were made by the model given.
   *
   * @param modelId the sentence model searches use, or null for keywords only
   */
  FaqSearcher(DirectoryReader reader, String modelId) throws IOException {
    super(reader);
    this.stamp = BuildStamp.of(reader.getIndexCommit().getUserData());
    boolean withVectors = stamp.hasVectorsOf(modelId);
    this.model = withVectors ? modelId : null;
    ordinalByDoc = new int[reader.maxDoc()];
    Arrays.fill(ordinalByDoc, -1);
    List<Integer> entryDocs = new ArrayList<>();
    List<Integer> entryOrdinals = new ArrayList<>();
    List<FaqEntry> entries = new ArrayList<>();
    IndexDocuments.forEachLive(
        reader,
        IndexDocuments.ENTRY_FIELDS,
        (doc, fields) -> {
          if (IndexDocuments.isEntry(fields)) {
            entryDocs.add(doc);
            entryOrdinals.add(IndexDocuments.ordinalOf(fields));
            entries.add(IndexDocuments.entryOf(fields));
          }
        });
    // Restore the corpus order the entries were written in.
    Integer[] order = new Integer[entries.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(entryOrdinals.get(a), entryOrdinals.get(b)));
    List<FaqEntry> sorted = new ArrayList<>();
    Map<String, Integer> ordinalById = new HashMap<>();
    for (int i = 0; i < order.length; i++) {
      FaqEntry entry = entries.get(order[i]);
      sorted.add(entry);
      ordinalById.put(entry.id(), i);
      ordinalByDoc[entryDocs.get(order[i])] = i;
    }
    // The index holds what was built; it was checked then, so nothing is left out now.
    corpus = Corpus.of(sorted, List.of(), true);
    vectors =
        withVectors
            ? readVectors(reader, ordinalById, corpus.size())
            : VectorMatrix.none(corpus.size());
    suggester = new Suggester(corpus.entries());
    // The suggester lives as long as its point in time: free it once the reader's last user has
    // released it.
    reader.getReaderCacheHelper().addClosedListener(key -> suggester.close());
  }

  /** Every vector of an entry in the index, with its entry's position. */
  private static VectorMatrix readVectors(
      IndexReader reader, Map<String, Integer> ordinalById, int entries) throws IOException {
    List<float[]> vectors = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    IndexDocuments.forEachVector(
        reader,
        (fields, vector) -> {
          Integer owner = ordinalById.get(fields.get(Fields.VECTOR_OWNER));
          if (owner != null) {
            vectors.add(vector);
            owners.add(owner);
          }
        });
    return new VectorMatrix(
        vectors, owners.stream().mapToInt(Integer::intValue).toArray(), entries);
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
  private static final List<String> QUESTION_FIELDS =
      List.of(Fields.QUESTION, Fields.ALTERNATES, Fields.TAGS);

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
          for (int doc = postings.nextDoc();
              doc != DocIdSetIterator.NO_MORE_DOCS;
              doc = postings.nextDoc()) {
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
