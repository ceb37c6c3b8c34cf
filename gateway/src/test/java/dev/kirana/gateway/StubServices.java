package dev.kirana.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny real HTTP server standing in for the services behind the gateway. It answers with what it
 * received (method, path, headers) and counts calls per path, so tests see exactly what was forwarded.
 * Paths ending in {@code /slow} answer after 3 s; {@code /flaky} fails with 503 twice, then answers;
 * {@code /broken} always fails with 503; {@code /v3/api-docs} is an OpenAPI document with a "servers" entry.
 * auth-service's login ({@value #PASSWORD} is the one right password), refresh ({@code rt-N} → {@code rt-N+1}),
 * logout and me (which echoes the bearer token it was given) answer like auth-service does.
 */
final class StubServices {
    static final StubServices INSTANCE = start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String url;
    /** A port nothing listens on: a service that is down. */
    final String downUrl;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private StubServices(String url, String downUrl) {
        this.url = url;
        this.downUrl = downUrl;
    }

    private static StubServices start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "stub-service");
                t.setDaemon(true);
                return t;
            }));
            StubServices stub = new StubServices("http://127.0.0.1:" + server.getAddress().getPort(), "http://127.0.0.1:" + freePort());
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int calls(String key) {
        return calls.getOrDefault(key, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestMethod() + " " + path;
        int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.startsWith("/api/v1/auth/") && auth(exchange, path, body)) {
            return;
        }
        if (path.equals("/v3/api-docs")) {
            respond(exchange, 200, Map.of("openapi", "3.1.0", "info", Map.of("title", "stub", "version", "v1"),
                    "servers", List.of(Map.of("url", "http://127.0.0.1:8084")), "paths", Map.of()));
            return;
        }
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (path.endsWith("/broken") || (path.endsWith("/flaky") && n <= 2)) {
            respond(exchange, 503, Map.of("title", "down for a moment"));
            return;
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("call", n);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        echo.put("headers", headers);
        respond(exchange, 200, echo);
    }

    static final String PASSWORD = "right-password";
    static final String USER = "console-user";
    static final String SHOP = "console-shop";

    /** auth-service's public endpoints, as the console's session calls them. */
    private boolean auth(HttpExchange exchange, String path, byte[] body) throws IOException {
        Map<?, ?> request = body.length == 0 ? Map.of() : JSON.readValue(body, Map.class);
        switch (path) {
            case "/api/v1/auth/login" -> {
                if (PASSWORD.equals(request.get("password"))) {
                    respond(exchange, 200, tokens("rt-1"));
                } else {
                    problem(exchange, 401, "Wrong username or password");
                }
            }
            case "/api/v1/auth/token/refresh" -> {
                String rt = String.valueOf(request.get("refreshToken"));
                if (rt.matches("rt-\\d+")) {
                    respond(exchange, 200, tokens("rt-" + (Integer.parseInt(rt.substring(3)) + 1)));
                } else {
                    problem(exchange, 401, "Unknown refresh token");
                }
            }
            case "/api/v1/auth/logout" -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
            case "/api/v1/auth/me" -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization == null) {
                    problem(exchange, 401, "A valid bearer token is required");
                } else {
                    respond(exchange, 200, Map.of("userId", USER, "name", "Console User", "activeShopId", SHOP,
                            "roles", List.of("OWNER"), "shops", List.of(Map.of("shopId", SHOP, "name", "Stub Store", "role", "OWNER")),
                            "bearer", authorization.substring("Bearer ".length())));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> tokens(String refreshToken) {
        return Map.of("accessToken", TestIssuers.INSTANCE.token(USER, SHOP, "OWNER"), "refreshToken", refreshToken,
                "tokenType", "Bearer", "expiresIn", 900, "shopId", SHOP, "roles", List.of("OWNER"), "userId", USER);
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        byte[] bytes = JSON.writeValueAsString(Map.of("type", "https://kirana.dev/problems/unauthorized", "title", "Unauthorized",
                "status", status, "detail", detail)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // like every Kirana service: echo the request id, and Spring Security's cache headers
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) exchange.getResponseHeaders().add("X-Request-Id", requestId);
        exchange.getResponseHeaders().add("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
