package dev.portcullis.testapp;

import dev.portcullis.Public;
import dev.portcullis.RequiresScope;
import dev.portcullis.RequiresToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Resource methods of every shape the generated filter must name for the runtime to find them
 * by reflection: primitive, array, nested-class and generic parameters, overloads with rules of
 * their own, a method inherited from a generic superclass, and a nested resource class.
 */
@Path("/kinds")
@RequiresToken
public class KindsResource extends KindsBase<String> {

  /** A nested class as a parameter type; its binary name is {@code KindsResource$Tag}. */
  public static final class Tag {
    private final String name;

    private Tag(String name) {
      this.name = name;
    }

    /** How JAX-RS reads a query parameter into a Tag. */
    public static Tag valueOf(String name) {
      return new Tag(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Reads {@code ?tags=a,b} into a {@code Tag[]}, which JAX-RS cannot do by itself. */
  @Provider
  public static final class TagsConverter implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
      if (rawType != Tag[].class) {
        return null;
      }
      return (ParamConverter<T>) new ParamConverter<Tag[]>() {
        @Override
        public Tag[] fromString(String value) {
          return Arrays.stream(value.split(",")).map(Tag::valueOf).toArray(Tag[]::new);
        }

        @Override
        public String toString(Tag[] value) {
          return String.join(",", Arrays.stream(value).map(Tag::toString).toList());
        }
      };
    }
  }

  /** A nested resource class; its filter is {@code KindsResource_Nested_PortcullisFilter}. */
  @Path("/kinds/nested")
  @RequiresScope(TestScopes.KINDS_READ)
  public static class Nested {
    @GET
    public String get() {
      return "nested";
    }
  }

  @GET
  @Path("search")
  @RequiresScope({TestScopes.KINDS_WRITE, TestScopes.AUDIT})
  public String search(@QueryParam("limit") int limit, @QueryParam("tag") Tag tag,
      @QueryParam("verbose") boolean verbose) {
    return "search " + limit + " " + tag + " " + verbose;
  }

  @POST
  @Path("bytes")
  @Consumes("application/octet-stream")
  public String bytes(byte[] body) {
    return body.length + " bytes";
  }

  @GET
  @Path("tags")
  public String tags(@QueryParam("tags") Tag[] tags, @QueryParam("more") List<Tag> more) {
    return Arrays.toString(tags) + " " + more;
  }

  @GET
  @Path("find/{id: [0-9]+}")
  @RequiresScope(TestScopes.KINDS_READ)
  public String find(@PathParam("id") long id) {
    return "id " + id;
  }

  @GET
  @Path("find/{name: [a-z]+}")
  @RequiresScope(TestScopes.AUDIT)
  public String find(@PathParam("name") String name) {
    return "name " + name;
  }

  @GET
  @Path("health")
  @Public
  public String health() {
    return "ok";
  }
}
