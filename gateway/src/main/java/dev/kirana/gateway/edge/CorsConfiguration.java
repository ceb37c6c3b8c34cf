package dev.kirana.gateway.edge;

import dev.kirana.gateway.EdgeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for browser clients, answered at the edge before security (so a 401 still carries CORS headers
 * and a browser can read it). Services behind the gateway need no CORS of their own.
 */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration {

    @Bean
    WebFilter kiranaCorsFilter(EdgeProperties props) {
        var cors = new org.springframework.web.cors.CorsConfiguration();
        props.cors().allowedOrigins().forEach(origin -> {
            if (origin.contains("*")) cors.addAllowedOriginPattern(origin);
            else cors.addAllowedOrigin(origin);
        });
        cors.setAllowedMethods(props.cors().allowedMethods());
        cors.setAllowedHeaders(props.cors().allowedHeaders());
        cors.setExposedHeaders(props.cors().exposedHeaders());
        cors.setMaxAge(props.cors().maxAge());
        cors.setAllowCredentials(false);
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        CorsWebFilter filter = new CorsWebFilter(source);
        return new OrderedCors(filter);
    }

    /** Runs right after the request-id filter, before Spring Security (order -100). */
    record OrderedCors(CorsWebFilter delegate) implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return delegate.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 20;
        }
    }
}
