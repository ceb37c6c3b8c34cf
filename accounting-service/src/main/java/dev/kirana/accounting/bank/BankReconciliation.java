package dev.kirana.accounting.bank;

import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bank statement import and reconciliation. A statement is parsed off the event loop, its new lines stored (a line
 * imported before — same date, amounts, reference and description — is skipped), then matched automatically
 * ({@link Reconciler}). Matching by hand overrides the rules; a line unmatched by hand is left out of automatic
 * matching from then on. Every change holds the bank account's row, so two reconciliations of one account queue.
 */
@Service
public class BankReconciliation {
    private static final String STATEMENT_COLUMNS = "s.id, s.line_no, s.txn_date, s.description, s.reference, s.debit, s.credit";
    private static final String BOOK_LINES = """
            SELECT e.id AS entry_id, l.line_no, e.entry_date, e.narration, e.reference, l.debit, l.credit
            FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE e.shop_id = :shop AND l.account = :code""";
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final BankAccounts accounts;

    public BankReconciliation(DatabaseClient db, TransactionalOperator tx, BankAccounts accounts) {
        this.db = db;
        this.tx = tx;
        this.accounts = accounts;
    }

    public Mono<Reconciliation.ImportReport> importStatement(String shopId, String by, UUID accountId, byte[] csv) {
        if (csv.length == 0) {
            return Mono.error(Problems.invalid("file", "the statement file is empty"));
        }
        UUID importId = UUID.randomUUID();
        return Mono.fromCallable(() -> StatementCsv.parse(csv)).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(StatementCsv.BadStatement.class, e -> Problems.invalid("file", e.getMessage()))
                .flatMap(parsed -> tx.transactional(accounts.lock(shopId, accountId)
                        .flatMap(bank -> db.sql("SELECT txn_date, debit, credit, reference, description FROM bank_statement_lines"
                                        + " WHERE shop_id = :shop AND bank_account_id = :account")
                                .bind("shop", shopId).bind("account", accountId)
                                .map(r -> fingerprint(r.get("txn_date", LocalDate.class), r.get("debit", BigDecimal.class),
                                        r.get("credit", BigDecimal.class), r.get("reference", String.class), r.get("description", String.class)))
                                .all().collect(HashSet<String>::new, Set::add)
                                .flatMap(seen -> {
                                    var fresh = parsed.lines().stream()
                                            .filter(l -> seen.add(fingerprint(l.date(), l.debit(), l.credit(), l.reference(), l.description())))
                                            .toList();
                                    return Flux.fromIterable(fresh).concatMap(l -> insertLine(shopId, accountId, importId, l)).then()
                                            .then(autoMatch(shopId, bank))
                                            .flatMap(matched -> view(shopId, bank, null, null).map(rec -> new Reconciliation.ImportReport(importId,
                                                    fresh.size(), parsed.lines().size() - fresh.size(), parsed.rejected(), matched, rec)));
                                }))));
    }

    /** Runs the automatic matching again (after new postings, say); @return the reconciliation after it. */
    public Mono<Reconciliation> rematch(String shopId, UUID accountId) {
        return tx.transactional(accounts.lock(shopId, accountId).flatMap(bank -> autoMatch(shopId, bank).then(view(shopId, bank, null, null))));
    }

    public Mono<Reconciliation> reconciliation(String shopId, UUID accountId, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        return accounts.get(shopId, accountId).flatMap(bank -> view(shopId, bank, from, to));
    }

    public Mono<Reconciliation> match(String shopId, String by, UUID accountId, BankRequests.ManualMatch r) {
        if (r == null || r.statementLineId() == null || r.entryId() == null || r.lineNo() == null) {
            return Mono.error(Problems.invalid("statementLineId", "statementLineId, entryId and lineNo are required"));
        }
        return tx.transactional(accounts.lock(shopId, accountId).flatMap(bank -> statementLine(shopId, accountId, r.statementLineId())
                .flatMap(s -> {
                    if (s.matchedEntry() != null) {
                        return Mono.error(Problems.conflict("Statement line " + s.line().id() + " is matched already; unmatch it first"));
                    }
                    return db.sql(BOOK_LINES + " AND l.entry_id = :entry AND l.line_no = :no").bind("shop", shopId).bind("code", bank.accountCode())
                            .bind("entry", r.entryId()).bind("no", r.lineNo()).map(BankReconciliation::bookLine).all().collectList()
                            .flatMap(found -> {
                                if (found.isEmpty()) {
                                    return Mono.error(Problems.invalid("entryId", "no line " + r.lineNo() + " of entry " + r.entryId()
                                            + " on this bank account (" + bank.accountCode() + ")"));
                                }
                                var b = found.get(0);
                                if (!Reconciler.sameAmount(toRule(s.line()), toRule(b))) {
                                    return Mono.error(Problems.unprocessable("amounts-differ", "The statement line is "
                                            + (s.line().credit().signum() > 0 ? "a credit of " + s.line().credit() : "a debit of " + s.line().debit())
                                            + "; the book line is " + (b.debit().signum() > 0 ? "a debit of " + b.debit() : "a credit of " + b.credit())));
                                }
                                return matchedElsewhere(b).flatMap(taken -> taken
                                        ? Mono.error(Problems.conflict("That book line is matched to another statement line already"))
                                        : setMatch(s.line().id(), b.entryId(), b.lineNo(), true, by));
                            });
                })
                .then(Mono.defer(() -> view(shopId, bank, null, null)))));
    }

