package faqbot.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.corpus.FaqEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The index's two kinds of document, one per entry and one per sentence vector: how each is written
 * and read.
 */
final class IndexDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What an entry document is read back for: the entry itself and its place in the corpus. */
  static final Set<String> ENTRY_FIELDS = Set.of(Fields.KIND, Fields.ORDINAL, Fields.ENTRY_JSON);

  private static final Set<String> VECTOR_FIELDS =
      Set.of(Fields.KIND, Fields.VECTOR_OWNER, Fields.VECTOR_KEY, Fields.VECTOR);

  private IndexDocuments() {}

  /** Sees a live document: its id in the whole index and the stored fields asked for. */
  @FunctionalInterface
  interface DocumentVisitor {
    void visit(int doc, Document fields) throws IOException;
  }

  /** Sees a live vector document: its stored fields and its vector. */
  @FunctionalInterface
  interface VectorVisitor {
    void visit(Document fields, float[] vector) throws IOException;
  }

  /** An entry's document: its searchable text, field by field, and the whole entry as JSON. */
  static Document entry(FaqEntry entry, int ordinal) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_ENTRY, Field.Store.YES));
    doc.add(new StringField(Fields.ID, entry.id(), Field.Store.YES));
    doc.add(new StoredField(Fields.ORDINAL, ordinal));
    doc.add(new TextField(Fields.QUESTION, entry.question(), Field.Store.NO));
    for (String alternate : entry.alternates()) {
      doc.add(new TextField(Fields.ALTERNATES, alternate, Field.Store.NO));
    }
    doc.add(new TextField(Fields.TAGS, String.join(", ", entry.tags()), Field.Store.NO));
    doc.add(new TextField(Fields.BODY, entry.plainText(), Field.Store.NO));
    doc.add(new TextField(Fields.EDITORS, entry.editorsText(), Field.Store.NO));
    doc.add(new StoredField(Fields.ENTRY_JSON, JSON.writeValueAsBytes(entry)));
    return doc;
  }

  /**
   * A vector's document: the vector, the entry it belongs to, its role there and its cache key. The
   * vector is only stored, as bytes: searches score every vector in memory ({@link VectorMatrix}),
   * so a vector field's nearest-neighbour graph would cost every build time and space and never be
   * searched.
   */
  static Document vector(VectorText text, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(Fields.KIND, Fields.KIND_VECTOR, Field.Store.YES));
    doc.add(new StringField(Fields.VECTOR_OWNER, text.owner(), Field.Store.YES));
    doc.add(new StoredField(Fields.VECTOR_ROLE, text.role()));
    doc.add(new StoredField(Fields.VECTOR_KEY, text.key()));
    doc.add(new StoredField(Fields.VECTOR, bytes(vector)));
    return doc;
  }

  static boolean isEntry(Document fields) {
    return Fields.KIND_ENTRY.equals(fields.get(Fields.KIND));
  }

  /** The entry an entry document holds; read with {@link #ENTRY_FIELDS}. */
  static FaqEntry entryOf(Document fields) throws IOException {
    BytesRef json = fields.getBinaryValue(Fields.ENTRY_JSON);
    return JSON.readValue(json.bytes, json.offset, json.length, FaqEntry.class);
  }

  /**
   * The position in the corpus of the entry an entry document holds; read with {@link
   * #ENTRY_FIELDS}.
   */
  static int ordinalOf(Document fields) {
    return fields.getField(Fields.ORDINAL).numericValue().intValue();
  }

  /** Calls {@code visitor} with the stored fields named of every live document, in index order. */
  static void forEachLive(IndexReader reader, Set<String> fields, DocumentVisitor visitor)
      throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          visitor.visit(leaf.docBase + doc, stored.document(doc, fields));
        }
      }
    }
  }

  /**
   * Calls {@code visitor} with the stored fields (owner, key) and the vector of every live vector
   * document.
   */
  static void forEachVector(IndexReader reader, VectorVisitor visitor) throws IOException {
    forEachLive(
        reader,
        VECTOR_FIELDS,
        (doc, fields) -> {
          BytesRef stored = fields.getBinaryValue(Fields.VECTOR);
          if (Fields.KIND_VECTOR.equals(fields.get(Fields.KIND)) && stored != null) {
            visitor.visit(fields, floats(stored));
          }
        });
  }

  /** A vector as bytes: each value as four bytes, little-endian, in order. */
  static byte[] bytes(float[] vector) {
    ByteBuffer buffer =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  /** The vector that {@link #bytes} wrote. */
  static float[] floats(BytesRef bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "a stored vector of " + bytes.length + " bytes, not a whole number of floats");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(vector);
    return vector;
  }
}
