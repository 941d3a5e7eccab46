package dev.portcullis.processor.base;

import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports. Each is a full sentence that names the rule, the
 * element and the fix; tests format the same constants to check the exact text.
 *
 * <p>A value the sentence shows between double quotes ({@code "%s"}), such as a scope, is
 * escaped as in a Java string literal, so that a quote or backslash inside it cannot end the
 * quotation early and the text reads as the user would write it in source.
 */
public enum Message {
  SCOPE_EMPTY(
      Diagnostic.Kind.ERROR,
      "@RequiresScope on %s lists an empty scope \"\": an OAuth 2.0 scope (RFC 6749 section 3.3)"
          + " has at least one character. Write the scope name or remove the empty string."),
  SCOPE_CONTAINS_SPACE(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" on %s contains whitespace, which RFC 6749 section 3.3 uses to separate scopes."
          + " Write each scope as its own string, for example {\"orders:read\", \"orders:write\"}."),
  SCOPE_INVALID_CHARACTER(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" on %s contains %s, which is not allowed in an OAuth 2.0 scope: RFC 6749"
          + " section 3.3 allows only printable ASCII characters other than space, '\"' and '\\'."
          + " Use the scope name exactly as the authorization server issues it."),
  SCOPE_LOOKS_LIKE_A_LIST(
      Diagnostic.Kind.WARNING,
      "Scope \"%s\" on %s contains a comma. It is one valid scope, but if you meant several"
          + " scopes, write each as its own string, for example {\"orders:read\","
          + " \"orders:write\"}."),
  SCOPES_MISSING(
      Diagnostic.Kind.ERROR,
      "@RequiresScope on %s lists no scopes. List at least one scope, or use @RequiresToken to"
          + " accept any valid token."),
  SCOPE_DUPLICATE(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" is listed more than once in @RequiresScope on %s. Remove the repeated scope."),
  PUBLIC_AND_PROTECTED(
      Diagnostic.Kind.ERROR,
      "%s is annotated both @Public and @%s, but an endpoint cannot be public and protected."
          + " Keep only one of the two annotations."),
  TOKEN_AND_SCOPE(
      Diagnostic.Kind.ERROR,
      "%s is annotated both @RequiresToken and @RequiresScope, but @RequiresScope already"
          + " requires a valid token. Remove @RequiresToken."),
  ACR_EMPTY(
      Diagnostic.Kind.ERROR,
      "@%s on %s lists an empty acr value \"\": an authentication context class reference"
          + " (RFC 9470) has at least one character. Write the acr value or remove the empty"
          + " string."),
  ACR_INVALID_CHARACTER(
      Diagnostic.Kind.ERROR,
      "Acr value \"%s\" on %s contains %s, but acr values are sent space-separated in the"
          + " acr_values parameter of a WWW-Authenticate challenge (RFC 9470 section 3), which"
          + " allows only printable ASCII characters other than space, '\"' and '\\'. Write each"
          + " acr value as its own string, exactly as the authorization server issues it."),
  ACR_DUPLICATE(
      Diagnostic.Kind.ERROR,
      "Acr value \"%s\" is listed more than once in @%s on %s. Remove the repeated value."),
  MAX_AGE_NOT_POSITIVE(
      Diagnostic.Kind.ERROR,
      "@%s on %s has maxAge = %s, but maxAge is the number of seconds that may have passed since"
          + " the user authenticated and must be positive. Write a positive number of seconds,"
          + " for example maxAge = 300, or leave maxAge out for no limit."),
  TYPE_NOT_RESOURCE(
      Diagnostic.Kind.ERROR,
      "@%s on %s has no effect: it is not a JAX-RS resource class or API interface (it has no"
          + " @Path and no resource methods). Put the annotation on a resource class, an API"
          + " interface or their resource methods."),
  METHOD_NOT_RESOURCE_METHOD(
      Diagnostic.Kind.ERROR,
      "@%s on %s has no effect: the method is not a JAX-RS resource method (neither it nor a"
          + " method it overrides has an HTTP method annotation such as @GET). Add the HTTP"
          + " method annotation or remove @%s."),
  METHOD_IS_SUB_RESOURCE_LOCATOR(
      Diagnostic.Kind.ERROR,
      "@%s on %s is not supported: the method is a JAX-RS sub-resource locator (@Path without"
          + " an HTTP method annotation). Annotate the resource methods of the sub-resource"
          + " class instead."),
  METHOD_PRIVATE(
      Diagnostic.Kind.ERROR,
      "@%s on %s has no effect: the method is private and JAX-RS only calls public methods."
          + " Make the method public or remove @%s."),
  METHOD_STATIC(
      Diagnostic.Kind.ERROR,
      "@%s on %s has no effect: the method is static and JAX-RS resource methods are instance"
          + " methods. Make the method a public instance method or remove @%s."),
  METHOD_NOT_PUBLIC(
      Diagnostic.Kind.WARNING,
      "@%s on %s has no effect: the method is not public, so JAX-RS does not treat it as a"
          + " resource method. Make the method public."),
  CONFLICTING_INHERITED_REQUIREMENTS(
      Diagnostic.Kind.ERROR,
      "%s inherits conflicting Portcullis requirements for resource method %s: %s from %s and %s"
          + " from %s. Override the method in %s and annotate it with the requirement that"
          + " applies."),
  CLASS_REQUIREMENT_NEVER_APPLIES(
      Diagnostic.Kind.WARNING,
      "@%s on %s applies to none of its resource methods, because every one of them has its own"
          + " Portcullis annotation. Remove the annotation from the type or from the methods"
          + " that repeat it."),
  UNRESOLVED_TYPES(
      Diagnostic.Kind.ERROR,
      "The token-validation filter of %s was not generated because the class or its Portcullis"
          + " annotations refer to types or constants that do not exist. Fix the missing types;"
          + " until then its resource methods would not be protected."),
  FILTER_CANNOT_NAME_CLASS(
      Diagnostic.Kind.ERROR,
      "%s is private, so the token-validation filter Portcullis generates beside it cannot refer"
          + " to it and its endpoints cannot be protected. Make the class package-private or"
          + " public (JAX-RS needs to create it anyway)."),
  FILTER_CANNOT_NAME_TYPE(
      Diagnostic.Kind.ERROR,
      "The parameter type %s of %s cannot be named from the package of the resource class (it"
          + " is private, or not public in another package), so the generated filter %s cannot"
          + " refer to the method. Make the type public or package-private in the same package."),
  RESOURCE_PATH_ONLY_ON_INTERFACE(
      Diagnostic.Kind.WARNING,
      "%s has no @Path of its own, but implements %s, which has @Path(\"%s\"). The JAX-RS"
          + " specification does not inherit a class-level @Path: Jersey takes it from a superclass"
          + " or a directly implemented interface, other implementations and deeper interfaces"
          + " are ignored, and then the endpoints answer 404. Add @Path(\"%s\") to %s."),
  CLIENT_NOT_AN_INTERFACE(
      Diagnostic.Kind.ERROR,
      "@OAuthClient on %s has no effect: a client is generated only for an interface. Declare"
          + " the client as an interface whose methods carry JAX-RS annotations, for example"
          + " \"interface OrdersClient extends OrdersApi\"."),
  CLIENT_NOT_IMPLEMENTABLE(
      Diagnostic.Kind.ERROR,
      "The client of @OAuthClient interface %s cannot be generated because %s. Make it a"
          + " top-level or static nested interface without type parameters and with at least"
          + " package access."),
  CLIENT_NAME_INVALID(
      Diagnostic.Kind.ERROR,
      "@OAuthClient on %s has the name \"%s\", which cannot be used in configuration keys such"
          + " as portcullis.client.<name>.base-uri. Use letters, digits, '-' and '_', starting"
          + " with a letter or digit, for example \"orders-reader\"."),
  CLIENT_SCOPE_INVALID(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" in @OAuthClient on %s is not a valid OAuth 2.0 scope: RFC 6749 section 3.3"
          + " allows one or more printable ASCII characters other than space, '\"' and '\\'."
          + " Write each scope as its own string, exactly as the authorization server issues"
          + " it."),
  CLIENT_SCOPE_DUPLICATE(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" is listed more than once in @OAuthClient on %s. Remove the repeated"
          + " scope."),
  CLIENT_SCOPES_MISSING(
      Diagnostic.Kind.ERROR,
      "Client %s cannot call %s: the method requires %s, and the scopes of @OAuthClient lack %s."
          + " Add %s to scopes, or declare the client on an interface that does not include"
          + " this method."),
  CLIENT_SCOPES_NONE_OF(
      Diagnostic.Kind.ERROR,
      "Client %s cannot call %s: the method requires %s, and the scopes of @OAuthClient include"
          + " none of them. Add one of %s to scopes, or declare the client on an interface that"
          + " does not include this method."),
  CLIENT_METHOD_NOT_HTTP(
      Diagnostic.Kind.ERROR,
      "Client method %s has no HTTP method annotation such as @GET (neither it nor a method it"
          + " overrides has one), so the generated client cannot call it. Add the HTTP method"
          + " annotation, or make it a default method. Sub-resource locators are not"
          + " supported."),
  CLIENT_PATH_AMBIGUOUS(
      Diagnostic.Kind.ERROR,
      "Client method %s is declared in %s, and the client's interfaces give two paths it could be"
          + " served under: \"%s\" of %s and \"%s\" of %s, so the path the client calls is"
          + " ambiguous. Put @Path on the client interface %s."),
  CLIENT_METHOD_GENERIC(
      Diagnostic.Kind.ERROR,
      "Client method %s declares type parameters, so the generated client cannot know which"
          + " type to read or send. Use concrete types, such as List<Order> instead of <T>"
          + " List<T>."),
  CLIENT_METHOD_TWO_ENTITIES(
      Diagnostic.Kind.ERROR,
      "Client method %s has more than one parameter without a JAX-RS annotation (%s and %s),"
          + " but a request has one body. Annotate every parameter except the body with"
          + " @PathParam, @QueryParam, @HeaderParam, @CookieParam, @MatrixParam or"
          + " @FormParam."),
  CLIENT_METHOD_ENTITY_AND_FORM(
      Diagnostic.Kind.ERROR,
      "Client method %s has both a body parameter %s and @FormParam parameters, but a request"
          + " has one body. Send the form fields as @FormParam parameters only, or send the"
          + " whole body as the one unannotated parameter."),
  CLIENT_PARAMETER_UNSUPPORTED(
      Diagnostic.Kind.ERROR,
      "Parameter %s of client method %s is annotated @%s, which generated clients do not"
          + " support: %s"),
  CLIENT_BEAN_PROPERTY_UNREADABLE(
      Diagnostic.Kind.ERROR,
      "%s of @BeanParam type %s, used by client method %s, is annotated @%s, but the generated"
          + " client cannot read it: it is not a public field and has no public getter %s()."
          + " Add the getter or make the field public."),
  CLIENT_BEAN_PARAM_NOT_A_CLASS(
      Diagnostic.Kind.ERROR,
      "Parameter %s of client method %s is a @BeanParam of type %s, which is not a class whose"
          + " fields or setters carry JAX-RS parameter annotations. Use such a class, or pass"
          + " the values as separate @QueryParam, @HeaderParam, ... parameters."),
  CLIENT_PATH_PARAM_NOT_IN_PATH(
      Diagnostic.Kind.ERROR,
      "@PathParam(\"%s\") on parameter %s of client method %s names no template of its path"
          + " \"%s\". Use one of the templates (%s), or add {%s} to @Path."),
  CLIENT_PATH_TEMPLATE_UNBOUND(
      Diagnostic.Kind.ERROR,
      "The path \"%s\" of client method %s has the template {%s}, but no parameter is"
          + " annotated @PathParam(\"%s\"), so the request path could not be built. Add such a"
          + " parameter."),
  CLIENT_RETURN_TYPE_UNSUPPORTED(
      Diagnostic.Kind.ERROR,
      "Client method %s returns %s, which the generated client cannot produce. Return an entity"
          + " type (such as Order or List<Order>), Response, void, or CompletionStage of one of"
          + " them."),
  CLIENT_RETURN_TYPE_ASYNC(
      Diagnostic.Kind.ERROR,
      "Client method %s returns %s, an asynchronous type the generated client does not"
          + " produce: its asynchronous methods return CompletionStage, as the JAX-RS client's"
          + " rx() does. Declare CompletionStage<%s> instead; a caller that needs a"
          + " CompletableFuture calls toCompletableFuture() on the result."),
  CLIENT_UNRESOLVED_TYPES(
      Diagnostic.Kind.ERROR,
      "The client of @OAuthClient interface %s was not generated because the interface or its"
          + " methods refer to types that do not exist. Fix the missing types."),
  SCOPE_UNKNOWN_DID_YOU_MEAN(
      Diagnostic.Kind.ERROR,
      "Unknown scope \"%s\" on %s: no @ScopeCatalogue declares it. Did you mean \"%s\"? Use"
          + " the catalogue constant, or add the scope to a catalogue with a @ScopeDescription."),
  SCOPE_UNKNOWN(
      Diagnostic.Kind.ERROR,
      "Unknown scope \"%s\" on %s: no @ScopeCatalogue declares it (the catalogues declare %s)."
          + " Use a catalogue constant, or add the scope to a catalogue with a @ScopeDescription."),
  CATALOGUE_SCOPE_UNUSED(
      Diagnostic.Kind.WARNING,
      "Scope \"%s\" (catalogue constant %s) is not required by any @RequiresScope or requested"
          + " by any @OAuthClient of this compilation, nor does it imply a scope that is. Protect"
          + " the endpoints that need it, or remove it from the catalogue."),
  CATALOGUE_NOT_AN_INTERFACE(
      Diagnostic.Kind.ERROR,
      "@ScopeCatalogue on %s is not supported: a scope catalogue must be an interface, so that"
          + " its String fields are constants usable in annotations. Make %s an interface."),
  CATALOGUE_ENTRY_NOT_A_STRING(
      Diagnostic.Kind.ERROR,
      "Field %s of scope catalogue %s is not a String constant, but every field of a catalogue"
          + " is a scope. Declare it as String NAME = \"scope\", or move it out of the"
          + " catalogue."),
  CATALOGUE_SCOPE_INVALID(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" of catalogue constant %s is not a valid OAuth 2.0 scope: %s. RFC 6749"
          + " section 3.3 allows one or more printable ASCII characters other than space, '\"'"
          + " and '\\'. Write the scope exactly as the authorization server issues it."),
  CATALOGUE_DESCRIPTION_MISSING(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" of catalogue constant %s has no description. Annotate the constant with"
          + " @ScopeDescription(\"what a token with this scope may do\")."),
  CATALOGUE_SCOPE_DUPLICATE(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" of catalogue constant %s is already declared by %s. Declare each scope in"
          + " exactly one catalogue and refer to that constant."),
  CATALOGUE_IMPLIES_UNKNOWN(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" (%s) implies \"%s\", which no @ScopeCatalogue declares.%s Imply only"
          + " catalogue scopes, preferably through their constants."),
  CATALOGUE_IMPLIES_CYCLE(
      Diagnostic.Kind.ERROR,
      "Scope \"%s\" (%s) takes part in a cycle of implied scopes: %s. A scope hierarchy must"
          + " lead from broader to narrower scopes; remove one of these implications."),
  EXPLICIT_DECISION_MISSING(
      Diagnostic.Kind.ERROR,
      "Resource method %s has no Portcullis decision, but %s requires one for every resource"
          + " method. Annotate it, its class or its API interface with @RequiresScope,"
          + " @RequiresToken, or @Public if it is meant to be open."),
  EXPLICIT_DECISIONS_MISPLACED(
      Diagnostic.Kind.ERROR,
      "@RequireExplicitDecisions on %s has no effect: it applies to a package (in"
          + " package-info.java) or to the jakarta.ws.rs.core.Application subclass. Move it"
          + " there."),
  OPTION_INVALID(
      Diagnostic.Kind.ERROR,
      "Processor option -A%s=%s is not a boolean. Write -A%s=true or -A%s=false."),
  PROCESSOR_FAILED(
      Diagnostic.Kind.ERROR,
      "Portcullis annotation processor failed with %s. This is a bug in Portcullis, please"
          + " report it together with this stack trace:%n%s");

