package dev.kirana.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirana.gateway.EdgeProperties;
import dev.kirana.testing.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class TokenBucketsTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void aBucketAllowsItsBurstThenRefillsAtItsRate() {
        ManualClock clock = new ManualClock();
        InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(clock);
        var user = new TokenBuckets.Bucket("u", 2, 3);
        for (int i = 2; i >= 0; i--) {
            assertThat(buckets.take(user).block()).isEqualTo(new TokenBuckets.Decision(true, i, 0));
        }
        assertThat(buckets.take(user).block()).isEqualTo(new TokenBuckets.Decision(false, 0, 500));
        clock.millis.addAndGet(250);
        assertThat(buckets.take(user).block()).isEqualTo(new TokenBuckets.Decision(false, 0, 250));
        clock.millis.addAndGet(250);
        assertThat(buckets.take(user).block().allowed()).isTrue();
    }

    @Test
    void bothTheUsersAndTheShopsBucketMustAllowAndOnlyThenBothAreCharged() {
        ManualClock clock = new ManualClock();
        InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(clock);
        var shop = new TokenBuckets.Bucket("shop", 1, 2);
        assertThat(buckets.take(new TokenBuckets.Bucket("a", 1, 10), shop).block().allowed()).isTrue();
        assertThat(buckets.take(new TokenBuckets.Bucket("b", 1, 10), shop).block().allowed()).isTrue();
        // the shop is spent: a third user of the shop is refused, and user c's bucket is not charged
        var c = new TokenBuckets.Bucket("c", 1, 1);
        assertThat(buckets.take(c, shop).block().allowed()).isFalse();
        assertThat(buckets.take(c).block()).isEqualTo(new TokenBuckets.Decision(true, 0, 0));
    }

    @Test
    void limitsComeFromTheRouteOrTheDefaultsAndAnonymousCallersAreLimitedByAddress() {
        ManualClock clock = new ManualClock();
        var limiter = new KiranaRateLimiter(new InMemoryTokenBuckets(clock),
                new EdgeProperties.RateLimit(10, 10, 100, 100, 1, 2), null);
        var strict = new KiranaRateLimiter.Config();
        strict.setUserBurstCapacity(1);
        limiter.getConfig().put("reports", strict);

        String user = "u:issuer#alice|s:shop-1";
        assertThat(limiter.isAllowed("reports", user).block().isAllowed()).isTrue();
        var refused = limiter.isAllowed("reports", user).block();
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
        // the same user on another route has the default (larger) bucket of its own
        assertThat(limiter.isAllowed("orders", user).block().getHeaders()).containsEntry("X-RateLimit-Remaining", "9");

        assertThat(limiter.isAllowed("auth", "ip:10.0.0.1").block().isAllowed()).isTrue();
        assertThat(limiter.isAllowed("auth", "ip:10.0.0.1").block().isAllowed()).isTrue();
        assertThat(limiter.isAllowed("auth", "ip:10.0.0.1").block().isAllowed()).isFalse();
        assertThat(limiter.isAllowed("auth", "ip:10.0.0.2").block().isAllowed()).isTrue();
    }

    @Test
    void keysCarryTheUserAndTheShop() {
        assertThat(RateLimitKeys.parse("u:http://127.0.0.1:8081#u-1|s:shop-9"))
                .isEqualTo(new RateLimitKeys.Key("http://127.0.0.1:8081#u-1", "shop-9", null));
        assertThat(RateLimitKeys.parse("u:iss#u-1")).isEqualTo(new RateLimitKeys.Key("iss#u-1", null, null));
        assertThat(RateLimitKeys.parse("ip:10.1.2.3")).isEqualTo(new RateLimitKeys.Key(null, null, "10.1.2.3"));
    }

    @Test
    void redisBucketsAreSharedByGatewayReplicas() {
        var address = TestInfrastructure.redis();
        assumeTrue(address.isPresent(), "no Redis reachable (CI has one on 127.0.0.1:6379)");
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(address.get().getHostString(), address.get().getPort()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            // two replicas, each with its own client, one Redis
            var replicaA = new RedisTokenBuckets(new ReactiveStringRedisTemplate(factory), new InMemoryTokenBuckets(Clock.systemUTC()),
                    Duration.ofSeconds(5), new SimpleMeterRegistry());
            var replicaB = new RedisTokenBuckets(new ReactiveStringRedisTemplate(factory), new InMemoryTokenBuckets(Clock.systemUTC()),
                    Duration.ofSeconds(5), new SimpleMeterRegistry());
            String key = "test:" + UUID.randomUUID();
            var bucket = new TokenBuckets.Bucket(key, 1, 3);
            var shop = new TokenBuckets.Bucket(key + ":shop", 1, 100);
            assertThat(replicaA.take(bucket, shop).block().allowed()).isTrue();
            assertThat(replicaB.take(bucket, shop).block().allowed()).isTrue();
            var third = replicaA.take(bucket, shop).block();
            assertThat(third.allowed()).isTrue();
            assertThat(third.remaining()).isZero();
            var refused = replicaB.take(bucket, shop).block();
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterMillis()).isBetween(1L, 1000L);
            // the refused request did not charge the shop's bucket
            var shopOnly = replicaA.take(shop).block();
            assertThat(shopOnly.remaining()).isEqualTo(96);
            // all four keys carry the shop bucket's hash tag (one Redis Cluster slot)
            var keys = new ReactiveStringRedisTemplate(factory).keys("kirana:rl:{" + key + ":shop}*").collectList().block();
            assertThat(keys).hasSize(4);
            assertThat(new ReactiveStringRedisTemplate(factory).getExpire("kirana:rl:{" + key + ":shop}" + key + ".tokens").block()).isPositive();
        } finally {
            factory.destroy();
        }
    }
}
