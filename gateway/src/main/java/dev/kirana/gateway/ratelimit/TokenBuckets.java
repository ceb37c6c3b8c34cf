package dev.kirana.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Token buckets checked and charged together: a request passes only when every bucket it needs has a
 * token, and then takes one from each (all or nothing).
 */
public interface TokenBuckets {

    /** One bucket: its key, refill rate (tokens per second) and capacity. */
    record Bucket(String key, int replenishRate, int burstCapacity) {
    }

    /**
     * @param allowed    whether the request may pass (and was charged)
     * @param remaining  tokens left in the emptiest bucket
     * @param retryAfterMillis when refused, how long until every bucket has a token again
     */
    record Decision(boolean allowed, long remaining, long retryAfterMillis) {
    }

    /**
     * @param buckets narrowest first; the last (broadest, e.g. the shop's) names the group the others are kept
     *                with (on Redis Cluster: their common hash slot)
     */
    Mono<Decision> take(Bucket... buckets);
}
