package dev.portcullis.processor.catalogue;

import java.util.Collection;
import java.util.Optional;

/**
 * The "did you mean" of unknown scopes: the catalogue scope closest to a misspelt one by
 * edit distance, counting a swap of two neighbouring characters as one edit ({@code
 * orders:raed} is one edit from {@code orders:read}).
 */
final class ClosestScope {
  private ClosestScope() {}

  /**
   * The candidate nearest to {@code scope}, if it is near enough to be a typo: at most three
   * edits, and fewer than half the scope's length. Ties go to the alphabetically first.
   */
  static Optional<String> to(String scope, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(scope, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    boolean nearEnough = bestDistance <= 3 && bestDistance * 2 < scope.length();
    return nearEnough ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
