package dev.portcullis.compare.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Portcullis sample's Orders API as a Spring Boot resource server, for the comparison in
 * BENCHMARKS.md. The issuer and audience come from {@code application.properties} (settings
 * {@code ISSUER} and {@code PORT}); {@link SecurityConfig} holds the scope rules.
 */
@SpringBootApplication
public class OrdersApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }
}
