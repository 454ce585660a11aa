package faqbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a user's text into a keyword query over the entry fields, weighted by how much each field
 * says about what an entry answers. The text is analyzed, never parsed, so no character in it is
 * query syntax.
 */
final class QueryBuilder {
  /**
   * Field weights: the question and its phrasings say most, then the answer, then the editors'
   * notes.
   */
  static final List<FieldWeight> WEIGHTS =
      List.of(
          new FieldWeight(Fields.QUESTION, 2.0f),
          new FieldWeight(Fields.ALTERNATES, 1.5f),
          new FieldWeight(Fields.TAGS, 0.5f),
          new FieldWeight(Fields.BODY, 1.0f),
          new FieldWeight(Fields.EDITORS, 0.2f));

  record FieldWeight(String field, float weight) {}

  private final Analyzer analyzer;

  QueryBuilder(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query forText(String text) {
    List<String> terms = terms(text);
    if (terms.isEmpty()) {
      return new MatchNoDocsQuery("no searchable words");
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (FieldWeight fw : WEIGHTS) {
      BooleanQuery.Builder field = new BooleanQuery.Builder();
      for (String term : terms) {
        field.add(new TermQuery(new Term(fw.field(), term)), BooleanClause.Occur.SHOULD);
      }
      all.add(new BoostQuery(field.build(), fw.weight()), BooleanClause.Occur.SHOULD);
    }
    return all.build();
  }

  List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        // Cap the work one message can ask for; a question never needs more words than this.
        if (terms.size() >= 64) {
          break;
        }
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
