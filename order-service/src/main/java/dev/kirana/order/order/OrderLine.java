package dev.kirana.order.order;

import java.math.BigDecimal;

/**
 * One line as sold: the price, HSN, rate and tax it was sold at, and how much of it has come back.
 * @param unitPrice  the price per unit as sold (tax included when {@code taxInclusive})
 * @param gross      unit price × quantity
 * @param discount   the line's own discount plus its share of an order discount
 * @param lineTotal  what the customer pays for the line: taxable value plus tax
 */
public record OrderLine(int lineNo, String productId, String sku, String barcode, String name, String hsn, String unit,
                        BigDecimal quantity, BigDecimal unitPrice, boolean taxInclusive, BigDecimal gstRate,
                        BigDecimal gross, BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                        BigDecimal igst, BigDecimal lineTotal, BigDecimal refundedQuantity) {
}
