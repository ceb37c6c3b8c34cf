package dev.kirana.accounting.chart;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each shop's chart of accounts. The standard chart is seeded the first time a shop's books are needed (when the
 * shop is created, or before its first posting, whichever comes first), once: {@code shop_books} records it.
 */
@Service
public class Chart {
    private static final String COLUMNS = "code, name, type, group_name, parent_code, standard";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;

    public Chart(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
    }

    /** Opens the shop's books if they are not open yet: seeds the standard chart. Runs in the caller's transaction. */
    public Mono<Void> ensure(String shopId) {
        return db.sql("INSERT INTO shop_books (shop_id) VALUES (:shop) ON CONFLICT DO NOTHING")
                .bind("shop", shopId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.empty() : Flux.fromIterable(StandardChart.accounts())
                        .concatMap(a -> insert(shopId, a, null)
                                .flatMap(n -> n == 0 ? Mono.empty() : created(shopId, a, null)))
                        .then());
    }

    /** {@link #ensure} in a transaction of its own: the books exist once it completes. */
    public Mono<Void> open(String shopId) {
        return tx.transactional(ensure(shopId));
    }

    public Mono<List<ChartAccount>> list(String shopId) {
        return tx.transactional(ensure(shopId).then(db.sql("SELECT " + COLUMNS + " FROM accounts WHERE shop_id = :shop ORDER BY code")
                .bind("shop", shopId).map(Chart::account).all().collectList()));
    }

    /** The named accounts that exist, locked against deletion until the caller's transaction ends. */
    public Mono<Map<String, ChartAccount>> lockForPosting(String shopId, Collection<String> codes) {
        return ensure(shopId).then(db.sql("SELECT " + COLUMNS + " FROM accounts WHERE shop_id = :shop AND code = ANY(:codes) FOR SHARE")
                .bind("shop", shopId).bind("codes", codes.toArray(String[]::new))
                .map(Chart::account).all().collectList()
                .map(list -> list.stream().collect(Collectors.toMap(ChartAccount::code, Function.identity()))));
    }

    public Mono<ChartAccount> create(String shopId, String userId, AccountRequest r) {
        Mono<ChartAccount> work = ensure(shopId)
                .then(r.parentCode() == null ? Mono.just(Optional.<ChartAccount>empty())
                        : find(shopId, r.parentCode()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(parent -> {
                    if (r.parentCode() != null && parent.isEmpty()) {
                        return Mono.error(Problems.invalid("parentCode", "no account " + r.parentCode() + " in this shop's chart"));
                    }
                    AccountGroup group = r.group() != null ? r.group()
                            : parent.map(ChartAccount::group).orElse(AccountGroup.defaultFor(r.type()));
                    var problems = new ArrayList<Problems.FieldError>();
                    if (parent.isPresent() && parent.get().type() != r.type()) {
                        problems.add(new Problems.FieldError("type", "a sub-account of " + parent.get().code() + " is "
                                + parent.get().type() + " like it"));
                    }
                    if (!group.allows(r.type())) {
                        problems.add(new Problems.FieldError("group", group.title() + " does not hold " + r.type() + " accounts"));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(Problems.invalid(problems));
                    }
                    ChartAccount account = new ChartAccount(r.code(), r.name().trim(), r.type(), group, r.parentCode(), false);
                    return insert(shopId, account, userId).flatMap(n -> n == 0
                            ? Mono.error(Problems.conflict("Account " + r.code() + " already exists in this shop's chart"))
                            : created(shopId, account, userId).thenReturn(account));
                });
        return tx.transactional(work);
    }

    /** Deletes a custom account that nothing has been posted to and that has no sub-accounts. */
    public Mono<Void> delete(String shopId, String code) {
        Mono<Void> work = ensure(shopId)
                .then(db.sql("SELECT " + COLUMNS + " FROM accounts WHERE shop_id = :shop AND code = :code FOR UPDATE")
                        .bind("shop", shopId).bind("code", code).map(Chart::account).one())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No account " + code + " in this shop's chart")))
                .flatMap(account -> {
                    if (account.standard()) {
                        return Mono.error(Problems.conflict("Account " + code + " is part of the standard chart the suite posts to; it cannot be deleted"));
                    }
                    return db.sql("""
                                    SELECT (SELECT count(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                                            WHERE e.shop_id = :shop AND l.account = :code) AS postings,
                                           (SELECT count(*) FROM accounts WHERE shop_id = :shop AND parent_code = :code) AS children""")
                            .bind("shop", shopId).bind("code", code)
                            .map(row -> new long[]{row.get("postings", Long.class), row.get("children", Long.class)}).one()
                            .flatMap(n -> {
                                if (n[0] > 0) {
                                    return Mono.error(Problems.conflict("Account " + code + " has " + n[0]
                                            + " postings; an account with postings cannot be deleted"));
                                }
                                if (n[1] > 0) {
                                    return Mono.error(Problems.conflict("Account " + code + " has sub-accounts; delete or move them first"));
                                }
                                return db.sql("DELETE FROM accounts WHERE shop_id = :shop AND code = :code")
                                        .bind("shop", shopId).bind("code", code).then();
                            });
                });
        return tx.transactional(work);
    }

    public Mono<ChartAccount> find(String shopId, String code) {
        return db.sql("SELECT " + COLUMNS + " FROM accounts WHERE shop_id = :shop AND code = :code")
                .bind("shop", shopId).bind("code", code).map(Chart::account).one();
    }

    private Mono<Long> insert(String shopId, ChartAccount a, String userId) {
        var spec = db.sql("""
                        INSERT INTO accounts (shop_id, code, name, type, group_name, parent_code, standard, created_by)
                        VALUES (:shop, :code, :name, :type, :group, :parent, :standard, :by) ON CONFLICT DO NOTHING""")
                .bind("shop", shopId).bind("code", a.code()).bind("name", a.name()).bind("type", a.type().name())
                .bind("group", a.group().name()).bind("standard", a.standard());
        spec = a.parentCode() == null ? spec.bindNull("parent", String.class) : spec.bind("parent", a.parentCode());
        spec = userId == null ? spec.bindNull("by", String.class) : spec.bind("by", userId);
        return spec.fetch().rowsUpdated();
    }

    private Mono<Void> created(String shopId, ChartAccount a, String userId) {
        return outbox.append(Topics.ACCOUNTING, EventTypes.ACCOUNT_CREATED, a.code(), shopId,
                new AccountingEvents.AccountCreated(a.code(), a.name(), a.type().name(), a.group().title(), a.parentCode(),
                        a.standard(), userId)).then();
    }

    static ChartAccount account(Readable r) {
        return new ChartAccount(r.get("code", String.class), r.get("name", String.class), AccountType.valueOf(r.get("type", String.class)),
                AccountGroup.valueOf(r.get("group_name", String.class)), r.get("parent_code", String.class),
                Boolean.TRUE.equals(r.get("standard", Boolean.class)));
    }
}
