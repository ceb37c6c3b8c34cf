package dev.kirana.gateway.console;

import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web console's pages: static files under {@code static/console/} (served by WebFlux's resource handling,
 * revalidated on every load), {@code /console/} answering its {@code index.html}, and {@code /} sending a person
 * there. Every console response carries a strict Content-Security-Policy: scripts, styles and connections from
 * this origin only, nothing inline, no framing.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {
    static final String CSP = String.join("; ", List.of(
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
            "font-src 'self'", "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'",
            "frame-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"));

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(ResourceLoader resources,
                                                 @Value("${spring.web.resources.static-locations:classpath:/static/}") String locations) {
        String location = locations.split(",")[0].trim();
        Resource index = resources.getResource((location.endsWith("/") ? location : location + "/") + "console/index.html");
        return RouterFunctions.route()
                .GET("/", r -> ServerResponse.seeOther(URI.create("/console/")).build())
                .GET("/console", r -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .GET("/console/", r -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index))
                .build();
    }

    @Bean
    WebFilter consoleHeaders() {
        return new Headers();
    }

    static final class Headers implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String path = exchange.getRequest().getPath().value();
            if (path.equals("/") || path.startsWith("/console")) {
                exchange.getResponse().beforeCommit(() -> {
                    var h = exchange.getResponse().getHeaders();
                    h.set("Content-Security-Policy", CSP);
                    h.set("X-Content-Type-Options", "nosniff");
                    h.set("Referrer-Policy", "no-referrer");
                    h.set("X-Frame-Options", "DENY");
                    h.set("Cross-Origin-Opener-Policy", "same-origin");
                    h.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
                    if (!h.containsHeader("Cache-Control")) {
                        h.setCacheControl(CacheControl.noCache());
                    }
                    return Mono.empty();
                });
            }
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 20;
        }
    }
}
