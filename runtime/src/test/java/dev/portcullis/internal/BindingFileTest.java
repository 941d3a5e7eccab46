package dev.portcullis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ScopeMatch;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading binding files strictly: each kind of damage is named, with the way to fix it. */
class BindingFileTest {
  private static final String CLASS = "com.example.OrdersResource";
  private static final String SOURCE = BindingFile.resourcePath(CLASS);

  private static final String CREATE = "{\"name\": \"create\", \"parameterTypes\": [\"com.example.NewOrder\"],"
      + " \"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": [\"orders:write\"],"
      + " \"impliedBy\": {\"orders:write\": [\"orders:admin\"]}}";

  /** A whole file of format version 1 for {@link #CLASS} with these method entries. */
  private static String file(String... methods) {
    return "{\"portcullisBinding\": 1, \"generated\": \"by the Portcullis annotation processor\","
        + " \"resourceClass\": \"" + CLASS + "\", \"methods\": [" + String.join(", ", methods) + "]}";
  }

  /** A file whose only method is {@code create(java.lang.String)} with these extra fields. */
  private static String method(String fields) {
    return file("{\"name\": \"create\", \"parameterTypes\": [\"java.lang.String\"]" + (fields.isEmpty() ? "" : ", ")
        + fields + "}");
  }

  private static void fails(String json, String... fragments) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BindingFile.parse(SOURCE, CLASS, json), json);
    assertFullMessage(e.getMessage(), SOURCE);
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), () -> "\"" + fragment + "\" missing from: " + e.getMessage());
    }
  }

  private static void assertFullMessage(String message, String source) {
    assertTrue(message.startsWith("The Portcullis binding " + source + " "), message);
    assertTrue(message.contains("rebuild the application with the same version of the Portcullis annotation"
        + " processor (portcullis-processor) as the Portcullis runtime"), message);
    assertTrue(message.endsWith("."), message);
  }

  @Test
  void goodFileWithEveryDecisionIsRead() {
    BindingFile binding = BindingFile.parse(SOURCE, CLASS, file(
        CREATE,
        "{\"name\": \"health\", \"parameterTypes\": [], \"requires\": \"public\", \"futureField\": {\"x\": [1]}}",
        "{\"name\": \"me\", \"parameterTypes\": [\"int\", \"java.lang.String[]\", \"com.example.Api$Inner\"],"
            + " \"requires\": \"token\"}",
        "{\"name\": \"find\", \"parameterTypes\": [\"long\"], \"requires\": \"scopes\", \"match\": \"ANY\","
            + " \"scopes\": [\"orders:read\", \"audit\"]}"));
    assertEquals(SOURCE, binding.source());
    assertEquals(CLASS, binding.resourceClass());
    assertEquals(List.of(
        new BindingFile.BoundMethod("create", List.of("com.example.NewOrder"),
            ScopeRequirement.scopes(ScopeMatch.ALL, "orders:write").orImpliedBy("orders:write", "orders:admin")),
        new BindingFile.BoundMethod("health", List.of(), ScopeRequirement.publicAccess()),
        new BindingFile.BoundMethod("me", List.of("int", "java.lang.String[]", "com.example.Api$Inner"),
            ScopeRequirement.anyToken()),
        new BindingFile.BoundMethod("find", List.of("long"),
            ScopeRequirement.scopes(ScopeMatch.ANY, "orders:read", "audit"))),
        binding.methods());
  }

  @Test
  void fileWithoutMethodsIsRead() {
    assertEquals(List.of(), BindingFile.parse(SOURCE, CLASS, file()).methods());
  }

  @Test
  void resourcePathUsesTheBinaryName() {
    assertEquals("META-INF/portcullis/bindings/com.example.Api$Inner.json", BindingFile.resourcePath("com.example.Api$Inner"));
  }

  @Test
  void malformedJsonIsRejected() {
    fails("{\"portcullisBinding\": 1,", "is not a valid JSON object");
    fails("", "is not a valid JSON object");
    fails("null", "is not a valid JSON object");
    fails("[" + file() + "]", "is not a valid JSON object");
    fails("{\"portcullisBinding\": 1, \"portcullisBinding\": 1}", "is not a valid JSON object");
  }

  @Test
  void missingVersionIsRejected() {
    fails("{\"resourceClass\": \"" + CLASS + "\", \"methods\": []}", "has no \"portcullisBinding\" format version");
  }

  @Test
  void otherVersionIsRejectedAsADifferentProcessorVersion() {
    for (String version : List.of("2", "0", "1.5", "\"1\"", "null", "[1]")) {
      fails(file().replace("\"portcullisBinding\": 1", "\"portcullisBinding\": " + version),
          "reads only version 1", "different Portcullis versions");
    }
    fails(file().replace("\"portcullisBinding\": 1", "\"portcullisBinding\": 2"), "\"portcullisBinding\": 2,");
  }

  @Test
  void missingOrWrongResourceClassIsRejected() {
    fails(file().replace("\"resourceClass\": \"" + CLASS + "\",", ""), "has no \"resourceClass\" string");
    fails(file().replace("\"" + CLASS + "\"", "42"), "has no \"resourceClass\" string");
    fails(file().replace(CLASS, "com.example.Other"),
        "protects the class \"com.example.Other\"", "found as the binding of " + CLASS);
  }

  @Test
  void missingMethodsIsRejected() {
    fails(file().replace(", \"methods\": []", ""), "has no \"methods\" array");
    fails(file().replace("\"methods\": []", "\"methods\": {}"), "has no \"methods\" array");
  }

  @Test
  void methodEntryThatIsNoObjectIsRejected() {
    fails(file(CREATE, "\"health\""), "has method entry 2 that is not a JSON object");
    fails(file("null"), "has method entry 1 that is not a JSON object");
  }

  @Test
  void missingOrWrongNameIsRejected() {
    fails(file("{\"parameterTypes\": [], \"requires\": \"token\"}"), "method entry 1 without a \"name\" string");
    fails(file("{\"name\": 7, \"parameterTypes\": [], \"requires\": \"token\"}"), "without a \"name\" string");
    fails(file("{\"name\": \"\", \"parameterTypes\": [], \"requires\": \"token\"}"), "without a \"name\" string");
  }

  @Test
  void missingOrWrongParameterTypesAreRejected() {
    fails(file("{\"name\": \"me\", \"requires\": \"token\"}"),
        "has method me (entry 1) without a \"parameterTypes\" array");
    fails(file("{\"name\": \"me\", \"parameterTypes\": \"int\", \"requires\": \"token\"}"),
        "without a \"parameterTypes\" array");
    fails(file("{\"name\": \"me\", \"parameterTypes\": [\"int\", 3], \"requires\": \"token\"}"),
        "\"parameterTypes\" contains 3, which is not a non-empty string");
    fails(file("{\"name\": \"me\", \"parameterTypes\": [null], \"requires\": \"token\"}"),
        "\"parameterTypes\" contains null");
  }

  @Test
  void missingOrUnknownRequiresIsRejected() {
    fails(method(""), "has method create(java.lang.String) (entry 1) without \"requires\"");
    fails(method("\"requires\": \"admin\""),
        "\"requires\": \"admin\", which is not \"public\", \"token\" or \"scopes\"");
    fails(method("\"requires\": \"PUBLIC\""), "\"requires\": \"PUBLIC\", which is not");
    fails(method("\"requires\": null"), "\"requires\": null, which is not");
    fails(method("\"requires\": [\"token\"]"), "\"requires\": an array, which is not");
  }

  @Test
  void missingOrUnknownMatchIsRejected() {
    fails(method("\"requires\": \"scopes\", \"scopes\": [\"a\"]"), "requires scopes but has no \"match\"");
    fails(method("\"requires\": \"scopes\", \"match\": \"all\", \"scopes\": [\"a\"]"),
        "\"match\": \"all\", which is not \"ALL\" or \"ANY\"");
    fails(method("\"requires\": \"scopes\", \"match\": 1, \"scopes\": [\"a\"]"), "\"match\": 1, which is not");
  }

  @Test
  void missingEmptyOrWrongScopesAreRejected() {
    fails(method("\"requires\": \"scopes\", \"match\": \"ALL\""), "requires scopes but has no \"scopes\" array");
    fails(method("\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": \"a\""), "has no \"scopes\" array");
    fails(method("\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": []"), "has an empty \"scopes\" array");
    fails(method("\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": [\"a\", 2]"),
        "\"scopes\" contains 2, which is not a non-empty string");
    fails(method("\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": [\"\"]"),
        "\"scopes\" contains \"\", which is not a non-empty string");
    fails(method("\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": [\"a\", \"a\"]"),
        "lists the same scope twice");
  }

  @Test
  void wrongImpliedByIsRejected() {
    String scopes = "\"requires\": \"scopes\", \"match\": \"ALL\", \"scopes\": [\"a\"], ";
    fails(method(scopes + "\"impliedBy\": [\"b\"]"), "whose \"impliedBy\" is not a JSON object");
    fails(method(scopes + "\"impliedBy\": null"), "whose \"impliedBy\" is not a JSON object");
    fails(method(scopes + "\"impliedBy\": {\"c\": [\"b\"]}"),
        "\"impliedBy\" names the scope \"c\", which is not one of its \"scopes\"");
    fails(method(scopes + "\"impliedBy\": {\"a\": \"b\"}"), "\"impliedBy\" value for a is not an array");
    fails(method(scopes + "\"impliedBy\": {\"a\": [\"b\", {}]}"),
        "\"impliedBy of a\" contains an object, which is not a non-empty string");
  }

  @Test
  void scopeFieldsOnAPublicOrTokenMethodAreRejected() {
    fails(method("\"requires\": \"public\", \"scopes\": [\"a\"]"),
        "requires public but also has \"scopes\", which only a method that requires scopes may have");
    fails(method("\"requires\": \"token\", \"match\": \"ALL\""), "requires token but also has \"match\"");
    fails(method("\"requires\": \"token\", \"impliedBy\": {}"), "requires token but also has \"impliedBy\"");
  }

  @Test
  void methodListedTwiceIsRejected() {
    fails(file(CREATE, CREATE.replace("orders:", "other:")), "lists the method create(com.example.NewOrder) twice");
  }

  @Test
  void fileThatIsNotUtf8IsRejected(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("binding.json");
    Files.write(path, new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
    URL url = path.toUri().toURL();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BindingFile.read(url, CLASS));
    assertFullMessage(e.getMessage(), url.toString());
    assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
  }

  @Test
  void fileThatCannotBeReadIsRejected(@TempDir Path dir) throws IOException {
    URL url = dir.resolve("gone.json").toUri().toURL();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> BindingFile.read(url, CLASS));
    assertTrue(e.getMessage().startsWith("The Portcullis binding " + url + " could not be read"), e.getMessage());
    assertTrue(e.getMessage().contains("rebuild the application"), e.getMessage());
  }

  @Test
  void fileIsReadFromItsUrl(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("binding.json");
    Files.writeString(path, file(CREATE.replace("NewOrder", "Bestellung\u00e4")));
    BindingFile binding = BindingFile.read(path.toUri().toURL(), CLASS);
    assertEquals(path.toUri().toURL().toString(), binding.source());
    assertEquals(List.of("com.example.Bestellung\u00e4"), binding.methods().get(0).parameterTypes());
  }
}
