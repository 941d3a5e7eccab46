package dev.portcullis.docs.annotations;

/** What a client sends to create an order. */
public record NewOrder(String item, int quantity) {}
