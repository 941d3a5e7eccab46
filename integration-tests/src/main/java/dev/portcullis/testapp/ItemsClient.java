package dev.portcullis.testapp;

import dev.portcullis.OAuthClient;

/** The generated client of the items API, from the same interface {@link ItemsResource} implements. */
@OAuthClient(name = "items", scopes = "items:read")
public interface ItemsClient extends ItemsApi {}
