package dev.portcullis.benchmarks.client;

import dev.portcullis.OAuthClient;

/**
 * The generated client of the benchmark: the Portcullis processor writes {@code
 * OrdersClient_OAuthStub} for it when the benchmarks module is compiled.
 */
@OAuthClient(name = "benchmark-orders", scopes = "orders:read")
public interface OrdersClient extends OrdersApi {}
