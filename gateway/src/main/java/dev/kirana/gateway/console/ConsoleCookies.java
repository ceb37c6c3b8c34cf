package dev.kirana.gateway.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The web console's session lives in three cookies, never in the page's storage:
 * <ul>
 *   <li>{@value #ACCESS}: the access token, {@code HttpOnly}, {@code SameSite=Strict}, for {@code /}; it lives as long as the token;</li>
 *   <li>{@value #REFRESH}: the refresh token, {@code HttpOnly}, {@code SameSite=Strict}, sent only to {@code /console/session};</li>
 *   <li>{@value #CSRF}: a random value the page can read and must echo in {@value #CSRF_HEADER} on every write
 *       (double submit: another site can neither read it nor, with {@code SameSite=Strict}, send the session cookie).</li>
 * </ul>
 * All are {@code Secure} when the request reached us over HTTPS (directly or, behind a trusted proxy, as
 * {@code X-Forwarded-Proto: https}).
 */
final class ConsoleCookies {
    static final String ACCESS = "kirana_at";
    static final String REFRESH = "kirana_rt";
    static final String CSRF = "kirana_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_PATH = "/console/session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleCookies() {
    }

    static String value(ServerHttpRequest request, String name) {
        HttpCookie c = request.getCookies().getFirst(name);
        return c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    static boolean csrfMatches(ServerHttpRequest request) {
        String cookie = value(request, CSRF);
        String header = request.getHeaders().getFirst(CSRF_HEADER);
        return cookie != null && header != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    static void set(ServerWebExchange exchange, boolean trustForwarded, String accessToken, long expiresInSeconds,
                    String refreshToken, Duration refreshLifetime) {
        boolean secure = secure(exchange, trustForwarded);
        var cookies = exchange.getResponse().getCookies();
        cookies.set(ACCESS, cookie(ACCESS, accessToken, "/", Duration.ofSeconds(expiresInSeconds), true, secure));
        if (refreshToken != null) {
            cookies.set(REFRESH, cookie(REFRESH, refreshToken, SESSION_PATH, refreshLifetime, true, secure));
        }
        String csrf = value(exchange.getRequest(), CSRF);
        cookies.set(CSRF, cookie(CSRF, csrf != null ? csrf : newCsrfValue(), "/", refreshLifetime, false, secure));
    }

    static void clear(ServerWebExchange exchange, boolean trustForwarded) {
        boolean secure = secure(exchange, trustForwarded);
        var cookies = exchange.getResponse().getCookies();
        cookies.set(ACCESS, cookie(ACCESS, "", "/", Duration.ZERO, true, secure));
        cookies.set(REFRESH, cookie(REFRESH, "", SESSION_PATH, Duration.ZERO, true, secure));
        cookies.set(CSRF, cookie(CSRF, "", "/", Duration.ZERO, false, secure));
    }

    private static ResponseCookie cookie(String name, String value, String path, Duration maxAge, boolean httpOnly, boolean secure) {
        return ResponseCookie.from(name, value).path(path).maxAge(maxAge).httpOnly(httpOnly).secure(secure)
                .sameSite("Strict").build();
    }

    static boolean secure(ServerWebExchange exchange, boolean trustForwarded) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        return trustForwarded && "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
    }

    private static String newCsrfValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
