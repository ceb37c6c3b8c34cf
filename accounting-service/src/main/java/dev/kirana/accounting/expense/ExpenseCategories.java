package dev.kirana.accounting.expense;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountRequest;
import dev.kirana.accounting.chart.AccountType;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A shop's expense categories. The usual ones are seeded, once, the first time they are needed, on the standard
 * chart's expense accounts; the shop renames them, points them at another expense account, retires them, adds its own.
 */
@Service
public class ExpenseCategories {
    /** The categories every shop starts with: code, name, standard expense account. */
    static final List<String[]> SEEDED = List.of(
            new String[]{"RENT", "Rent", "5300"},
            new String[]{"ELECTRICITY", "Electricity", "5310"},
            new String[]{"WAGES", "Wages", "5320"},
            new String[]{"TRANSPORT", "Transport", "5330"},
            new String[]{"PACKAGING", "Packaging", "5340"},
            new String[]{"REPAIRS", "Repairs", "5380"},
            new String[]{"BANK_CHARGES", "Bank charges", "5350"},
            new String[]{"MISC", "Miscellaneous", "5900"});
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{4,6}");
    private static final String SELECT = "SELECT c.id, c.code, c.name, c.account_code, a.name AS account_name, c.active"
            + " FROM expense_categories c JOIN accounts a ON a.shop_id = c.shop_id AND a.code = c.account_code WHERE c.shop_id = :shop";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Chart chart;

    public ExpenseCategories(DatabaseClient db, TransactionalOperator tx, Chart chart) {
        this.db = db;
        this.tx = tx;
        this.chart = chart;
    }

    /** Seeds the shop's categories if they are not there yet; in the caller's transaction. */
    Mono<Void> ensure(String shopId) {
        return chart.ensure(shopId)
                .then(db.sql("INSERT INTO expense_category_seeds (shop_id) VALUES (:shop) ON CONFLICT DO NOTHING").bind("shop", shopId)
                        .fetch().rowsUpdated())
                .flatMap(n -> n == 0 ? Mono.empty() : Flux.fromIterable(SEEDED).concatMap(c -> db.sql(
                                "INSERT INTO expense_categories (id, shop_id, code, name, account_code) VALUES (:id, :shop, :code, :name, :account)")
                        .bind("id", UUID.randomUUID()).bind("shop", shopId).bind("code", c[0]).bind("name", c[1]).bind("account", c[2])
                        .then()).then());
    }

    public Mono<List<ExpenseCategory>> list(String shopId) {
        return tx.transactional(ensure(shopId).then(db.sql(SELECT + " ORDER BY c.code").bind("shop", shopId)
                .map(ExpenseCategories::category).all().collectList()));
    }

    /** The category with {@code code}, locked (shared) until the caller's transaction ends; empty when there is none. */
    Mono<ExpenseCategory> lockByCode(String shopId, String code) {
        return ensure(shopId).then(db.sql(SELECT + " AND c.code = :code FOR SHARE OF c").bind("shop", shopId).bind("code", code)
                .map(ExpenseCategories::category).all().collectList())
                .flatMap(l -> l.isEmpty() ? Mono.empty() : Mono.just(l.get(0)));
    }

    Mono<ExpenseCategory> find(String shopId, UUID id) {
        return db.sql(SELECT + " AND c.id = :id").bind("shop", shopId).bind("id", id).map(ExpenseCategories::category).all().next();
    }

