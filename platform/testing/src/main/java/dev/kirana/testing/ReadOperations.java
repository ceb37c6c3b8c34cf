package dev.kirana.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The read (GET) operations of a service, from its own {@code /v3/api-docs}, with the roles and scope each one states
 * ({@code x-kirana-roles}, {@code x-kirana-scope}) and a request URI for it, so that an access test covers every read,
 * a new one included, without naming them.
 */
public final class ReadOperations {
    /** Who reads the back office's data: the books, stock ledger and valuation, reports. */
    public static final java.util.Set<String> READERS = java.util.Set.of("OWNER", "MANAGER", "AUDITOR");
    /** ... and what the counter needs too. */
    public static final java.util.Set<String> WITH_CASHIER = java.util.Set.of("OWNER", "MANAGER", "AUDITOR", "CASHIER");

    private ReadOperations() {
    }

    /** One GET operation of the document. */
    public record Operation(String path, Map<String, Object> entry, List<Map<String, Object>> parameters) {
        @SuppressWarnings("unchecked")
        public List<String> roles() {
            Object roles = entry.get("x-kirana-roles");
            return roles == null ? null : (List<String>) roles;
        }

        public String scope() {
            return (String) entry.get("x-kirana-scope");
        }

        public String description() {
            return String.valueOf(entry.get("description"));
        }

        @SuppressWarnings("unchecked")
        public boolean documents403() {
            return entry.get("responses") instanceof Map<?, ?> r && r.containsKey("403");
        }

        /**
         * A URI for it: path parameters and required query parameters from {@code values} by name, else the
         * parameter's example, else a sample of its type (a random UUID, today, 1 …).
         */
        public String uri(Map<String, String> values) {
            String uri = path;
            List<String> query = new ArrayList<>();
            for (Map<String, Object> p : parameters) {
                String name = (String) p.get("name");
                String value = values.containsKey(name) ? values.get(name) : sample(p);
                if ("path".equals(p.get("in"))) {
                    uri = uri.replace("{" + name + "}", value);
                } else if ("query".equals(p.get("in")) && (Boolean.TRUE.equals(p.get("required")) || values.containsKey(name))) {
                    query.add(name + "=" + value);
                }
            }
            return query.isEmpty() ? uri : uri + "?" + String.join("&", query);
        }

