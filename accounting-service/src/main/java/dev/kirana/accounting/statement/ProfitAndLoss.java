package dev.kirana.accounting.statement;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Profit and loss of a period, from the period's postings to income and expense accounts:
 * <pre>
 *   sales (Sales Accounts)                        credits less debits
 * − sales returns (Sales Returns)                 debits less credits
 * = net sales
 * − cost of goods sold (Purchase Accounts and Direct Expenses, less Direct Incomes such as a stock count surplus)
 * = gross profit
 * + other income (every other income account: Indirect Incomes, round off)
 * − expenses by account (every other expense account: Indirect Expenses)
 * = net profit
 * </pre>
 * Every income and expense account lands in exactly one section, so net profit is always all income less all expenses.
 */
public record ProfitAndLoss(LocalDate from, LocalDate to, List<Line> sales, BigDecimal totalSales, List<Line> returns,
                            BigDecimal totalReturns, BigDecimal netSales, List<Line> costOfGoodsSold, BigDecimal totalCostOfGoodsSold,
                            BigDecimal grossProfit, List<Line> otherIncome, BigDecimal totalOtherIncome, List<Line> expenses,
                            BigDecimal totalExpenses, BigDecimal netProfit) {

    public record Line(String account, String name, BigDecimal amount) {
    }

    public static ProfitAndLoss of(LocalDate from, LocalDate to, List<AccountBalance> balances) {
        List<Line> sales = new ArrayList<>();
        List<Line> returns = new ArrayList<>();
        List<Line> cost = new ArrayList<>();
        List<Line> other = new ArrayList<>();
        List<Line> expenses = new ArrayList<>();
        for (AccountBalance b : balances) {
            if (!b.type().profitAndLoss() || (b.debit().signum() == 0 && b.credit().signum() == 0)) {
                continue;
            }
            BigDecimal earned = Money.of(b.credit().subtract(b.debit()));
            BigDecimal spent = earned.negate();
            if (b.type() == AccountType.INCOME) {
                switch (b.group()) {
                    case SALES_ACCOUNTS -> sales.add(new Line(b.code(), b.name(), earned));
                    case SALES_RETURNS -> returns.add(new Line(b.code(), b.name(), spent));
                    case DIRECT_INCOMES -> cost.add(new Line(b.code(), b.name(), spent));
                    default -> other.add(new Line(b.code(), b.name(), earned));
                }
            } else if (b.group() == AccountGroup.PURCHASE_ACCOUNTS || b.group() == AccountGroup.DIRECT_EXPENSES) {
                cost.add(new Line(b.code(), b.name(), spent));
            } else {
                expenses.add(new Line(b.code(), b.name(), spent));
            }
        }
        BigDecimal totalSales = Money.sum(sales, Line::amount);
        BigDecimal totalReturns = Money.sum(returns, Line::amount);
        BigDecimal netSales = totalSales.subtract(totalReturns);
        BigDecimal totalCost = Money.sum(cost, Line::amount);
        BigDecimal gross = netSales.subtract(totalCost);
        BigDecimal totalOther = Money.sum(other, Line::amount);
        BigDecimal totalExpenses = Money.sum(expenses, Line::amount);
        return new ProfitAndLoss(from, to, sales, totalSales, returns, totalReturns, netSales, cost, totalCost, gross, other, totalOther,
                expenses, totalExpenses, gross.add(totalOther).subtract(totalExpenses));
    }

    public StatementTable table() {
        List<List<String>> rows = new ArrayList<>();
        section(rows, "Sales", sales, totalSales);
        section(rows, "Less: sales returns", returns, totalReturns);
        rows.add(List.of("", "Net sales", Money.text(netSales)));
        section(rows, "Less: cost of goods sold", costOfGoodsSold, totalCostOfGoodsSold);
        rows.add(List.of("", "Gross profit", Money.text(grossProfit)));
        section(rows, "Add: other income", otherIncome, totalOtherIncome);
        section(rows, "Less: expenses", expenses, totalExpenses);
        rows.add(List.of("", netProfit.signum() >= 0 ? "Net profit" : "Net loss", Money.text(netProfit)));
        return new StatementTable("Profit and loss", from + " to " + to, List.of("Code", "Account", "Amount"), rows, Set.of(2));
    }

    private static void section(List<List<String>> rows, String title, List<Line> lines, BigDecimal total) {
        rows.add(List.of("", title, ""));
        for (Line l : lines) {
            rows.add(List.of(l.account(), l.name(), Money.text(l.amount())));
        }
        rows.add(List.of("", "Total " + title.replace("Less: ", "").replace("Add: ", ""), Money.text(total)));
    }
}