    public Mono<ExpenseCategory> create(String shopId, String userId, CategoryRequest r) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (r == null || r.code() == null || !CODE.matcher(r.code()).matches()) {
            errors.add(new Problems.FieldError("code", "2 to 30 capital letters, digits or _, starting with a letter (RENT, SECURITY)"));
        }
        if (r == null || r.name() == null || r.name().isBlank() || r.name().length() > 80) {
            errors.add(new Problems.FieldError("name", "is required, at most 80 characters"));
        }
        if (r != null && r.accountCode() != null && !ACCOUNT.matcher(r.accountCode()).matches()) {
            errors.add(new Problems.FieldError("accountCode", "4 to 6 digits"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(Problems.invalid(errors));
        }
        UUID id = UUID.randomUUID();
        Mono<ExpenseCategory> work = ensure(shopId)
                .then(expenseAccount(shopId, userId, r.accountCode(), r.name().trim()))
                .flatMap(account -> db.sql("""
                                INSERT INTO expense_categories (id, shop_id, code, name, account_code, active)
                                VALUES (:id, :shop, :code, :name, :account, :active) ON CONFLICT (shop_id, code) DO NOTHING""")
                        .bind("id", id).bind("shop", shopId).bind("code", r.code()).bind("name", r.name().trim()).bind("account", account)
                        .bind("active", r.active() == null || r.active()).fetch().rowsUpdated())
                .flatMap(n -> n == 0 ? Mono.error(Problems.conflict("This shop has an expense category " + r.code() + " already"))
                        : find(shopId, id));
        return tx.transactional(work);
    }

    public Mono<ExpenseCategory> update(String shopId, String userId, UUID id, CategoryRequest r) {
        if (r == null) {
            return Mono.error(Problems.invalid("body", "is required"));
        }
        if (r.code() != null) {
            return Mono.error(Problems.invalid("code", "a category's code does not change; add a new category instead"));
        }
        if (r.name() != null && (r.name().isBlank() || r.name().length() > 80)) {
            return Mono.error(Problems.invalid("name", "must not be blank, at most 80 characters"));
        }
        if (r.accountCode() != null && !ACCOUNT.matcher(r.accountCode()).matches()) {
            return Mono.error(Problems.invalid("accountCode", "4 to 6 digits"));
        }
        Mono<ExpenseCategory> work = ensure(shopId)
                .then(db.sql("SELECT id FROM expense_categories WHERE shop_id = :shop AND id = :id FOR UPDATE").bind("shop", shopId).bind("id", id)
                        .map(row -> row.get("id", UUID.class)).all().collectList())
                .flatMap(found -> found.isEmpty() ? Mono.error(Problems.notFound("No expense category " + id + " in this shop"))
                        : find(shopId, id))
                .flatMap(current -> (r.accountCode() == null ? Mono.just(current.accountCode())
                        : expenseAccount(shopId, userId, r.accountCode(), r.name() == null ? current.name() : r.name().trim()))
                        .flatMap(account -> db.sql("UPDATE expense_categories SET name = :name, account_code = :account, active = :active WHERE id = :id")
                                .bind("name", r.name() == null ? current.name() : r.name().trim()).bind("account", account)
                                .bind("active", r.active() == null ? current.active() : r.active()).bind("id", id).then()))
                .then(Mono.defer(() -> find(shopId, id)));
        return tx.transactional(work);
    }

    /** The code of the expense account to post to: {@code code} when it is one, a new account when it is not in the chart. */
    private Mono<String> expenseAccount(String shopId, String userId, String code, String name) {
        if (code != null) {
            return chart.find(shopId, code)
                    .flatMap(a -> a.type() == AccountType.EXPENSE ? Mono.just(code)
                            : Mono.<String>error(Problems.invalid("accountCode", code + " " + a.name() + " is not an expense account")))
                    .switchIfEmpty(Mono.defer(() -> chart.create(shopId, userId,
                            new AccountRequest(code, name, AccountType.EXPENSE, AccountGroup.INDIRECT_EXPENSES, null)).map(a -> code)));
        }
        return db.sql("SELECT code FROM accounts WHERE shop_id = :shop").bind("shop", shopId).map(row -> row.get("code", String.class))
                .all().collect(HashSet<String>::new, Set::add)
                .flatMap(taken -> {
                    for (int c = 5390; c < 5900; c++) {
                        if (!taken.contains(Integer.toString(c))) {
                            return chart.create(shopId, userId, new AccountRequest(Integer.toString(c), name, AccountType.EXPENSE,
                                    AccountGroup.INDIRECT_EXPENSES, null)).map(a -> a.code());
                        }
                    }
                    return Mono.error(Problems.conflict("No free expense account code between 5390 and 5899; name one with accountCode"));
                });
    }

    static ExpenseCategory category(Readable r) {
        return new ExpenseCategory(r.get("id", UUID.class), r.get("code", String.class), r.get("name", String.class),
                r.get("account_code", String.class), r.get("account_name", String.class), Boolean.TRUE.equals(r.get("active", Boolean.class)));
    }
}
