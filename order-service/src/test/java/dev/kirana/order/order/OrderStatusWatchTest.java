package dev.kirana.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class OrderStatusWatchTest {
    private final OrderStatusWatch watch = new OrderStatusWatch();
    private final UUID order = UUID.randomUUID();
    private final Order pending = Sales.pendingOrder(order);

    @Test
    void thePollBacksOffFrom250MillisecondsToTwoSeconds() {
        assertThat(List.of(0, 1, 2, 3, 4, 10, Integer.MAX_VALUE).stream().map(OrderStatusWatch::pollDelay).toList())
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void anOrderNoOneSignalsIsReadAtOnceThenAtTheBackedOffPolls() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        try {
            List<Long> readsAt = new ArrayList<>();
            StepVerifier.withVirtualTime(() -> watch.awaitFinal(order, Duration.ofSeconds(10), () -> {
                        readsAt.add(time.now(java.util.concurrent.TimeUnit.MILLISECONDS));
                        return Mono.just(OrderStatus.PENDING);
                    }, () -> Mono.just(pending)))
                    .thenAwait(Duration.ofSeconds(10))
                    .expectNext(pending)
                    .verifyComplete();
            // at once, then 250 ms, 500 ms, 1 s and 2 s apart: 0, 250, 750, 1750, 3750, 5750, 7750, 9750
            assertThat(readsAt).containsExactly(0L, 250L, 750L, 1750L, 3750L, 5750L, 7750L, 9750L);
        } finally {
            VirtualTimeScheduler.reset();
        }
    }

    @Test
    void aSignalAfterTheCommitEndsTheWaitWithoutAPoll() {
        VirtualTimeScheduler.getOrSet();
        try {
            AtomicReference<OrderStatus> status = new AtomicReference<>(OrderStatus.PENDING);
            Order read = Sales.pendingOrder(order);
            StepVerifier.withVirtualTime(() -> watch.awaitFinal(order, Duration.ofSeconds(10), () -> Mono.just(status.get()),
                            () -> Mono.just(read)))
                    .thenAwait(Duration.ofMillis(100))
                    .then(() -> {
                        status.set(OrderStatus.CONFIRMED);
                        watch.changed(UUID.randomUUID()); // another order's signal wakes no one here
                        watch.changed(order);
                    })
                    .expectNext(read)
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
        } finally {
            VirtualTimeScheduler.reset();
        }
    }

    @Test
    void aCommittedFinalOrderIsTheAnswerWithoutAnyRead() {
        VirtualTimeScheduler.getOrSet();
        try {
            Order confirmed = Sales.pendingOrder(order);
            confirmed.confirm("INV/2526/000009", java.time.LocalDate.of(2025, 10, 15), Sales.PLACED.plusSeconds(1), 0, null);
            AtomicInteger statusReads = new AtomicInteger();
            AtomicInteger orderReads = new AtomicInteger();
            StepVerifier.withVirtualTime(() -> watch.awaitFinal(order, Duration.ofSeconds(10),
                            () -> Mono.fromSupplier(() -> {
                                statusReads.incrementAndGet();
                                return OrderStatus.PENDING;
                            }),
                            () -> Mono.fromSupplier(() -> {
                                orderReads.incrementAndGet();
                                return pending;
                            })))
                    .thenAwait(Duration.ofMillis(100))
                    .then(() -> {
                        watch.committed(Sales.pendingOrder(UUID.randomUUID())); // another order's state
                        watch.committed(Sales.pendingOrder(order)); // this order, but not final yet: read its status
                        watch.committed(confirmed);
                    })
                    .expectNext(confirmed)
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
            assertThat(statusReads).as("status reads: the one at once and the one for the non-final state").hasValue(2);
            assertThat(orderReads).as("reads of the whole order").hasValue(0);
        } finally {
            VirtualTimeScheduler.reset();
        }
    }
}
