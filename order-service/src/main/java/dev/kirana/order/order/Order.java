package dev.kirana.order.order;

import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.order.loyalty.LoyaltyPoints;
import dev.kirana.order.pricing.TenderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A sale and its life. What was sold (lines at their prices and rates, tenders, totals, the customer) is fixed when the
 * order is placed; what happens to it afterwards changes only through the moves below, each of which refuses from
 * the wrong state and returns the event it causes. {@link OrderRepository#save} is the one writer of that state.
 * No Spring and no I/O here: the caller brings the invoice number, the clock and the shop's loyalty terms.
 */
public final class Order {
    private final Sale sale;
    private OrderStatus status;
    private String invoiceNumber;
    private LocalDate invoiceDate;
    private Instant confirmedAt;
    private Instant updatedAt;
    private String reason;
    private long pointsEarned;
    private BigDecimal pointValue;
    private long pointsReversed;
    private BigDecimal refundedTotal;
    private Instant voidedAt;
    private String voidedBy;
    private String voidReason;
    private final List<LineReturn> unsavedReturns = new ArrayList<>();

    /** An order as stored: what was sold, and its state. */
    public Order(Sale sale, OrderStatus status, String invoiceNumber, LocalDate invoiceDate, Instant confirmedAt,
                 Instant updatedAt, String reason, long pointsEarned, BigDecimal pointValue, long pointsReversed,
                 BigDecimal refundedTotal, Instant voidedAt, String voidedBy, String voidReason) {
        this.sale = Objects.requireNonNull(sale);
        this.status = Objects.requireNonNull(status);
        this.invoiceNumber = invoiceNumber;
        this.invoiceDate = invoiceDate;
        this.confirmedAt = confirmedAt;
        this.updatedAt = updatedAt;
        this.reason = reason;
        this.pointsEarned = pointsEarned;
        this.pointValue = pointValue;
        this.pointsReversed = pointsReversed;
        this.refundedTotal = refundedTotal;
        this.voidedAt = voidedAt;
        this.voidedBy = voidedBy;
        this.voidReason = voidReason;
    }

    /** A priced sale, not yet answered by inventory: PENDING, and {@code order.placed} for the saga to start from. */
    public static Placed place(Sale priced) {
        Order order = new Order(priced, OrderStatus.PENDING, null, null, null, priced.placedAt(), null, 0, null, 0,
                BigDecimal.ZERO.setScale(2), null, null, null);
        return new Placed(order, SaleEvents.placed(order));
    }

    public record Placed(Order order, OrderEvents.OrderPlaced event) {
    }

    /**
     * Stock is held: PENDING → CONFIRMED under {@code invoiceNumber} dated {@code day}; the customer earns
     * {@code pointsEarned} worth {@code pointValue} rupees each.
     */
    public OrderEvents.OrderConfirmed confirm(String invoiceNumber, LocalDate day, Instant now, long pointsEarned,
                                              BigDecimal pointValue) {
        move(OrderStatus.CONFIRMED, "only a PENDING order can be confirmed");
        this.invoiceNumber = Objects.requireNonNull(invoiceNumber);
        this.invoiceDate = day;
        this.confirmedAt = now;
        this.updatedAt = now;
        this.pointsEarned = pointsEarned;
        this.pointValue = pointValue;
        return SaleEvents.confirmed(this, LoyaltyPoints.worth(pointsEarned, pointValue));
    }

    /** Stock is short: PENDING → REJECTED with the short lines. */
    public OrderEvents.OrderRejected reject(String why, List<InventoryEvents.ShortLine> shortLines, Instant now) {
        move(OrderStatus.REJECTED, "only a PENDING order can be rejected");
        this.reason = why;
        this.updatedAt = now;
        return new OrderEvents.OrderRejected(id().toString(), why, shortLines);
    }

    /** PENDING → CANCELLED, at the counter ({@code by} the user) or when the reservation timed out ({@code by} null). */
    public OrderEvents.OrderCancelled cancel(String why, String by, Instant now) {
        move(OrderStatus.CANCELLED, "only a PENDING order can be cancelled"
                + (status == OrderStatus.CONFIRMED ? " (void the sale instead)" : ""));
        this.reason = why;
        this.updatedAt = now;
        return new OrderEvents.OrderCancelled(id().toString(), why, by);
    }

    /**
     * A confirmed sale with no refunds is voided: every point it earned is to be taken back. The event names how many
     * points were actually taken back (the customer may have spent some), which the loyalty ledger tells.
     */
    public Voided voidSale(String by, String why, Instant now) {
        if (status != OrderStatus.CONFIRMED) {
            throw refused("only a CONFIRMED sale with no refunds can be voided" + (status == OrderStatus.PENDING ? " (cancel it instead)"
                    : status == OrderStatus.PARTIALLY_REFUNDED ? " (refund the remaining lines instead)" : ""));
        }
        move(OrderStatus.VOIDED, "");
        this.voidedAt = now;
        this.voidedBy = by;
        this.voidReason = why;
        this.updatedAt = now;
        this.pointsReversed = pointsEarned;
        return new Voided(this, pointsEarned);
    }

    /** The void's effects on points, and its event once the ledger says how many points it could take back. */
    public record Voided(Order order, long pointsToReverse) {
        public OrderEvents.OrderVoided event(long pointsTakenBack) {
            return SaleEvents.voided(order, order.voidReason, order.voidedBy, order.voidedAt, pointsToReverse,
                    LoyaltyPoints.worth(pointsTakenBack, order.pointValue));
        }
    }

    /**
     * Goods come back against a confirmed sale: {@code returns} of its lines worth {@code total}, the last of its
     * goods when {@code completesSale}; {@code pointsToReverse} of the points it earned are taken back.
     * @return the status the order moves to (PARTIALLY_REFUNDED or REFUNDED)
     */
    public OrderStatus refund(List<LineReturn> returns, BigDecimal total, long pointsToReverse, boolean completesSale, Instant now) {
        requireRefundable();
        move(completesSale ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED, "");
        this.refundedTotal = refundedTotal.add(total);
        this.pointsReversed += pointsToReverse;
        this.updatedAt = now;
        unsavedReturns.addAll(returns);
        return status;
    }

    /**
     * Refuses unless goods can still come back against this sale (CONFIRMED or PARTIALLY_REFUNDED). A refund asks
     * before it weighs the returned lines and tenders, so that a sale that cannot be refunded is told so first.
     */
    public void requireRefundable() {
        if (!status.isRefundable()) {
            throw refused("only a confirmed sale with goods not yet returned can be refunded");
        }
    }

    /** What a refund takes off one sold line (quantity and its tax), written with the order. */
    public record LineReturn(int lineNo, BigDecimal quantity, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                             BigDecimal igst) {
    }

    private void move(OrderStatus next, String refusal) {
        if (!status.canMoveTo(next)) {
            throw refused(refusal);
        }
        status = next;
    }

    private Refused refused(String why) {
        return new Refused("Order " + id() + " is " + status + "; " + why);
    }

    /** A move the order refuses from its present state (a 409 at the API). */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    public UUID id() {
        return sale.id();
    }

    /** What was sold. */
    public Sale sale() {
        return sale;
    }

    public OrderStatus status() {
        return status;
    }

    public boolean isPending() {
        return status == OrderStatus.PENDING;
    }

    /** The customer's phone (their loyalty account), or null. */
    public String customerPhone() {
        return sale.customerPhone();
    }

    public long pointsHeld() {
        return sale.loyaltyPointsRedeemed();
    }

    public long pointsEarned() {
        return pointsEarned;
    }

    public long pointsReversed() {
        return pointsReversed;
    }

    public BigDecimal pointValue() {
        return pointValue;
    }

    public BigDecimal total() {
        return sale.total();
    }

    /** What the customer paid other than with loyalty points (what earns points). */
    public BigDecimal paidOtherThanPoints() {
        return sale.total().subtract(sale.paidBy(TenderType.LOYALTY));
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate invoiceDate() {
        return invoiceDate;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String reason() {
        return reason;
    }

    public BigDecimal refundedTotal() {
        return refundedTotal;
    }

    public Instant voidedAt() {
        return voidedAt;
    }

    public String voidedBy() {
        return voidedBy;
    }

    public String voidReason() {
        return voidReason;
    }

    /** This order as read, with the lines and tenders of its sale read after its row. */
    Order withLinesAndTenders(List<OrderLine> lines, List<Tender> tenders) {
        return new Order(sale.withLinesAndTenders(lines, tenders), status, invoiceNumber, invoiceDate, confirmedAt,
                updatedAt, reason, pointsEarned, pointValue, pointsReversed, refundedTotal, voidedAt, voidedBy, voidReason);
    }

    /** The line returns not yet written; {@link OrderRepository#save} takes them. */
    List<LineReturn> takeUnsavedReturns() {
        List<LineReturn> taken = List.copyOf(unsavedReturns);
        unsavedReturns.clear();
        return taken;
    }
}
