package dev.kirana.order.gst;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GST of one line, to the paise (half up), from its net amount (after discounts, which reduce the taxable value).
 * <ul>
 *   <li>Exclusive price: taxable value = net; CGST = SGST = taxable × rate/2 %, or IGST = taxable × rate %.</li>
 *   <li>Inclusive price (MRP): the customer pays exactly the net amount. Taxable value ≈ net × 100 / (100 + rate);
 *   the tax is computed on it, and the taxable value is then net minus the tax, so the line still adds up to what
 *   the customer pays (a paise of rounding lands in the taxable value, never in the price; CGST and SGST stay equal).</li>
 *   <li>Bill of supply (composition or unregistered shop): no tax; taxable value = net.</li>
 * </ul>
 */
public final class GstCalculator {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TWO_HUNDRED = new BigDecimal("200");

    public static LineTax line(BigDecimal net, BigDecimal rate, boolean taxInclusive, SupplyType supply, DocumentType document) {
        BigDecimal n = paise(net);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        if (document == DocumentType.BILL_OF_SUPPLY || rate.signum() == 0) {
            return new LineTax(n, zero, zero, zero);
        }
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("a GST rate is not negative");
        }
        BigDecimal base = taxInclusive ? n.multiply(HUNDRED).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP) : n;
        if (supply == SupplyType.INTRA_STATE) {
            BigDecimal half = paise(base.multiply(rate).divide(TWO_HUNDRED, 6, RoundingMode.HALF_UP));
            BigDecimal taxable = taxInclusive ? n.subtract(half).subtract(half) : n;
            return new LineTax(taxable, half, half, zero);
        }
        BigDecimal igst = paise(base.multiply(rate).divide(HUNDRED, 6, RoundingMode.HALF_UP));
        BigDecimal taxable = taxInclusive ? n.subtract(igst) : n;
        return new LineTax(taxable, zero, zero, igst);
    }

    public static BigDecimal paise(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The invoice total rounded to the rupee (half up); the difference is the round-off printed on the invoice. */
    public static BigDecimal roundToRupee(BigDecimal exact) {
        return exact.setScale(0, RoundingMode.HALF_UP).setScale(2);
    }

    private GstCalculator() {
    }
}