  private final Diagnostic.Kind kind;
  private final String format;
  /** For each argument, whether the format shows it between double quotes. */
  private final boolean[] quoted;

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
    this.quoted = quotedArguments(format);
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The message text with its placeholders filled, exactly as reported. */
  public String format(Object... args) {
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length && i < quoted.length; i++) {
      if (quoted[i] && shown[i] != null) {
        shown[i] = escaped(shown[i].toString());
      }
    }
    return String.format(format, shown);
  }

  /** {@code value} between double quotes, escaped as in a Java string literal. */
  public static String quoted(String value) {
    return '"' + escaped(value) + '"';
  }

  /** Each of {@code values} {@linkplain #quoted quoted}, separated by commas. */
  public static String quotedList(List<String> values) {
    StringBuilder list = new StringBuilder();
    for (String value : values) {
      if (list.length() > 0) {
        list.append(", ");
      }
      list.append(quoted(value));
    }
    return list.toString();
  }

  private static String escaped(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\b' -> escaped.append("\\b");
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\f' -> escaped.append("\\f");
        case '\r' -> escaped.append("\\r");
        default -> {
          if (Character.isISOControl(c)) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /** Which arguments of {@code format} stand between double quotes, as in {@code "%s"}. */
  private static boolean[] quotedArguments(String format) {
    boolean[] quoted = new boolean[format.length()];
    int argument = 0;
    for (int i = 0; i + 1 < format.length(); i++) {
      if (format.charAt(i) != '%') {
        continue;
      }
      char conversion = format.charAt(i + 1);
      if (conversion != '%' && conversion != 'n') {
        quoted[argument++] =
            i > 0
                && format.charAt(i - 1) == '"'
                && i + 2 < format.length()
                && format.charAt(i + 2) == '"';
      }
      i++; // Past the conversion character.
    }
    return Arrays.copyOf(quoted, argument);
  }
}
