package dev.kirana.gateway.ratelimit;

import dev.kirana.gateway.EdgeProperties;
import dev.kirana.gateway.edge.ClientAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Redis-backed buckets when {@code KIRANA_REDIS_URL} is set (shared by replicas), in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    TokenBuckets tokenBuckets(EdgeProperties props, ObjectProvider<ReactiveStringRedisTemplate> redis,
                              ObjectProvider<MeterRegistry> meters) {
        if (props.redisUrl() != null && !props.redisUrl().isBlank()) {
            log.info("rate limits are shared through Redis (this replica's memory while Redis fails)");
            return new RedisTokenBuckets(redis.getObject(), new InMemoryTokenBuckets(Clock.systemUTC()), props.redisTimeout(),
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }
        log.info("rate limits are kept in memory (set KIRANA_REDIS_URL to share them between gateway replicas)");
        return new InMemoryTokenBuckets(Clock.systemUTC());
    }

    @Bean
    @Primary
    KiranaRateLimiter kiranaRateLimiter(TokenBuckets buckets, EdgeProperties props, ConfigurationService configurationService) {
        return new KiranaRateLimiter(buckets, props.rateLimit(), configurationService);
    }

    @Bean
    @Primary
    RateLimitKeys shopAndUserKeyResolver(ClientAddress clientAddress) {
        return new RateLimitKeys(clientAddress);
    }
}
