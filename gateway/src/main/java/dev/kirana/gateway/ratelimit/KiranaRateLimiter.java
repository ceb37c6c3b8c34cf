package dev.kirana.gateway.ratelimit;

import dev.kirana.gateway.EdgeProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * The rate limiter behind Spring Cloud Gateway's {@code RequestRateLimiter} filter: per user and per shop
 * (both must allow; the user's bucket is kept per shop, so a member of two shops has one in each), or per client
 * address for requests without a token. Limits default to
 * {@code kirana.gateway.rate-limit.*}; a route overrides them with filter args {@code kirana-rate-limiter.*}.
 * Refusals carry {@code Retry-After}.
 */
public class KiranaRateLimiter extends AbstractRateLimiter<KiranaRateLimiter.Config> {
    public static final String CONFIGURATION_PROPERTY_NAME = "kirana-rate-limiter";

    private final TokenBuckets buckets;
    private final EdgeProperties.RateLimit defaults;

    /** A route's limits; unset fields fall back to the defaults. */
    public static class Config {
        private Integer userReplenishRate;
        private Integer userBurstCapacity;
        private Integer shopReplenishRate;
        private Integer shopBurstCapacity;
        private Integer anonymousReplenishRate;
        private Integer anonymousBurstCapacity;

        public Integer getUserReplenishRate() { return userReplenishRate; }
        public void setUserReplenishRate(Integer v) { userReplenishRate = v; }
        public Integer getUserBurstCapacity() { return userBurstCapacity; }
        public void setUserBurstCapacity(Integer v) { userBurstCapacity = v; }
        public Integer getShopReplenishRate() { return shopReplenishRate; }
        public void setShopReplenishRate(Integer v) { shopReplenishRate = v; }
        public Integer getShopBurstCapacity() { return shopBurstCapacity; }
        public void setShopBurstCapacity(Integer v) { shopBurstCapacity = v; }
        public Integer getAnonymousReplenishRate() { return anonymousReplenishRate; }
        public void setAnonymousReplenishRate(Integer v) { anonymousReplenishRate = v; }
        public Integer getAnonymousBurstCapacity() { return anonymousBurstCapacity; }
        public void setAnonymousBurstCapacity(Integer v) { anonymousBurstCapacity = v; }
    }

    public KiranaRateLimiter(TokenBuckets buckets, EdgeProperties.RateLimit defaults, ConfigurationService configurationService) {
        super(Config.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        this.buckets = buckets;
        this.defaults = defaults;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Config c = getConfig().getOrDefault(routeId, new Config());
        RateLimitKeys.Key key = RateLimitKeys.parse(id);
        TokenBuckets.Bucket[] wanted;
        int limit;
        int rate;
        if (key.user() == null) {
            rate = or(c.anonymousReplenishRate, defaults.anonymousReplenishRate());
            limit = or(c.anonymousBurstCapacity, defaults.anonymousBurstCapacity());
            wanted = new TokenBuckets.Bucket[]{new TokenBuckets.Bucket(routeId + ":ip:" + key.address(), rate, limit)};
        } else {
            rate = or(c.userReplenishRate, defaults.userReplenishRate());
            limit = or(c.userBurstCapacity, defaults.userBurstCapacity());
            // the user's bucket is per shop: on Redis Cluster it shares the shop bucket's slot (see RedisTokenBuckets)
            var user = new TokenBuckets.Bucket(routeId + ":u:" + key.user() + (key.shop() == null ? "" : "|s:" + key.shop()), rate, limit);
            wanted = key.shop() == null ? new TokenBuckets.Bucket[]{user} : new TokenBuckets.Bucket[]{user,
                    new TokenBuckets.Bucket(routeId + ":s:" + key.shop(), or(c.shopReplenishRate, defaults.shopReplenishRate()),
                            or(c.shopBurstCapacity, defaults.shopBurstCapacity()))};
        }
        return buckets.take(wanted).map(d -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-RateLimit-Limit", Integer.toString(limit));
            headers.put("X-RateLimit-Replenish-Rate", Integer.toString(rate));
            if (d.remaining() >= 0) {
                headers.put("X-RateLimit-Remaining", Long.toString(d.remaining()));
            }
            if (!d.allowed()) {
                headers.put("Retry-After", Long.toString(Math.max(1, (d.retryAfterMillis() + 999) / 1000)));
            }
            return new Response(d.allowed(), headers);
        });
    }

    private static int or(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }
}
