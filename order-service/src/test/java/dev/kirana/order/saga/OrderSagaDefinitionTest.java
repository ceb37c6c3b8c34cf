package dev.kirana.order.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderRepository;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.Sales;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The saga's steps in given / when / expect form, with no database and no broker: {@link Recorder} keeps the orders in
 * memory and writes down every effect in the order the saga asks for it.
 */
class OrderSagaDefinitionTest {
    static final String SHOP = "shop-1";
    static final UUID ID = UUID.fromString("22222222-2222-2222-2222-222222222222");
    /** 12:00 in Bengaluru on 15 October 2025: financial year 2025-26. */
    static final Instant NOW = Instant.parse("2025-10-15T06:30:00Z");

    final Recorder steps = new Recorder();
    final OrderSaga saga = new OrderSaga(steps, ZoneId.of("Asia/Kolkata"));

    @Test
    void stockReservedConfirmsTheSale() {
        given(Sales.pendingOrder(ID));
        when(saga.stockReserved(SHOP, ID));
        // ₹470.00 paid other than with points at 1 point per ₹100 earns 4 points; the invoice number is taken last
        expect("earn 4 points for " + Sales.PHONE,
                "next invoice number INV 2526",
                "save CONFIRMED",
                "publish kirana.order.confirmed.v1");
        var confirmed = (OrderEvents.OrderConfirmed) steps.published.get(0);
        assertThat(confirmed.invoiceNumber()).isEqualTo("INV/2526/1");
        assertThat(confirmed.loyaltyValueEarned()).isEqualByComparingTo("4.00");
        assertThat(steps.orders.get(ID).invoiceDate()).hasToString("2025-10-15");
    }

    @Test
    void stockRejectedRejectsTheSaleAndGivesHeldPointsBack() {
        given(Sales.pendingOrder(ID));
        when(saga.stockRejected(SHOP, ID, List.of(new InventoryEvents.ShortLine("p-atta", new BigDecimal("2"), new BigDecimal("1")))));
        expect("return 20 held points to " + Sales.PHONE,
                "save REJECTED",
                "publish kirana.order.rejected.v1");
        var rejected = (OrderEvents.OrderRejected) steps.published.get(0);
        assertThat(rejected.shortLines()).singleElement().satisfies(l -> assertThat(l.available()).isEqualByComparingTo("1"));
    }

    @Test
    void anOverdueOrderIsCancelledWithItsCompensations() {
        given(Sales.pendingOrder(ID));
        when(saga.cancelOverdue(200));
        // held points go back; order.cancelled is what makes inventory release a reservation made late
        expect("begin",
                "return 20 held points to " + Sales.PHONE,
                "save CANCELLED",
                "publish kirana.order.cancelled.v1",
                "commit",
                "tell waiters " + ID);
        assertThat(((OrderEvents.OrderCancelled) steps.published.get(0)).reason()).isEqualTo("reservation timed out");
    }

    @Test
    void aLateOrRepeatedAnswerChangesNothing() {
        Order cancelled = Sales.pendingOrder(ID);
        cancelled.cancel("cancelled at the counter", "u-cashier", NOW);
        given(cancelled);
        when(saga.stockReserved(SHOP, ID));
        when(saga.stockRejected(SHOP, ID, List.of()));
        expect();
        assertThat(steps.orders.get(ID).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aReplayedReservationAfterConfirmingConfirmsOnce() {
        given(Sales.pendingOrder(ID));
        when(saga.stockReserved(SHOP, ID));
        when(saga.stockReserved(SHOP, ID));
        assertThat(steps.journal).filteredOn(s -> s.startsWith("publish")).containsExactly("publish kirana.order.confirmed.v1");
    }

    @Test
    void anAnswerForAnUnknownOrderChangesNothing() {
        when(saga.stockReserved(SHOP, ID));
        expect();
    }

    void given(Order order) {
        steps.orders.put(order.id(), order);
    }

    void when(Mono<?> step) {
        step.block();
    }

    void expect(String... effects) {
        assertThat(steps.journal).containsExactly(effects);
    }

    /** The saga's steps in memory. */
    static final class Recorder implements OrderSaga.Steps {
        final Map<UUID, Order> orders = new LinkedHashMap<>();
        final List<String> journal = new ArrayList<>();
        final List<Object> published = new ArrayList<>();
        long invoices;

        @Override
        public Mono<Order> lock(String shopId, UUID orderId) {
            return Mono.justOrEmpty(orders.get(orderId));
        }

        @Override
        public Flux<OrderRepository.InShop> lockOverdue(int batch) {
            return Flux.fromIterable(orders.values()).filter(Order::isPending).take(batch).map(o -> new OrderRepository.InShop(SHOP, o));
        }

        @Override
        public Mono<OrderSaga.Terms> terms(String shopId) {
            return Mono.just(new OrderSaga.Terms("INV", 4, BigDecimal.ONE, new BigDecimal("1.00")));
        }

        @Override
        public Mono<String> nextInvoiceNumber(String shopId, String prefix, FinancialYear year) {
            return Mono.fromSupplier(() -> {
                journal.add("next invoice number " + prefix + " " + year.label());
                return prefix + "/" + year.label() + "/" + (++invoices);
            });
        }

        @Override
        public Mono<Void> save(String shopId, Order order) {
            return Mono.fromRunnable(() -> journal.add("save " + order.status()));
        }

        @Override
        public Mono<Void> earnPoints(String shopId, String phone, long points, UUID orderId) {
            return Mono.fromRunnable(() -> journal.add("earn " + points + " points for " + phone));
        }

        @Override
        public Mono<Void> returnHeldPoints(String shopId, String phone, long points, UUID orderId) {
            return Mono.fromRunnable(() -> journal.add("return " + points + " held points to " + phone));
        }

        @Override
        public Mono<Void> publish(String shopId, UUID orderId, String type, Object event) {
            return Mono.fromRunnable(() -> {
                journal.add("publish " + type);
                published.add(event);
            });
        }

        @Override
        public <T> Mono<T> inTransaction(Mono<T> work) {
            return Mono.defer(() -> {
                journal.add("begin");
                return work;
            }).doOnSuccess(v -> journal.add("commit"));
        }

        @Override
        public void changed(UUID orderId) {
            journal.add("tell waiters " + orderId);
        }

        @Override
        public Instant now() {
            return NOW;
        }
    }
}
