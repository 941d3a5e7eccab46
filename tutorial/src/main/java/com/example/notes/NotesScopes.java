package com.example.notes;

import dev.portcullis.ScopeCatalogue;
import dev.portcullis.ScopeDescription;

/** The scopes of the Notes API, each with what it allows. */
@ScopeCatalogue
public interface NotesScopes {
  @ScopeDescription("Read notes.")
  String READ = "notes:read";

  @ScopeDescription(value = "Write notes; also allows reading them.", implies = READ)
  String WRITE = "notes:write";
}
