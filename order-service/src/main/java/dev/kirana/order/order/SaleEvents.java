package dev.kirana.order.order;

import dev.kirana.events.OrderEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The order's events as partners read them: built from the sale as stored, so every event tells the same story. */
public final class SaleEvents {

    static OrderEvents.OrderPlaced placed(Order order) {
        Sale o = order.sale();
        Totals t = o.totals();
        return new OrderEvents.OrderPlaced(o.id().toString(), o.cashierId(), o.locationId(), o.currency(), lines(o),
                o.total(), o.placedAt(), o.deadline(), o.documentType().name(), o.supplierStateCode(), o.placeOfSupply(),
                o.supplyType().name(), customer(o), tenders(o), t.discount(), t.taxableValue(), t.cgst(), t.sgst(), t.igst(),
                t.roundOff(), creditOverride(o));
    }

    /** @param loyaltyValueEarned the rupee value of the points the sale earned (0.00 when none) */
    static OrderEvents.OrderConfirmed confirmed(Order order, BigDecimal loyaltyValueEarned) {
        Sale o = order.sale();
        Totals t = o.totals();
        return new OrderEvents.OrderConfirmed(o.id().toString(), o.cashierId(), o.currency(), lines(o), o.total(),
                order.confirmedAt(), order.invoiceNumber(), o.placedAt(), o.locationId(), o.documentType().name(),
                o.supplierStateCode(), o.placeOfSupply(), o.supplyType().name(), customer(o), tenders(o), t.discount(),
                t.taxableValue(), t.cgst(), t.sgst(), t.igst(), t.roundOff(), order.pointsEarned(), creditOverride(o),
                loyaltyValueEarned);
    }

    /** @param valueReversed the rupee value of the points taken back, at the value they were earned at; null if never valued */
    static OrderEvents.OrderVoided voided(Order order, String reason, String by, Instant at, long pointsReversed,
                                          BigDecimal valueReversed) {
        Sale o = order.sale();
        Totals t = o.totals();
        return new OrderEvents.OrderVoided(o.id().toString(), order.invoiceNumber(), reason, by, at, o.currency(),
                o.locationId(), lines(o), o.total(), o.documentType().name(), o.placeOfSupply(), o.supplyType().name(),
                customer(o), tenders(o), t.taxableValue(), t.cgst(), t.sgst(), t.igst(), t.roundOff(), pointsReversed,
                valueReversed);
    }

    public static OrderEvents.Customer customer(Sale o) {
        Customer c = o.customer();
        if (c == null) {
            return null;
        }
        String state = c.gstin() == null ? null : c.gstin().substring(0, 2);
        return new OrderEvents.Customer(c.name(), c.phone(), c.gstin(), state);
    }

    static OrderEvents.CreditOverride creditOverride(Sale o) {
        CreditOverride c = o.creditOverride();
        return c == null ? null : new OrderEvents.CreditOverride(c.by(), c.role(), c.creditLimit(), c.balance(), c.amount());
    }

    static List<OrderEvents.OrderLine> lines(Sale o) {
        return o.lines().stream().map(l -> new OrderEvents.OrderLine(l.productId(), l.sku(), l.name(), l.quantity(),
                l.unitPrice(), l.lineTotal(), l.lineNo(), l.hsn(), l.unit(), l.gstRate(), l.taxInclusive(), l.discount(),
                l.taxableValue(), l.cgst(), l.sgst(), l.igst())).toList();
    }

    static List<OrderEvents.Tender> tenders(Sale o) {
        return o.tenders().stream().map(SaleEvents::tender).toList();
    }

    static OrderEvents.Tender tender(Tender t) {
        return new OrderEvents.Tender(t.type().name(), t.amount(), t.tendered(), t.change(), t.reference(), t.points());
    }

    private SaleEvents() {
    }
}
