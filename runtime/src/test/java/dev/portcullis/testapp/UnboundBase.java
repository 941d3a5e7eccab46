package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;

/** A superclass carrying the only Portcullis annotation of UnboundResource. */
@RequiresScope("secret")
public abstract class UnboundBase {}
