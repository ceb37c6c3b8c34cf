package dev.kirana.accounting.bank;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountRequest;
import dev.kirana.accounting.chart.AccountType;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The shop's bank accounts; opening one opens its sub-account under 1050 Bank accounts (1051, 1052 … 1099). */
@Service
public class BankAccounts {
    static final String BANK_ACCOUNTS = "1050";
    private static final Pattern IFSC = Pattern.compile("[A-Z]{4}0[A-Z0-9]{6}");
    private static final String SELECT = """
            SELECT b.id, b.account_code, b.name, b.bank_name, b.last4, b.ifsc,
                   (SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                    WHERE e.shop_id = b.shop_id AND l.account = b.account_code) AS balance
            FROM bank_accounts b WHERE b.shop_id = :shop""";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Chart chart;

    public BankAccounts(DatabaseClient db, TransactionalOperator tx, Chart chart) {
        this.db = db;
        this.tx = tx;
        this.chart = chart;
    }

    public Mono<BankAccount> open(String shopId, String by, BankRequests.NewBankAccount r) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (r == null || r.name() == null || r.name().isBlank() || r.name().length() > 60) {
            errors.add(new Problems.FieldError("name", "is required, at most 60 characters"));
        }
        if (r == null || r.bankName() == null || r.bankName().isBlank() || r.bankName().length() > 60) {
            errors.add(new Problems.FieldError("bankName", "is required, at most 60 characters"));
        }
        if (r == null || r.last4() == null || !r.last4().matches("[0-9]{4}")) {
            errors.add(new Problems.FieldError("last4", "the last 4 digits of the account number"));
        }
        if (r != null && r.ifsc() != null && !r.ifsc().isBlank() && !IFSC.matcher(r.ifsc().trim().toUpperCase()).matches()) {
            errors.add(new Problems.FieldError("ifsc", "11 characters: 4 letters, 0, then 6 letters or digits (HDFC0001234)"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        UUID id = UUID.randomUUID();
        String ifsc = r.ifsc() == null || r.ifsc().isBlank() ? null : r.ifsc().trim().toUpperCase();
        String label = r.name().trim() + " " + r.bankName().trim() + " " + r.last4();
        Mono<BankAccount> work = chart.ensure(shopId)
                .then(db.sql("SELECT code FROM accounts WHERE shop_id = :shop").bind("shop", shopId).map(row -> row.get("code", String.class))
                        .all().collect(HashSet<String>::new, Set::add))
                .flatMap(taken -> {
                    for (int c = 1051; c < 1100; c++) {
                        String code = Integer.toString(c);
                        if (!taken.contains(code)) {
                            return chart.create(shopId, by, new AccountRequest(code, label.length() > 80 ? label.substring(0, 80) : label,
                                    AccountType.ASSET, AccountGroup.BANK_ACCOUNTS, BANK_ACCOUNTS)).thenReturn(code);
                        }
                    }
                    return Mono.error(Problems.conflict("No free code under 1050 for another bank account (1051–1099 are taken)"));
                })
                .flatMap(code -> {
                    var spec = db.sql("""
                                    INSERT INTO bank_accounts (id, shop_id, account_code, name, bank_name, last4, ifsc, created_by)
                                    VALUES (:id, :shop, :code, :name, :bank, :last4, :ifsc, :by)""")
                            .bind("id", id).bind("shop", shopId).bind("code", code).bind("name", r.name().trim())
                            .bind("bank", r.bankName().trim()).bind("last4", r.last4()).bind("by", by);
                    return (ifsc == null ? spec.bindNull("ifsc", String.class) : spec.bind("ifsc", ifsc)).then();
                })
                .then(Mono.defer(() -> find(shopId, id)));
        return tx.transactional(work);
    }

    public Mono<List<BankAccount>> list(String shopId) {
        return db.sql(SELECT + " ORDER BY b.account_code").bind("shop", shopId).map(BankAccounts::account).all().collectList();
    }

    public Mono<BankAccount> find(String shopId, UUID id) {
        return db.sql(SELECT + " AND b.id = :id").bind("shop", shopId).bind("id", id).map(BankAccounts::account).all().next();
    }

    /** The account, or a 404 problem. */
    public Mono<BankAccount> get(String shopId, UUID id) {
        return find(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No bank account " + id + " in this shop")));
    }

    /** The account locked against concurrent reconciliation until the caller's transaction ends, or a 404 problem. */
    Mono<BankAccount> lock(String shopId, UUID id) {
        return db.sql("SELECT id FROM bank_accounts WHERE shop_id = :shop AND id = :id FOR UPDATE").bind("shop", shopId).bind("id", id)
                .map(row -> row.get("id", UUID.class)).all().collectList()
                .flatMap(l -> l.isEmpty() ? Mono.error(Problems.notFound("No bank account " + id + " in this shop")) : get(shopId, id));
    }

    static BankAccount account(Readable r) {
        return new BankAccount(r.get("id", UUID.class), r.get("account_code", String.class), r.get("name", String.class),
                r.get("bank_name", String.class), r.get("last4", String.class), r.get("ifsc", String.class),
                r.get("balance", BigDecimal.class).setScale(2));
    }
}
