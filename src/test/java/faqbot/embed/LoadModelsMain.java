package faqbot.embed;

/**
 * Loads the bundled models, embeds one question, prints the vector's length and norm, and waits to
 * be killed: the child process of {@link OnnxSentenceEncoderIT}'s test of what a killed server
 * leaves behind.
 */
public final class LoadModelsMain {
  private LoadModelsMain() {}

  public static void main(String[] args) throws InterruptedException {
    try (EnsembleEncoder encoder = EnsembleEncoder.standard()) {
      float[] vector = encoder.embedQuery("What is inner alignment?");
      double norm = Math.sqrt(Vectors.dot(vector, vector));
      System.out.printf("embedded %d %.3f%n", vector.length, norm);
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
