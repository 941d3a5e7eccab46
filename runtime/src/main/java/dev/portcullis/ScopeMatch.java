package dev.portcullis;

/** How the scopes listed in {@link RequiresScope} are matched against a token's scopes. */
public enum ScopeMatch {
  /** The token must carry every listed scope. */
  ALL,
  /** The token must carry at least one of the listed scopes. */
  ANY
}
