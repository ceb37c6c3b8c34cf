package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.localstack.KiranaStack;
import dev.kirana.localstack.ServiceDef;
import dev.kirana.systemtests.ApiOperations.Op;
import dev.kirana.systemtests.ApiOperations.Param;
import dev.kirana.systemtests.HostileValues.Hostile;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of every service's checked-in OpenAPI document, attacked through the gateway of the running suite,
 * so that an operation added to a document is attacked without touching this test:
 * <ol>
 * <li>no token: 401 problem+json;</li>
 * <li>shop B's owner with shop A's ids in the path: no success and none of shop A's data in the answer (403/404 for reads);</li>
 * <li>each role and each partner scope the entry does not allow ({@code x-kirana-roles}, {@code x-kirana-scope}): 403;</li>
 * <li>hostile values for each parameter and each top-level body property, missing required fields and malformed bodies
 * ({@link HostileValues}): never a 5xx, and a 4xx is problem+json without a stack trace; a rejected write leaves
 * the row counts of shop A in the service's database as they were ({@link ShopRows}).</li>
 * </ol>
 * A 429 from the gateway's rate limiter is neither pass nor fail: the request is sent again after the pause it asks for.
 * What is skipped, and why, is in {@link #PUBLIC} and {@link #NOT_ATTACKED}. The closing report gives operations ×
 * cases per service.
 */
@Order(7)
class ApiAttackIT {
    static final Path DOCS = Path.of(System.getProperty("kirana.root", "..")).resolve("docs/openapi");

    /** Operations a caller reaches without a bearer token (the no-token case does not apply); path prefixes. */
    static final List<String> PUBLIC = List.of(
            "/.well-known/", "/oauth2/jwks",
            // sign-in, registration, recovery: the body says who the caller is
            "/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/register", "/api/v1/auth/otp/",
            "/api/v1/auth/password/reset/", "/api/v1/auth/token/refresh",
            // a partner's client authenticates with its id and secret (HTTP Basic), not with a bearer token
            "/oauth2/token");

    /**
     * Operations not attacked at all, with why: the console's session is a cookie-based sign-in of the gateway's own
     * pages, not the API (its sign-in is covered by ConsoleSmokeIT and the gateway's tests).
     */
    static final Map<String, String> NOT_ATTACKED = Map.of(
            "/console/session", "the web console's cookie session, not the API");

    static final List<String> ROLES = List.of("OWNER", "MANAGER", "CASHIER", "AUDITOR");
    static final int MAX_HOSTILE_PER_OPERATION = 30;
    /** The hostile phase stops starting operations after this long (a loaded machine), and the report names those not reached. */
    static final Duration HOSTILE_BUDGET = Duration.ofMinutes(Long.getLong("kirana.attack.minutes", 4));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notReached = new ArrayList<>();
    private final Map<String, Map<String, Integer>> tally = new TreeMap<>();
    private final Map<String, Integer> operations = new TreeMap<>();
    private String gateway;

    // shop A's fixture
    private String shopA;
    private final Map<String, String> tokensA = new LinkedHashMap<>();
    private final Map<String, String> clientWithout = new LinkedHashMap<>();
    private String ownerB;
    private final Map<String, String> idsA = new LinkedHashMap<>();
    private final List<String> markersA = new ArrayList<>();

    @Test
    void everyOperationWithstandsTheAttacks() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        gateway = stack.gatewayUrl();
        Http http = new Http(gateway);
        List<Op> ops = ApiOperations.load(DOCS);
        assertThat(ops).as("operations in %s", DOCS).hasSizeGreaterThan(100);

        fixture(http, ops);
        try (ShopRows rows = new ShopRows(stack)) {
            awaitQuiet(rows);
            for (Op op : ops) {
                if (NOT_ATTACKED.keySet().stream().anyMatch(op.path()::startsWith)) {
                    continue;
                }
                operations.merge(op.service(), 1, Integer::sum);
                noToken(op);
                otherShop(op);
                forbidden(op);
            }
            long deadline = System.nanoTime() + HOSTILE_BUDGET.toNanos();
            for (Op op : ops) {
                if (NOT_ATTACKED.keySet().stream().anyMatch(op.path()::startsWith)) {
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    notReached.add(op.toString());
                    continue;
                }
                hostile(op, rows);
            }
        }
        report();
        assertThat(failures).as("offending operations (%d):%n%s", failures.size(), String.join("\n", failures)).isEmpty();
    }

    // ---------------------------------------------------------------- the fixture: two shops, people and clients of shop A

    private void fixture(Http http, List<Op> ops) {
        Journeys.NewShop a = retrying(() -> Journeys.openShop(http, "Attacked", "Attacked Stores"));
        shopA = a.id();
        idsA.put("shopId", shopA);
        markersA.add("Attacked Stores " + a.tag());
        tokensA.put("OWNER", a.owner());
        tokensA.put("CASHIER", a.cashier());
        for (String role : List.of("MANAGER", "AUDITOR")) {
            String email = role.toLowerCase(Locale.ROOT) + "-" + a.tag() + "@example.com";
            Http.Response m = http.post("/api/v1/shops/" + shopA + "/members", a.owner(), Map.of("email", email,
                    "name", role + " " + a.tag(), "role", role, "initialPassword", "member-pass-2026"));
            assertThat(m.status()).as("add %s: %s", role, m.body()).isIn(200, 201);
            tokensA.put(role, Journeys.login(http, email, "member-pass-2026"));
        }
        // partner clients: for each scope an operation asks for, one holding every other scope
        JsonNode discovery = http.get("/.well-known/openid-configuration", null).body();
        List<String> allScopes = new ArrayList<>();
        discovery.get("scopes_supported").forEach(s -> allScopes.add(s.asString()));
        allScopes.removeIf(s -> s.equals("openid") || s.equals("profile") || s.equals("email") || s.equals("offline_access"));
        for (String scope : ops.stream().map(Op::scope).filter(s -> s != null).distinct().toList()) {
            List<String> others = allScopes.stream().filter(s -> !s.equals(scope)).toList();
            Http.Response c = http.post("/api/v1/clients", a.owner(), Map.of("name", "without " + scope, "scopes", others));
            assertThat(c.status()).as("client without %s: %s", scope, c.body()).isIn(200, 201);
            clientWithout.put(scope, clientToken(c.body().get("clientId").asString(), c.body().get("clientSecret").asString()));
        }

        String productId = retrying(() -> Journeys.stockedProduct(http, a.owner(), "50.00", 10));
        idsA.put("productId", productId);
        markersA.add(http.get("/api/v1/products/" + productId, a.owner()).body().get("name").asString());
        String categoryName = "Attacked Category " + a.tag();
        Http.Response category = http.post("/api/v1/categories", a.owner(), Map.of("name", categoryName));
        assertThat(category.status()).as("category: %s", category.body()).isIn(200, 201);
        idsA.put("categoryId", category.body().get("id").asString());
        markersA.add(categoryName);
        String partyName = "Attacked Party " + a.tag();
        String phone = "98" + (10000000 + ThreadLocalRandom.current().nextInt(89999999));
        Http.Response party = http.postIdempotent("/api/v1/accounting/parties", a.owner(),
                Map.of("kind", "CUSTOMER", "name", partyName, "phone", phone, "stateCode", "29"));
        assertThat(party.status()).as("party: %s", party.body()).isIn(200, 201);
        idsA.put("partyId", party.body().get("id").asString());
        idsA.put("phone", phone);
        markersA.add(partyName);
        Http.Response order = Journeys.sell(http, a.owner(), productId, 1);
        assertThat(order.status()).as("sale: %s", order.body()).isIn(201, 202);
        idsA.put("orderId", order.body().get("id").asString());
        JsonNode locations = http.get("/api/v1/inventory/locations", a.owner()).body();
        if (locations != null && locations.isArray() && !locations.isEmpty()) {
            idsA.put("locationId", locations.get(0).get("id").asString());
        }

        Journeys.NewShop b = retrying(() -> Journeys.openShop(http, "Rival", "Rival Stores"));
        ownerB = b.owner();
    }

    /** A step of the fixture, again (each try with new names) while a service of a freshly started suite is slow to answer. */
    private static <T> T retrying(java.util.function.Supplier<T> step) {
        for (int i = 1; ; i++) {
            try {
                return step.get();
            } catch (AssertionError | RuntimeException e) {
                if (i == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private String clientToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Answer t = send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(t.status()).as("client token: %s", t.body()).isEqualTo(200);
        return HostileValues.JSON.readTree(t.body()).get("access_token").asString();
    }

    /** Waits until the events of the fixture have been handled: shop A's row counts stop changing. */
    private void awaitQuiet(ShopRows rows) throws InterruptedException {
        Map<String, Map<String, Long>> last = null;
        for (int i = 0; i < 30; i++) {
            Map<String, Map<String, Long>> now = new TreeMap<>();
            for (ServiceDef s : ServiceDef.ALL) {
                if (s.database() != null) {
                    now.put(s.database(), rows.count(s.database(), shopA));
                }
            }
            if (now.equals(last)) {
                return;
            }
            last = now;
            Thread.sleep(2000);
        }
    }

    // ---------------------------------------------------------------- case 1: no token

    private void noToken(Op op) {
        if (PUBLIC.stream().anyMatch(op.path()::startsWith)) {
            return;
        }
        Answer r = call(op, pathWith(op, true, null), baseQuery(op), baseHeaders(op), baseBody(op), null);
        count(op, "no token");
        if (r.status() != 401 || !r.isProblem()) {
            fail(op, "no token", "expected 401 problem+json", r);
        }
    }

    // ---------------------------------------------------------------- case 2: another shop's owner with this shop's ids

    private void otherShop(Op op) {
        if (PUBLIC.stream().anyMatch(op.path()::startsWith)) {
            return;
        }
        String path = pathWith(op, true, null);
        boolean usesIdOfA = op.params().stream().filter(p -> p.in().equals("path")).anyMatch(p -> fixtureId(op, p.name()) != null);
        if (!usesIdOfA) {
            return;
        }
        // an id of shop A must be refused; a value that any shop may have (a phone number) only must not show shop A's data
        boolean refuse = op.params().stream().filter(p -> p.in().equals("path"))
                .anyMatch(p -> fixtureId(op, p.name()) != null && p.schema() != null && "uuid".equals(p.schema().getFormat()));
        Answer r = call(op, path, baseQuery(op), baseHeaders(op), baseBody(op), ownerB);
        count(op, "other shop");
        String leaked = markersA.stream().filter(m -> r.body().contains(m)).findFirst().orElse(null);
        if (leaked != null) {
            fail(op, "other shop", "shop A's data (" + leaked + ") in the answer to shop B", r);
        } else if (r.status() >= 500) {
            fail(op, "other shop", "a 5xx", r);
        } else if (refuse && (op.isRead() ? !(r.status() == 404 || r.status() == 403) : r.status() < 400)) {
            fail(op, "other shop", op.isRead() ? "expected 404 or 403" : "expected a refusal", r);
        } else if (r.status() >= 400 && !r.isProblem()) {
            fail(op, "other shop", "not problem+json", r);
        }
    }

    // ---------------------------------------------------------------- case 3: roles and scopes the entry does not allow

    private void forbidden(Op op) {
        if (op.roles() == null && op.scope() == null) {
            return;
        }
        String path = pathWith(op, true, null);
        Map<String, String> callers = new LinkedHashMap<>();
        if (op.roles() != null) {
            for (String role : ROLES) {
                if (!op.roles().contains(role)) {
                    callers.put("role " + role, tokensA.get(role));
                }
            }
        }
        if (op.scope() != null) {
            callers.put("client without " + op.scope(), clientWithout.get(op.scope()));
        }
        for (Map.Entry<String, String> c : callers.entrySet()) {
            Answer r = call(op, path, baseQuery(op), baseHeaders(op), baseBody(op), c.getValue());
            count(op, "forbidden");
            if (r.status() != 403 || !r.isProblem()) {
                fail(op, "forbidden: " + c.getKey(), "expected 403 problem+json", r);
            }
        }
    }

    // ---------------------------------------------------------------- case 4: hostile parameters and bodies

    private record Attempt(String what, String path, Map<String, String> query, Map<String, String> headers, Body body) {
    }

    private void hostile(Op op, ShopRows rows) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> query = baseQuery(op);
        Map<String, String> headers = baseHeaders(op);
        Body body = baseBody(op);
        for (Param p : op.params()) {
            if (p.name().equals("Idempotency-Key") && !op.isRead()) {
                continue; // a fresh key per request keeps each attempt a new one; the key's own checks are platform/web's tests
            }
            for (Hostile h : HostileValues.forParam(p.schema(), p.in())) {
                String what = p.in() + " " + p.name() + ": " + h.label();
                switch (p.in()) {
                    case "path" -> attempts.add(new Attempt(what, pathWith(op, false, Map.of(p.name(), h.raw())), query, headers, body));
                    case "query" -> {
                        Map<String, String> q = new LinkedHashMap<>(query);
                        q.put(p.name(), h.raw());
                        attempts.add(new Attempt(what, pathWith(op, false, null), q, headers, body));
                    }
                    case "header" -> {
                        Map<String, String> hd = new LinkedHashMap<>(headers);
                        hd.put(p.name(), h.raw());
                        attempts.add(new Attempt(what, pathWith(op, false, null), query, hd, body));
                    }
                    default -> {
                    }
                }
            }
        }
        String path = pathWith(op, false, null);
        if (op.jsonBody() != null && body != null && body.json() != null && body.json().isObject()) {
            ObjectNode base = (ObjectNode) body.json();
            Schema<?> schema = op.jsonBody();
            for (Map.Entry<String, Schema> prop : ApiOperations.properties(schema).entrySet()) {
                for (Hostile h : HostileValues.forBody(prop.getValue())) {
                    ObjectNode copy = base.deepCopy();
                    copy.put(prop.getKey(), "\u0001HOSTILE\u0001");
                    String text = HostileValues.JSON.writeValueAsString(copy)
                            .replace(HostileValues.quote("\u0001HOSTILE\u0001"), h.raw());
                    attempts.add(new Attempt("body " + prop.getKey() + ": " + h.label(), path, query, headers,
                            new Body("application/json", text, null)));
                }
            }
            if (schema.getRequired() != null) {
                for (String required : schema.getRequired()) {
                    ObjectNode copy = base.deepCopy();
                    copy.remove(required);
                    attempts.add(new Attempt("body without required " + required, path, query, headers,
                            new Body("application/json", HostileValues.JSON.writeValueAsString(copy), null)));
                }
            }
        }
        if (!op.bodyTypes().isEmpty()) {
            attempts.add(new Attempt("body: malformed JSON", path, query, headers, new Body("application/json", "{\"a\":", null)));
            attempts.add(new Attempt("body: an array", path, query, headers, new Body("application/json", "[]", null)));
            attempts.add(new Attempt("body: a string", path, query, headers, new Body("application/json", "\"x\"", null)));
            attempts.add(new Attempt("body: empty", path, query, headers, new Body("application/json", "", null)));
            String other = op.bodyTypes().stream().filter(t -> !t.equals("application/json")).findFirst().orElse(null);
            if (other != null) {
                attempts.add(new Attempt("body: " + other + " of NUL and control bytes", path, query, headers,
                        new Body(other, "\u0000\u0001\u0002,\u001b;\n\u0000", null)));
            }
        }
        if (attempts.size() > MAX_HOSTILE_PER_OPERATION) {
            // an even spread over the parameters and properties, first and last included
            List<Attempt> spread = new ArrayList<>();
            double step = (attempts.size() - 1) / (double) (MAX_HOSTILE_PER_OPERATION - 1);
            for (int i = 0; i < MAX_HOSTILE_PER_OPERATION; i++) {
                spread.add(attempts.get((int) Math.round(i * step)));
            }
            attempts = spread;
        }
        boolean anonymous = PUBLIC.stream().anyMatch(op.path()::startsWith);
        List<String> callers = anonymous ? java.util.Collections.singletonList(null) : hostileCallers(op);
        String database = ServiceDef.ALL.stream().filter(s -> s.name().equals(op.service())).map(ServiceDef::database)
                .findFirst().orElse(null);
        boolean countRows = !op.isRead() && database != null;
        Map<String, Long> before = countRows ? rows.count(database, shopA) : null;
        int i = 0;
        for (Attempt a : attempts) {
            String token = callers.get(i++ % callers.size());
            Map<String, String> hd = new LinkedHashMap<>(a.headers());
            Answer r = call(op, a.path(), a.query(), hd, a.body(), token);
            count(op, "hostile");
            if (r.status() >= 500) {
                fail(op, "hostile " + a.what(), "a 5xx", r);
            } else if (r.status() >= 400 && !r.isProblem()) {
                fail(op, "hostile " + a.what(), "a 4xx that is not problem+json", r);
            } else if (r.body().contains("Exception") || r.body().contains("at dev.kirana")) {
                fail(op, "hostile " + a.what(), "a stack trace in the answer", r);
            }
            if (countRows) {
                Map<String, Long> after = rows.count(database, shopA);
                if (r.status() >= 400 && !after.equals(before)) {
                    fail(op, "hostile " + a.what(), "rows changed by a rejected write: " + diff(before, after), r);
                }
                before = after;
            }
        }
    }

    /** Reads are attacked as the owner and the manager in turn (each has its own rate limit); writes as the owner. */
    private List<String> hostileCallers(Op op) {
        if (op.isRead() && (op.roles() == null || op.roles().contains("MANAGER"))) {
            return List.of(tokensA.get("OWNER"), tokensA.get("MANAGER"));
        }
        return List.of(tokensA.get("OWNER"));
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> d = new TreeMap<>();
        for (String t : after.keySet()) {
            if (!after.get(t).equals(before.get(t))) {
                d.put(t, before.get(t) + "→" + after.get(t));
            }
        }
        return d.toString();
    }

    // ---------------------------------------------------------------- requests

    private record Body(String contentType, String text, JsonNode json) {
    }

    /** A plausible body from the schema (its example, else values of each property's type), or null without one. */
    private Body baseBody(Op op) {
        if (op.bodyTypes().isEmpty()) {
            return null;
        }
        if (op.jsonBody() == null) {
            String type = op.bodyTypes().get(0);
            return new Body(type, "name\nx\n", null);
        }
        JsonNode json = HostileValues.plausible(op.jsonBody(), 0);
        return new Body("application/json", HostileValues.JSON.writeValueAsString(json), json);
    }

    private Map<String, String> baseQuery(Op op) {
        Map<String, String> q = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (p.in().equals("query") && p.required()) {
                JsonNode v = HostileValues.plausible(p.schema(), 0);
                String named = idsA.get(p.name());
                q.put(p.name(), named != null ? named : v.isString() ? v.asString() : v.toString());
            }
        }
        return q;
    }

    private Map<String, String> baseHeaders(Op op) {
        Map<String, String> h = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (p.in().equals("header") && p.name().equals("Idempotency-Key")) {
                h.put(p.name(), UUID.randomUUID().toString());
            } else if (p.in().equals("header") && p.required()) {
                h.put(p.name(), "\"0\"");
            }
        }
        return h;
    }

    /**
     * The path with its parameters filled: shop A's id for a parameter named after something of shop A (with
     * {@code realIds}: always; else for reads and for PUT/PATCH, so that a write attacked is never a delete or a
     * state change of shop A's fixture), today for a date, a random UUID otherwise; {@code overrides} as given (encoded).
     */
    private String pathWith(Op op, boolean realIds, Map<String, String> overrides) {
        String path = op.path();
        for (Param p : op.params()) {
            if (!p.in().equals("path")) {
                continue;
            }
            String value;
            if (overrides != null && overrides.containsKey(p.name())) {
                value = URLEncoder.encode(overrides.get(p.name()), StandardCharsets.UTF_8).replace("+", "%20");
            } else {
                String id = fixtureId(op, p.name());
                boolean useReal = realIds || op.isRead() || op.method().equals("PUT") || op.method().equals("PATCH")
                        || p.name().equals("shopId");
                // a day in the path (format date) is a day, so the other shop is refused for being another shop
                value = id != null && useReal ? id
                        : p.schema() != null && "date".equals(p.schema().getFormat()) ? java.time.LocalDate.now().toString()
                        : UUID.randomUUID().toString();
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        return path;
    }

    /** Shop A's id for a path parameter: by its name (productId, orderId, ...), or for {id} by the segment before it. */
    private String fixtureId(Op op, String name) {
        if (idsA.containsKey(name)) {
            return idsA.get(name);
        }
        if (name.equals("party")) {
            return idsA.get("partyId");
        }
        if (name.equals("id")) {
            String[] segments = op.path().split("/");
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{id}")) {
                    String owner = switch (segments[i - 1]) {
                        case "products" -> "productId";
                        case "categories" -> "categoryId";
                        case "orders" -> "orderId";
                        case "parties" -> "partyId";
                        case "locations" -> "locationId";
                        default -> null;
                    };
                    return owner == null ? null : idsA.get(owner);
                }
            }
        }
        return null;
    }

    record Answer(int status, String contentType, String body) {
        boolean isProblem() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    private Answer call(Op op, String path, Map<String, String> query, Map<String, String> headers, Body body, String token) {
        StringBuilder uri = new StringBuilder(gateway).append(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(sep).append(URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString())).method(op.method(), publisher);
        if (body != null) {
            b.header("Content-Type", body.contentType());
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /** Sends, again after the pause a 429 asks for (neither pass nor fail). */
    private Answer send(HttpRequest.Builder b) {
        HttpRequest request = b.timeout(Duration.ofSeconds(60)).build();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                boolean tooSlow = (r.statusCode() == 503 || r.statusCode() == 504) && r.body().contains("upstream-");
                if (tooSlow && attempt < 3) {
                    // the gateway's time limit on a loaded machine: tried again, and reported if it persists
                    Thread.sleep(2000);
                    continue;
                }
                if (r.statusCode() == 429 && attempt < 60) {
                    long pause = r.headers().firstValue("Retry-After").map(s -> {
                        try {
                            return Long.parseLong(s.trim());
                        } catch (NumberFormatException e) {
                            return 1L;
                        }
                    }).orElse(1L);
                    Thread.sleep(Math.max(250, Math.min(pause, 5) * 1000));
                    continue;
                }
                return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            } catch (IOException e) {
                return new Answer(-1, null, "no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- the report

    private void count(Op op, String kind) {
        tally.computeIfAbsent(op.service(), s -> new TreeMap<>()).merge(kind, 1, Integer::sum);
    }

    private void fail(Op op, String kind, String expected, Answer r) {
        String excerpt = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        if (excerpt.length() > 240) {
            excerpt = excerpt.substring(0, 240) + "…";
        }
        failures.add(op + " [" + op.operationId() + "] " + kind + ": " + expected + ", got " + r.status() + " "
                + r.contentType() + " " + excerpt);
    }

    private void report() {
        List<String> kinds = List.of("no token", "other shop", "forbidden", "hostile");
        StringBuilder s = new StringBuilder("\nApiAttackIT: operations × cases attacked, per service\n");
        s.append(String.format("%-20s %10s %10s %11s %10s %10s%n", "service", "operations", "no token", "other shop", "forbidden", "hostile"));
        int[] totals = new int[5];
        for (Map.Entry<String, Integer> e : operations.entrySet()) {
            Map<String, Integer> t = tally.getOrDefault(e.getKey(), Map.of());
            int[] row = {e.getValue(), t.getOrDefault(kinds.get(0), 0), t.getOrDefault(kinds.get(1), 0),
                    t.getOrDefault(kinds.get(2), 0), t.getOrDefault(kinds.get(3), 0)};
            for (int i = 0; i < 5; i++) {
                totals[i] += row[i];
            }
            s.append(String.format("%-20s %10d %10d %11d %10d %10d%n", e.getKey(), row[0], row[1], row[2], row[3], row[4]));
        }
        s.append(String.format("%-20s %10d %10d %11d %10d %10d%n", "total", totals[0], totals[1], totals[2], totals[3], totals[4]));
        s.append("requests: ").append(totals[1] + totals[2] + totals[3] + totals[4]).append(", offending: ").append(failures.size())
                .append(", random values' seed: ").append(HostileValues.SEED).append(" (-Dkirana.attack.seed)").append('\n');
        if (!notReached.isEmpty()) {
            s.append("hostile values not reached in ").append(HOSTILE_BUDGET).append(" (").append(notReached.size()).append("): ")
                    .append(notReached).append('\n');
        }
        System.out.println(s);
    }
}
