package dev.kirana.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway replica. One Lua script checks and charges all buckets of a
 * request atomically, using Redis' clock (replica clocks may differ).
 * <p>
 * <b>Redis Cluster.</b> A script may only touch keys of one hash slot, so every key of one take carries the same
 * hash tag: the last bucket's key (the broadest one: for a user's request, the shop's bucket). The user's bucket
 * therefore lives in the shop's slot, which is why {@link KiranaRateLimiter} names it per user <i>and shop</i>. The
 * trade-off: all of one shop's buckets share a slot (one node serves a shop's limits; the shop's own bucket is
 * touched by every request of the shop anyway, so this adds no hotter key), and a member of two shops has a user
 * bucket in each. The alternative, a tag per request, would give every request fresh buckets; separate scripts
 * per bucket would lose the all-or-nothing charge.
 * <p>
 * <b>When Redis fails</b> (unreachable, slower than {@code kirana.gateway.redis-timeout}, an error) the limiter
 * neither lets everything through nor refuses everything: it decides with this replica's own in-memory buckets
 * until Redis answers again. Refusing every request would turn a cache outage into an API outage; letting every
 * request through would leave sign-in open to brute force for as long as Redis is down. Each replica then
 * enforces the limits on its own (a caller spread over N replicas gets up to N times the limit). Failures are
 * logged (once when they start, once when Redis is back) and counted in
 * {@code kirana_gateway_ratelimit_redis_failures_total}.
 */
public class RedisTokenBuckets implements TokenBuckets {
    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);
    private static final String PREFIX = "kirana:rl:";

    // KEYS: per bucket "<key>.tokens", "<key>.ts"; ARGV: per bucket rate, capacity
    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local n = #ARGV / 2
            local tokens = {}
            local allowed = 1
            local retry = 0
            for i = 1, n do
              local rate = tonumber(ARGV[2 * i - 1])
              local capacity = tonumber(ARGV[2 * i])
              local last = tonumber(redis.call('GET', KEYS[2 * i - 1]))
              local ts = tonumber(redis.call('GET', KEYS[2 * i]))
              if last == nil then last = capacity end
              if ts == nil then ts = now end
              local filled = math.min(capacity, last + math.max(0, now - ts) * rate / 1000)
              tokens[i] = filled
              if filled < 1 then
                allowed = 0
                retry = math.max(retry, math.ceil((1 - filled) * 1000 / rate))
              end
            end
            local remaining = -1
            for i = 1, n do
              local rate = tonumber(ARGV[2 * i - 1])
              local capacity = tonumber(ARGV[2 * i])
              if allowed == 1 then tokens[i] = tokens[i] - 1 end
              local ttl = math.max(1, math.ceil(capacity / rate * 2))
              redis.call('SET', KEYS[2 * i - 1], tostring(tokens[i]), 'EX', ttl)
              redis.call('SET', KEYS[2 * i], tostring(now), 'EX', ttl)
              local whole = math.floor(tokens[i])
              if remaining < 0 or whole < remaining then remaining = whole end
            end
            return { allowed, remaining, retry }
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final TokenBuckets fallback;
    private final Duration timeout;
    private final Counter failures;
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * @param fallback decides while Redis fails (this replica's in-memory buckets)
     * @param timeout  how long to wait for Redis
     */
    public RedisTokenBuckets(ReactiveStringRedisTemplate redis, TokenBuckets fallback, Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.fallback = fallback;
        this.timeout = timeout;
        this.failures = Counter.builder("kirana.gateway.ratelimit.redis.failures")
                .description("Rate-limit decisions taken without Redis (in this replica's memory) because Redis failed")
                .register(meters);
    }

    /**
     * The Redis keys of one take: per bucket {@code kirana:rl:{<tag>}<key>.tokens} and {@code .ts}, all with the
     * same hash tag (the last bucket's key, braces replaced) so they share one Redis Cluster slot.
     */
    static List<String> keys(Bucket... buckets) {
        String tag = "{" + buckets[buckets.length - 1].key().replace('{', '(').replace('}', ')') + "}";
        List<String> keys = new ArrayList<>(buckets.length * 2);
        for (Bucket b : buckets) {
            keys.add(PREFIX + tag + b.key() + ".tokens");
            keys.add(PREFIX + tag + b.key() + ".ts");
        }
        return keys;
    }

    @Override
    public Mono<Decision> take(Bucket... buckets) {
        List<String> args = new ArrayList<>();
        for (Bucket b : buckets) {
            args.add(Integer.toString(b.replenishRate()));
            args.add(Integer.toString(b.burstCapacity()));
        }
        return redis.execute(SCRIPT, keys(buckets), args)
                .next()
                .timeout(timeout)
                .map(r -> new Decision(((Number) r.get(0)).longValue() == 1, ((Number) r.get(1)).longValue(),
                        ((Number) r.get(2)).longValue()))
                .doOnNext(d -> {
                    if (failing.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits are shared between replicas again");
                    }
                })
                .onErrorResume(e -> {
                    failures.increment();
                    if (failing.compareAndSet(false, true)) {
                        log.warn("Redis failed, rate limits are kept in this replica's memory until it answers: {}", e.toString());
                    } else {
                        log.debug("Redis still failing: {}", e.toString());
                    }
                    return fallback.take(buckets);
                });
    }
}
