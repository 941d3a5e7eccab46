package dev.portcullis.sample;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param item what to order
 * @param quantity how many, at least 1
 */
public record NewOrder(String item, int quantity) {}
