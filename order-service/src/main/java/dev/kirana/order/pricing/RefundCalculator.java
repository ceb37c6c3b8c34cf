package dev.kirana.order.pricing;

import dev.kirana.order.gst.GstCalculator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a return of some quantity of invoice lines pays back, at the invoice's own prices and rates (a credit note
 * never re-prices). A partial quantity gets its proportional share of each amount, to the paise; the last units of
 * a line get whatever is left of it, so a line returned in several steps adds up to exactly what it was sold for.
 * The credit note is rounded to the rupee like the invoice; the refund that returns the last of the whole sale pays
 * back exactly what is left of the amount paid.
 */
public final class RefundCalculator {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A line as invoiced, with what earlier refunds already took back of it. */
    public record SoldLine(int lineNo, BigDecimal quantity, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                           BigDecimal igst, BigDecimal refundedQuantity, BigDecimal refundedTaxable,
                           BigDecimal refundedCgst, BigDecimal refundedSgst, BigDecimal refundedIgst) {
        BigDecimal remaining() {
            return quantity.subtract(refundedQuantity);
        }
    }

    public record Return(int lineNo, BigDecimal quantity) {
    }

    public record RefundedLine(int lineNo, BigDecimal quantity, BigDecimal taxableValue, BigDecimal cgst,
                               BigDecimal sgst, BigDecimal igst) {
        public BigDecimal amount() {
            return taxableValue.add(cgst).add(sgst).add(igst);
        }
    }

    public record Refund(List<RefundedLine> lines, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                         BigDecimal igst, BigDecimal roundOff, BigDecimal total, boolean completesSale) {
    }

    /**
     * @param payable        what the sale was paid (its rounded invoice total)
     * @param refundedBefore what earlier refunds paid back
     */
    public static Refund refund(List<SoldLine> sold, List<Return> returns, BigDecimal payable, BigDecimal refundedBefore) {
        if (returns.isEmpty()) {
            throw new PricingException("lines", "name at least one line to return");
        }
        List<RefundedLine> out = new ArrayList<>();
        java.util.Map<Integer, BigDecimal> returning = new java.util.HashMap<>();
        for (int i = 0; i < returns.size(); i++) {
            Return r = returns.get(i);
            String at = "lines[" + i + "]";
            SoldLine line = sold.stream().filter(s -> s.lineNo() == r.lineNo()).findFirst()
                    .orElseThrow(() -> new PricingException(at + ".lineNo", "the sale has no line " + r.lineNo()));
            if (r.quantity() == null || r.quantity().signum() <= 0) {
                throw new PricingException(at + ".quantity", "must be greater than 0");
            }
            BigDecimal already = returning.getOrDefault(r.lineNo(), BigDecimal.ZERO);
            if (already.signum() > 0) {
                throw new PricingException(at + ".lineNo", "line " + r.lineNo() + " is named twice");
            }
            if (r.quantity().compareTo(line.remaining()) > 0) {
                throw new PricingException(at + ".quantity", "only " + line.remaining().stripTrailingZeros().toPlainString()
                        + " of line " + r.lineNo() + " can still be returned (sold "
                        + line.quantity().stripTrailingZeros().toPlainString() + ")");
            }
            returning.put(r.lineNo(), r.quantity());
            out.add(part(line, r.quantity()));
        }
        BigDecimal taxable = sum(out.stream().map(RefundedLine::taxableValue).toList());
        BigDecimal cgst = sum(out.stream().map(RefundedLine::cgst).toList());
        BigDecimal sgst = sum(out.stream().map(RefundedLine::sgst).toList());
        BigDecimal igst = sum(out.stream().map(RefundedLine::igst).toList());
        BigDecimal exact = taxable.add(cgst).add(sgst).add(igst);
        boolean completes = sold.stream().allMatch(s ->
                s.remaining().compareTo(returning.getOrDefault(s.lineNo(), BigDecimal.ZERO)) == 0);
        BigDecimal total = completes ? payable.subtract(refundedBefore).setScale(2) : GstCalculator.roundToRupee(exact);
        return new Refund(List.copyOf(out), taxable, cgst, sgst, igst, total.subtract(exact), total, completes);
    }

    private static RefundedLine part(SoldLine line, BigDecimal qty) {
        if (qty.compareTo(line.remaining()) == 0) {
            return new RefundedLine(line.lineNo(), qty, line.taxableValue().subtract(line.refundedTaxable()),
                    line.cgst().subtract(line.refundedCgst()), line.sgst().subtract(line.refundedSgst()),
                    line.igst().subtract(line.refundedIgst()));
        }
        return new RefundedLine(line.lineNo(), qty, share(line.taxableValue(), qty, line.quantity()),
                share(line.cgst(), qty, line.quantity()), share(line.sgst(), qty, line.quantity()),
                share(line.igst(), qty, line.quantity()));
    }

    private static BigDecimal share(BigDecimal amount, BigDecimal qty, BigDecimal of) {
        return amount.multiply(qty).divide(of, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> xs) {
        return xs.stream().reduce(ZERO, BigDecimal::add);
    }

    private RefundCalculator() {
    }
}
