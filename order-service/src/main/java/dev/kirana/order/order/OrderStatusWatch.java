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
 * Saga steps of this instance signal after they commit; a slow poll covers changes made by other instances.
 */
@Component
public class OrderStatusWatch {
    private static final Duration POLL = Duration.ofMillis(250);
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
                Flux.interval(POLL, POLL).map(t -> true)).onBackpressureDrop();
        return triggers.concatMap(t -> status.get(), 1)
                .filter(OrderStatus::isFinal)
                .next()
                .timeout(max, Mono.empty())
                .then();
    }
}
