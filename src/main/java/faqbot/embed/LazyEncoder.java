package faqbot.embed;

import java.util.function.Supplier;

/**
 * A sentence encoder that loads its model only when first asked to embed: re-indexing an unchanged
 * corpus takes every vector from the old index and never needs the model (about a second saved per
 * run).
 */
public final class LazyEncoder implements SentenceEncoder {
  private final String modelId;
  private final int dimension;
  private final int parts;
  private final Supplier<SentenceEncoder> loader;
  private volatile SentenceEncoder loaded;
  private volatile boolean closed;

  public LazyEncoder(String modelId, int dimension, int parts, Supplier<SentenceEncoder> loader) {
    this.modelId = modelId;
    this.dimension = dimension;
    this.parts = parts;
    this.loader = loader;
  }

  /** The bundled models ({@link EnsembleEncoder#standard()}), loaded on first use. */
  public static LazyEncoder standard() {
    return new LazyEncoder(
        EnsembleEncoder.STANDARD_ID,
        EnsembleEncoder.STANDARD_DIMENSION,
        EnsembleEncoder.STANDARD_MODELS.size(),
        EnsembleEncoder::standard);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    return model().embed(text);
  }

  @Override
  public float[] embedQuery(String text) {
    return model().embedQuery(text);
  }

  @Override
  public int parts() {
    return parts;
  }

  @Override
  public boolean knowsWord(String word) {
    return model().knowsWord(word);
  }

  /**
   * Loads the model now, if it is not loaded yet (a server does this before taking its first
   * question).
   */
  public SentenceEncoder model() {
    SentenceEncoder model = loaded;
    if (model == null) {
      synchronized (this) {
        model = loaded;
        if (model == null) {
          if (closed) {
            throw new IllegalStateException("the sentence model is closed");
          }
          model = loader.get();
          if (!model.modelId().equals(modelId)
              || model.dimension() != dimension
              || model.parts() != parts) {
            model.close();
            throw new IllegalStateException(
                "the loaded model is " + model.modelId() + ", not " + modelId);
          }
          loaded = model;
        }
      }
    }
    return model;
  }

  /**
   * Starts loading the model on a background thread, so it loads while the caller does other work
   * (opening the index); a later {@link #embed} waits for it. A failure shows again, with its
   * cause, at the first use.
   */
  public void preload() {
    Thread thread =
        new Thread(
            () -> {
              try {
                model();
              } catch (RuntimeException e) {
                // Reported where the model is used.
              }
            },
            "faqbot-model-loader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the model has been loaded. */
  public boolean isLoaded() {
    return loaded != null;
  }

  /**
   * Closes the model; when it is still loading on the preload thread, waits for that first, so the
   * native runtime is never torn down in the middle of creating its session (which crashes the
   * process).
   */
  @Override
  public synchronized void close() {
    closed = true;
    SentenceEncoder model = loaded;
    if (model != null) {
      model.close();
      loaded = null;
    }
  }
}
