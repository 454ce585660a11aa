package faqbot.answer;

import faqbot.index.IndexView;
import java.util.function.Function;

/**
 * A value computed from an index's point in time, once per version of the index: a rebuild gets a
 * new one.
 */
final class PerIndex<T> {
  private record Versioned<T>(long version, T value) {}

  private final Function<IndexView, T> compute;
  private volatile Versioned<T> current;

  PerIndex(Function<IndexView, T> compute) {
    this.compute = compute;
  }

  /** The value for the view's version, computed now when it is the first asked for it. */
  T of(IndexView view) {
    Versioned<T> known = current;
    if (known == null || known.version() != view.version()) {
      known = new Versioned<>(view.version(), compute.apply(view));
      current = known;
    }
    return known.value();
  }
}
