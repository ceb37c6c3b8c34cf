package dev.kirana.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's HTTP API as the bench and the demo loader use it: JSON over {@link HttpClient} (HTTP/1.1, kept-alive
 * connections, two worker threads so the load generator stays light on a two-core machine).
 * Holds the access token of one user (the demo owner unless told otherwise), switched to one shop when the user
 * belongs to several, and logs in again before it expires.
 */
public final class KiranaApi implements AutoCloseable {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String USERNAME = "owner@demo.kirana";
    public static final String PASSWORD = "kirana-demo";

    private final String gateway;
    private final String username;
    private final String password;
    /** The shop the token must name; null: the one the login names. */
    private volatile String wantedShop;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final HttpClient http;
    private final Map<String, byte[]> orderBodies = new ConcurrentHashMap<>();
    private final AtomicLong lastRelogin = new AtomicLong();
    private volatile String bearer;
    private volatile String shopId;
    private volatile String userId;

    /** A synchronous response: status and parsed JSON body (null when empty or not JSON). */
    public record Response(int status, JsonNode body, String raw, HttpResponse<byte[]> http) {
        public String text(String field) {
            JsonNode n = body == null ? null : body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }
    }

    KiranaApi(String gateway) {
        this(gateway, USERNAME, PASSWORD, null);
    }

    /** A client that logs in as {@code username}; with {@code shopId}, its tokens name that shop (switch-shop). */
    public KiranaApi(String gateway, String username, String password, String shopId) {
        this.gateway = gateway;
        this.username = username;
        this.password = password;
        this.wantedShop = shopId;
        this.workers = Executors.newFixedThreadPool(2, daemon("bench-http"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("bench-timer"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(workers)
                .build();
    }

    public String gateway() {
        return gateway;
    }

    public String shopId() {
        return shopId;
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    // ---- token -------------------------------------------------------------------------------------

    /**
     * Logs in through the gateway (switching to the wanted shop when the login names another) and schedules the next
     * login at half the token's lifetime.
     */
    public void login() {
        Response r = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            r = sendSync(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("username", username, "password", password)))), false);
            if (r.status() == 200 || r.status() == 401 || r.status() == 400) {
                break;
            }
            sleep(r.status() == 429 ? 1000 : 500);
        }
        if (r == null || r.status() != 200 || r.text("accessToken") == null) {
            throw new IllegalStateException("login as " + username + " failed: HTTP " + (r == null ? "-" : r.status() + " " + r.raw()));
        }
        bearer = "Bearer " + r.text("accessToken");
        String wanted = wantedShop;
        if (wanted != null && !wanted.equals(r.text("shopId"))) {
            Response switched = sendSync(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/switch-shop"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("shopId", wanted)))), true);
            if (switched.status() != 200 || switched.text("accessToken") == null) {
                throw new IllegalStateException("switch-shop of " + username + " to " + wanted + " failed: HTTP "
                        + switched.status() + " " + switched.raw());
            }
            r = switched;
            bearer = "Bearer " + r.text("accessToken");
        }
        shopId = r.text("shopId");
        userId = r.text("userId");
        long expiresIn = r.body().has("expiresIn") ? r.body().get("expiresIn").asLong() : 900;
        long next = Math.max(20, expiresIn / 2);
        lastRelogin.set(System.nanoTime());
        timer.schedule(this::reloginQuietly, next, TimeUnit.SECONDS);
    }

    private void reloginQuietly() {
        try {
            login();
        } catch (RuntimeException e) {
            System.err.println("bench: re-login failed (" + e.getMessage() + "); retrying in 5 s");
            timer.schedule(this::reloginQuietly, 5, TimeUnit.SECONDS);
        }
    }

    /** A 401 during load: log in again, at most every 5 s. */
    private void onUnauthorized() {
        long last = lastRelogin.get();
        if (System.nanoTime() - last > TimeUnit.SECONDS.toNanos(5) && lastRelogin.compareAndSet(last, System.nanoTime())) {
            timer.execute(this::reloginQuietly);
        }
    }

    // ---- synchronous calls (set-up and checks) -------------------------------------------------------

    public Response get(String url) {
        return sendSync(HttpRequest.newBuilder(URI.create(url)).GET(), true);
    }

    /**
     * One GET with the token and no retry (a 429 is answered as it came, for the caller to count); the status and
     * body. A 401 schedules a fresh login.
     */
    HttpResponse<byte[]> getOnce(String url, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 401) {
            onUnauthorized();
        }
        return r;
    }

    public Response post(String url, Object body, String... headers) {
        return postBytes(url, "application/json", JSON.writeValueAsBytes(body), headers);
    }

    /** A POST of a body that is not JSON (a CSV price list, say). */
    public Response postBytes(String url, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return sendSync(b, true);
    }

