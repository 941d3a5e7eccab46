package dev.portcullis.compare.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sample's {@code GET /health} (public) and {@code GET /api/me} (any valid token). */
@RestController
public class OtherController {

  @GetMapping("/health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @GetMapping("/api/me")
  public Map<String, Object> me(@AuthenticationPrincipal Jwt token) {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("sub", token.getSubject());
    me.put("client_id", token.getClaimAsString("client_id"));
    String scope = token.getClaimAsString("scope");
    me.put("scopes", new TreeSet<>(scope == null ? java.util.List.of() : java.util.List.of(scope.split(" "))));
    return me;
  }
}
