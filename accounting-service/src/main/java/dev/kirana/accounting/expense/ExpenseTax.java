package dev.kirana.accounting.expense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The input GST in an expense, as pure arithmetic. {@code amount} is what was paid (tax included). With a rate and no
 * tax amount the tax is worked out of the tax-inclusive amount: tax = amount × rate / (100 + rate), to the paisa
 * (half up); with a tax amount from the supplier's bill that amount is taken, as long as it is within a rupee of the
 * worked-out one (bills round per line). Intra-state tax is split into CGST and SGST halves, CGST taking the odd
 * paisa; inter-state tax is IGST.
 */
public final class ExpenseTax {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TOLERANCE = BigDecimal.ONE;

    /** What an expense splits into: net + cgst + sgst + igst = amount. */
    public record Split(BigDecimal amount, BigDecimal net, BigDecimal gstRate, BigDecimal cgst, BigDecimal sgst, BigDecimal igst) {
        public BigDecimal tax() {
            return cgst.add(sgst).add(igst);
        }
    }

    public record Violation(String field, String message) {
    }

    /** What is wrong with an expense's amount and GST; its rate must be one in force on {@code date}, the day it was paid. */
    public static List<Violation> check(BigDecimal amount, BigDecimal gstRate, BigDecimal gstAmount, java.time.LocalDate date) {
        List<Violation> v = new ArrayList<>();
        if (amount == null) {
            v.add(new Violation("amount", "is required"));
        } else if (amount.signum() <= 0) {
            v.add(new Violation("amount", "must be more than zero"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            v.add(new Violation("amount", "must be in rupees and paise (at most 2 decimals)"));
        } else if (amount.compareTo(new BigDecimal("100000000")) >= 0) {
            v.add(new Violation("amount", "is too large"));
        }
        if (gstAmount != null && gstRate == null) {
            v.add(new Violation("gstRate", "is required with gstAmount"));
        }
        if (gstRate != null && dev.kirana.india.GstRates.violation(gstRate, date) != null) {
            v.add(new Violation("gstRate", dev.kirana.india.GstRates.violation(gstRate, date)));
        }
        if (gstAmount != null) {
            if (gstAmount.signum() <= 0) {
                v.add(new Violation("gstAmount", "must be more than zero (leave out gstRate for an expense without GST)"));
            } else if (gstAmount.stripTrailingZeros().scale() > 2) {
                v.add(new Violation("gstAmount", "must be in rupees and paise (at most 2 decimals)"));
            } else if (v.isEmpty()) {
                BigDecimal worked = taxIn(amount, gstRate);
                if (gstAmount.subtract(worked).abs().compareTo(TOLERANCE) > 0) {
                    v.add(new Violation("gstAmount", gstAmount.setScale(2) + " is not " + gstRate.stripTrailingZeros().toPlainString()
                            + "% GST of a tax-inclusive " + amount.setScale(2) + " (that is " + worked + ")"));
                }
            }
        }
        return v;
    }

    /** The split of a checked expense ({@link #check} found nothing). */
    public static Split split(BigDecimal amount, BigDecimal gstRate, BigDecimal gstAmount, boolean interState) {
        BigDecimal paid = amount.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        if (gstRate == null) {
            return new Split(paid, paid, null, zero, zero, zero);
        }
        BigDecimal tax = gstAmount != null ? gstAmount.setScale(2, RoundingMode.UNNECESSARY) : taxIn(paid, gstRate);
        BigDecimal net = paid.subtract(tax);
        if (interState) {
            return new Split(paid, net, gstRate, zero, zero, tax);
        }
        BigDecimal cgst = tax.divide(new BigDecimal("2"), 2, RoundingMode.HALF_UP);
        return new Split(paid, net, gstRate, cgst, tax.subtract(cgst), zero);
    }

    /** The tax in a tax-inclusive amount: amount × rate / (100 + rate), to the paisa. */
    static BigDecimal taxIn(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP);
    }

    private ExpenseTax() {
    }
}
