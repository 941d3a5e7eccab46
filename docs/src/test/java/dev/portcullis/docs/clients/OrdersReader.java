package dev.portcullis.docs.clients;

import dev.portcullis.OAuthClient;

// tag::client[]
@OAuthClient(name = "orders-reader", scopes = "orders:read")
public interface OrdersReader extends OrdersReadApi { }
// end::client[]