        @SuppressWarnings("unchecked")
        private static String sample(Map<String, Object> parameter) {
            if (parameter.get("example") != null) {
                return String.valueOf(parameter.get("example"));
            }
            Map<String, Object> schema = parameter.get("schema") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return String.valueOf(values.get(0));
            }
            String format = String.valueOf(schema.get("format"));
            String type = String.valueOf(schema.get("type"));
            return switch (format) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> LocalDate.now().toString();
                default -> switch (type) {
                    case "integer", "number" -> "1";
                    case "boolean" -> "false";
                    default -> "1";
                };
            };
        }

        @Override
        public String toString() {
            return "GET " + path;
        }
    }

    /** Every GET operation under {@code prefix} in the service's OpenAPI document, by path. */
    @SuppressWarnings("unchecked")
    public static List<Operation> of(WebTestClient http, String prefix) {
        Map<String, Object> doc = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        List<Operation> reads = new ArrayList<>();
        paths.forEach((path, item) -> {
            Map<String, Object> methods = (Map<String, Object>) item;
            if (path.startsWith(prefix) && methods.get("get") instanceof Map<?, ?> get) {
                List<Map<String, Object>> parameters = new ArrayList<>();
                if (methods.get("parameters") instanceof List<?> shared) {
                    shared.forEach(p -> parameters.add((Map<String, Object>) p));
                }
                if (get.get("parameters") instanceof List<?> own) {
                    own.forEach(p -> parameters.add((Map<String, Object>) p));
                }
                reads.add(new Operation(path, (Map<String, Object>) get, parameters));
            }
        });
        reads.sort(java.util.Comparator.comparing(Operation::path));
        return reads;
    }

    /** The status of a GET with this bearer token; a 403 must be a problem+json "forbidden" (else -1). */
    public static int status(WebTestClient http, String uri, String token) {
        EntityExchangeResult<byte[]> r = http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().returnResult();
        int status = r.getStatus().value();
        if (status == 403) {
            MediaType type = r.getResponseHeaders().getContentType();
            String body = r.getResponseBody() == null ? "" : new String(r.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
            if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    || !body.contains("\"https://kirana.dev/problems/forbidden\"")) {
                return -1;
            }
        }
        return status;
    }

    /**
     * Calls {@code uri} as each caller (name → token): one named in {@code allowed} must get through (any status but
     * 401, 403 or 5xx: a random id may be a 404), every other a problem+json 403. What went otherwise, one line each.
     */
    public static List<String> check(WebTestClient http, Operation op, String uri, Map<String, String> callers,
                                     java.util.Set<String> allowed) {
        List<String> failures = new ArrayList<>();
        callers.forEach((caller, token) -> {
            int status = status(http, uri, token);
            boolean through = status != 401 && status != 403 && status != -1 && status < 500;
            if (allowed.contains(caller) != through || (!allowed.contains(caller) && status != 403)) {
                failures.add(op + " (" + uri + ") as " + caller + ": " + (status == -1 ? "403 without a problem+json body" : status)
                        + (allowed.contains(caller) ? ", expected to be let through" : ", expected 403"));
            }
        });
        return failures;
    }

    /**
     * The callers an access test tries (name → token): owner, manager, auditor and cashier of the shop, a partner
     * client holding {@code scope}, one holding only {@code orders:read} (unless that is the scope), and one holding
     * {@code otherScopes} (every scope but the one that opens these reads).
     */
    public static Map<String, String> callers(TestJwtIssuer jwt, String shop, String ownerToken, String scope, String... otherScopes) {
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("owner", ownerToken);
        callers.put("manager", jwt.token("u-manager", shop, "MANAGER"));
        callers.put("auditor", jwt.token("u-auditor", shop, "AUDITOR"));
        callers.put("cashier", jwt.token("u-cashier", shop, "CASHIER"));
        callers.put("client with " + scope, jwt.clientToken("cli_reader", shop, scope));
        if (!"orders:read".equals(scope)) {
            callers.put("client with orders:read", jwt.clientToken("cli_orders", shop, "orders:read"));
        }
        callers.put("client with every other scope", jwt.clientToken("cli_other", shop, otherScopes));
        return callers;
    }

    /**
     * Every read checked against the matrix: it states the roles {@code rolesOf} gives it and {@code scope}, says so in
     * its description with a 403 response, and each caller (see {@link #callers}) named by those roles, or the client
     * with the scope, gets through while every other gets a problem+json 403. What went otherwise, one line each.
     */
    public static List<String> against(WebTestClient http, List<Operation> reads, Map<String, String> callers,
                                       Map<String, String> values, String scope,
                                       java.util.function.Function<Operation, java.util.Set<String>> rolesOf) {
        List<String> failures = new ArrayList<>();
        for (Operation op : reads) {
            java.util.Set<String> roles = rolesOf.apply(op);
            if (op.roles() == null || !java.util.Set.copyOf(op.roles()).equals(roles) || !scope.equals(op.scope())) {
                failures.add(op + " states roles " + op.roles() + " and scope " + op.scope() + "; the matrix says " + roles + " and " + scope);
            }
            if (!op.documents403() || !op.description().contains("scope " + scope + ")")) {
                failures.add(op + " does not say who may call it in its description, or has no 403 response");
            }
            java.util.Set<String> allowed = new java.util.HashSet<>();
            roles.forEach(r -> allowed.add(r.toLowerCase(java.util.Locale.ROOT)));
            allowed.add("client with " + scope);
            failures.addAll(check(http, op, op.uri(values), callers, allowed));
        }
        return failures;
    }

    /** Lines for a failure message. */
    public static String lines(List<String> failures) {
        return failures.stream().collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
