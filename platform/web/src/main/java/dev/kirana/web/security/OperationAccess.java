package dev.kirana.web.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enforces {@link Allowed} for reads: finds the handler method the request maps to and lets the caller through only
 * when the method's (or its controller's) {@link Access} allows it. A read without {@link Allowed} needs only a valid
 * token, as before; a request that maps to no handler is left to the dispatcher (404, 405 …).
 */
public class OperationAccess implements ReactiveAuthorizationManager<AuthorizationContext> {
    private final Supplier<List<RequestMappingHandlerMapping>> mappings;
    private volatile List<RequestMappingHandlerMapping> resolved;

    /** The mappings are looked up on the first request, once the web configuration is complete. */
    public OperationAccess(Supplier<List<RequestMappingHandlerMapping>> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
                .flatMap(auth -> required(context.getExchange())
                        .<AuthorizationResult>flatMap(access -> auth.getPrincipal() instanceof ShopPrincipal caller && access.allows(caller)
                                ? Mono.just(new AuthorizationDecision(true))
                                : Mono.error(new Denied(access)))
                        .defaultIfEmpty(new AuthorizationDecision(true)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** The access the handler of this request demands, if it names one. */
    public Mono<Access> required(ServerWebExchange exchange) {
        if (resolved == null) {
            resolved = List.copyOf(mappings.get());
        }
        return Flux.fromIterable(resolved)
                .concatMap(m -> m.getHandlerInternal(exchange).onErrorResume(e -> Mono.empty()))
                .next()
                .mapNotNull(OperationAccess::of);
    }

    /** The {@link Allowed} access of a handler method, from the method or else its controller; null when neither names one. */
    public static Access of(HandlerMethod method) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allowed.class);
        if (allowed == null) {
            allowed = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allowed.class);
        }
        return allowed == null ? null : allowed.value();
    }

    /** A 403 that says who may call the operation. */
    public static class Denied extends AccessDeniedException {
        public Denied(Access access) {
            super("This needs one of the roles or the scope (" + access.describe() + ")");
        }
    }
}
