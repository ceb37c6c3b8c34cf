package dev.kirana.systemtests;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Every operation of the checked-in OpenAPI documents ({@code docs/openapi/<service>.json}), with its schemas resolved. */
public final class ApiOperations {
    private ApiOperations() {
    }

    /** One parameter: its name, where it goes (path, query, header), whether it is required, its schema. */
    public record Param(String name, String in, boolean required, Schema<?> schema) {
    }

    /**
     * One operation. {@code roles} / {@code scope} are the read access its entry states ({@code x-kirana-roles},
     * {@code x-kirana-scope}), null when it states none (writes check roles in the operation).
     */
    public record Op(String service, String method, String path, String operationId, List<Param> params,
                     Schema<?> jsonBody, List<String> bodyTypes, boolean bodyRequired, List<String> roles, String scope) {
        public boolean isRead() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    public static List<Op> load(Path docs) {
        try (Stream<Path> files = Files.list(docs)) {
            List<Op> ops = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                ops.addAll(read(file));
            }
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Op> read(Path file) throws IOException {
        String service = file.getFileName().toString().replaceFirst("\\.json$", "");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(Files.readString(file), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException(file + " does not parse: " + result.getMessages());
        }
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> m : e.getValue().readOperationsMap().entrySet()) {
                Operation o = m.getValue();
                List<Param> params = new ArrayList<>();
                List<Parameter> declared = new ArrayList<>();
                if (e.getValue().getParameters() != null) {
                    declared.addAll(e.getValue().getParameters());
                }
                if (o.getParameters() != null) {
                    declared.addAll(o.getParameters());
                }
                for (Parameter p : declared) {
                    params.add(new Param(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()), p.getSchema()));
                }
                Schema<?> json = null;
                List<String> types = List.of();
                boolean bodyRequired = false;
                if (o.getRequestBody() != null && o.getRequestBody().getContent() != null) {
                    Map<String, MediaType> content = o.getRequestBody().getContent();
                    types = List.copyOf(content.keySet());
                    MediaType mt = content.get("application/json");
                    json = mt == null ? null : mt.getSchema();
                    bodyRequired = Boolean.TRUE.equals(o.getRequestBody().getRequired());
                }
                Map<String, Object> ext = o.getExtensions() == null ? Map.of() : o.getExtensions();
                List<String> roles = ext.get("x-kirana-roles") instanceof List<?> l ? (List<String>) l : null;
                String scope = ext.get("x-kirana-scope") instanceof String s ? s : null;
                ops.add(new Op(service, m.getKey().name(), e.getKey(), o.getOperationId(), params, json, types, bodyRequired, roles, scope));
            }
        }
        ops.sort(Comparator.comparing(Op::path).thenComparing(Op::method));
        return ops;
    }

    /** The schema's type, from {@code type} or the first non-null of 3.1's {@code types}; null when it has none. */
    public static String type(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() != null) {
            return s.getType();
        }
        Set<String> types = s.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
        }
        if (s.getProperties() != null) {
            return "object";
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            return type(s.getAllOf().get(0));
        }
        if (s.getOneOf() != null && !s.getOneOf().isEmpty()) {
            return type(s.getOneOf().get(0));
        }
        return null;
    }

    /** The schema's properties, following a single allOf. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Map<String, Schema> properties(Schema<?> s) {
        if (s == null) {
            return Map.of();
        }
        if (s.getProperties() != null) {
            return (Map) s.getProperties();
        }
        if (s.getAllOf() != null) {
            for (Schema<?> part : s.getAllOf()) {
                if (part.getProperties() != null) {
                    return (Map) part.getProperties();
                }
            }
        }
        return Map.of();
    }

    /** The schema's example as JSON text, or null. */
    public static String exampleJson(Schema<?> s) {
        if (s == null || s.getExample() == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(s.getExample());
        } catch (Exception e) {
            return null;
        }
    }
}
