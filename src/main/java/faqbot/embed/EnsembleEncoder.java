package faqbot.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Joins the vectors of several sentence models into one, so that an index stores one vector per
 * text and each model's cosine can still be read from its own slice.
 *
 * <p>Models trained differently err differently: bge-small is the better one where questions are
 * asked much as the FAQ words them, e5-small where short questions meet long answers; together they
 * beat either (docs/quality.md). A question's vectors are computed side by side on a pool of one
 * thread per core, so a question waits for the slower model rather than for the sum of the two, and
 * a busy server keeps exactly its cores busy with the models (with each question running its first
 * model on its own thread as well, two questions at once kept four threads on two cores, and
 * distinct questions ran about a tenth slower: docs/performance.md).
 */
public final class EnsembleEncoder implements SentenceEncoder {
  /**
   * The bundled models, in the order their slices appear: the first one also judges the spelling.
   */
  public static final List<SentenceModel> STANDARD_MODELS =
      List.of(SentenceModel.BGE_SMALL, SentenceModel.E5_SMALL);

  public static final String STANDARD_ID =
      id(STANDARD_MODELS.stream().map(SentenceModel::id).toList());
  public static final int STANDARD_DIMENSION =
      OnnxSentenceEncoder.DIMENSION * STANDARD_MODELS.size();

  private final List<SentenceEncoder> models;
  private final String id;
  private final int sliceDimension;
  private final float sliceScale;

  /**
   * Runs the models' shares of questions, one thread per core, in the order questions ask; null for
   * one model.
   */
  private final ExecutorService helpers;

  public EnsembleEncoder(List<? extends SentenceEncoder> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one model");
    }
    this.models = List.copyOf(models);
    this.id = id(this.models.stream().map(SentenceEncoder::modelId).toList());
    this.sliceDimension = this.models.get(0).dimension();
    for (SentenceEncoder m : this.models) {
      if (m.dimension() != sliceDimension || m.parts() != 1) {
        throw new IllegalArgumentException(
            "the models of an ensemble must give single vectors of one dimension, "
                + m.modelId()
                + " gives "
                + m.parts()
                + " of "
                + m.dimension()
                + " (expected 1 of "
                + sliceDimension
                + ")");
      }
    }
    this.sliceScale = (float) (1 / Math.sqrt(this.models.size()));
    this.helpers =
        this.models.size() == 1
            ? null
            : Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                runnable -> {
                  Thread thread = new Thread(runnable, "faqbot-sentence-model");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /**
   * Loads the bundled models side by side: the first on the calling thread, each other one on a
   * thread of its own (the common pool has a single thread on a two-core machine, which would load
   * them one after the other).
   */
  public static EnsembleEncoder standard() {
    List<CompletableFuture<OnnxSentenceEncoder>> others = new ArrayList<>();
    for (SentenceModel model : STANDARD_MODELS.subList(1, STANDARD_MODELS.size())) {
      CompletableFuture<OnnxSentenceEncoder> loading = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  loading.complete(OnnxSentenceEncoder.load(model));
                } catch (RuntimeException | Error e) {
                  loading.completeExceptionally(e);
                }
              },
              "faqbot-model-loader-" + model.id());
      thread.setDaemon(true);
      thread.start();
      others.add(loading);
    }
    List<OnnxSentenceEncoder> loaded = new ArrayList<>();
    RuntimeException failure = null;
    try {
      loaded.add(OnnxSentenceEncoder.load(STANDARD_MODELS.get(0)));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (CompletableFuture<OnnxSentenceEncoder> f : others) {
      try {
        loaded.add(f.join());
      } catch (RuntimeException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException c ? c : e;
        failure = failure == null ? cause : failure;
      }
    }
    if (failure != null) {
      loaded.forEach(OnnxSentenceEncoder::close);
      throw failure;
    }
    return new EnsembleEncoder(loaded);
  }

  private static String id(List<String> ids) {
    return String.join("+", ids);
  }

  @Override
  public String modelId() {
    return id;
  }

  @Override
  public int dimension() {
    return sliceDimension * models.size();
  }

  @Override
  public int parts() {
    return models.size();
  }

  @Override
  public float[] embed(String text) {
    float[] joined = new float[dimension()];
    for (int m = 0; m < models.size(); m++) {
      put(joined, m, models.get(m).embed(text));
    }
    return joined;
  }

  @Override
  public float[] embedQuery(String text) {
    float[] joined = new float[dimension()];
    if (helpers == null) {
      put(joined, 0, models.get(0).embedQuery(text));
      return joined;
    }
    List<Future<float[]>> parts = new ArrayList<>();
    for (SentenceEncoder model : models) {
      parts.add(helpers.submit(() -> model.embedQuery(text)));
    }
    for (int m = 0; m < models.size(); m++) {
      put(joined, m, await(parts.get(m)));
    }
    return joined;
  }

  private static float[] await(Future<float[]> vector) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return vector.get();
        } catch (InterruptedException e) {
          // The other model's work is already queued; finish the question, then pass the interrupt
          // on.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void put(float[] joined, int slice, float[] vector) {
    for (int j = 0; j < sliceDimension; j++) {
      joined[slice * sliceDimension + j] = vector[j] * sliceScale;
    }
  }

  @Override
  public boolean knowsWord(String word) {
    return models.get(0).knowsWord(word);
  }

  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
    models.forEach(SentenceEncoder::close);
  }
}
