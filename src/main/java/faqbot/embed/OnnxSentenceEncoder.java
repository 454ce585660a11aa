package faqbot.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import faqbot.text.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one quantized sentence model in process with ONNX Runtime: no service, no network.
 *
 * <p>The model and its tokenizer ship inside a Maven Central jar. Each call runs on the calling
 * thread only (one intra-op thread by default), because a server answers many questions at once and
 * gains more from running them side by side than from splitting each across cores.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {
  static final int DIMENSION = 384;

  /**
   * How long closing waits for the calls in flight: a call takes milliseconds, a long passage under
   * a second.
   */
  static final long CLOSE_WAIT_SECONDS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
  private static final int MAX_TOKENS = 512;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final SentenceModel model;

  /**
   * Held shared by every call into the native runtime and exclusively by {@link #close}: freeing a
   * session or a tokenizer while a call is inside it crashes the whole process, so closing waits
   * for the calls in flight.
   */
  private final ReadWriteLock inUse = new ReentrantReadWriteLock();

  private boolean closed;

  /** Loads a model with one ONNX Runtime thread per call. */
  public static OnnxSentenceEncoder load(SentenceModel model) {
    return load(model, 1);
  }

  public static OnnxSentenceEncoder load(SentenceModel model, int threadsPerCall) {
    return load(model, threadsPerCall, UnpackedFiles.standard());
  }

  /**
   * Loads a model, reading its weights from the given cache of unpacked files when there is one.
   */
  static OnnxSentenceEncoder load(
      SentenceModel model, int threadsPerCall, Optional<UnpackedFiles> unpacked) {
    if (threadsPerCall < 1 || threadsPerCall > 64) {
      throw new IllegalArgumentException("threads per call must be 1 to 64, got " + threadsPerCall);
    }
    // Keep the tokenizer library from ever trying to download anything.
    System.setProperty("ai.djl.offline", "true");
    prepareNativeLibraries(unpacked);
    try {
      return new OnnxSentenceEncoder(model, threadsPerCall, unpacked);
    } catch (OrtException | IOException | RuntimeException e) {
      throw new ModelLoadException(
          "cannot load the sentence model " + model.id() + ": " + Causes.rootMessage(e), e);
    } catch (LinkageError e) {
      throw new ModelLoadException(
          "cannot load the sentence model "
              + model.id()
              + ": a native library did not "
              + "load ("
              + Causes.rootMessage(e)
              + ")",
          e);
    }
  }

  /**
   * The runtime's environment, loading its native library the first time. The JVM gives the cause
   * of a class that failed to initialize only to the first caller (later ones get "Could not
   * initialize class"), and the two models load side by side, so the first attempt is made under a
   * lock and its cause kept for every later one.
   */
  private static synchronized OrtEnvironment runtime() {
    if (runtimeFailure == null) {
      try {
        return OrtEnvironment.getEnvironment();
      } catch (LinkageError e) {
        runtimeFailure =
            Causes.rootMessage(e)
                + (Causes.root(e) instanceof FileSystemException
                    ? "; the native libraries need a folder to be unpacked into: set "
                        + UnpackedFiles.FOLDER_VARIABLE
                        + " to one faqbot can write"
                    : "");
      }
    }
    throw new IllegalStateException("the native runtime did not load (" + runtimeFailure + ")");
  }

  private static String runtimeFailure;

  private OnnxSentenceEncoder(SentenceModel model, int threads, Optional<UnpackedFiles> unpacked)
      throws OrtException, IOException {
    this.model = model;
    environment = runtime();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = openSession(model, options, unpacked);
    }
    Map<String, String> tokenizerOptions = new HashMap<>();
    tokenizerOptions.put("truncation", "true");
    tokenizerOptions.put("maxLength", Integer.toString(MAX_TOKENS));
    tokenizerOptions.put("padding", "false");
    try (InputStream in = resource(model.tokenizerResource())) {
      tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
    }
    releaseTemporaryFolder();
    wantsTokenTypes = session.getInputNames().contains("token_type_ids");
  }

  /**
   * Once per process, before either native library first loads (both model loaders call this):
   * where the runtime's and the tokenizer's libraries are unpacked. That is faqbot's cache, or,
   * with no cache, a private temporary folder made for this process and deleted as soon as both
   * libraries are loaded ({@link #releaseTemporaryFolder}). Left to themselves, the runtime would
   * unpack into a new temporary folder of its own that a killed process leaves behind (22 MB each
   * time), and the tokenizer into a folder in the home directory.
   */
  private static synchronized void prepareNativeLibraries(Optional<UnpackedFiles> unpacked) {
    if (!nativeLibrariesPrepared) {
      nativeLibrariesPrepared = true;
      Optional<UnpackedFiles> libraries = unpacked;
      if (libraries.isEmpty()) {
        temporaryFolder = temporaryFolder();
        libraries = temporaryFolder.flatMap(UnpackedFiles::at);
      }
      tokenizerFolder(
              System.getenv(TOKENIZER_FOLDER), System.getProperty(TOKENIZER_FOLDER), libraries)
          .ifPresent(folder -> System.setProperty(TOKENIZER_FOLDER, folder.toString()));
      libraries.ifPresent(UnpackedFiles::useForRuntime);
    }
  }

  private static final String TOKENIZER_FOLDER = "DJL_CACHE_DIR";
  private static boolean nativeLibrariesPrepared;
  private static Optional<Path> temporaryFolder = Optional.empty();

  /**
   * The folder to give the tokenizer, or none to leave its setting alone. The tokenizer library
   * unpacks its native part into a cache folder, and later loads whatever file it finds there
   * without checking it. So it gets a folder inside faqbot's cache or the private temporary folder:
   * never a predictable path in a shared folder, which another user could fill first. An operator's
   * own DJL_CACHE_DIR wins.
   */
  static Optional<Path> tokenizerFolder(
      String fromEnvironment, String fromProperty, Optional<UnpackedFiles> libraries) {
    if (fromEnvironment != null || fromProperty != null) {
      return Optional.empty();
    }
    return libraries.flatMap(files -> files.subfolder("djl"));
  }

  /**
   * A new folder only this user can read, deleted at exit if it is still there; none if none can be
   * made.
   */
  static Optional<Path> temporaryFolder() {
    try {
      Path own = Files.createTempDirectory("faqbot-native-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(own), "faqbot-native-cleanup"));
      return Optional.of(own);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes the private temporary folder once a tokenizer exists: by then this process has loaded
   * both native libraries (the runtime's with the environment, the tokenizer's with the first
   * tokenizer; each loads once per process) and needs no file in it. Deleted now, it is not left
   * behind by a process that is killed, or that exits on running out of heap, neither of which runs
   * exit hooks.
   */
  private static synchronized void releaseTemporaryFolder() {
    temporaryFolder.ifPresent(OnnxSentenceEncoder::deleteQuietly);
    temporaryFolder = Optional.empty();
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // A temporary folder: the system cleans it up in the end.
    }
  }

  /**
   * The model's session from its unpacked file when there is one (no 34 MB through the heap), else
   * from the jar.
   */
  private OrtSession openSession(
      SentenceModel model, OrtSession.SessionOptions options, Optional<UnpackedFiles> unpacked)
      throws OrtException, IOException {
    Optional<Path> file = unpacked.flatMap(files -> files.file(model.modelResource()));
    if (file.isPresent()) {
      try {
        return environment.createSession(file.get().toString(), options);
      } catch (OrtException e) {
        // A damaged copy (the jar's own file is checked by its checksum as it is read): use the jar
        // this time.
        unpacked.get().discard(file.get());
      }
    }
    return environment.createSession(bytes(model.modelResource()), options);
  }

  /**
   * Reads a class-path resource into an array of exactly its size: a model file is tens of
   * megabytes, and reading it into a growing array (copying it as it grows) needs several times
   * that, which two models loading side by side on a small heap cannot spare. The array is garbage
   * once the session, which keeps its own copy of the weights, is made.
   */
  private static byte[] bytes(String name) throws IOException {
    URL url = OnnxSentenceEncoder.class.getResource(name);
    if (url == null) {
      throw new IOException(name + " is not on the class path");
    }
    URLConnection connection = url.openConnection();
    long length = connection.getContentLengthLong();
    try (InputStream in = connection.getInputStream()) {
      if (length < 0 || length > Integer.MAX_VALUE - 8) {
        return in.readAllBytes();
      }
      byte[] bytes = new byte[(int) length];
      int read = in.readNBytes(bytes, 0, bytes.length);
      if (read != bytes.length) {
        throw new IOException(name + " ended after " + read + " of its " + length + " bytes");
      }
      return bytes;
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException(name + " is not on the class path"));
    }
    return in;
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public boolean knowsWord(String word) {
    enter();
    try {
      // A word of the vocabulary comes out as one token; any other is cut into word pieces ("opt",
      // "##im", "##zer").
      return tokenizer.encode(word, false, false).getTokens().length == 1;
    } finally {
      inUse.readLock().unlock();
    }
  }

  @Override
  public float[] embed(String text) {
    return run(model.passagePrefix() + text);
  }

  @Override
  public float[] embedQuery(String text) {
    return run(model.queryPrefix() + text);
  }

  /** Takes a share of the runtime for one call, or refuses when the model is closed. */
  private void enter() {
    inUse.readLock().lock();
    if (closed) {
      inUse.readLock().unlock();
      throw new IllegalStateException("the sentence model " + model.id() + " is closed");
    }
  }

  private float[] run(String text) {
    enter();
    try {
      return inference(text);
    } finally {
      inUse.readLock().unlock();
    }
  }

  private float[] inference(String text) {
    Encoding encoding = tokenizer.encode(text.isBlank() ? " " : text);
    long[][] ids = {encoding.getIds()};
    long[][] mask = {encoding.getAttentionMask()};
    long[][] types = {encoding.getTypeIds()};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
      if (wantsTokenTypes) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
        // bge is trained to put the sentence's meaning in the first ([CLS]) token, e5 in the mean
        // of all of them.
        return Vectors.normalize(model.meanPooling() ? mean(tokens, mask[0]) : tokens[0].clone());
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "the sentence model failed on a text of " + text.length() + " characters", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] mean(float[][] tokens, long[] mask) {
    float[] sum = new float[tokens[0].length];
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] != 0) {
        for (int j = 0; j < sum.length; j++) {
          sum[j] += tokens[t][j];
        }
      }
    }
    return sum;
  }

  /**
   * Frees the model once the calls in flight have finished (later calls are refused). A call that
   * has not finished within {@value #CLOSE_WAIT_SECONDS} s is stuck; the model is then left for the
   * operating system to free when the process ends, rather than torn down under it.
   */
  @Override
  public void close() {
    boolean locked = false;
    try {
      locked = inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!locked) {
      LOG.warn(
          "the sentence model {} is still busy after {} s; leaving it open",
          model.id(),
          CLOSE_WAIT_SECONDS);
      return;
    }
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        session.close();
      } catch (OrtException e) {
        // Closing at shutdown: nothing useful to do with the failure.
      }
      tokenizer.close();
    } finally {
      inUse.writeLock().unlock();
    }
  }
}
