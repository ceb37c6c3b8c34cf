package dev.kirana.gateway.console;

import dev.kirana.gateway.EdgeProperties;
import dev.kirana.web.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets the web console call the public API with its session cookie: a request to {@code /api/**} that has no
 * {@code Authorization} header but the console's access-token cookie is forwarded as if it carried
 * {@code Authorization: Bearer <token>}, so it is checked (at the gateway and again by the service) exactly like
 * a POS terminal's or a partner's. A write must also echo the CSRF cookie in {@code X-CSRF-Token}, or it is a
 * {@code 403}. Cookies are not forwarded to the services. Runs before Spring Security.
 */
@Component
class CookieAuthentication implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/api/") || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        String token = ConsoleCookies.value(request, ConsoleCookies.ACCESS);
        if (token == null) {
            return chain.filter(exchange);
        }
        if (!safe(request.getMethod()) && !ConsoleCookies.csrfMatches(request)) {
            return ProblemWriter.write(exchange, HttpStatus.FORBIDDEN, "csrf", "Missing or wrong CSRF token",
                    "A write with the console's session cookie must send the " + ConsoleCookies.CSRF
                            + " cookie's value in the " + ConsoleCookies.CSRF_HEADER + " header");
        }
        ServerHttpRequest withToken = request.mutate().headers(h -> {
            h.remove(HttpHeaders.COOKIE);
            h.remove(ConsoleCookies.CSRF_HEADER);
            h.setBearerAuth(token);
        }).build();
        return chain.filter(exchange.mutate().request(withToken).build());
    }

    static boolean safe(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    @Override
    public int getOrder() {
        // after the problem-response and request-id filters, before Spring Security (-100)
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
}
