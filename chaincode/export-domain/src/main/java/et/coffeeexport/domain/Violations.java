package et.coffeeexport.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with an input, so that a caller learns every problem at once. */
final class Violations {
  private final List<String> found = new ArrayList<>();

  void check(boolean ok, String violation) {
    if (!ok) {
      found.add(violation);
    }
  }

  List<String> list() {
    return List.copyOf(found);
  }
}
