package dev.kirana.accounting.statement;

import dev.kirana.accounting.chart.AccountType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The trial balance of a period: per account with postings, the balance brought forward (debits less credits before
 * the period), the period's debits and credits, and the closing balance in the debit or the credit column. The
 * period's debits equal its credits, and so do the closing columns, or the books are broken.
 */
public record TrialBalance(LocalDate from, LocalDate to, List<Row> rows, BigDecimal totalDebit, BigDecimal totalCredit,
                           BigDecimal totalClosingDebit, BigDecimal totalClosingCredit, boolean balanced) {

    /** {@code opening} and {@code closing} are debits less credits (negative: a credit balance). */
    public record Row(String account, String name, AccountType type, String groupName, BigDecimal opening, BigDecimal debit,
                      BigDecimal credit, BigDecimal closing, BigDecimal closingDebit, BigDecimal closingCredit) {
    }

    public static TrialBalance of(LocalDate from, LocalDate to, List<AccountBalance> balances) {
        List<Row> rows = new ArrayList<>();
        for (AccountBalance b : balances) {
            if (b.quiet()) {
                continue;
            }
            BigDecimal closing = Money.of(b.closing());
            rows.add(new Row(b.code(), b.name(), b.type(), b.group().title(), Money.of(b.opening()), Money.of(b.debit()), Money.of(b.credit()),
                    closing, closing.signum() > 0 ? closing : Money.ZERO, closing.signum() < 0 ? closing.negate() : Money.ZERO));
        }
        BigDecimal debit = Money.sum(rows, Row::debit);
        BigDecimal credit = Money.sum(rows, Row::credit);
        BigDecimal closingDebit = Money.sum(rows, Row::closingDebit);
        BigDecimal closingCredit = Money.sum(rows, Row::closingCredit);
        return new TrialBalance(from, to, List.copyOf(rows), debit, credit, closingDebit, closingCredit,
                debit.compareTo(credit) == 0 && closingDebit.compareTo(closingCredit) == 0);
    }

    public StatementTable table() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(List.of(r.account(), r.name(), r.type().name(), r.groupName(), Money.text(r.opening()), Money.text(r.debit()),
                    Money.text(r.credit()), Money.text(r.closingDebit()), Money.text(r.closingCredit())));
        }
        List<String> totals = List.of("", "Total", "", "", "", Money.text(totalDebit), Money.text(totalCredit), Money.text(totalClosingDebit),
                Money.text(totalClosingCredit));
        return new StatementTable("Trial balance", from + " to " + to,
                List.of("Code", "Account", "Type", "Group", "Opening (Dr-Cr)", "Debit", "Credit", "Closing Dr", "Closing Cr"),
                out, Set.of(4, 5, 6, 7, 8), totals, null);
    }
}
