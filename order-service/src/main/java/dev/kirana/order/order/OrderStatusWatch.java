package dev.kirana.order.order;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Lets a request that asked {@code Prefer: wait} learn promptly that its order reached a final state.
 * Saga steps of this instance signal after they commit; a slow poll covers changes made by other instances. The poll
 * backs off (250 ms, 500 ms, 1 s, then every 2 s): under overload hundreds of requests wait at once, and a fixed
 * 250 ms poll each made the database answer status reads four times a second per waiting order, taking the
 * capacity the saga needed to finish them.
 */
@Component
public class OrderStatusWatch {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);
    private final Sinks.Many<UUID> changes = Sinks.many().multicast().directBestEffort();

    /** Serialized, so concurrent saga threads never spin or fail on the sink; with no waiter the signal is simply dropped. */
    public synchronized void changed(UUID orderId) {
        changes.tryEmitNext(orderId);
    }

    /** Completes when {@code status} reports a final state, or after {@code max} (whichever is first). */
    public Mono<Void> awaitFinal(UUID orderId, Duration max, Supplier<Mono<OrderStatus>> status) {
        if (max.isZero() || max.isNegative()) {
            return Mono.empty();
        }
        Flux<Boolean> triggers = Flux.merge(
                Flux.just(true),
                changes.asFlux().filter(orderId::equals).map(id -> true),
                Flux.range(0, Integer.MAX_VALUE).concatMap(n -> Mono.delay(pollDelay(n)).thenReturn(true))).onBackpressureDrop();
        return triggers.concatMap(t -> status.get(), 1)
                .filter(OrderStatus::isFinal)
                .next()
                .timeout(max, Mono.empty())
                .then();
    }

    /** The pause before poll {@code n} (0-based): doubling from 250 ms to at most 2 s. */
    static Duration pollDelay(int n) {
        Duration d = FIRST_POLL.multipliedBy(1L << Math.min(n, 4));
        return d.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : d;
    }
}
