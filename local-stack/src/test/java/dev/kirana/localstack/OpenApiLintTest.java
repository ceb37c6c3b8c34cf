package dev.kirana.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI documents the services serve, as checked in under {@code docs/openapi/} (each service's
 * {@code OpenApiDocumentTest} keeps its copy equal to what it serves), parsed by swagger-parser and linted: servers
 * declared, every operation with an id (unique), a summary, a success and a problem answer for the client's mistakes
 * (a 4xx), and every example valid by its own schema.
 */
class OpenApiLintTest {
    static final Path DOCS = Path.of("..", "docs", "openapi");
    static final List<String> SERVICES = List.of("gateway", "auth-service", "catalog-service", "inventory-service",
            "order-service", "accounting-service", "reporting-service");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void everyServiceHasACheckedInDocument() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    SERVICES.stream().map(s -> s + ".json").toList());
        }
    }

    @Test
    void everyDocumentParsesWithoutAMessage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIParser().readContents(Files.readString(DOCS.resolve(service + ".json")), null, options);
            if (result.getOpenAPI() == null) problems.add(service + ": does not parse");
            if (result.getMessages() != null) result.getMessages().forEach(m -> problems.add(service + ": " + m));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDocumentPassesTheLintRules() throws IOException {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (String service : SERVICES) {
            JsonNode doc = JSON.readTree(Files.readString(DOCS.resolve(service + ".json")));
            problems.addAll(lint(service, doc));
            for (var path : doc.path("paths").properties()) {
                for (String m : path.getValue().propertyNames()) if (METHODS.contains(m)) operations++;
            }
        }
        assertThat(problems).as("lint findings").isEmpty();
        assertThat(operations).as("operations linted").isGreaterThan(150);
    }

    @Test
    void theRulesFindWhatTheyLookFor() {
        JsonNode bad = JSON.readTree("""
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},"servers":[],
                 "components":{"schemas":{"Money":{"type":"string","pattern":"^[0-9]+\\\\.[0-9]{2}$","example":"12.5"}}},
                 "paths":{"/a":{"get":{"operationId":"x","responses":{"200":{"description":"ok"}}},
                                "post":{"operationId":"x","summary":"s","responses":{"400":{"description":"bad"}}}}}}""");
        assertThat(lint("t", bad)).containsExactlyInAnyOrder(
                "t: no servers",
                "t GET /a: no summary or description",
                "t GET /a: no 4xx answer documented",
                "t POST /a: no success answer documented",
                "t POST /a: operationId x is used twice",
                "t components.schemas.Money example: $: does not match the regex pattern ^[0-9]+\\.[0-9]{2}$");
    }

    static List<String> lint(String service, JsonNode doc) {
        List<String> out = new ArrayList<>();
        if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) out.add(service + ": no servers");
        Set<String> ids = new HashSet<>();
        for (var path : doc.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) continue;
                String where = service + " " + entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = entry.getValue();
                String id = op.path("operationId").asString("");
                if (id.isBlank()) out.add(where + ": no operationId");
                else if (!ids.add(id)) out.add(where + ": operationId " + id + " is used twice");
                if (op.path("summary").asString("").isBlank() && op.path("description").asString("").isBlank()) {
                    out.add(where + ": no summary or description");
                }
                Set<String> statuses = new HashSet<>();
                op.path("responses").propertyNames().forEach(statuses::add);
                if (statuses.stream().noneMatch(s -> s.startsWith("2") || s.startsWith("3"))) out.add(where + ": no success answer documented");
                // an operation that takes nothing and needs no token has no client error to speak of (a discovery document)
                boolean takesNothing = op.path("parameters").isEmpty() && !op.has("requestBody")
                        && op.path("security").isArray() && op.path("security").isEmpty();
                if (!takesNothing && statuses.stream().noneMatch(s -> s.startsWith("4"))) out.add(where + ": no 4xx answer documented");
                for (JsonNode p : op.path("parameters")) {
                    if (p.has("example")) {
                        out.addAll(check(doc, p.path("schema"), p.get("example"), where + " parameter " + p.path("name").asString()));
                    }
                }
            }
        }
        for (var schema : doc.path("components").path("schemas").properties()) {
            if (schema.getValue().has("example")) {
                ObjectNode without = (ObjectNode) schema.getValue().deepCopy();
                without.remove("example");
                out.addAll(check(doc, without, schema.getValue().get("example"), service + " components.schemas." + schema.getKey() + " example"));
            }
        }
        return out;
    }

    /** An example checked against its schema (JSON Schema 2020-12, as OpenAPI 3.1 uses), $refs resolved in the document. */
    static List<String> check(JsonNode doc, JsonNode schema, JsonNode example, String where) {
        Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(resolve(doc, schema, 0));
        return validator.validate(example).stream().map(e -> where + ": " + (e.getInstanceLocation().toString().isEmpty() ? "$"
                : e.getInstanceLocation()) + ": " + e.getMessage().replaceFirst("^\\S+: ", "")).toList();
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema, int depth) {
        if (depth > 20) return JSON.createObjectNode();
        if (schema.isObject() && schema.has("$ref") && schema.get("$ref").asString().startsWith("#/")) {
            JsonNode target = doc.at(schema.get("$ref").asString().substring(1));
            return resolve(doc, target, depth + 1);
        }
        if (schema.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            schema.properties().forEach(e -> copy.set(e.getKey(), e.getKey().equals("example") ? e.getValue() : resolve(doc, e.getValue(), depth + 1)));
            return copy;
        }
        if (schema.isArray()) {
            var copy = JSON.createArrayNode();
            schema.forEach(n -> copy.add(resolve(doc, n, depth + 1)));
            return copy;
        }
        return schema;
    }
}
