package com.example.notes;

/** A note: what the API stores and returns, as JSON {"id": "1", "text": "..."}. */
public record Note(String id, String text) {}
