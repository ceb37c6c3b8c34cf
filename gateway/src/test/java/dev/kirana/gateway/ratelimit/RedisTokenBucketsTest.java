package dev.kirana.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The limiter's keys on a Redis Cluster, and what it does when Redis fails. */
class RedisTokenBucketsTest {

    /** The key's hash slot as the Redis Cluster specification defines it: CRC16 (XMODEM) of the hash tag, mod 16384. */
    static int slot(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                key = key.substring(open + 1, close);
            }
        }
        int crc = 0;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc % 16384;
    }

    @Test
    void theSlotFunctionIsTheClustersOwn() {
        // the specification's check value (CRC16 of "123456789" is 0x31C3) and CLUSTER KEYSLOT answers
        assertThat(slot("123456789")).isEqualTo(0x31C3);
        assertThat(slot("foo")).isEqualTo(12182);
        assertThat(slot("somekey")).isEqualTo(11058);
        assertThat(slot("{user1000}.following")).isEqualTo(slot("{user1000}.followers")).isEqualTo(slot("user1000"));
        assertThat(slot("foo{}{bar}")).isEqualTo(SlotHash.getSlot("foo{}{bar}"));
    }

    @Test
    void everyKeyOfOneTakeIsInOneSlot() {
        // a user's request: the user's bucket (per shop) and the shop's bucket, as KiranaRateLimiter names them
        var user = new TokenBuckets.Bucket("orders:u:https://auth.kirana.dev#u-42|s:shop-7", 20, 40);
        var shop = new TokenBuckets.Bucket("orders:s:shop-7", 100, 200);
        List<String> keys = RedisTokenBuckets.keys(user, shop);
        assertThat(keys).hasSize(4).allSatisfy(k -> assertThat(k).startsWith("kirana:rl:{orders:s:shop-7}"));
        assertThat(keys.stream().map(RedisTokenBucketsTest::slot).distinct()).hasSize(1);
        assertThat(keys.stream().map(SlotHash::getSlot).distinct()).containsExactly(slot(keys.get(0)));
        // the shop's bucket is the same key whether it is taken alone or with a user's
        assertThat(RedisTokenBuckets.keys(shop)).containsExactlyElementsOf(keys.subList(2, 4));
        // users of other shops spread over the cluster
        assertThat(slot(RedisTokenBuckets.keys(new TokenBuckets.Bucket("orders:s:shop-8", 1, 1)).get(0)))
                .isNotEqualTo(slot(keys.get(0)));
        // braces in an id cannot end the tag early or leave it empty
        var odd = new TokenBuckets.Bucket("auth:ip:}x{", 1, 1);
        List<String> oddKeys = RedisTokenBuckets.keys(new TokenBuckets.Bucket("a}{b", 1, 1), odd);
        assertThat(oddKeys.stream().map(RedisTokenBucketsTest::slot).distinct()).hasSize(1);
        assertThat(oddKeys.get(0)).startsWith("kirana:rl:{auth:ip:)x(}");
    }

    @Test
    void whenRedisFailsThisReplicasMemoryDecidesAndTheFailureIsCounted() {
        // nothing listens on port 1: every call fails at once
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        factory.afterPropertiesSet();
        factory.start();
        var meters = new SimpleMeterRegistry();
        try {
            var buckets = new RedisTokenBuckets(new ReactiveStringRedisTemplate(factory), new InMemoryTokenBuckets(Clock.systemUTC()),
                    Duration.ofSeconds(2), meters);
            var signIn = new TokenBuckets.Bucket("console-session:ip:203.0.113.7", 1, 2);
            assertThat(buckets.take(signIn).block(Duration.ofSeconds(10)).allowed()).isTrue();
            assertThat(buckets.take(signIn).block(Duration.ofSeconds(10)).allowed()).isTrue();
            // not failed open: the limit still holds, on this replica
            assertThat(buckets.take(signIn).block(Duration.ofSeconds(10)).allowed()).isFalse();
            assertThat(meters.get("kirana.gateway.ratelimit.redis.failures").counter().count()).isEqualTo(3.0);
        } finally {
            factory.destroy();
        }
    }
}
