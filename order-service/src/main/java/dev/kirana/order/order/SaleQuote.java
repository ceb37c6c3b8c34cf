package dev.kirana.order.order;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.SupplyType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A sale priced as placing it now would price it, with nothing written: the same figures under the same names as
 * {@link OrderView}, so a counter shows what the sale will be. {@code total} is the amount payable, rounded to the
 * rupee: {@code total = taxableValue + cgst + sgst + igst + roundOff}. {@code tenders}, {@code received} and
 * {@code change} settle the tenders given; with none, {@code tenders} is empty and {@code received} and {@code change}
 * are null (placing would then take exact cash).
 */
@Schema(description = "A sale priced without placing it; the figures placing it now would give")
public record SaleQuote(DocumentType documentType, SupplyType supplyType, String placeOfSupply, String currency,
                        OrderView.Customer customer, List<OrderView.Line> lines, BigDecimal gross, BigDecimal discount,
                        BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff,
                        BigDecimal total, List<OrderView.Tender> tenders, BigDecimal received, BigDecimal change,
                        long loyaltyPointsRedeemed) {

    /** The scale of a quantity as an order stores it (to the gram: NUMERIC(14, 3)). */
    private static final int QUANTITY_SCALE = 3;

    /**
     * The figures of a sale as priced for placing, its lines' quantities as the stored order shows them; its tenders
     * only when the request gave some.
     */
    static SaleQuote of(Sale o, boolean tendersGiven) {
        List<OrderView.Line> lines = OrderView.lines(o).stream().map(l -> new OrderView.Line(l.lineNo(), l.productId(), l.sku(),
                l.barcode(), l.name(), l.hsn(), l.unit(), l.quantity().setScale(QUANTITY_SCALE), l.unitPrice(),
                l.taxInclusive(), l.gstRate(), l.gross(), l.discount(), l.taxableValue(), l.cgst(), l.sgst(), l.igst(),
                l.lineTotal(), l.refundedQuantity().setScale(QUANTITY_SCALE))).toList();
        Customer c = o.customer();
        Totals t = o.totals();
        return new SaleQuote(o.documentType(), o.supplyType(), o.placeOfSupply(), o.currency(),
                c == null ? null : new OrderView.Customer(c.name(), c.phone(), c.gstin()), lines,
                t.gross(), t.discount(), t.taxableValue(), t.cgst(), t.sgst(), t.igst(), t.roundOff(), t.total(),
                tendersGiven ? OrderView.tenders(o) : List.of(), tendersGiven ? o.received() : null,
                tendersGiven ? o.change() : null, o.loyaltyPointsRedeemed());
    }
}
