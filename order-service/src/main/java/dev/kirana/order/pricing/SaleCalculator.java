package dev.kirana.order.pricing;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.GstCalculator;
import dev.kirana.order.gst.LineTax;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.gst.SupplyType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices a sale: line amounts, line and order discounts (both before tax), GST per line, totals and the round-off
 * to the rupee. Pure function of its input; every amount is in rupees to the paise.
 * <p>
 * An order discount is shared across lines in proportion to each line's amount after its own discount (largest
 * remainder, so the shares add up to the discount to the paise), then each line is taxed on what is left.
 */
public final class SaleCalculator {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record Line(BigDecimal unitPrice, BigDecimal quantity, BigDecimal gstRate, boolean taxInclusive,
                       BigDecimal discount, BigDecimal discountPercent) {
    }

    /**
     * @param registration   the shop's GST registration (only REGULAR charges tax)
     * @param supplierState  the shop's state code
     * @param placeOfSupply  the state code of the place of supply
     */
    public record Sale(RegistrationType registration, String supplierState, String placeOfSupply, List<Line> lines,
                       BigDecimal discount, BigDecimal discountPercent) {
    }

    public record PricedLine(BigDecimal gross, BigDecimal lineDiscount, BigDecimal orderDiscount, BigDecimal net,
                             BigDecimal gstRate, LineTax tax) {
        public BigDecimal discount() {
            return lineDiscount.add(orderDiscount);
        }

        public BigDecimal total() {
            return tax.total();
        }
    }

    public record RateTotal(BigDecimal rate, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst) {
    }

    public record PricedSale(DocumentType document, SupplyType supply, List<PricedLine> lines, BigDecimal gross,
                             BigDecimal discount, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                             BigDecimal igst, BigDecimal exactTotal, BigDecimal roundOff, BigDecimal payable,
                             List<RateTotal> byRate) {
        public BigDecimal tax() {
            return cgst.add(sgst).add(igst);
        }
    }

    public static PricedSale price(Sale sale) {
        DocumentType document = sale.registration().document();
        SupplyType supply = SupplyType.of(sale.supplierState(), sale.placeOfSupply());
        if (document == DocumentType.BILL_OF_SUPPLY && supply == SupplyType.INTER_STATE) {
            throw new PricingException("placeOfSupply", sale.registration() == RegistrationType.COMPOSITION
                    ? "a composition shop makes no inter-state sales (place of supply " + sale.placeOfSupply()
                    + ", shop in " + sale.supplierState() + ")"
                    : "a shop not registered for GST makes no inter-state sales");
        }
        int n = sale.lines().size();
        List<BigDecimal> gross = new ArrayList<>(n);
        List<BigDecimal> lineDiscounts = new ArrayList<>(n);
        List<BigDecimal> afterLine = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Line l = sale.lines().get(i);
            BigDecimal g = GstCalculator.paise(l.unitPrice().multiply(l.quantity()));
            BigDecimal d = discount("lines[" + i + "]", g, l.discount(), l.discountPercent());
            gross.add(g);
            lineDiscounts.add(d);
            afterLine.add(g.subtract(d));
        }
        BigDecimal afterLines = sum(afterLine);
        BigDecimal orderDiscount = discount("", afterLines, sale.discount(), sale.discountPercent());
        List<BigDecimal> shares = share(orderDiscount, afterLine);

        List<PricedLine> priced = new ArrayList<>(n);
        Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>(Comparator.naturalOrder());
        for (int i = 0; i < n; i++) {
            Line l = sale.lines().get(i);
            BigDecimal net = afterLine.get(i).subtract(shares.get(i));
            BigDecimal rate = document == DocumentType.BILL_OF_SUPPLY ? BigDecimal.ZERO : l.gstRate();
            LineTax tax = GstCalculator.line(net, rate, l.taxInclusive(), supply, document);
            priced.add(new PricedLine(gross.get(i), lineDiscounts.get(i), shares.get(i), net, rate, tax));
            BigDecimal[] t = byRate.computeIfAbsent(rate.stripTrailingZeros(), r -> new BigDecimal[]{ZERO, ZERO, ZERO, ZERO});
            t[0] = t[0].add(tax.taxableValue());
            t[1] = t[1].add(tax.cgst());
            t[2] = t[2].add(tax.sgst());
            t[3] = t[3].add(tax.igst());
        }
        BigDecimal taxable = sum(priced.stream().map(p -> p.tax().taxableValue()).toList());
        BigDecimal cgst = sum(priced.stream().map(p -> p.tax().cgst()).toList());
        BigDecimal sgst = sum(priced.stream().map(p -> p.tax().sgst()).toList());
        BigDecimal igst = sum(priced.stream().map(p -> p.tax().igst()).toList());
        BigDecimal exact = taxable.add(cgst).add(sgst).add(igst);
        BigDecimal payable = GstCalculator.roundToRupee(exact);
        List<RateTotal> rates = byRate.entrySet().stream()
                .map(e -> new RateTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        return new PricedSale(document, supply, List.copyOf(priced), sum(gross),
                sum(lineDiscounts).add(orderDiscount), taxable, cgst, sgst, igst, exact, payable.subtract(exact), payable, rates);
    }

    /** A discount given as an amount or a percentage of {@code base}; never more than the base. */
    static BigDecimal discount(String at, BigDecimal base, BigDecimal amount, BigDecimal percent) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (amount != null && percent != null) {
            throw new PricingException(prefix + "discount", "give a discount or a discountPercent, not both");
        }
        if (percent != null) {
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw new PricingException(prefix + "discountPercent", "must be between 0 and 100");
            }
            return GstCalculator.paise(base.multiply(percent).divide(HUNDRED, 6, RoundingMode.HALF_UP));
        }
        if (amount == null) {
            return ZERO;
        }
        if (amount.signum() < 0) {
            throw new PricingException(prefix + "discount", "must not be negative");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new PricingException(prefix + "discount", "is in rupees and paise (at most 2 decimals)");
        }
        if (amount.compareTo(base) > 0) {
            throw new PricingException(prefix + "discount", "discount " + amount.toPlainString() + " is more than the "
                    + (at.isEmpty() ? "order's amount " : "line's amount ") + base.toPlainString());
        }
        return GstCalculator.paise(amount);
    }

    /** Splits {@code total} in proportion to {@code weights}, to the paise, shares adding up to the total exactly. */
    static List<BigDecimal> share(BigDecimal total, List<BigDecimal> weights) {
        int n = weights.size();
        List<BigDecimal> shares = new ArrayList<>(n);
        BigDecimal sum = sum(weights);
        if (total.signum() == 0 || sum.signum() == 0) {
            for (int i = 0; i < n; i++) shares.add(ZERO);
            return shares;
        }
        long totalPaise = total.movePointRight(2).longValueExact();
        long given = 0;
        BigDecimal[] remainders = new BigDecimal[n];
        long[] paise = new long[n];
        for (int i = 0; i < n; i++) {
            BigDecimal exact = total.movePointRight(2).multiply(weights.get(i)).divide(sum, 10, RoundingMode.DOWN);
            paise[i] = exact.setScale(0, RoundingMode.DOWN).longValue();
            remainders[i] = exact.subtract(BigDecimal.valueOf(paise[i]));
            given += paise[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> {
            int c = remainders[b].compareTo(remainders[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; given < totalPaise; k = (k + 1) % n) {
            paise[order[k]]++;
            given++;
        }
        for (int i = 0; i < n; i++) shares.add(BigDecimal.valueOf(paise[i], 2));
        return shares;
    }

    static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(ZERO, BigDecimal::add);
    }

    private SaleCalculator() {
    }
}
