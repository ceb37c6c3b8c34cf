package dev.kirana.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway replica. One Lua script checks and charges all buckets of a
 * request atomically, using Redis' clock (replica clocks may differ). If Redis cannot be reached the
 * request is let through (rate limiting must not take the API down) and the failure is logged.
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

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Decision> take(Bucket... buckets) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Bucket b : buckets) {
            // a hash tag per bucket would spread keys over a cluster, but one script must touch one slot
            keys.add(PREFIX + b.key() + ".tokens");
            keys.add(PREFIX + b.key() + ".ts");
            args.add(Integer.toString(b.replenishRate()));
            args.add(Integer.toString(b.burstCapacity()));
        }
        return redis.execute(SCRIPT, keys, args)
                .next()
                .map(r -> new Decision(((Number) r.get(0)).longValue() == 1, ((Number) r.get(1)).longValue(),
                        ((Number) r.get(2)).longValue()))
                .onErrorResume(e -> {
                    log.warn("rate limiting skipped, Redis failed: {}", e.toString());
                    return Mono.just(new Decision(true, -1, 0));
                });
    }
}