    public Mono<Reconciliation> unmatch(String shopId, UUID accountId, UUID statementLineId) {
        return tx.transactional(accounts.lock(shopId, accountId).flatMap(bank -> statementLine(shopId, accountId, statementLineId)
                .flatMap(s -> s.matchedEntry() == null ? Mono.error(Problems.conflict("Statement line " + statementLineId + " is not matched"))
                        : db.sql("""
                                        UPDATE bank_statement_lines SET matched_entry = NULL, matched_line = NULL, matched_by = NULL, manual = false,
                                               auto_match_off = true WHERE id = :id""").bind("id", statementLineId).then())
                .then(Mono.defer(() -> view(shopId, bank, null, null)))));
    }

    /** Matches what the rules can among the unmatched lines; @return how many new pairs. */
    private Mono<Integer> autoMatch(String shopId, BankAccount bank) {
        Mono<List<Reconciler.StatementLine>> statement = db.sql("SELECT " + STATEMENT_COLUMNS + " FROM bank_statement_lines s"
                        + " WHERE s.shop_id = :shop AND s.bank_account_id = :account AND s.matched_entry IS NULL AND NOT s.auto_match_off")
                .bind("shop", shopId).bind("account", bank.id()).map(BankReconciliation::statementLine).all()
                .map(BankReconciliation::toRule).collectList();
        Mono<List<Reconciler.BookLine>> book = db.sql(BOOK_LINES + " AND NOT EXISTS (SELECT 1 FROM bank_statement_lines s"
                        + " WHERE s.matched_entry = l.entry_id AND s.matched_line = l.line_no)")
                .bind("shop", shopId).bind("code", bank.accountCode()).map(BankReconciliation::bookLine).all()
                .map(BankReconciliation::toRule).collectList();
        return statement.zipWhen(s -> book).flatMap(t -> {
            List<Reconciler.Match> matches = Reconciler.match(t.getT1(), t.getT2());
            return Flux.fromIterable(matches).concatMap(m -> {
                String[] key = m.book().key().split("#");
                return setMatch(UUID.fromString(m.statement().id()), UUID.fromString(key[0]), Integer.parseInt(key[1]), false, null);
            }).then(Mono.just(matches.size()));
        });
    }

    private Mono<Reconciliation> view(String shopId, BankAccount bank, LocalDate from, LocalDate to) {
        LocalDate f = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate t = to == null ? LocalDate.of(9999, 12, 31) : to;
        Mono<List<Stored>> statement = db.sql("SELECT " + STATEMENT_COLUMNS + ", s.matched_entry, s.matched_line, s.manual, s.matched_by"
                        + " FROM bank_statement_lines s WHERE s.shop_id = :shop AND s.bank_account_id = :account AND s.txn_date BETWEEN :from AND :to"
                        + " ORDER BY s.txn_date, s.line_no, s.id")
                .bind("shop", shopId).bind("account", bank.id()).bind("from", f).bind("to", t)
                .map(BankReconciliation::stored).all().collectList();
        Mono<List<Reconciliation.BookLine>> book = db.sql(BOOK_LINES + " ORDER BY e.entry_date, e.created_at, e.id, l.line_no")
                .bind("shop", shopId).bind("code", bank.accountCode()).map(BankReconciliation::bookLine).all().collectList();
        return statement.zipWhen(s -> book).map(x -> {
            Map<String, Reconciliation.BookLine> byKey = x.getT2().stream().collect(Collectors.toMap(b -> b.entryId() + "#" + b.lineNo(),
                    Function.identity()));
            Set<String> matchedKeys = new HashSet<>();
            var matched = x.getT1().stream().filter(s -> s.matchedEntry() != null).map(s -> {
                String key = s.matchedEntry() + "#" + s.matchedLine();
                matchedKeys.add(key);
                return new Reconciliation.Pair(s.line(), byKey.get(key), s.manual(), s.matchedBy());
            }).toList();
            // book lines matched to statement lines outside the range are not "unmatched" either
            return new Reconciliation(bank.id(), bank.accountCode(), from, to, matched,
                    x.getT1().stream().filter(s -> s.matchedEntry() == null).map(Stored::line).toList(),
                    x.getT2().stream().filter(b -> !b.date().isBefore(f) && !b.date().isAfter(t) && !matchedKeys.contains(b.entryId() + "#" + b.lineNo()))
                            .toList());
        }).flatMap(rec -> db.sql("SELECT matched_entry, matched_line FROM bank_statement_lines WHERE shop_id = :shop AND bank_account_id = :account"
                        + " AND matched_entry IS NOT NULL").bind("shop", shopId).bind("account", bank.id())
                .map(r -> r.get("matched_entry", UUID.class) + "#" + r.get("matched_line", Integer.class)).all().collect(HashSet<String>::new, Set::add)
                .map(all -> new Reconciliation(rec.bankAccountId(), rec.accountCode(), rec.from(), rec.to(), rec.matched(), rec.unmatchedStatementLines(),
                        rec.unmatchedBookLines().stream().filter(b -> !all.contains(b.entryId() + "#" + b.lineNo())).toList())));
    }

