package dev.portcullis.internal.verification;

import dev.portcullis.PortcullisConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where in a token's claims a set of names (scopes or roles) is found: a claim, or a claim
 * nested in JSON objects, written as its names joined by {@code /}, as in {@code
 * realm_access/roles} or {@code resource_access/orders-api/roles}. A name that contains a
 * {@code /} is written in double quotes: {@code "https://example.com/roles"}. The value found
 * there is a space-delimited string (as {@code scope}) or an array of strings (as {@code
 * roles}); anything else rejects the token, because a claim meant to grant access that cannot
 * be read must not pass as granting nothing. A path that leads nowhere grants nothing.
 * Immutable and thread-safe.
 */
public final class ClaimPath {
  /** Where scopes are unless configured otherwise: {@code scope} and {@code scp}. */
  public static final List<ClaimPath> DEFAULT = List.of(parse("", "scope"), parse("", "scp"));

  private final String text;
  private final List<String> names;
  private final boolean arrayAllowed;

  private ClaimPath(String text, List<String> names) {
    this.text = text;
    this.names = List.copyOf(names);
    // RFC 8693 section 4.2 and RFC 9068 section 2.2.3: scope is a space-delimited string.
    this.arrayAllowed = !names.equals(List.of("scope"));
  }

  /**
   * The paths of a setting's value, such as {@code scope,scp,realm_access/roles}.
   *
   * @param setting how the setting is named in messages
   * @throws PortcullisConfigException naming the setting and the fix when a path is malformed
   */
  public static List<ClaimPath> parseAll(String setting, List<String> paths) {
    if (paths.isEmpty()) {
      throw new PortcullisConfigException(setting + " names no claim; name at least one, such as scope,scp.");
    }
    List<ClaimPath> parsed = new ArrayList<>();
    for (String path : paths) {
      parsed.add(parse(setting, path));
    }
    return List.copyOf(parsed);
  }

  /**
   * The paths in a setting's text: comma-separated, blanks around them ignored, commas inside
   * double quotes kept.
   */
  public static List<String> split(String text) {
    List<String> paths = new ArrayList<>();
    StringBuilder path = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        paths.add(path.toString().strip());
        path.setLength(0);
      } else {
        path.append(c);
      }
    }
    paths.add(path.toString().strip());
    paths.removeIf(String::isEmpty);
    return paths;
  }

  static ClaimPath parse(String setting, String text) {
    List<String> names = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        if (!quoted && (name.length() > 0 || wasQuoted)) {
          throw malformed(setting, text, "a quote may only open a whole claim name");
        }
        quoted = !quoted;
        wasQuoted = true;
      } else if (c == '/' && !quoted) {
        names.add(name(setting, text, name, wasQuoted));
        name.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !quoted) {
        throw malformed(setting, text, "a quoted claim name must be followed by / or the end");
      } else {
        name.append(c);
      }
    }
    if (quoted) {
      throw malformed(setting, text, "a quote is not closed");
    }
    names.add(name(setting, text, name, wasQuoted));
    return new ClaimPath(text, names);
  }

  private static String name(String setting, String text, StringBuilder name, boolean quoted) {
    String value = quoted ? name.toString() : name.toString().strip();
    if (value.isEmpty()) {
      throw malformed(setting, text, "it has an empty claim name");
    }
    return value;
  }

  private static PortcullisConfigException malformed(String setting, String text, String why) {
    return new PortcullisConfigException(setting + " names the claim path \"" + text + "\", which is malformed: "
        + why + ". Join nested claim names with /, as in realm_access/roles, and put a name that contains a /"
        + " in double quotes.");
  }

  /**
   * Adds the names found at this path in {@code claims} to {@code into}.
   *
   * @throws TokenRejectedException when the value there is neither a string nor an array of
   *     strings, or an object on the way is not an object
   */
  void addTo(Map<String, Object> claims, Set<String> into) throws TokenRejectedException {
    Object value = claims;
    for (String name : names) {
      if (!(value instanceof Map)) {
        if (value == null) {
          return;
        }
        throw new TokenRejectedException("The token's " + text + " claim is malformed.");
      }
      value = ((Map<?, ?>) value).get(name);
    }
    if (value == null) {
      return;
    }
    if (value instanceof String) {
      String names = (String) value;
      int start = 0;
      while (start <= names.length()) { // split at single spaces, skipping empty parts
        int end = names.indexOf(' ', start);
        if (end < 0) {
          end = names.length();
        }
        if (end > start) {
          into.add(names.substring(start, end));
        }
        start = end + 1;
      }
      return;
    }
    if (arrayAllowed && value instanceof List) {
      for (Object one : (List<?>) value) {
        if (!(one instanceof String)) {
          throw new TokenRejectedException("The token's " + text + " claim is malformed.");
        }
        into.add((String) one);
      }
      return;
    }
    throw new TokenRejectedException("The token's " + text + " claim is malformed.");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimPath other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
