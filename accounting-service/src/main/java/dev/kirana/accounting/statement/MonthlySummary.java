package dev.kirana.accounting.statement;

import dev.kirana.export.Chart;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Month by month: net sales, cost of goods sold, gross profit, other income, expenses, net profit, and cash and bank at month end. */
public record MonthlySummary(LocalDate from, LocalDate to, List<Month> months, BigDecimal totalNetSales, BigDecimal totalNetProfit) {

    public record Month(YearMonth month, BigDecimal netSales, BigDecimal costOfGoodsSold, BigDecimal grossProfit, BigDecimal otherIncome,
                        BigDecimal expenses, BigDecimal netProfit, BigDecimal cashAndBank) {
    }

    /**
     * @param movements   each month's postings per account (movement only; months without postings may be absent)
     * @param cashOpening cash and bank before {@code from}
     * @param cashMoves   each month's net movement of the cash and bank accounts
     */
    public static MonthlySummary of(LocalDate from, LocalDate to, Map<YearMonth, List<AccountBalance>> movements, BigDecimal cashOpening,
                                    Map<YearMonth, BigDecimal> cashMoves) {
        List<Month> months = new ArrayList<>();
        BigDecimal cash = Money.of(cashOpening);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            ProfitAndLoss pl = ProfitAndLoss.of(m.atDay(1), m.atEndOfMonth(), movements.getOrDefault(m, List.of()));
            cash = cash.add(Money.of(cashMoves.get(m)));
            months.add(new Month(m, pl.netSales(), pl.totalCostOfGoodsSold(), pl.grossProfit(), pl.totalOtherIncome(), pl.totalExpenses(),
                    pl.netProfit(), cash));
        }
        return new MonthlySummary(from, to, List.copyOf(months), Money.sum(months, Month::netSales), Money.sum(months, Month::netProfit));
    }

    public StatementTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (Month m : months) {
            rows.add(List.of(m.month().toString(), Money.text(m.netSales()), Money.text(m.costOfGoodsSold()), Money.text(m.grossProfit()),
                    Money.text(m.otherIncome()), Money.text(m.expenses()), Money.text(m.netProfit()), Money.text(m.cashAndBank())));
        }
        return new StatementTable("Monthly summary", from + " to " + to, List.of("Month", "Net sales", "Cost of goods sold", "Gross profit",
                "Other income", "Expenses", "Net profit", "Cash and bank"), rows, Set.of(1, 2, 3, 4, 5, 6, 7), null,
                Chart.line("Net sales and net profit by month", 0, 1, 6));
    }
}
