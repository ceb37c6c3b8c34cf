package dev.kirana.accounting.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The OD report of a distributor at a date: for each retailer, what it owes (its closing balance) set against the
 * value of the stock it still holds (serials placed with it and not activated), and what of the balance is overdue.
 *
 * <p><b>OD = closing balance − stock value at the retailer.</b> A handset on the retailer's shelf is still the
 * security for what the retailer owes for it: it can be sold through or taken back. What the retailer owes beyond that
 * stock is for goods it has already sold on (activated), money it has presumably collected from its own customers: that
 * is the distributor's real exposure to the retailer, and why the report is sorted by it, largest first. A negative OD
 * means the stock at the retailer covers more than its balance (an advance makes the balance, and so the OD, lower).
 * The overdue amount is the part of the balance older than the retailer's credit days (the khata ageing rule).
 */
public final class OdReport {

    /** What is known about one retailer at the date. */
    public record Input(UUID retailerId, String code, String name, String area, String route, RetailerBalance balance,
                        long serialsAtRetailer, BigDecimal stockValue, BigDecimal overdue) {
    }

    public record OdLine(UUID retailerId, String code, String name, String area, String route, BigDecimal closingBalance,
                       RetailerBalance.Source balanceSource, boolean balanceStale, long serialsAtRetailer, BigDecimal stockValue,
                       BigDecimal od, BigDecimal overdue) {
    }

    public record OdTotals(BigDecimal closingBalance, long serialsAtRetailer, BigDecimal stockValue, BigDecimal od, BigDecimal overdue) {
    }

    public record OdReportView(LocalDate asAt, List<OdLine> lines, OdTotals totals) {
    }

    public static OdLine line(Input in) {
        BigDecimal balance = in.balance().balance().setScale(2);
        BigDecimal stock = in.stockValue().setScale(2);
        return new OdLine(in.retailerId(), in.code(), in.name(), in.area(), in.route(), balance, in.balance().source(),
                in.balance().stale(), in.serialsAtRetailer(), stock, balance.subtract(stock), in.overdue().setScale(2));
    }

    /** The lines, OD largest first (then by code), and their totals. */
    public static OdReportView of(LocalDate asAt, List<Input> inputs) {
        List<OdLine> lines = inputs.stream().map(OdReport::line)
                .sorted(Comparator.comparing(OdLine::od).reversed().thenComparing(OdLine::code)).toList();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        OdTotals totals = new OdTotals(
                lines.stream().map(OdLine::closingBalance).reduce(zero, BigDecimal::add),
                lines.stream().mapToLong(OdLine::serialsAtRetailer).sum(),
                lines.stream().map(OdLine::stockValue).reduce(zero, BigDecimal::add),
                lines.stream().map(OdLine::od).reduce(zero, BigDecimal::add),
                lines.stream().map(OdLine::overdue).reduce(zero, BigDecimal::add));
        return new OdReportView(asAt, lines, totals);
    }

    private OdReport() {
    }
}
