package dev.portcullis.sample;

import dev.portcullis.OAuthClient;

/**
 * A generated client that reads orders. It extends only {@link OrdersReadApi}: extending
 * {@link OrdersApi} with these scopes would fail the build, because {@code create} needs
 * {@code orders:write} and {@code delete} needs {@code orders:admin}.
 */
@OAuthClient(name = "orders-reader", scopes = "orders:read")
public interface OrdersReader extends OrdersReadApi {}
