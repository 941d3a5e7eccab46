package dev.portcullis.testapp;

import dev.portcullis.OAuthClient;

/** The generated client of {@link CallerApi}, which {@link OnBehalfResource} calls for its caller. */
@OAuthClient(name = "caller")
public interface CallerClient extends CallerApi {}
