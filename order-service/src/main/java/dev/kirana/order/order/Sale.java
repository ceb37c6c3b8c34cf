package dev.kirana.order.order;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.pricing.TenderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What was sold, fixed when the order is placed: the lines at their prices and rates, the totals, the tenders, the
 * customer, and the credit override that let it through (null when none was needed).
 */
public record Sale(UUID id, DocumentType documentType, String cashierId, String locationId, String currency,
                   Customer customer, String supplierStateCode, String placeOfSupply, SupplyType supplyType,
                   List<OrderLine> lines, Totals totals, List<Tender> tenders, BigDecimal received, BigDecimal change,
                   long loyaltyPointsRedeemed, Instant placedAt, Instant deadline, CreditOverride creditOverride) {

    public BigDecimal total() {
        return totals.total();
    }

    /** What the tenders of {@code type} settle of the total. */
    public BigDecimal paidBy(TenderType type) {
        return tenders.stream().filter(t -> t.type() == type).map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The customer's phone (their loyalty and khata account), or null. */
    public String customerPhone() {
        return customer == null ? null : customer.phone();
    }

    public Sale withLinesAndTenders(List<OrderLine> newLines, List<Tender> newTenders) {
        return new Sale(id, documentType, cashierId, locationId, currency, customer, supplierStateCode, placeOfSupply,
                supplyType, newLines, totals, newTenders, received, change, loyaltyPointsRedeemed, placedAt, deadline,
                creditOverride);
    }

    public Sale withCreditOverride(CreditOverride override) {
        return new Sale(id, documentType, cashierId, locationId, currency, customer, supplierStateCode, placeOfSupply,
                supplyType, lines, totals, tenders, received, change, loyaltyPointsRedeemed, placedAt, deadline, override);
    }
}
