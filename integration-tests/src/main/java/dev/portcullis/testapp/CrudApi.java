package dev.portcullis.testapp;

import dev.portcullis.RequiresScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;

/** A generic API interface: its erased method is create(Object), the class's create(String). */
public interface CrudApi<T> {
  @POST
  @Consumes("text/plain")
  @RequiresScope("notes:write")
  String create(T body);
}
