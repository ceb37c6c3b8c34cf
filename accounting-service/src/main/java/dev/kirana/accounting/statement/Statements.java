package dev.kirana.accounting.statement;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountType;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.accounting.chart.ChartAccount;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * Reads the journal for the statements; the arithmetic is in the statement classes. A statement's queries run in one
 * read-only repeatable-read transaction, so they all see the same books even while sales are being posted; each result
 * set is read in full before the next query.
 */
@Service
public class Statements {
    /** The whole life of the books, for an all-time trial balance. */
    public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    public static final LocalDate END = LocalDate.of(9999, 12, 31);
    private final DatabaseClient db;
    private final Chart chart;
    private final TransactionalOperator snapshot;

    public Statements(DatabaseClient db, Chart chart, ReactiveTransactionManager transactions) {
        this.db = db;
        this.chart = chart;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot = TransactionalOperator.create(transactions, definition);
    }

    /** Every account of the chart (and any code posted to outside it) with what was posted before {@code from} and from then to {@code to}. */
    public Mono<List<AccountBalance>> balances(String shopId, LocalDate from, LocalDate to) {
        return chart.list(shopId).flatMap(accounts -> db.sql("""
                        SELECT l.account,
                               coalesce(sum(l.debit) FILTER (WHERE e.entry_date < :from), 0) AS od,
                               coalesce(sum(l.credit) FILTER (WHERE e.entry_date < :from), 0) AS oc,
                               coalesce(sum(l.debit) FILTER (WHERE e.entry_date >= :from), 0) AS pd,
                               coalesce(sum(l.credit) FILTER (WHERE e.entry_date >= :from), 0) AS pc
                        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.shop_id = :shop AND e.entry_date <= :to
                        GROUP BY l.account""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .map(r -> Map.entry(r.get("account", String.class), new BigDecimal[]{r.get("od", BigDecimal.class), r.get("oc", BigDecimal.class),
                        r.get("pd", BigDecimal.class), r.get("pc", BigDecimal.class)}))
                .all().collectList()
                .map(sums -> merge(accounts, sums)));
    }

    private static List<AccountBalance> merge(List<ChartAccount> accounts, List<Map.Entry<String, BigDecimal[]>> sums) {
        Map<String, BigDecimal[]> byCode = new HashMap<>();
        sums.forEach(e -> byCode.put(e.getKey(), e.getValue()));
        List<AccountBalance> out = new ArrayList<>();
        for (ChartAccount a : accounts) {
            BigDecimal[] s = byCode.remove(a.code());
            out.add(balance(a, s));
        }
        // lines on a code the chart does not have: kept visible, typed by the code's first digit
        byCode.keySet().stream().sorted().forEach(code -> {
            AccountType type = typeOf(code);
            out.add(balance(new ChartAccount(code, code, type, AccountGroup.defaultFor(type), null, false), byCode.get(code)));
        });
        return out;
    }

    private static AccountBalance balance(ChartAccount a, BigDecimal[] s) {
        BigDecimal z = Money.ZERO;
        return s == null ? new AccountBalance(a.code(), a.name(), a.type(), a.group(), z, z, z, z)
                : new AccountBalance(a.code(), a.name(), a.type(), a.group(), s[0], s[1], s[2], s[3]);
    }

    private static AccountType typeOf(String code) {
        return switch (code.isEmpty() ? '9' : code.charAt(0)) {
            case '1' -> AccountType.ASSET;
            case '2' -> AccountType.LIABILITY;
            case '3' -> AccountType.EQUITY;
            case '4' -> AccountType.INCOME;
            default -> AccountType.EXPENSE;
        };
    }

    /** Opens the books first (seeding the chart commits on its own), then reads them in one snapshot. */
    private <T> Mono<T> read(String shopId, Mono<T> work) {
        return chart.open(shopId).then(snapshot.transactional(work));
    }

    public Mono<TrialBalance> trialBalance(String shopId, LocalDate from, LocalDate to) {
        return read(shopId, balances(shopId, from, to).map(b -> TrialBalance.of(from, to, b)));
    }

    public Mono<ProfitAndLoss> profitAndLoss(String shopId, LocalDate from, LocalDate to) {
        return read(shopId, balances(shopId, from, to).map(b -> ProfitAndLoss.of(from, to, b)));
    }

    public Mono<BalanceSheet> balanceSheet(String shopId, LocalDate asAt) {
        return read(shopId, balances(shopId, BalanceSheet.financialYearStart(asAt), asAt).map(b -> BalanceSheet.of(asAt, b)));
    }

    public Mono<AccountLedger> ledger(String shopId, String code, LocalDate from, LocalDate to) {
        return read(shopId, balances(shopId, from, to).flatMap(all -> {
            AccountBalance account = all.stream().filter(b -> b.code().equals(code)).findFirst().orElse(null);
            if (account == null) {
                return Mono.error(Problems.notFound("No account " + code + " in this shop's chart"));
            }
            return db.sql("""
                            SELECT e.entry_date, e.id, e.narration, e.source, l.debit, l.credit
                            FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                            WHERE e.shop_id = :shop AND l.account = :code AND e.entry_date BETWEEN :from AND :to
                            ORDER BY e.entry_date, e.created_at, e.id, l.line_no""")
                    .bind("shop", shopId).bind("code", code).bind("from", from).bind("to", to)
                    .map(r -> new AccountLedger.Posting(r.get("entry_date", LocalDate.class), r.get("id", UUID.class), r.get("narration", String.class),
                            r.get("source", String.class), r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class)))
                    .all().collectList()
                    .map(postings -> AccountLedger.of(code, account.name(), account.type(), from, to, account.openingDebit(),
                            account.openingCredit(), postings));
        }));
    }

    public Mono<MonthlySummary> monthlySummary(String shopId, LocalDate from, LocalDate to) {
        return read(shopId, balances(shopId, from, to).flatMap(all -> {
            Map<String, AccountBalance> byCode = new HashMap<>();
            all.forEach(b -> byCode.put(b.code(), b));
            BigDecimal cashOpening = all.stream().filter(Statements::cashOrBank).map(AccountBalance::opening).reduce(Money.ZERO, BigDecimal::add);
            return db.sql("""
                            SELECT date_trunc('month', e.entry_date)::date AS month, l.account, sum(l.debit) AS d, sum(l.credit) AS c
                            FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                            WHERE e.shop_id = :shop AND e.entry_date BETWEEN :from AND :to
                            GROUP BY 1, 2 ORDER BY 1, 2""")
                    .bind("shop", shopId).bind("from", from).bind("to", to)
                    .map(r -> new Object[]{YearMonth.from(r.get("month", LocalDate.class)), r.get("account", String.class),
                            r.get("d", BigDecimal.class), r.get("c", BigDecimal.class)})
                    .all().collectList()
                    .map(rows -> {
                        Map<YearMonth, List<AccountBalance>> movements = new LinkedHashMap<>();
                        Map<YearMonth, BigDecimal> cash = new HashMap<>();
                        for (Object[] row : rows) {
                            YearMonth m = (YearMonth) row[0];
                            AccountBalance a = byCode.get((String) row[1]);
                            BigDecimal d = (BigDecimal) row[2];
                            BigDecimal c = (BigDecimal) row[3];
                            movements.computeIfAbsent(m, k -> new ArrayList<>()).add(new AccountBalance(a.code(), a.name(), a.type(), a.group(),
                                    Money.ZERO, Money.ZERO, d, c));
                            if (cashOrBank(a)) {
                                cash.merge(m, d.subtract(c), BigDecimal::add);
                            }
                        }
                        return MonthlySummary.of(from, to, movements, cashOpening, cash);
                    });
        }));
    }

    public Mono<CashFlow> cashFlow(String shopId, LocalDate from, LocalDate to) {
        return read(shopId, balances(shopId, from, to).flatMap(all -> {
            List<CashFlow.CashAccount> cash = all.stream().filter(Statements::cashOrBank)
                    .map(b -> new CashFlow.CashAccount(b.code(), b.name(), b.opening())).toList();
            return db.sql("""
                            SELECT l.entry_id, e.source, l.account, a.name, l.debit, l.credit
                            FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                            LEFT JOIN accounts a ON a.shop_id = e.shop_id AND a.code = l.account
                            WHERE e.shop_id = :shop AND e.entry_date BETWEEN :from AND :to
                              AND EXISTS (SELECT 1 FROM journal_lines c WHERE c.entry_id = e.id AND c.account = ANY(:cash))
                            ORDER BY e.entry_date, e.created_at, e.id, l.line_no""")
                    .bind("shop", shopId).bind("from", from).bind("to", to)
                    .bind("cash", cash.stream().map(CashFlow.CashAccount::code).toArray(String[]::new))
                    .map(r -> new CashFlow.EntryLine(r.get("entry_id", UUID.class), r.get("source", String.class), r.get("account", String.class),
                            r.get("name", String.class), r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class)))
                    .all().collectList()
                    .map(lines -> CashFlow.of(from, to, cash, lines));
        }));
    }

    static boolean cashOrBank(AccountBalance b) {
        return b.group() == AccountGroup.CASH_IN_HAND || b.group() == AccountGroup.BANK_ACCOUNTS;
    }
}