    /** Sends with the token; a 429 (an external stack's rate limit) waits for Retry-After and tries again. */
    private Response sendSync(HttpRequest.Builder builder, boolean authenticated) {
        for (int attempt = 0; ; attempt++) {
            if (authenticated) {
                builder.setHeader("Authorization", bearer);
            }
            HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 429 && attempt < 20) {
                    long wait = r.headers().firstValueAsLong("Retry-After").orElse(1);
                    sleep(TimeUnit.SECONDS.toMillis(Math.min(wait, 10)));
                    continue;
                }
                String raw = new String(r.body(), StandardCharsets.UTF_8);
                JsonNode body = null;
                if (!raw.isBlank()) {
                    try {
                        body = JSON.readTree(raw);
                    } catch (RuntimeException notJson) {
                        body = null;
                    }
                }
                return new Response(r.statusCode(), body, raw, r);
            } catch (IOException e) {
                if (attempt < 3) {
                    sleep(500);
                    continue;
                }
                throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    // ---- the measured request ------------------------------------------------------------------------

    /**
     * Places an order of one unit of {@code productId} at {@code base} ({@code gateway} or
     * order-service) and completes with its outcome once the order is final: directly from a
     * {@code Prefer: wait} answer, or by polling {@code GET /api/v1/orders/{id}} after a 202.
     *
     * @param waitSeconds {@code Prefer: wait=N}; 0 sends no Prefer header (the 202 + poll variant)
     */
    CompletableFuture<Outcome> placeOrder(String base, String productId, int waitSeconds) {
        byte[] body = orderBodies.computeIfAbsent(productId,
                id -> ("{\"lines\":[{\"productId\":\"" + id + "\",\"quantity\":\"1\"}]}").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                .timeout(Duration.ofSeconds(waitSeconds + 15L))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (waitSeconds > 0) {
            b.header("Prefer", "wait=" + waitSeconds);
        }
        long sent = System.nanoTime();
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenCompose(r -> {
                    long now = System.nanoTime();
                    int status = r.statusCode();
                    if (status == 201 || status == 202) {
                        JsonNode order = parse(r.body());
                        String state = text(order, "status");
                        if (status == 201 || isFinal(state)) {
                            return CompletableFuture.completedFuture(finalOutcome(order, status, sent, Outcome.NONE, now));
                        }
                        String id = text(order, "id");
                        if (id == null) {
                            return CompletableFuture.completedFuture(Outcome.failure(Outcome.Kind.HTTP_ERROR, status, sent, now,
                                    "202 without an order id"));
                        }
                        long pollEvery = waitSeconds > 0 ? 100 : 20;
                        long deadline = now + TimeUnit.SECONDS.toNanos(45);
                        return poll(base, id, sent, now, deadline, pollEvery);
                    }
                    if (status == 401) {
                        onUnauthorized();
                    }
                    return CompletableFuture.completedFuture(Outcome.failure(Outcome.Kind.HTTP_ERROR, status, sent, now,
                            problemTitle(r.body())));
                })
                .exceptionally(e -> failure(e, sent));
    }

    private CompletableFuture<Outcome> poll(String base, String id, long sent, long accepted, long deadline, long everyMillis) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        pollOnce(base, id, sent, accepted, deadline, everyMillis, result);
        return result;
    }

    private void pollOnce(String base, String id, long sent, long accepted, long deadline, long everyMillis,
                          CompletableFuture<Outcome> result) {
        timer.schedule(() -> {
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders/" + id))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", bearer)
                    .GET().build();
            http.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                long now = System.nanoTime();
                if (e == null && r.statusCode() == 200) {
                    JsonNode order = parse(r.body());
                    if (isFinal(text(order, "status"))) {
                        result.complete(finalOutcome(order, 202, sent, accepted, now));
                        return;
                    }
                }
                if (now > deadline) {
                    result.complete(new Outcome(Outcome.Kind.PENDING, e == null ? r.statusCode() : 0, sent, accepted, now, -1,
                            "not final 45 s after the 202"));
                } else {
                    pollOnce(base, id, sent, accepted, deadline, everyMillis, result);
                }
            });
        }, everyMillis, TimeUnit.MILLISECONDS);
    }

    private static Outcome finalOutcome(JsonNode order, int status, long sent, long accepted, long now) {
        String state = text(order, "status");
        Outcome.Kind kind = "CONFIRMED".equals(state) ? Outcome.Kind.CONFIRMED
                : "REJECTED".equals(state) ? Outcome.Kind.REJECTED
                : isFinal(state) ? Outcome.Kind.OTHER_FINAL : Outcome.Kind.PENDING;
        long server = -1;
        Instant placed = instant(order, "placedAt");
        Instant done = instant(order, "CONFIRMED".equals(state) ? "confirmedAt" : "updatedAt");
        if (placed != null && done != null) {
            server = Math.max(0, Duration.between(placed, done).toNanos() / 1000);
        }
        String detail = kind == Outcome.Kind.PENDING ? "still PENDING after Prefer: wait" : null;
        return new Outcome(kind, status, sent, accepted, now, server, detail);
    }

    static boolean isFinal(String status) {
        return status != null && !"PENDING".equals(status);
    }

    private static Outcome failure(Throwable e, long sent) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        long now = System.nanoTime();
        if (cause instanceof HttpTimeoutException) {
            return Outcome.failure(Outcome.Kind.TIMEOUT, 0, sent, now, "no answer within the request timeout");
        }
        String detail = cause instanceof ConnectException ? "connection refused" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return Outcome.failure(Outcome.Kind.IO_ERROR, 0, sent, now, detail);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The problem+json title (and detail) of an error answer, for the error table. */
    static String problemTitle(byte[] body) {
        JsonNode n = parse(body);
        if (n == null) {
            return null;
        }
        String title = text(n, "title");
        String detail = text(n, "detail");
        if (title == null) {
            return detail;
        }
        return detail == null ? title : title + " — " + detail;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
