package faqbot.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Puts each question the editors see into a group of questions that mean the same, once, when it is
 * first seen, and keeps what it decided.
 *
 * <p>A group's first question leads it; a new question joins the leader whose sentence vector is
 * closest to its own, if at least {@code sameMeaning} (cosine), or else leads a group of its own.
 * Deciding once keeps a group steady from one page load to the next, and makes a page load cost
 * only the questions that are new since the last: comparing every question with every other one at
 * each load would take minutes on a year of questions. Each question's group and vector are kept in
 * a Lucene index (a folder beside a journal file), so a restart embeds nothing again; the index is
 * only a cache: deleted, it is rebuilt from the journal. (A server whose journal is not a file
 * keeps them in memory, and groups again after a restart.)
 */
public final class QuestionGroups implements AutoCloseable {
  private static final String KEY = "key";
  private static final String GROUP = "group";
  private static final String VECTOR = "vector";
  private static final String MODEL = "model";
  private static final String LEADS = "leads";

  private final IndexWriter writer;
  private final String model;
  private final Function<String, float[]> meaning;
  private final double sameMeaning;

  /** Read without the lock: a page load finds the questions grouped before without waiting. */
  private final Map<String, Integer> groupOf = new ConcurrentHashMap<>();

  /** Held while new questions are placed (and saved), and to close. */
  private final ReentrantLock placing = new ReentrantLock();

  private final List<String> leaderKeys = new ArrayList<>();
  private float[] leaders = new float[0];
  private int dimension = -1;
  private int unsaved;
  private boolean closed;

  private QuestionGroups(
      IndexWriter writer, String model, Function<String, float[]> meaning, double sameMeaning) {
    this.writer = writer;
    this.model = model;
    this.meaning = meaning;
    this.sameMeaning = sameMeaning;
  }

  /**
   * Opens (or creates) the groups kept in a folder.
   *
   * @param model the sentence model's name (groups made with another model are made again), or null
   *     without one: then only questions with the same {@link Ledger#key} are grouped
   * @param meaning a question's unit-length sentence vector (null without the model)
   */
  public static QuestionGroups open(
      Path folder, String model, Function<String, float[]> meaning, double sameMeaning)
      throws IOException {
    return open(FSDirectory.open(folder), model, meaning, sameMeaning);
  }

