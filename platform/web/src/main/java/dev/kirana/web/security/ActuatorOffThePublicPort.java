package dev.kirana.web.security;

import dev.kirana.web.problem.ProblemWriter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Actuator lives on the management port only: on the public port every {@code /actuator} path is an unknown path,
 * a 404 problem like any other (with or without a token), before security or routing look at it. Web filters of the
 * service's context also run for the management server's requests (its child context collects them), so the filter
 * tells the two apart by the context that serves the request.
 */
public class ActuatorOffThePublicPort implements WebFilter, Ordered {
    static final String MANAGEMENT_NAMESPACE = "management";
    private final String basePath;

    /** @param basePath the actuator base path ({@code management.endpoints.web.base-path}, {@code /actuator}) */
    public ActuatorOffThePublicPort(String basePath) {
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean actuator = path.equals(basePath) || path.startsWith(basePath + "/");
        if (!actuator || servedByManagementServer(exchange)) {
            return chain.filter(exchange);
        }
        return ProblemWriter.write(exchange, HttpStatus.NOT_FOUND, "not-found", "Not found", "No endpoint at " + path);
    }

    /** Whether the management server (its child context) serves this request, rather than the public one. */
    public static boolean servedByManagementServer(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT_NAMESPACE);
    }

    @Override
    public int getOrder() {
        // after the request id and the time limit, before LocalOnlyFilter-style guards and security
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
