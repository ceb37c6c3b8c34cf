package dev.kirana.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.events.InventoryEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order guards its own moves and says what each one caused. */
class OrderTest {
    static final UUID ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final Instant NOW = Instant.parse("2025-10-15T06:00:05Z");

    @Test
    void placingAPricedSaleMakesItPendingAndAnnouncesIt() {
        Order.Placed placed = Order.place(Sales.pending(ID));
        assertThat(placed.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.event().orderId()).isEqualTo(ID.toString());
        assertThat(placed.event().total()).isEqualByComparingTo("490.00");
        assertThat(placed.event().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("2"));
    }

    @Test
    void confirmingGivesTheInvoiceNumberAndThePointsEarned() {
        Order order = Sales.pendingOrder(ID);
        // 4 points (₹470.00 paid in cash, 1 point per ₹100, rounded down) at ₹1.00 a point: ₹4.00
        var confirmed = order.confirm("INV/2526/000007", LocalDate.of(2025, 10, 15), NOW, 4, new BigDecimal("1.00"));
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.invoiceNumber()).isEqualTo("INV/2526/000007");
        assertThat(confirmed.confirmedAt()).isEqualTo(NOW);
        assertThat(confirmed.loyaltyPointsEarned()).isEqualTo(4L);
        assertThat(confirmed.loyaltyValueEarned()).isEqualByComparingTo("4.00");
        assertThat(order.invoiceNumber()).isEqualTo("INV/2526/000007");
        assertThat(order.pointsEarned()).isEqualTo(4);
    }

    @Test
    void onlyAPendingOrderIsConfirmedRejectedOrCancelled() {
        Order order = Sales.pendingOrder(ID);
        var rejected = order.reject("insufficient stock",
                List.of(new InventoryEvents.ShortLine("p-atta", new BigDecimal("2"), new BigDecimal("1"))), NOW);
        assertThat(rejected.reason()).isEqualTo("insufficient stock");
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThatThrownBy(() -> order.confirm("INV/2526/000008", LocalDate.of(2025, 10, 15), NOW, 0, BigDecimal.ONE))
                .isInstanceOf(Order.Refused.class).hasMessage("Order " + ID + " is REJECTED; only a PENDING order can be confirmed");
        assertThatThrownBy(() -> order.cancel("changed my mind", "u-cashier", NOW)).isInstanceOf(Order.Refused.class);
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aConfirmedSaleIsVoidedNotCancelled() {
        Order order = Sales.pendingOrder(ID);
        order.confirm("INV/2526/000009", LocalDate.of(2025, 10, 15), NOW, 4, new BigDecimal("1.00"));
        assertThatThrownBy(() -> order.cancel("oops", "u-cashier", NOW)).isInstanceOf(Order.Refused.class)
                .hasMessage("Order " + ID + " is CONFIRMED; only a PENDING order can be cancelled (void the sale instead)");

        Order.Voided voided = order.voidSale("u-manager", "wrong customer", NOW.plusSeconds(60));
        assertThat(order.status()).isEqualTo(OrderStatus.VOIDED);
        assertThat(voided.pointsToReverse()).isEqualTo(4);
        // the customer had spent 1 of the 4 points: 3 come back, worth ₹3.00
        var event = voided.event(3);
        assertThat(event.loyaltyPointsReversed()).isEqualTo(4L);
        assertThat(event.loyaltyValueReversed()).isEqualByComparingTo("3.00");
        assertThat(event.voidedBy()).isEqualTo("u-manager");
        assertThatThrownBy(() -> order.voidSale("u-manager", "again", NOW)).isInstanceOf(Order.Refused.class);
    }

    @Test
    void refundsMoveTheSaleToPartlyThenFullyRefunded() {
        Order order = Sales.pendingOrder(ID);
        assertThatThrownBy(order::requireRefundable).isInstanceOf(Order.Refused.class)
                .hasMessage("Order " + ID + " is PENDING; only a confirmed sale with goods not yet returned can be refunded");
        assertThatThrownBy(() -> order.refund(List.of(), new BigDecimal("245.00"), 0, false, NOW)).isInstanceOf(Order.Refused.class);
        order.confirm("INV/2526/000010", LocalDate.of(2025, 10, 15), NOW, 4, new BigDecimal("1.00"));
        order.requireRefundable();
        // one of two packs back: ₹245.00 (taxable 233.33 + 5.84 + 5.83), 2 of the 4 points
        var one = new Order.LineReturn(1, BigDecimal.ONE, new BigDecimal("233.33"), new BigDecimal("5.84"), new BigDecimal("5.83"),
                BigDecimal.ZERO);
        assertThat(order.refund(List.of(one), new BigDecimal("245.00"), 2, false, NOW)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.refund(List.of(one), new BigDecimal("245.00"), 2, true, NOW)).isEqualTo(OrderStatus.REFUNDED);
        assertThatThrownBy(order::requireRefundable).isInstanceOf(Order.Refused.class)
                .hasMessage("Order " + ID + " is REFUNDED; only a confirmed sale with goods not yet returned can be refunded");
        assertThat(order.refundedTotal()).isEqualByComparingTo("490.00");
        assertThat(order.pointsReversed()).isEqualTo(4);
        assertThat(order.takeUnsavedReturns()).hasSize(2);
        assertThat(order.takeUnsavedReturns()).isEmpty();
        assertThatThrownBy(() -> order.voidSale("u-manager", "late", NOW)).isInstanceOf(Order.Refused.class);
    }
}
