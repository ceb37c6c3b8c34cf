package dev.kirana.gateway;

import dev.kirana.gateway.edge.ClientAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway-specific settings ({@code kirana.gateway.*}). Routes themselves are standard Spring Cloud Gateway
 * routes in application.yml; per-route rate limits are arguments of their {@code RequestRateLimiter} filter.
 *
 * @param identityHeaders         request headers a client may never send (dropped before forwarding), by name
 * @param identityHeaderPrefixes  ... and by prefix
 * @param trustedProxies          CIDRs of the proxies in front of the gateway (ingress, load balancer) whose
 *                                forwarding headers are believed; empty: none, the client is the connection's peer
 *                                (see {@link dev.kirana.gateway.edge.ClientAddress})
 * @param clientAddressHeader     the header those proxies append the client's address to
 * @param redisUrl                when set, rate limits are shared through this Redis (all replicas); else in memory
 * @param redisTimeout            how long the limiter waits for Redis before deciding without it
 * @param rateLimit               default limits (a route's {@code kirana-rate-limiter.*} args override them)
 * @param resilience              time limit and circuit breaker per downstream service (key = circuit breaker name)
 */
@ConfigurationProperties("kirana.gateway")
public record EdgeProperties(
        @DefaultValue({"X-User-Id", "X-Shop-Id", "X-Roles", "X-Scopes", "X-Client-Id", "X-Forwarded-User",
                "X-Forwarded-Email", "X-Forwarded-Groups", "X-Remote-User", "Remote-User", "X-Principal", "X-Tenant-Id"})
        List<String> identityHeaders,
        @DefaultValue({"X-Auth-", "X-Authenticated-", "X-Kirana-", "X-Internal-"}) List<String> identityHeaderPrefixes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("x-forwarded-for") ClientAddress.Header clientAddressHeader,
        String redisUrl,
        @DefaultValue("1s") Duration redisTimeout,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Resilience defaultResilience,
        @DefaultValue Map<String, Resilience> resilience,
        @DefaultValue Cors cors) {

    /**
     * Token buckets: a caller may burst up to the capacity, refilled at the replenish rate (tokens per second).
     * Every request of a user costs one token of the user's bucket and one of the shop's bucket;
     * requests without a token (login, registration) are limited per client address.
     */
    public record RateLimit(@DefaultValue("20") int userReplenishRate, @DefaultValue("40") int userBurstCapacity,
                            @DefaultValue("100") int shopReplenishRate, @DefaultValue("200") int shopBurstCapacity,
                            @DefaultValue("10") int anonymousReplenishRate, @DefaultValue("50") int anonymousBurstCapacity) {
    }

    /**
     * @param timeout              the whole call, retries included; then the caller gets a 504 problem
     * @param failureRateThreshold percentage of failed calls that opens the circuit (then 503 without calling)
     * @param slidingWindowSize    calls the failure rate is computed over
     * @param minimumCalls         calls needed before the rate counts
     * @param openFor              how long an open circuit rejects calls before probing again
     */
    public record Resilience(@DefaultValue("10s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
                             @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumCalls,
                             @DefaultValue("20s") Duration openFor) {
    }

    /** Browser origins allowed to call the API (e.g. the web back office), with credentials off: tokens travel in headers. */
    public record Cors(@DefaultValue({"http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:5173"}) List<String> allowedOrigins,
                       @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) List<String> allowedMethods,
                       @DefaultValue({"Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match", "Prefer", "X-Request-Id"})
                       List<String> allowedHeaders,
                       @DefaultValue({"Location", "ETag", "Retry-After", "X-Request-Id", "X-RateLimit-Remaining", "Idempotent-Replayed"})
                       List<String> exposedHeaders,
                       @DefaultValue("1h") Duration maxAge) {
    }
}
