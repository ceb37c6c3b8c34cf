package dev.kirana.gateway.console;

import dev.kirana.gateway.EdgeProperties;
import dev.kirana.gateway.ratelimit.TokenBuckets;
import dev.kirana.web.problem.Problems;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web console's session: signs in with auth-service's public endpoints (password, or phone and SMS code),
 * keeps the tokens in {@link ConsoleCookies} and answers only who is signed in — the page never sees a token.
 * <ul>
 *   <li>{@code POST /console/session} {@code {"username","password"}} or {@code {"phone","code"}}: sign in;</li>
 *   <li>{@code POST /console/session/otp} {@code {"phone"}}: send a sign-in code by SMS;</li>
 *   <li>{@code GET /console/session}: who is signed in ({@code /api/v1/auth/me}), renewing an expired access token
 *       from the refresh cookie; 204 when nobody is;</li>
 *   <li>{@code POST /console/session/refresh}: new tokens from the refresh cookie (the page calls it on a 401);</li>
 *   <li>{@code POST /console/session/shop} {@code {"shopId"}}: switch the active shop;</li>
 *   <li>{@code DELETE /console/session}: sign out (the refresh token is revoked) and forget the cookies.</li>
 * </ul>
 * Every call but signing in needs the CSRF header; signing in is refused from another origin and is limited per
 * client address like the API's anonymous calls. Errors are auth-service's problem+json, passed on as they are.
 */
@RestController
@RequestMapping(ConsoleCookies.SESSION_PATH)
class ConsoleSession {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebClient auth;
    private final ConsoleProperties props;
    private final EdgeProperties edge;
    private final TokenBuckets buckets;

