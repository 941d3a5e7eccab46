package dev.portcullis.sample;

/**
 * An order in the sample API.
 *
 * @param id the order's identifier, assigned by the server
 * @param item what was ordered
 * @param quantity how many
 */
public record Order(String id, String item, int quantity) {}
