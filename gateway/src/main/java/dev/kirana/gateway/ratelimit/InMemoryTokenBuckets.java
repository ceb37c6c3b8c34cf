package dev.kirana.gateway.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory: exact for one replica; with several replicas each enforces its own
 * share. Buckets idle long enough to be full again are forgotten, so memory stays bounded by active callers.
 */
public class InMemoryTokenBuckets implements TokenBuckets {
    private static final long SWEEP_EVERY = 10_000;

    private final Map<String, State> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final Clock clock;

    private static final class State {
        double tokens;
        long updatedAt;
        int rate;
        int capacity;
    }

    public InMemoryTokenBuckets(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Decision> take(Bucket... wanted) {
        return Mono.fromSupplier(() -> decide(wanted));
    }

    /** One short critical section for all buckets: checking and charging several buckets must be atomic. */
    private Decision decide(Bucket[] wanted) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        long now = clock.millis();
        State[] states = new State[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            Bucket b = wanted[i];
            states[i] = buckets.computeIfAbsent(b.key(), k -> {
                State s = new State();
                s.tokens = b.burstCapacity();
                s.updatedAt = now;
                return s;
            });
        }
        synchronized (this) {
            boolean allowed = true;
            long remaining = Long.MAX_VALUE;
            long retryAfter = 0;
            for (int i = 0; i < wanted.length; i++) {
                State s = states[i];
                Bucket b = wanted[i];
                s.rate = b.replenishRate();
                s.capacity = b.burstCapacity();
                s.tokens = Math.min(b.burstCapacity(), s.tokens + Math.max(0, now - s.updatedAt) * b.replenishRate() / 1000.0);
                s.updatedAt = now;
                if (s.tokens < 1) {
                    allowed = false;
                    retryAfter = Math.max(retryAfter, (long) Math.ceil((1 - s.tokens) * 1000.0 / b.replenishRate()));
                }
            }
            for (State s : states) {
                if (allowed) {
                    s.tokens -= 1;
                }
                remaining = Math.min(remaining, (long) Math.floor(s.tokens));
            }
            return new Decision(allowed, remaining == Long.MAX_VALUE ? 0 : remaining, retryAfter);
        }
    }

    private void sweep() {
        long now = clock.millis();
        synchronized (this) {
            buckets.entrySet().removeIf(e -> {
                State s = e.getValue();
                return s.rate > 0 && s.tokens + (now - s.updatedAt) * s.rate / 1000.0 >= s.capacity;
            });
        }
    }

    int size() {
        return buckets.size();
    }
}
