package dev.kirana.accounting.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cash flow of a period from the cash and bank accounts (Cash-in-Hand and Bank Accounts): what came in and went out,
 * by what it was for, and each account's opening, in, out and closing. An entry's cash movement is put under the one
 * other account it touched (Rent, Customers (khata), Suppliers …); when it touched several, under what posted it for
 * sales, refunds and voids, else under the other account with the largest amount (a UPI settlement less its fee goes
 * under UPI settlements receivable). Moving money between cash and the bank is neither in nor out.
 * Opening + in − out = closing.
 */
public record CashFlow(LocalDate from, LocalDate to, BigDecimal opening, List<Flow> inflows, BigDecimal totalIn, List<Flow> outflows,
                       BigDecimal totalOut, BigDecimal netChange, BigDecimal closing, List<AccountMovement> accounts) {

    public record Flow(String category, BigDecimal amount, int entries) {
    }

    public record AccountMovement(String account, String name, BigDecimal opening, BigDecimal in, BigDecimal out, BigDecimal closing) {
    }

    /** A cash or bank account and its balance before the period. */
    public record CashAccount(String code, String name, BigDecimal opening) {
    }

    /** One line of an entry that touched a cash or bank account in the period (all of that entry's lines are given). */
    public record EntryLine(UUID entryId, String source, String account, String accountName, BigDecimal debit, BigDecimal credit) {
    }

    public static CashFlow of(LocalDate from, LocalDate to, List<CashAccount> cashAccounts, List<EntryLine> lines) {
        Map<String, CashAccount> cash = new LinkedHashMap<>();
        cashAccounts.forEach(a -> cash.put(a.code(), a));
        Map<String, BigDecimal[]> perAccount = new LinkedHashMap<>();
        cashAccounts.forEach(a -> perAccount.put(a.code(), new BigDecimal[]{Money.ZERO, Money.ZERO}));
        Map<UUID, List<EntryLine>> byEntry = new LinkedHashMap<>();
        lines.forEach(l -> byEntry.computeIfAbsent(l.entryId(), k -> new ArrayList<>()).add(l));
        Map<String, BigDecimal> in = new LinkedHashMap<>();
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (List<EntryLine> entry : byEntry.values()) {
            BigDecimal delta = Money.ZERO;
            Map<String, String> others = new LinkedHashMap<>();
            Map<String, BigDecimal> otherAmounts = new LinkedHashMap<>();
            for (EntryLine l : entry) {
                if (cash.containsKey(l.account())) {
                    BigDecimal[] m = perAccount.get(l.account());
                    m[0] = m[0].add(Money.of(l.debit()));
                    m[1] = m[1].add(Money.of(l.credit()));
                    delta = delta.add(Money.of(l.debit()).subtract(Money.of(l.credit())));
                } else {
                    others.put(l.account(), l.accountName() == null ? l.account() : l.accountName());
                    otherAmounts.merge(l.account(), Money.of(l.debit()).add(Money.of(l.credit())), BigDecimal::add);
                }
            }
            if (delta.signum() == 0) {
                continue;
            }
            String category = others.size() == 1 ? others.values().iterator().next() : category(entry.get(0).source());
            if (category == null) {
                String largest = otherAmounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                category = largest == null ? "Other entries" : others.get(largest);
            }
            (delta.signum() > 0 ? in : out).merge(category, delta.abs(), BigDecimal::add);
            count.merge((delta.signum() > 0 ? "in:" : "out:") + category, 1, Integer::sum);
        }
        BigDecimal opening = Money.sum(cashAccounts, CashAccount::opening);
        List<Flow> inflows = new ArrayList<>();
        in.forEach((c, a) -> inflows.add(new Flow(c, a, count.get("in:" + c))));
        List<Flow> outflows = new ArrayList<>();
        out.forEach((c, a) -> outflows.add(new Flow(c, a, count.get("out:" + c))));
        BigDecimal totalIn = Money.sum(inflows, Flow::amount);
        BigDecimal totalOut = Money.sum(outflows, Flow::amount);
        List<AccountMovement> accounts = new ArrayList<>();
        for (CashAccount a : cashAccounts) {
            BigDecimal[] m = perAccount.get(a.code());
            BigDecimal open = Money.of(a.opening());
            accounts.add(new AccountMovement(a.code(), a.name(), open, m[0], m[1], open.add(m[0]).subtract(m[1])));
        }
        BigDecimal net = totalIn.subtract(totalOut);
        return new CashFlow(from, to, opening, List.copyOf(inflows), totalIn, List.copyOf(outflows), totalOut, net, opening.add(net),
                List.copyOf(accounts));
    }

    /** The heading of an entry that touched several other accounts, by what posted it; null when that says nothing. */
    static String category(String source) {
        if (source == null) {
            return null;
        }
        if (source.startsWith("order.confirmed:")) return "Sales";
        if (source.startsWith("order.refunded:")) return "Refunds";
        if (source.startsWith("order.voided:")) return "Voided sales";
        return null;
    }

    public StatementTable table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Opening cash and bank", "", Money.text(opening)));
        inflows.forEach(f -> rows.add(List.of("In: " + f.category(), String.valueOf(f.entries()), Money.text(f.amount()))));
        rows.add(List.of("Total in", "", Money.text(totalIn)));
        outflows.forEach(f -> rows.add(List.of("Out: " + f.category(), String.valueOf(f.entries()), Money.text(f.amount()))));
        rows.add(List.of("Total out", "", Money.text(totalOut)));
        rows.add(List.of("Closing cash and bank", "", Money.text(closing)));
        return new StatementTable("Cash flow", from + " to " + to, List.of("Item", "Entries", "Amount"), rows, Set.of(2));
    }
}