    ConsoleSession(ConsoleProperties props, EdgeProperties edge, TokenBuckets buckets) {
        this.auth = WebClient.builder().baseUrl(props.authServiceUrl()).build();
        this.props = props;
        this.edge = edge;
        this.buckets = buckets;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<JsonNode>> signIn(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        if (!sameOrigin(exchange.getRequest())) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "cross-origin", "Cross-origin sign-in",
                    "The console signs in only from its own pages");
        }
        boolean byCode = body.containsKey("code") && !body.containsKey("password");
        String path = byCode ? "/api/v1/auth/otp/verify" : "/api/v1/auth/login";
        Map<String, Object> forwarded = byCode
                ? Map.of("phone", String.valueOf(body.get("phone")), "code", String.valueOf(body.get("code")))
                : Map.of("username", String.valueOf(body.getOrDefault("username", "")), "password",
                String.valueOf(body.getOrDefault("password", "")));
        return limited(exchange, () -> auth.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(forwarded)
                .exchangeToMono(r -> tokens(r, exchange)));
    }

    @PostMapping(path = "/otp", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<JsonNode>> sendCode(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        if (!sameOrigin(exchange.getRequest())) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "cross-origin", "Cross-origin request",
                    "The console asks for codes only from its own pages");
        }
        Map<String, Object> forwarded = Map.of("phone", String.valueOf(body.getOrDefault("phone", "")), "purpose", "LOGIN");
        return limited(exchange, () -> auth.post().uri("/api/v1/auth/otp/request").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(forwarded).exchangeToMono(ConsoleSession::passOn));
    }

    @GetMapping
    Mono<ResponseEntity<JsonNode>> who(ServerWebExchange exchange) {
        String token = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.ACCESS);
        if (token != null) {
            return me(token, null).onErrorResume(Rejected.class, r -> Mono.just(r.response));
        }
        String refresh = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.REFRESH);
        if (refresh == null) {
            // nobody signed in is an answer, not an error: the page shows its sign-in form
            return Mono.just(ResponseEntity.noContent().cacheControl(org.springframework.http.CacheControl.noStore()).build());
        }
        // the access token has expired (its cookie with it): a page opened later resumes the session. A GET that
        // changes cookies is safe here: SameSite=Strict keeps the refresh cookie from other sites' requests.
        return auth.post().uri("/api/v1/auth/token/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh)).exchangeToMono(r -> {
                    if (!r.statusCode().is2xxSuccessful()) {
                        ConsoleCookies.clear(exchange, edge.trustForwardedHeaders());
                        return r.releaseBody().thenReturn(ResponseEntity.noContent().<JsonNode>build());
                    }
                    return tokens(r, exchange);
                });
    }

    @PostMapping("/refresh")
    Mono<ResponseEntity<JsonNode>> refresh(ServerWebExchange exchange) {
        if (!ConsoleCookies.csrfMatches(exchange.getRequest())) {
            return csrf(exchange);
        }
        String refresh = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.REFRESH);
        if (refresh == null) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in", "Sign in again");
        }
        return auth.post().uri("/api/v1/auth/token/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refresh)).exchangeToMono(r -> tokens(r, exchange));
    }

    @PostMapping(path = "/shop", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<JsonNode>> switchShop(@RequestBody Map<String, Object> body, ServerWebExchange exchange) {
        if (!ConsoleCookies.csrfMatches(exchange.getRequest())) {
            return csrf(exchange);
        }
        String token = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.ACCESS);
        if (token == null) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in", "Sign in first");
        }
        return auth.post().uri("/api/v1/auth/switch-shop").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("shopId", String.valueOf(body.get("shopId"))))
                .exchangeToMono(r -> tokens(r, exchange));
    }

    @DeleteMapping
    Mono<ResponseEntity<JsonNode>> signOut(ServerWebExchange exchange) {
        if (!ConsoleCookies.csrfMatches(exchange.getRequest())) {
            return csrf(exchange);
        }
        String refresh = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.REFRESH);
        Mono<Void> revoke = refresh == null ? Mono.empty() : auth.post().uri("/api/v1/auth/logout")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("refreshToken", refresh))
                .exchangeToMono(ClientResponse::releaseBody);
        return revoke.then(Mono.fromSupplier(() -> {
            ConsoleCookies.clear(exchange, edge.trustForwardedHeaders());
            return ResponseEntity.noContent().<JsonNode>build();
        }));
    }

    /** A token response becomes cookies; the page gets who signed in and when the token expires. */
    private Mono<ResponseEntity<JsonNode>> tokens(ClientResponse response, ServerWebExchange exchange) {
        if (!response.statusCode().is2xxSuccessful()) {
            return passOn(response);
        }
        return response.bodyToMono(JsonNode.class).flatMap(t -> {
            String access = t.path("accessToken").asString();
            long expiresIn = t.path("expiresIn").asLong(900);
            String refresh = t.path("refreshToken").isString() ? t.path("refreshToken").asString() : null;
            ConsoleCookies.set(exchange, edge.trustForwardedHeaders(), access, expiresIn, refresh, props.refreshLifetime());
            return me(access, expiresIn);
        }).onErrorResume(Rejected.class, r -> Mono.just(r.response));
    }

    private Mono<ResponseEntity<JsonNode>> me(String token, Long expiresIn) {
        return auth.get().uri("/api/v1/auth/me").headers(h -> h.setBearerAuth(token)).exchangeToMono(r -> {
            if (!r.statusCode().is2xxSuccessful()) {
                return passOn(r).flatMap(e -> Mono.error(new Rejected(e)));
            }
            return r.bodyToMono(JsonNode.class).map(me -> {
                if (expiresIn != null && me instanceof ObjectNode o) {
                    o.put("expiresIn", expiresIn);
                }
                return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore()).body(me);
            });
        });
    }

    private static Mono<ResponseEntity<JsonNode>> passOn(ClientResponse response) {
        return response.bodyToMono(JsonNode.class)
                .map(body -> ResponseEntity.status(response.statusCode())
                        .contentType(response.headers().contentType().orElse(MediaType.APPLICATION_PROBLEM_JSON)).body(body))
                .defaultIfEmpty(ResponseEntity.status(response.statusCode()).build());
    }

    private Mono<ResponseEntity<JsonNode>> limited(ServerWebExchange exchange, java.util.function.Supplier<Mono<ResponseEntity<JsonNode>>> call) {
        EdgeProperties.RateLimit limits = edge.rateLimit();
        return buckets.take(new TokenBuckets.Bucket("console-session:ip:" + address(exchange.getRequest()),
                        limits.anonymousReplenishRate(), limits.anonymousBurstCapacity()))
                .flatMap(d -> {
                    if (!d.allowed()) {
                        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, (d.retryAfterMillis() + 999) / 1000)));
                        return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                                "Too many sign-in attempts from this address; wait a moment");
                    }
                    return call.get();
                });
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** A browser sends Origin on every POST; it must be this host (a missing Origin is a non-browser client). */
    static boolean sameOrigin(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().getFirst("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Mono<ResponseEntity<JsonNode>> csrf(ServerWebExchange exchange) {
        return refuse(exchange, HttpStatus.FORBIDDEN, "csrf", "Missing or wrong CSRF token",
                "Send the " + ConsoleCookies.CSRF + " cookie's value in the " + ConsoleCookies.CSRF_HEADER + " header");
    }

    private static Mono<ResponseEntity<JsonNode>> refuse(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", Problems.TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        return Mono.just(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }

    private static final class Rejected extends RuntimeException {
        final transient ResponseEntity<JsonNode> response;

        Rejected(ResponseEntity<JsonNode> response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