    private Mono<Void> insertLine(String shopId, UUID accountId, UUID importId, StatementCsv.Line l) {
        var spec = db.sql("""
                        INSERT INTO bank_statement_lines (id, shop_id, bank_account_id, import_id, line_no, txn_date, description, reference, debit, credit)
                        VALUES (:id, :shop, :account, :import, :no, :date, :description, :reference, :debit, :credit)""")
                .bind("id", UUID.randomUUID()).bind("shop", shopId).bind("account", accountId).bind("import", importId).bind("no", l.lineNo())
                .bind("date", l.date()).bind("debit", l.debit()).bind("credit", l.credit());
        spec = l.description() == null ? spec.bindNull("description", String.class) : spec.bind("description", l.description());
        spec = l.reference() == null ? spec.bindNull("reference", String.class) : spec.bind("reference", l.reference());
        return spec.then();
    }

    private Mono<Void> setMatch(UUID statementLineId, UUID entryId, int lineNo, boolean manual, String by) {
        var spec = db.sql("UPDATE bank_statement_lines SET matched_entry = :entry, matched_line = :no, manual = :manual, matched_by = :by WHERE id = :id")
                .bind("entry", entryId).bind("no", lineNo).bind("manual", manual).bind("id", statementLineId);
        return (by == null ? spec.bindNull("by", String.class) : spec.bind("by", by)).then();
    }

    private Mono<Boolean> matchedElsewhere(Reconciliation.BookLine b) {
        return db.sql("SELECT id FROM bank_statement_lines WHERE matched_entry = :entry AND matched_line = :no")
                .bind("entry", b.entryId()).bind("no", b.lineNo()).map(r -> r.get("id", UUID.class)).all().collectList().map(l -> !l.isEmpty());
    }

    private Mono<Stored> statementLine(String shopId, UUID accountId, UUID id) {
        return db.sql("SELECT " + STATEMENT_COLUMNS + ", s.matched_entry, s.matched_line, s.manual, s.matched_by FROM bank_statement_lines s"
                        + " WHERE s.shop_id = :shop AND s.bank_account_id = :account AND s.id = :id")
                .bind("shop", shopId).bind("account", accountId).bind("id", id).map(BankReconciliation::stored).all().collectList()
                .flatMap(l -> l.isEmpty() ? Mono.error(Problems.notFound("No statement line " + id + " on this bank account")) : Mono.just(l.get(0)));
    }

    private record Stored(Reconciliation.StatementLine line, UUID matchedEntry, Integer matchedLine, boolean manual, String matchedBy) {
    }

    private static Stored stored(Readable r) {
        return new Stored(statementLine(r), r.get("matched_entry", UUID.class), r.get("matched_line", Integer.class),
                Boolean.TRUE.equals(r.get("manual", Boolean.class)), r.get("matched_by", String.class));
    }

    private static Reconciliation.StatementLine statementLine(Readable r) {
        return new Reconciliation.StatementLine(r.get("id", UUID.class), r.get("line_no", Integer.class), r.get("txn_date", LocalDate.class),
                r.get("description", String.class), r.get("reference", String.class), r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class));
    }

    private static Reconciliation.BookLine bookLine(Readable r) {
        return new Reconciliation.BookLine(r.get("entry_id", UUID.class), r.get("line_no", Integer.class), r.get("entry_date", LocalDate.class),
                r.get("narration", String.class), r.get("reference", String.class), r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class));
    }

    static Reconciler.StatementLine toRule(Reconciliation.StatementLine s) {
        return new Reconciler.StatementLine(s.id().toString(), s.date(), s.reference(), s.description(), s.debit(), s.credit());
    }

    static Reconciler.BookLine toRule(Reconciliation.BookLine b) {
        return new Reconciler.BookLine(b.entryId() + "#" + b.lineNo(), b.date(), b.reference(), b.narration(), b.debit(), b.credit());
    }

    private static String fingerprint(LocalDate date, BigDecimal debit, BigDecimal credit, String reference, String description) {
        return date + "|" + debit.setScale(2) + "|" + credit.setScale(2) + "|" + (reference == null ? "" : reference) + "|"
                + (description == null ? "" : description);
    }
}
