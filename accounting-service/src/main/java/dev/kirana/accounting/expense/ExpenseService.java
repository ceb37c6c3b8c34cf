package dev.kirana.accounting.expense;

import dev.kirana.accounting.bank.BankAccountChoice;
import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.accounting.khata.PaymentMode;
import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.ledger.LedgerEntry;
import dev.kirana.accounting.ledger.LedgerPosting;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records expenses and undoes mistaken ones: the row, its journal entry and its event in one transaction. An expense
 * is never edited; its reversal is a counter-entry. A cash expense on a closed day, or any in a locked month, is 409.
 */
@Service
public class ExpenseService {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{4,6}");
    private static final String SELECT = """
            SELECT x.id, x.expense_date, x.category_id, c.code AS category_code, c.name AS category_name, x.account_code,
                   x.amount, x.net_amount, x.gst_rate, x.cgst, x.sgst, x.igst, x.mode, x.paid_from, x.supplier_name, x.reference,
                   x.note, x.entry_id, x.recorded_by, x.recorded_at, x.receipt_type, x.receipt_name, octet_length(x.receipt) AS receipt_size,
                   x.reversal_entry, x.reversed_on, x.reversal_reason, x.reversed_by
            FROM expenses x JOIN expense_categories c ON c.id = x.category_id
            WHERE x.shop_id = :shop""";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ExpenseCategories categories;
    private final LedgerPosting ledger;
    private final Chart chart;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final BankAccountChoice bankAccounts;

