package dev.kirana.accounting.statement;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The balance sheet at a date: assets, liabilities and equity by group (Tally's groups, in Schedule III order), each
 * account at its balance on its normal side. Income and expense accounts are not closed into capital by an entry;
 * their balance is shown within equity as the profit of earlier financial years and the profit of the current
 * financial year (from 1 April) up to the date. Then assets = liabilities + equity, which {@code balanced} and
 * {@code check} state.
 */
public record BalanceSheet(LocalDate asAt, LocalDate financialYearFrom, List<Section> assets, BigDecimal totalAssets,
                           List<Section> liabilities, BigDecimal totalLiabilities, List<Section> equity,
                           BigDecimal profitOfEarlierYears, BigDecimal currentPeriodProfit, BigDecimal totalEquity,
                           BigDecimal liabilitiesAndEquity, boolean balanced, String check) {

    public record Line(String account, String name, BigDecimal amount) {
    }

    public record Section(String groupName, List<Line> accounts, BigDecimal total) {
    }

    /** The first day of the Indian financial year (April to March) that {@code date} falls in. */
    public static LocalDate financialYearStart(LocalDate date) {
        return LocalDate.of(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1, 4, 1);
    }

    /** @param balances every account, opening = before the financial year began, movement = from then to {@code asAt} */
    public static BalanceSheet of(LocalDate asAt, List<AccountBalance> balances) {
        Map<AccountGroup, List<Line>> assets = new EnumMap<>(AccountGroup.class);
        Map<AccountGroup, List<Line>> liabilities = new EnumMap<>(AccountGroup.class);
        Map<AccountGroup, List<Line>> equity = new EnumMap<>(AccountGroup.class);
        BigDecimal earlier = Money.ZERO;
        BigDecimal current = Money.ZERO;
        for (AccountBalance b : balances) {
            if (b.type().profitAndLoss()) {
                // income less expenses: credits less debits
                earlier = earlier.add(Money.of(b.openingCredit().subtract(b.openingDebit())));
                current = current.add(Money.of(b.credit().subtract(b.debit())));
                continue;
            }
            BigDecimal amount = Money.of(b.closingBalance());
            if (amount.signum() == 0) {
                continue;
            }
            Map<AccountGroup, List<Line>> side = b.type() == AccountType.ASSET ? assets : b.type() == AccountType.LIABILITY ? liabilities : equity;
            side.computeIfAbsent(b.group(), g -> new ArrayList<>()).add(new Line(b.code(), b.name(), amount));
        }
        List<Section> assetSections = sections(assets);
        List<Section> liabilitySections = sections(liabilities);
        List<Section> equitySections = new ArrayList<>(sections(equity));
        List<Line> profit = new ArrayList<>();
        if (earlier.signum() != 0) {
            profit.add(new Line("", "Profit of earlier years", earlier));
        }
        if (current.signum() != 0) {
            profit.add(new Line("", "Profit for the year to date", current));
        }
        if (!profit.isEmpty()) {
            equitySections.add(new Section("Profit & Loss A/c", profit, earlier.add(current)));
        }
        BigDecimal totalAssets = Money.sum(assetSections, Section::total);
        BigDecimal totalLiabilities = Money.sum(liabilitySections, Section::total);
        BigDecimal totalEquity = Money.sum(equitySections, Section::total);
        BigDecimal both = totalLiabilities.add(totalEquity);
        boolean balanced = totalAssets.compareTo(both) == 0;
        String check = "assets " + totalAssets.toPlainString() + (balanced ? " = " : " ≠ ") + "liabilities " + totalLiabilities.toPlainString()
                + " + equity " + totalEquity.toPlainString() + (balanced ? "" : " (difference " + totalAssets.subtract(both).toPlainString() + ")");
        return new BalanceSheet(asAt, financialYearStart(asAt), assetSections, totalAssets, liabilitySections, totalLiabilities,
                List.copyOf(equitySections), earlier, current, totalEquity, both, balanced, check);
    }

    private static List<Section> sections(Map<AccountGroup, List<Line>> byGroup) {
        List<Section> out = new ArrayList<>();
        byGroup.forEach((group, lines) -> out.add(new Section(group.title(), List.copyOf(lines), Money.sum(lines, Line::amount))));
        return List.copyOf(out);
    }

    public StatementTable table() {
        List<List<String>> rows = new ArrayList<>();
        side(rows, "Equity", equity, totalEquity);
        side(rows, "Liabilities", liabilities, totalLiabilities);
        rows.add(List.of("", "Total liabilities and equity", "", Money.text(liabilitiesAndEquity)));
        side(rows, "Assets", assets, totalAssets);
        rows.add(List.of("", check, "", ""));
        return new StatementTable("Balance sheet", "as at " + asAt, List.of("Code", "Account", "Amount", "Total"), rows, Set.of(2, 3));
    }

    private static void side(List<List<String>> rows, String title, List<Section> sections, BigDecimal total) {
        rows.add(List.of("", title, "", ""));
        for (Section s : sections) {
            rows.add(List.of("", s.groupName(), "", ""));
            for (Line l : s.accounts()) {
                rows.add(List.of(l.account(), l.name(), Money.text(l.amount()), ""));
            }
            rows.add(List.of("", "Total " + s.groupName(), "", Money.text(s.total())));
        }
        rows.add(List.of("", "Total " + title.toLowerCase(), "", Money.text(total)));
    }
}
