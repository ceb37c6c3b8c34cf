package dev.kirana.k8s;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudNativePG's kinds, validated against the OpenAPI schemas of its CRDs (src/test/resources/cnpg, source and
 * version in the README there), made strict: an object schema that lists its properties and does not preserve unknown
 * fields gets {@code additionalProperties: false}, as the API server's strict validation treats it.
 */
final class CnpgSchemas {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Draft 4 (what OpenAPI 3.0 schemas follow) plus the Kubernetes extensions the CRDs use, as annotations: list and
     * map types only matter to server-side apply's merging, and the CEL rules (x-kubernetes-validations) are the one
     * part of the API server's validation this does not run.
     */
    private static final Dialect KUBERNETES_OPENAPI = Dialect.builder("https://kirana.dev/schemas/kubernetes-openapi-v3", Dialects.getDraft4())
            .keyword(new NonValidationKeyword("x-kubernetes-int-or-string"))
            .keyword(new NonValidationKeyword("x-kubernetes-preserve-unknown-fields"))
            .keyword(new NonValidationKeyword("x-kubernetes-embedded-resource"))
            .keyword(new NonValidationKeyword("x-kubernetes-list-type"))
            .keyword(new NonValidationKeyword("x-kubernetes-list-map-keys"))
            .keyword(new NonValidationKeyword("x-kubernetes-map-type"))
            .keyword(new NonValidationKeyword("x-kubernetes-validations"))
            .keyword(new NonValidationKeyword("nullable"))
            .build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(KUBERNETES_OPENAPI);
    private static final Map<String, Schema> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", load("/cnpg/cluster-v1.schema.json"),
            "postgresql.cnpg.io/v1/Database", load("/cnpg/database-v1.schema.json"));

    private CnpgSchemas() {
    }

    static boolean handles(String apiVersionAndKind) {
        return SCHEMAS.containsKey(apiVersionAndKind);
    }

    static void validate(String apiVersionAndKind, Map<String, Object> doc) {
        List<Error> errors = SCHEMAS.get(apiVersionAndKind).validate(JSON.valueToTree(doc));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(apiVersionAndKind + " " + StrictModels.name(doc) + ": "
                    + errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList());
        }
    }

    private static Schema load(String resource) {
        try (InputStream in = CnpgSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            JsonNode schema = JSON.readTree(in);
            strict(schema);
            return REGISTRY.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")
                    && !preserves) {
                object.put("additionalProperties", false);
            }
        }
        node.forEach(CnpgSchemas::strict);
    }
}
