package dev.portcullis;

import java.util.List;
import java.util.Map;

/** One HTTP answer as the tests see it. */
record Answer(int status, Map<String, List<String>> headers, String body) {
  String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return String.join(",", e.getValue());
      }
    }
    return null;
  }

  String challenge() {
    return header("WWW-Authenticate");
  }
}
