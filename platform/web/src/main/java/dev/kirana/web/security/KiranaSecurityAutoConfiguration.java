package dev.kirana.web.security;

import dev.kirana.web.problem.ProblemWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * The one security configuration of every service (and the gateway): stateless resource server,
 * RS256 tokens checked against each trusted issuer's JWKS, issuer, audience and expiry; the
 * principal is the shop and roles named by the token. Reads need what their {@link Allowed} names ({@link Access} is the
 * matrix); auditors may read but never write.
 * Errors are problem+json (401 with {@code WWW-Authenticate: Bearer}, 403).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class KiranaSecurityAutoConfiguration {
    private static final List<String> ALWAYS_PUBLIC = List.of(
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    @Bean
    @ConditionalOnMissingBean
    ReactiveAuthenticationManagerResolver<ServerWebExchange> kiranaAuthenticationManagerResolver(SecurityProperties props) {
        Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();
        List<SecurityProperties.Issuer> issuers = new ArrayList<>();
        if (props.jwt() != null && props.jwt().issuer() != null) {
            issuers.add(props.jwt());
        }
        issuers.addAll(props.trustedIssuers());
        for (SecurityProperties.Issuer issuer : issuers) {
            managers.put(issuer.issuer(), authenticationManager(issuer, props.audience()));
        }
        return new VerifiedTokens(new JwtIssuerReactiveAuthenticationManagerResolver(iss -> Mono.justOrEmpty(managers.get(iss))),
                props.tokenCacheSize(), props.tokenCacheMaxAge());
    }

    static ReactiveAuthenticationManager authenticationManager(SecurityProperties.Issuer issuer, String defaultAudience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        String audience = issuer.audience() == null ? defaultAudience : issuer.audience();
        OAuth2TokenValidator<Jwt> audienceCheck = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(audience));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer.issuer()), audienceCheck));
        ClaimMapping mapping = issuer.mapping();
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> {
            ShopPrincipal principal = mapping.principal(jwt);
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            principal.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
            principal.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
            return Mono.just(new KiranaAuthentication(principal, jwt, authorities));
        });
        return manager;
    }

    /**
     * The management port (actuator: probes, Prometheus, a service's operator endpoints) needs no token: the
     * NetworkPolicy lets only the kubelet and the metrics scraper reach it, and it shows no health details by default.
     * The service's web filters, Spring Security's among them, also run for the management server's requests (its
     * child context collects the parent's filters); this chain matches only requests the management context serves,
     * so it never opens anything on the public port, where {@link ActuatorOffThePublicPort} answers 404.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    static class ManagementPort {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityWebFilterChain kiranaManagementSecurityWebFilterChain(ServerHttpSecurity http) {
            return stateless(http
                    .securityMatcher(exchange -> ActuatorOffThePublicPort.servedByManagementServer(exchange)
                            ? ServerWebExchangeMatcher.MatchResult.match()
                            : ServerWebExchangeMatcher.MatchResult.notMatch()))
                    .authorizeExchange(a -> a.anyExchange().permitAll())
                    .build();
        }

        @Bean
        @ConditionalOnMissingBean
        ActuatorOffThePublicPort kiranaActuatorOffThePublicPort(
                @Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
            return new ActuatorOffThePublicPort(basePath);
        }
    }

    /**
     * A request the firewall refuses (a path that climbs with an encoded "..", an encoded slash, a semicolon, a
     * non-printable character): a 400 problem saying why, not a bare status.
     */
    @Bean
    @ConditionalOnMissingBean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler kiranaExchangeRejectedHandler() {
        return (exchange, e) -> ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected", "Bad Request",
                "The request was refused: " + e.getMessage());
    }

    /** What every chain here shares: stateless (no session, no saved request), no CSRF, basic auth, form login or logout. */
    static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    @Bean
    @ConditionalOnMissingBean(name = "kiranaSecurityWebFilterChain")
    SecurityWebFilterChain kiranaSecurityWebFilterChain(ServerHttpSecurity http, SecurityProperties props,
                                                       ReactiveAuthenticationManagerResolver<ServerWebExchange> resolver,
                                                       ObjectProvider<RequestMappingHandlerMapping> mappings) {
        // reads: a valid token, and the operation's @Allowed roles or scope when it names them
        OperationAccess reads = new OperationAccess(() -> mappings.orderedStream().toList());
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(props.publicPaths());
        return stateless(http)
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.GET).access(reads)
                        .pathMatchers(HttpMethod.HEAD).access(reads)
                        // writes: any authenticated caller except a read-only auditor
                        .anyExchange().access((auth, ctx) -> auth
                                .<AuthorizationResult>map(x -> new AuthorizationDecision(x.isAuthenticated()
                                        && !(x.getPrincipal() instanceof ShopPrincipal p && p.readOnly())))
                                .defaultIfEmpty(new AuthorizationDecision(false))))
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(resolver)
                        .authenticationEntryPoint((exchange, e) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "Unauthorized", "A valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((exchange, e) -> ProblemWriter.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", denied(e))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "Unauthorized", "A valid bearer token is required");
                        })
                        .accessDeniedHandler((exchange, ex) -> ProblemWriter.write(exchange, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", denied(ex))))
                .build();
    }

    private static String denied(Exception e) {
        return e instanceof OperationAccess.Denied ? e.getMessage() : "Your role in this shop does not allow this";
    }
}