    public ExpenseService(DatabaseClient db, TransactionalOperator tx, ExpenseCategories categories, LedgerPosting ledger, Chart chart,
                          OutboxWriter outbox, Clock clock, BankAccountChoice bankAccounts) {
        this.db = db;
        this.tx = tx;
        this.categories = categories;
        this.ledger = ledger;
        this.chart = chart;
        this.outbox = outbox;
        this.clock = clock;
        this.bankAccounts = bankAccounts;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SHOP_ZONE));
    }

    public Mono<Expense> record(String shopId, String by, ExpenseRequest r, ReceiptFile receipt) {
        List<Problems.FieldError> errors = check(r, today());
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        LocalDate date = r.date() == null ? today() : r.date();
        ExpenseTax.Split split = ExpenseTax.split(r.amount(), r.gstRate(), r.gstAmount(), Boolean.TRUE.equals(r.interState()));
        String supplier = blankToNull(r.supplierName());
        String reference = blankToNull(r.reference());
        UUID id = UUID.randomUUID();
        Mono<Expense> work = categories.lockByCode(shopId, r.category().trim())
                .switchIfEmpty(Mono.error(() -> Problems.invalid("category", "no expense category " + r.category() + " in this shop")))
                .flatMap(category -> {
                    if (!category.active()) {
                        return Mono.error(Problems.invalid("category", category.code() + " is retired; use another category"));
                    }
                    return paidFrom(shopId, r).flatMap(paidFrom -> {
                        LedgerEntry entry = ExpenseEntries.entry(id, date, category.name(), category.accountCode(), split, paidFrom, supplier, reference);
                        return ledger.post(shopId, by, entry)
                                .flatMap(entryId -> insert(shopId, id, category, date, split, r.mode(), paidFrom, supplier, reference,
                                        blankToNull(r.note()), entryId, by, receipt)
                                        .then(outbox.append(Topics.ACCOUNTING, EventTypes.EXPENSE_RECORDED, id.toString(), shopId,
                                                new AccountingEvents.ExpenseRecorded(id.toString(), category.id().toString(), category.name(),
                                                        category.accountCode(), date, split.amount(), split.net(), split.gstRate(), split.cgst(),
                                                        split.sgst(), split.igst(), r.mode().name(), paidFrom, reference, entryId.toString(), by))));
                    });
                })
                .then(Mono.defer(() -> find(shopId, id)));
        return tx.transactional(work);
    }

    /** Cash from the drawer (1000); anything else from a bank account: the one named, else the shop's default (see {@link BankAccountChoice}). */
    private Mono<String> paidFrom(String shopId, ExpenseRequest r) {
        if (r.mode() == PaymentMode.CASH) {
            return Mono.just(DayLocks.CASH_IN_HAND);
        }
        Mono<String> named = r.bankAccount() == null ? bankAccounts.defaultCode(shopId) : Mono.just(r.bankAccount());
        return named.flatMap(code -> chart.find(shopId, code)
                .filter(a -> a.group() == AccountGroup.BANK_ACCOUNTS)
                .map(a -> code)
                .switchIfEmpty(Mono.error(() -> Problems.invalid("bankAccount", code + " is not a bank account of this shop's chart"))));
    }

    private Mono<Void> insert(String shopId, UUID id, ExpenseCategory category, LocalDate date, ExpenseTax.Split split, PaymentMode mode,
                              String paidFrom, String supplier, String reference, String note, UUID entryId, String by, ReceiptFile receipt) {
        var spec = db.sql("""
                        INSERT INTO expenses (id, shop_id, category_id, account_code, expense_date, amount, net_amount, gst_rate, cgst, sgst, igst, mode,
                                              paid_from, supplier_name, reference, note, entry_id, recorded_by, recorded_at, receipt, receipt_type, receipt_name)
                        VALUES (:id, :shop, :category, :account, :date, :amount, :net, :rate, :cgst, :sgst, :igst, :mode, :paidFrom, :supplier, :reference,
                                :note, :entry, :by, :at, :receipt, :receiptType, :receiptName)""")
                .bind("id", id).bind("shop", shopId).bind("category", category.id()).bind("account", category.accountCode()).bind("date", date)
                .bind("amount", split.amount()).bind("net", split.net()).bind("cgst", split.cgst()).bind("sgst", split.sgst())
                .bind("igst", split.igst()).bind("mode", mode.name()).bind("paidFrom", paidFrom).bind("entry", entryId).bind("by", by)
                .bind("at", OffsetDateTime.now(clock));
        spec = split.gstRate() == null ? spec.bindNull("rate", BigDecimal.class) : spec.bind("rate", split.gstRate());
        spec = bindNullable(spec, "supplier", supplier);
        spec = bindNullable(spec, "reference", reference);
        spec = bindNullable(spec, "note", note);
        if (receipt == null) {
            spec = spec.bindNull("receipt", byte[].class).bindNull("receiptType", String.class).bindNull("receiptName", String.class);
        } else {
            spec = spec.bind("receipt", receipt.bytes()).bind("receiptType", receipt.contentType());
            spec = bindNullable(spec, "receiptName", receipt.fileName());
        }
        return spec.then();
    }

    /** Undoes a mistaken expense with its counter-entry, dated {@code r.date()} (today when left out); once. */
    public Mono<Expense> reverse(String shopId, String by, UUID id, ExpenseReversalRequest r) {
        String reason = r == null ? null : blankToNull(r.reason());
        if (reason == null) {
            return Mono.error(Problems.invalid("reason", "say why the expense is reversed"));
        }
        LocalDate on = r.date() == null ? today() : r.date();
        if (on.isAfter(today())) {
            return Mono.error(Problems.invalid("date", "must not be in the future"));
        }
        Mono<Expense> work = db.sql("SELECT id FROM expenses WHERE shop_id = :shop AND id = :id FOR UPDATE").bind("shop", shopId).bind("id", id)
                .map(row -> row.get("id", UUID.class)).all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.error(Problems.notFound("No expense " + id + " in this shop")) : find(shopId, id))
                .flatMap(x -> {
                    if (x.reversal() != null) {
                        return Mono.error(Problems.conflict("This expense was reversed already, on " + x.reversal().date()));
                    }
                    if (on.isBefore(x.date())) {
                        return Mono.error(Problems.invalid("date", "must not be before the expense's date " + x.date()));
                    }
                    ExpenseTax.Split split = new ExpenseTax.Split(x.amount(), x.netAmount(), x.gstRate(), x.cgst(), x.sgst(), x.igst());
                    LedgerEntry original = ExpenseEntries.entry(x.id(), x.date(), x.categoryName(), x.account(), split, x.paidFrom(),
                            x.supplierName(), x.reference());
                    return ledger.post(shopId, by, ExpenseEntries.reversal(original, x.id(), x.entryId(), on, reason))
                            .flatMap(entryId -> db.sql("""
                                            UPDATE expenses SET reversal_entry = :entry, reversed_on = :on, reversal_reason = :reason, reversed_by = :by
                                            WHERE id = :id""")
                                    .bind("entry", entryId).bind("on", on).bind("reason", reason).bind("by", by).bind("id", id).then()
                                    .then(outbox.append(Topics.ACCOUNTING, EventTypes.EXPENSE_REVERSED, id.toString(), shopId,
                                            new AccountingEvents.ExpenseReversed(id.toString(), on, x.amount(), reason, entryId.toString(), by))));
                })
                .then(Mono.defer(() -> find(shopId, id)));
        return tx.transactional(work);
    }

    public Mono<Expense> get(String shopId, UUID id) {
        return find(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No expense " + id + " in this shop")));
    }

    Mono<Expense> find(String shopId, UUID id) {
        return db.sql(SELECT + " AND x.id = :id").bind("shop", shopId).bind("id", id).map(ExpenseService::expense).all().next();
    }

    public Mono<ReceiptFile> receipt(String shopId, UUID id) {
        return db.sql("SELECT receipt, receipt_type, receipt_name FROM expenses WHERE shop_id = :shop AND id = :id")
                .bind("shop", shopId).bind("id", id)
                .map(r -> new ReceiptFile(r.get("receipt_type", String.class), r.get("receipt_name", String.class), r.get("receipt", byte[].class)))
                .all().next()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No expense " + id + " in this shop")))
                .flatMap(f -> f.bytes() == null ? Mono.error(Problems.notFound("Expense " + id + " has no receipt")) : Mono.just(f));
    }

    /** Expenses dated {@code from}–{@code to}, optionally of one category (its code). */
    public Mono<ExpenseList> list(String shopId, LocalDate from, LocalDate to, String category) {
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        if (from.plusYears(2).isBefore(to)) {
            return Mono.error(Problems.invalid("to", "a list covers at most two years"));
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = SELECT + " AND x.expense_date BETWEEN :from AND :to";
        binds.put("from", from);
        binds.put("to", to);
        if (category != null) {
            sql += " AND c.code = :category";
            binds.put("category", category);
        }
        var spec = db.sql(sql + " ORDER BY x.expense_date, x.recorded_at, x.id").bind("shop", shopId);
        for (var b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(ExpenseService::expense).all().collectList().map(list -> {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            var standing = list.stream().filter(x -> x.reversal() == null).toList();
            return new ExpenseList(from, to, category,
                    standing.stream().map(Expense::amount).reduce(zero, BigDecimal::add),
                    standing.stream().map(Expense::netAmount).reduce(zero, BigDecimal::add),
                    standing.stream().map(x -> x.cgst().add(x.sgst()).add(x.igst())).reduce(zero, BigDecimal::add),
                    list);
        });
    }

    static List<Problems.FieldError> check(ExpenseRequest r, LocalDate today) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new Problems.FieldError("body", "is required"));
            return errors;
        }
        if (r.category() == null || r.category().isBlank()) {
            errors.add(new Problems.FieldError("category", "is required (RENT, ELECTRICITY, WAGES …)"));
        }
        if (r.mode() == null) {
            errors.add(new Problems.FieldError("mode", "is required: CASH, BANK, UPI or CARD"));
        } else if (r.mode() == PaymentMode.CASH && r.bankAccount() != null) {
            errors.add(new Problems.FieldError("bankAccount", "a cash expense is paid from the drawer, not a bank account"));
        }
        if (r.bankAccount() != null && !ACCOUNT.matcher(r.bankAccount()).matches()) {
            errors.add(new Problems.FieldError("bankAccount", "4 to 6 digits"));
        }
        if (r.date() != null && r.date().isAfter(today)) {
            errors.add(new Problems.FieldError("date", "must not be in the future"));
        }
        if (r.interState() != null && r.interState() && r.gstRate() == null) {
            errors.add(new Problems.FieldError("interState", "needs a gstRate"));
        }
        ExpenseTax.check(r.amount(), r.gstRate(), r.gstAmount(), r.date() == null ? today : r.date()).forEach(v -> errors.add(new Problems.FieldError(v.field(), v.message())));
        if (r.reference() != null && r.reference().length() > 64) {
            errors.add(new Problems.FieldError("reference", "must be at most 64 characters"));
        }
        if (r.supplierName() != null && r.supplierName().length() > 120) {
            errors.add(new Problems.FieldError("supplierName", "must be at most 120 characters"));
        }
        if (r.note() != null && r.note().length() > 500) {
            errors.add(new Problems.FieldError("note", "must be at most 500 characters"));
        }
        return errors;
    }

    static Expense expense(Readable r) {
        Integer size = r.get("receipt_size", Integer.class);
        UUID reversal = r.get("reversal_entry", UUID.class);
        return new Expense(r.get("id", UUID.class), r.get("expense_date", LocalDate.class), r.get("category_id", UUID.class),
                r.get("category_code", String.class), r.get("category_name", String.class), r.get("account_code", String.class),
                r.get("amount", BigDecimal.class), r.get("net_amount", BigDecimal.class), r.get("gst_rate", BigDecimal.class),
                r.get("cgst", BigDecimal.class), r.get("sgst", BigDecimal.class), r.get("igst", BigDecimal.class), r.get("mode", String.class),
                r.get("paid_from", String.class), r.get("supplier_name", String.class), r.get("reference", String.class),
                r.get("note", String.class), r.get("entry_id", UUID.class), r.get("recorded_by", String.class),
                r.get("recorded_at", OffsetDateTime.class).toInstant(),
                size == null ? null : new Expense.Receipt(r.get("receipt_type", String.class), r.get("receipt_name", String.class), size),
                reversal == null ? null : new Expense.Reversal(reversal, r.get("reversed_on", LocalDate.class), r.get("reversal_reason", String.class),
                        r.get("reversed_by", String.class)));
    }

    private static org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec bindNullable(
            org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
