package dev.portcullis.benchmarks;

import java.util.List;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Security's {@link NimbusJwtDecoder} as a Spring Boot resource server builds it from
 * {@code jwk-set-uri}, {@code issuer-uri} and {@code audiences}: Spring's own JWKS source and
 * cache, the default validators with the issuer, and an audience validator. The JWKS
 * document is answered from memory instead of over the network.
 */
final class SpringDecoders {
  private SpringDecoders() {}

  static JwtDecoder forIssuer(TokenFixture fixture) {
    String jwks = fixture.publicKeySet().toString();
    RestTemplate inMemory = new RestTemplate() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> ResponseEntity<T> exchange(RequestEntity<?> request, Class<T> responseType) {
        return (ResponseEntity<T>) ResponseEntity.ok(jwks);
      }
    };
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TokenFixture.ISSUER + "/protocol/openid-connect/certs")
        .jwsAlgorithm(SignatureAlgorithm.from(fixture.algorithm().getName()))
        .restOperations(inMemory)
        .build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(TokenFixture.ISSUER),
        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(TokenFixture.AUDIENCE))));
    return decoder;
  }
}
