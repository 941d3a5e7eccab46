package dev.portcullis.compare.spring;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sample's rules in Spring Security: {@code GET /health} public, {@code /api/me} any valid
 * token, and the Orders routes by scope. Spring turns each scope of the token into an authority
 * {@code SCOPE_<scope>}. The sample's catalogue says {@code orders:admin} implies
 * {@code orders:write}, which implies {@code orders:read}; here that is written out as the
 * authorities each route accepts. Anything else is denied.
 */
@Configuration
public class SecurityConfig {
  private static final String READ = "SCOPE_orders:read";
  private static final String WRITE = "SCOPE_orders:write";
  private static final String ADMIN = "SCOPE_orders:admin";

  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(GET, "/health").permitAll()
            .requestMatchers(GET, "/api/me").authenticated()
            .requestMatchers(GET, "/api/orders", "/api/orders/*").hasAnyAuthority(READ, WRITE, ADMIN)
            .requestMatchers(POST, "/api/orders").hasAnyAuthority(WRITE, ADMIN)
            .requestMatchers(DELETE, "/api/orders/*").hasAuthority(ADMIN)
            .anyRequest().denyAll())
        // Bearer tokens only: no session, no cookie, hence no CSRF token to check.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
    return http.build();
  }
}
