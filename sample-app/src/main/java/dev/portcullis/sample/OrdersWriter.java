package dev.portcullis.sample;

import dev.portcullis.OAuthClient;

/** A generated client that reads and creates orders, but cannot delete them. */
@OAuthClient(name = "orders-writer", scopes = {"orders:read", "orders:write"})
public interface OrdersWriter extends OrdersReadApi, OrdersWriteApi {}
