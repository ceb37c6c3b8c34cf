package dev.kirana.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every service's OpenAPI document say what the service really does, where the generator cannot know it:
 * <ul>
 * <li>errors are problem+json (RFC 9457, schema {@code Problem}): 400 for an operation that takes parameters or a body,
 * 401 unless the path is public (public operations state that they need no token), 404 for a resource named in the path;
 * an error answer documented without a body gets the problem body, and the method's own result moves to the success
 * answer the generator then left out;</li>
 * <li>decimals (money, quantities, rates: {@link BigDecimal}) travel as strings in plain decimal notation
 * ({@code "245.50"}, never a JSON number or an exponent), so their schema is a string with that pattern;</li>
 * <li>a property that is not required may be {@code null} (answers carry every property);</li>
 * <li>a parameter's example has its schema's type.</li>
 * </ul>
 */
public class OpenApiConventions implements OpenApiCustomizer {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /** A decimal as the API writes it: digits, optionally a point and more digits, optionally negative. */
    public static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";
    public static final String NON_NEGATIVE_DECIMAL = "^[0-9]+(\\.[0-9]+)?$";

    private final List<PathPattern> publicPaths;

    public OpenApiConventions(List<String> publicPaths) {
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** A problem+json body, for a response entry. */
    public static Content problem() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)));
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        names(openApi);
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(OpenApiConventions::schema);
        }
        openApi.getComponents().addSchemas("Problem", new ObjectSchema()
                .description("An error, as RFC 9457 problem details; some problems add members of their own")
                .addProperty("type", new StringSchema().description("a URI naming the kind of problem"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what went wrong with this request"))
                .addProperty("instance", new StringSchema()));
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> operation(path, op)));
        }
    }

    /**
     * Schema names: the generator names types by their fully qualified class names ({@code springdoc.use-fqn}), since
     * simple names collide — a service has several nested {@code Line} records, and with simple names every one of them
     * was documented as the same schema. Here each gets a short name again: the class's own name when no other type has
     * it, else with its enclosing classes ({@code PurchaseBill.Line}), else with as much of its package as sets it apart.
     */
    @SuppressWarnings("rawtypes")
    static void names(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null || schemas.isEmpty()) {
            return;
        }
        Map<String, String> renamed = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>(schemas.keySet());
        for (String key : keys) {
            renamed.put(key, shortName(key, keys));
        }
        if (new LinkedHashSet<>(renamed.values()).size() != renamed.size()) {
            return; // cannot happen: a full name is unique; keep the generator's names rather than merge two types
        }
        Map<String, Schema> byNewName = new java.util.TreeMap<>();
        schemas.forEach((key, schema) -> byNewName.put(renamed.get(key), schema));
        openApi.getComponents().setSchemas(new java.util.LinkedHashMap<>(byNewName));
        java.util.Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.function.Consumer<Schema> rewrite = new java.util.function.Consumer<>() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) return;
                String ref = schema.get$ref();
                if (ref != null && ref.startsWith("#/components/schemas/")) {
                    String target = renamed.get(ref.substring("#/components/schemas/".length()));
                    if (target != null) schema.set$ref("#/components/schemas/" + target);
                }
                if (schema.getProperties() != null) ((Map<String, Schema>) schema.getProperties()).values().forEach(this);
                accept(schema.getItems());
                accept(schema.getNot());
                for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems()}) {
                    if (parts != null) parts.forEach(this);
                }
                if (schema.getAdditionalProperties() instanceof Schema values) accept(values);
            }
        };
        byNewName.values().forEach(rewrite);
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getParameters() != null) op.getParameters().forEach(p -> rewrite.accept(p.getSchema()));
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(m -> rewrite.accept(m.getSchema()));
                }
                if (op.getResponses() != null) op.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) r.getContent().values().forEach(m -> rewrite.accept(m.getSchema()));
                });
            }));
        }
    }

    /**
     * The class's own name when no other type has it, else with its enclosing classes ({@code PurchaseBill.Line}), else
     * with as many package segments as set it apart. Segments that start with a capital letter are classes.
     */
    static String shortName(String full, List<String> all) {
        String[] own = segments(full);
        int classes = 0;
        while (classes < own.length && Character.isUpperCase(own[own.length - 1 - classes].charAt(0))) classes++;
        for (int take : takes(own.length, Math.max(classes, 1))) {
            String candidate = suffix(own, take);
            if (all.stream().filter(other -> suffix(segments(other), take).equals(candidate)).count() == 1) {
                return candidate;
            }
        }
        return String.join(".", own);
    }

    /** 1 (the class itself), then all its classes, then one package segment more at a time. */
    private static List<Integer> takes(int segments, int classes) {
        List<Integer> takes = new ArrayList<>(List.of(1));
        for (int t = Math.max(2, classes); t <= segments; t++) takes.add(t);
        return takes;
    }

    private static String[] segments(String name) {
        return name.split("[.$]");
    }

    private static String suffix(String[] segments, int take) {
        int from = Math.max(0, segments.length - take);
        return String.join(".", java.util.Arrays.copyOfRange(segments, from, segments.length));
    }

    private void operation(String path, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(new ApiResponses());
        }
        ApiResponses responses = op.getResponses();
        Content result = null;
        for (Map.Entry<String, ApiResponse> r : responses.entrySet()) {
            if (isError(r.getKey())) {
                Content content = r.getValue().getContent();
                if (content != null && !content.containsKey(PROBLEM_JSON) && result == null) {
                    result = content;
                }
                r.getValue().setContent(problem());
            }
        }
        if (responses.keySet().stream().noneMatch(s -> s.startsWith("2") || s.startsWith("3"))) {
            responses.addApiResponse("200", new ApiResponse().description("OK").content(result));
        }
        if (op.getParameters() != null) {
            op.getParameters().forEach(OpenApiConventions::parameter);
        }
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().values().forEach(m -> schema(m.getSchema()));
        }
        responses.values().forEach(r -> {
            if (r.getContent() != null) r.getContent().values().forEach(m -> schema(m.getSchema()));
        });
        boolean takesInput = (op.getParameters() != null && !op.getParameters().isEmpty()) || op.getRequestBody() != null;
        if (takesInput) {
            add(responses, "400", "The request is malformed or a value is invalid (each field named in the problem)");
        }
        if (isPublic(path)) {
            op.setSecurity(List.of());
        } else {
            add(responses, "401", "No valid bearer token (missing, expired, or not issued for this API)");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing by that id in the caller's shop");
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void parameter(Parameter p) {
        schema(p.getSchema());
        if (p.getSchema() != null && p.getExample() != null && !(p.getExample() instanceof String) && isType(p.getSchema(), "string")) {
            p.setExample(p.getExample() instanceof BigDecimal d ? d.toPlainString() : String.valueOf(p.getExample()));
        }
    }

    /** Decimals as strings, optional properties nullable, recursively through properties, items and compositions. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void schema(Schema schema) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        decimal(schema);
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            properties.forEach((name, property) -> {
                schema(property);
                if (!required.contains(name) && property.get$ref() == null && property.getTypes() != null
                        && !property.getTypes().isEmpty() && !property.getTypes().contains("null")) {
                    Set<String> types = new LinkedHashSet<>(property.getTypes());
                    types.add("null");
                    property.setTypes(types);
                }
            });
        }
        schema(schema.getItems());
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (parts != null) parts.forEach(OpenApiConventions::schema);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            schema(values);
        }
    }

    /** A number without a format is a BigDecimal (doubles say double): the API writes it as a plain decimal string. */
    @SuppressWarnings("rawtypes")
    private static void decimal(Schema schema) {
        if (!isType(schema, "number") || schema.getFormat() != null) {
            return;
        }
        List<String> bounds = new ArrayList<>();
        BigDecimal min = schema.getMinimum();
        BigDecimal max = schema.getMaximum();
        if (min != null) bounds.add((Boolean.TRUE.equals(schema.getExclusiveMinimum()) || schema.getExclusiveMinimumValue() != null ? "more than " : "at least ") + min.toPlainString());
        if (max != null) bounds.add((Boolean.TRUE.equals(schema.getExclusiveMaximum()) || schema.getExclusiveMaximumValue() != null ? "less than " : "at most ") + max.toPlainString());
        Set<String> types = new LinkedHashSet<>(schema.getTypes());
        types.remove("number");
        types.add("string");
        schema.setTypes(types);
        schema.setType("string");
        schema.setFormat("decimal");
        schema.setPattern(min != null && min.signum() >= 0 ? NON_NEGATIVE_DECIMAL : DECIMAL);
        schema.setMinimum(null);
        schema.setMaximum(null);
        schema.setExclusiveMinimum(null);
        schema.setExclusiveMaximum(null);
        schema.setExclusiveMinimumValue(null);
        schema.setExclusiveMaximumValue(null);
        String note = "a decimal string" + (bounds.isEmpty() ? "" : ", " + String.join(" and ", bounds));
        schema.setDescription(schema.getDescription() == null ? note : schema.getDescription() + " (" + note + ")");
        if (schema.getExample() instanceof BigDecimal d) {
            schema.setExample(d.toPlainString());
        }
    }

    @SuppressWarnings("rawtypes")
    private static boolean isType(Schema schema, String type) {
        return (schema.getTypes() != null && schema.getTypes().contains(type)) || type.equals(schema.getType());
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problem()));
        }
    }

    private boolean isPublic(String path) {
        // a templated path is matched with a stand-in for each variable
        PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x"));
        return publicPaths.stream().anyMatch(p -> p.matches(concrete));
    }
}
