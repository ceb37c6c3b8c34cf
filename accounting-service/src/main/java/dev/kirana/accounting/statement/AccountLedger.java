package dev.kirana.accounting.statement;

import dev.kirana.accounting.chart.AccountType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One account's postings over a period with the running balance, on the account's normal side (cash in hand as a
 * debit balance, output GST as a credit one): the balance brought forward, then each line, then the closing balance.
 */
public record AccountLedger(String account, String name, AccountType type, LocalDate from, LocalDate to, BigDecimal opening,
                            List<Line> lines, BigDecimal totalDebit, BigDecimal totalCredit, BigDecimal closing) {

    public record Posting(LocalDate date, UUID entryId, String narration, String source, BigDecimal debit, BigDecimal credit) {
    }

    public record Line(LocalDate date, UUID entryId, String narration, String source, BigDecimal debit, BigDecimal credit,
                       BigDecimal balance) {
    }

    public static AccountLedger of(String account, String name, AccountType type, LocalDate from, LocalDate to,
                                   BigDecimal openingDebit, BigDecimal openingCredit, List<Posting> postings) {
        BigDecimal balance = Money.of(type.balance(openingDebit, openingCredit));
        BigDecimal opening = balance;
        List<Line> lines = new ArrayList<>();
        for (Posting p : postings) {
            balance = balance.add(Money.of(type.balance(p.debit(), p.credit())));
            lines.add(new Line(p.date(), p.entryId(), p.narration(), p.source(), Money.of(p.debit()), Money.of(p.credit()), balance));
        }
        return new AccountLedger(account, name, type, from, to, opening, List.copyOf(lines), Money.sum(lines, Line::debit),
                Money.sum(lines, Line::credit), balance);
    }
}
