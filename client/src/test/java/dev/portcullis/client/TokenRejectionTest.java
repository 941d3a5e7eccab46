package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which API answers justify one new token and one replay. */
class TokenRejectionTest {
  @Test
  void unauthorizedWithInvalidTokenChallengeCallsForAReplay() {
    assertTrue(TokenRejection.isInvalidToken(401, List.of(
        "Bearer realm=\"orders\", error=\"invalid_token\", error_description=\"expired\"")));
  }

  @Test
  void invalidTokenInAnyOfSeveralChallengesCounts() {
    assertTrue(TokenRejection.isInvalidToken(401, List.of("Basic realm=\"x\"",
        "Bearer error=\"invalid_token\"")));
  }

  @Test
  void unauthorizedWithoutAnErrorCodeIsNotReplayed() {
    assertFalse(TokenRejection.isInvalidToken(401, List.of("Bearer realm=\"orders\"")));
  }

  @Test
  void insufficientUserAuthenticationIsNotReplayed() {
    assertFalse(TokenRejection.isInvalidToken(401, List.of(
        "Bearer error=\"insufficient_user_authentication\", acr_values=\"mfa\", max_age=300")));
  }

  @Test
  void insufficientScopeIsNotReplayed() {
    assertFalse(TokenRejection.isInvalidToken(403, List.of(
        "Bearer error=\"insufficient_scope\", scope=\"orders:write\"")));
    assertFalse(TokenRejection.isInvalidToken(401, List.of(
        "Bearer error=\"insufficient_scope\"")));
  }

  @Test
  void invalidTokenWithAnotherStatusIsNotReplayed() {
    assertFalse(TokenRejection.isInvalidToken(400, List.of("Bearer error=\"invalid_token\"")));
  }

  @Test
  void missingOrMalformedChallengesAreNotReplayed() {
    assertFalse(TokenRejection.isInvalidToken(401, null));
    assertFalse(TokenRejection.isInvalidToken(401, List.of()));
    assertFalse(TokenRejection.isInvalidToken(401, List.of("Bearer error=")));
    assertFalse(TokenRejection.isInvalidToken(401, List.of("Basic error=\"invalid_token\"")));
  }
}