  /** Groups kept in memory only, for a server without a journal on disk. */
  public static QuestionGroups inMemory(
      String model, Function<String, float[]> meaning, double sameMeaning) {
    try {
      return open(new ByteBuffersDirectory(), model, meaning, sameMeaning);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens (or creates) the groups kept in a Lucene directory, which is closed with them. */
  static QuestionGroups open(
      Directory dir, String model, Function<String, float[]> meaning, double sameMeaning)
      throws IOException {
    IndexWriter writer;
    try {
      writer =
          new IndexWriter(
              dir,
              new IndexWriterConfig(new StandardAnalyzer())
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    QuestionGroups groups = new QuestionGroups(writer, model, meaning, sameMeaning);
    try {
      groups.load();
    } catch (IOException | RuntimeException e) {
      groups.close();
      throw e;
    }
    return groups;
  }

  private void load() throws IOException {
    String kept = writer.getLiveCommitData() == null ? null : commitModel();
    if (!Objects.equals(kept, madeWith())) {
      writer.deleteAll();
      return;
    }
    Map<Integer, String> leaderKey = new HashMap<>();
    Map<Integer, float[]> leaderVector = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document d = fields.document(doc);
          String key = d.get(KEY);
          int group = d.getField(GROUP).numericValue().intValue();
          groupOf.put(key, group);
          if (d.getField(LEADS) != null) {
            leaderKey.put(group, key);
            BytesRef vector = d.getBinaryValue(VECTOR);
            leaderVector.put(group, vector == null ? null : floats(vector));
          }
        }
      }
    }
    // Group numbers are the leaders' places: read back in order, they stay what they were.
    for (int g = 0; g < leaderKey.size(); g++) {
      addLeader(leaderKey.getOrDefault(g, ""), leaderVector.get(g));
    }
  }

  /** What the groups were made with: the model and the bar (groups made otherwise are remade). */
  private String madeWith() {
    return (model == null ? "" : model) + " at " + sameMeaning;
  }

  private String commitModel() {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (MODEL.equals(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The group of each question (by its text as asked), putting the ones seen for the first time
   * into a group now.
   */
  public Map<String, Integer> groupsOf(List<String> questions) throws IOException {
    return groupsOf(questions, Long.MAX_VALUE);
  }

  /**
   * The group of each question (by its text as asked), putting the ones seen for the first time
   * into a group while time is left: a question never seen before costs its sentence vector and a
   * comparison with every group, and a year of them takes minutes. Those left out have no group
   * yet.
   *
   * @param budgetNanos how long to spend on new questions, in nanoseconds
   */
  public Map<String, Integer> groupsOf(List<String> questions, long budgetNanos)
      throws IOException {
    long start = System.nanoTime();
    Map<String, Integer> out = new HashMap<>();
    List<String> unseen = new ArrayList<>();
    for (String question : questions) {
      Integer group = groupOf.get(Ledger.key(question));
      if (group != null) {
        out.put(question, group);
      } else {
        unseen.add(question);
      }
    }
    if (unseen.isEmpty()) {
      return out;
    }
    try {
      if (!placing.tryLock(
          Math.max(0, budgetNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS)) {
        return out; // busy placing others: these wait for the next time
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return out;
    }
    try {
      if (closed) {
        throw new IOException("the question groups are closed");
      }
      for (String question : unseen) {
        if (System.nanoTime() - start >= budgetNanos) {
          break;
        }
        String key = Ledger.key(question);
        Integer group = groupOf.get(key);
        out.put(question, group != null ? group : place(key, question));
      }
      if (unsaved > 0) {
        save();
      }
    } finally {
      placing.unlock();
    }
    return out;
  }

  /** How many questions have a group. */
  public int size() {
    return groupOf.size();
  }

  private int place(String key, String question) throws IOException {
    float[] vector = meaning == null ? null : meaning.apply(question);
    int group = vector == null ? -1 : closestLeader(vector);
    boolean leads = group < 0;
    if (leads) {
      group = leaderKeys.size();
      addLeader(key, vector);
    }
    Document d = new Document();
    d.add(new StringField(KEY, key, Field.Store.YES));
    d.add(new StoredField(GROUP, group));
    if (leads) {
      d.add(new StoredField(LEADS, 1));
      if (vector != null) {
        d.add(new StoredField(VECTOR, bytes(vector)));
      }
    }
    writer.updateDocument(new Term(KEY, key), d);
    groupOf.put(key, group);
    unsaved++;
    return group;
  }

  private void addLeader(String key, float[] vector) {
    int g = leaderKeys.size();
    leaderKeys.add(key);
    if (vector == null) {
      return; // its place stays zeros, which mean nothing alike
    }
    if (dimension < 0) {
      dimension = vector.length;
    }
    if (vector.length != dimension) {
      return;
    }
    int end = (g + 1) * dimension;
    if (leaders.length < end) {
      leaders = Arrays.copyOf(leaders, Math.max(end, leaders.length * 2));
    }
    System.arraycopy(vector, 0, leaders, g * dimension, dimension);
  }

  /** The leader closest to a vector, if it means the same; -1 when none does. */
  private int closestLeader(float[] vector) {
    if (dimension < 0 || vector.length != dimension) {
      return -1;
    }
    int best = -1;
    double bestScore = sameMeaning;
    int n = Math.min(leaderKeys.size(), leaders.length / dimension);
    for (int g = 0; g < n; g++) {
      double score = dot(vector, leaders, g * dimension);
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }

  // Four sums side by side: the loop runs over every leader for each new question.
  private static double dot(float[] a, float[] b, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    int upper = a.length & ~3;
    for (; i < upper; i += 4) {
      s0 += a[i] * b[offset + i];
      s1 += a[i + 1] * b[offset + i + 1];
      s2 += a[i + 2] * b[offset + i + 2];
      s3 += a[i + 3] * b[offset + i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[offset + i];
    }
    return s0 + s1 + s2 + s3;
  }

  private void save() throws IOException {
    writer.setLiveCommitData(Map.of(MODEL, madeWith()).entrySet());
    writer.commit();
    unsaved = 0;
  }

  private static BytesRef bytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return new BytesRef(buffer.array());
  }

  private static float[] floats(BytesRef bytes) {
    float[] vector = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(vector);
    return vector;
  }

  @Override
  public void close() throws IOException {
    placing.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      Directory dir = writer.getDirectory();
      try {
        writer.close();
      } finally {
        dir.close();
      }
    } finally {
      placing.unlock();
    }
  }
}
