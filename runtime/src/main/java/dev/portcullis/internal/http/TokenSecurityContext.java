package dev.portcullis.internal.http;

import dev.portcullis.TokenPrincipal;
import jakarta.ws.rs.core.SecurityContext;

/** The SecurityContext of a request with a verified token; roles are the token's {@linkplain TokenPrincipal#roles roles}. */
final class TokenSecurityContext implements SecurityContext {
  private final TokenPrincipal principal;
  private final boolean secure;

  TokenSecurityContext(TokenPrincipal principal, boolean secure) {
    this.principal = principal;
    this.secure = secure;
  }

  @Override
  public TokenPrincipal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return role != null && principal.roles().contains(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
