package dev.kirana.gateway.console;

import dev.kirana.gateway.EdgeProperties;
import dev.kirana.gateway.edge.ClientAddress;
import dev.kirana.gateway.ratelimit.TokenBuckets;
import dev.kirana.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
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
@Tag(name = "Console session", description = "The web console's cookie session: HttpOnly tokens, CSRF double submit")
@SecurityRequirements
class ConsoleSession {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebClient auth;
    private final ConsoleProperties props;
    private final EdgeProperties edge;
    private final TokenBuckets buckets;
    private final ClientAddress clientAddress;

    /** Boot's builder: its calls to auth-service are client spans that carry the trace ({@code traceparent}) on. */
    ConsoleSession(ConsoleProperties props, EdgeProperties edge, TokenBuckets buckets, ClientAddress clientAddress,
                   ObjectProvider<WebClient.Builder> webClients) {
        this.auth = webClients.getIfAvailable(WebClient::builder).baseUrl(props.authServiceUrl()).build();
        this.props = props;
        this.edge = edge;
        this.buckets = buckets;
        this.clientAddress = clientAddress;
    }

    /** Either username and password, or phone and the SMS code. */
    @Schema(example = """
            {"username":"owner@demo.kirana","password":"kirana-demo"}""")
    record SignIn(String username, String password, String phone, String code) {
    }

    record Phone(@Schema(example = "9876543210") String phone) {
    }

    record Shop(@Schema(example = "00000000-0000-4000-a000-000000000001") String shopId) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign in (password, or phone and SMS code); the tokens are set as HttpOnly cookies",
            description = "Answers who signed in (as /api/v1/auth/me, with expiresIn) and sets kirana_at (access token, Path=/), "
                    + "kirana_rt (refresh token, Path=/console/session), both HttpOnly and SameSite=Strict, and kirana_csrf "
                    + "(readable, to echo in X-CSRF-Token on writes). Refused from another origin (403) and limited per client "
                    + "address (429). Wrong credentials are auth-service's 401 problem.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Wrong username, password or code")
    @ApiResponse(responseCode = "403", description = "From another origin")
    @ApiResponse(responseCode = "429", description = "Too many attempts from this address")
    Mono<ResponseEntity<JsonNode>> signIn(@RequestBody SignIn request, ServerWebExchange exchange) {
        if (!sameOrigin(exchange.getRequest())) {
            return crossOrigin(exchange);
        }
        boolean byCode = request.code() != null && request.password() == null;
        String path = byCode ? "/api/v1/auth/otp/verify" : "/api/v1/auth/login";
        Map<String, Object> forwarded = byCode
                ? Map.of("phone", nz(request.phone()), "code", request.code())
                : Map.of("username", nz(request.username()), "password", nz(request.password()));
        return limited(exchange, () -> auth.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(forwarded)
                .exchangeToMono(r -> tokens(r, exchange)));
    }

    @PostMapping(path = "/otp", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a sign-in code by SMS to a member's phone (auth-service's answer, passed on)")
    @ApiResponse(responseCode = "202", description = "A code was sent, if the phone belongs to a member")
    @ApiResponse(responseCode = "403", description = "From another origin")
    @ApiResponse(responseCode = "429", description = "Too many requests")
    Mono<ResponseEntity<JsonNode>> sendCode(@RequestBody Phone request, ServerWebExchange exchange) {
        if (!sameOrigin(exchange.getRequest())) {
            return crossOrigin(exchange);
        }
        Map<String, Object> forwarded = Map.of("phone", nz(request.phone()), "purpose", "LOGIN");
        return limited(exchange, () -> auth.post().uri("/api/v1/auth/otp/request").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(forwarded).exchangeToMono(ConsoleSession::passOn));
    }

    @GetMapping
    @Operation(summary = "Who is signed in; renews an expired access cookie from the refresh cookie",
            description = "204 when nobody is signed in (or the refresh token is no longer valid: the cookies are then cleared).")
    @ApiResponse(responseCode = "200", description = "The member, as /api/v1/auth/me")
    @ApiResponse(responseCode = "204", description = "Nobody is signed in")
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
                        ConsoleCookies.clear(exchange, clientAddress.fromTrustedProxy(exchange.getRequest()));
                        return r.releaseBody().thenReturn(ResponseEntity.noContent().<JsonNode>build());
                    }
                    return tokens(r, exchange);
                });
    }

    @PostMapping("/refresh")
    @Operation(summary = "New tokens from the refresh cookie (rotated); needs X-CSRF-Token")
    @ApiResponse(responseCode = "200", description = "Renewed")
    @ApiResponse(responseCode = "401", description = "Not signed in, or the refresh token is no longer valid")
    @ApiResponse(responseCode = "403", description = "Missing or wrong CSRF token")
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
    @Operation(summary = "Switch the active shop (a member of several); needs X-CSRF-Token")
    @ApiResponse(responseCode = "200", description = "The member in the new shop")
    @ApiResponse(responseCode = "403", description = "Missing or wrong CSRF token, or not a member of that shop")
    Mono<ResponseEntity<JsonNode>> switchShop(@RequestBody Shop body, ServerWebExchange exchange) {
        if (!ConsoleCookies.csrfMatches(exchange.getRequest())) {
            return csrf(exchange);
        }
        String token = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.ACCESS);
        if (token == null) {
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in", "Sign in first");
        }
        return auth.post().uri("/api/v1/auth/switch-shop").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("shopId", String.valueOf(body.shopId())))
                .exchangeToMono(r -> tokens(r, exchange));
    }

    @DeleteMapping
    @Operation(summary = "Sign out: the refresh token is revoked and the cookies are cleared; needs X-CSRF-Token")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @ApiResponse(responseCode = "403", description = "Missing or wrong CSRF token")
    Mono<ResponseEntity<JsonNode>> signOut(ServerWebExchange exchange) {
        if (!ConsoleCookies.csrfMatches(exchange.getRequest())) {
            return csrf(exchange);
        }
        String refresh = ConsoleCookies.value(exchange.getRequest(), ConsoleCookies.REFRESH);
        Mono<Void> revoke = refresh == null ? Mono.empty() : auth.post().uri("/api/v1/auth/logout")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("refreshToken", refresh))
                .exchangeToMono(ClientResponse::releaseBody);
        return revoke.then(Mono.fromSupplier(() -> {
            ConsoleCookies.clear(exchange, clientAddress.fromTrustedProxy(exchange.getRequest()));
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
            ConsoleCookies.set(exchange, clientAddress.fromTrustedProxy(exchange.getRequest()), access, expiresIn, refresh, props.refreshLifetime());
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String address(ServerHttpRequest request) {
        return clientAddress.of(request);
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

    private static Mono<ResponseEntity<JsonNode>> crossOrigin(ServerWebExchange exchange) {
        return refuse(exchange, HttpStatus.FORBIDDEN, "cross-origin", "Cross-origin request",
                "The console signs in and asks for codes only from its own pages");
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
