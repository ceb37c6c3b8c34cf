package dev.kirana.accounting.journal;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.period.Periods;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Journal entries made by hand (owner or manager) and their reversals. An entry is never edited or deleted: a
 * mistake is undone by its reversal, a counter-entry with every debit a credit. Each is one transaction with its
 * {@code journal.posted} event; an entry into a locked month is refused.
 */
@Service
public class ManualJournal {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final Chart chart;
    private final Periods periods;
    private final DayLocks dayLocks;

    public ManualJournal(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, Chart chart, Periods periods, DayLocks dayLocks,
                         AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.chart = chart;
        this.periods = periods;
        this.dayLocks = dayLocks;
    }

    public Mono<JournalEntryView> post(String shopId, String userId, ManualEntryRequest r) {
        var violations = ManualEntryRules.check(r, periods.today());
        if (!violations.isEmpty()) {
            return Mono.error(invalid(violations));
        }
        List<ManualEntryRules.Line> lines = ManualEntryRules.lines(r);
        UUID id = UUID.randomUUID();
        // an entry by hand that moves cash is refused on a day whose drawer was counted and closed, like a locked month
        Mono<JournalEntryView> work = dayLocks.requireOpen(shopId, r.date(), lines.stream().map(ManualEntryRules.Line::account).toList())
                .then(chart.lockForPosting(shopId, new HashSet<>(lines.stream().map(ManualEntryRules.Line::account).toList())))
                .flatMap(accounts -> {
                    var unknown = ManualEntryRules.unknownAccounts(r, accounts.keySet());
                    if (!unknown.isEmpty()) {
                        return Mono.error(invalid(unknown));
                    }
                    return insert(shopId, id, "MANUAL", r.date(), r.narration().trim(), blankToNull(r.reference()), "manual:" + id, userId,
                            null, lines);
                })
                .then(Mono.defer(() -> find(shopId, id)))
                .flatMap(view -> published(shopId, view).thenReturn(view));
        return tx.transactional(work);
    }

    /** Reverses a manual entry on {@code date} (today when null): once, into an open month. */
    public Mono<JournalEntryView> reverse(String shopId, String userId, UUID entryId, LocalDate date, String narration) {
        LocalDate on = date == null ? periods.today() : date;
        if (on.isAfter(periods.today())) {
            return Mono.error(Problems.invalid("date", "must not be in the future"));
        }
        UUID id = UUID.randomUUID();
        Mono<JournalEntryView> work = db.sql("SELECT id FROM journal_entries WHERE shop_id = :shop AND id = :id FOR UPDATE")
                .bind("shop", shopId).bind("id", entryId).fetch().all().collectList()
                .then(find(shopId, entryId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No journal entry " + entryId + " in this shop")))
                .flatMap(original -> {
                    if (!"MANUAL".equals(original.kind())) {
                        return Mono.error(Problems.conflict("Only an entry made by hand is reversed here; " + ("REVERSAL".equals(original.kind())
                                ? "this is a reversal already" : "this one was posted from " + original.source() + ", undo what caused it instead")));
                    }
                    if (original.reversedBy() != null) {
                        return Mono.error(Problems.conflict("Entry " + entryId + " was reversed already by " + original.reversedBy()));
                    }
                    if (on.isBefore(original.date())) {
                        return Mono.error(Problems.invalid("date", "a reversal cannot be dated before the entry it reverses (" + original.date() + ")"));
                    }
                    List<ManualEntryRules.Line> lines = ManualEntryRules.reversed(original.lines().stream()
                            .map(l -> new ManualEntryRules.Line(l.account(), l.debit(), l.credit())).toList());
                    String text = narration == null || narration.isBlank() ? "Reversal of: " + original.narration() : narration.trim();
                    return dayLocks.requireOpen(shopId, on, lines.stream().map(ManualEntryRules.Line::account).toList())
                            .then(insert(shopId, id, "REVERSAL", on, text, original.reference(), "reversal:" + entryId, userId, entryId, lines));
                })
                .then(Mono.defer(() -> find(shopId, id)))
                .flatMap(view -> published(shopId, view).thenReturn(view));
        return tx.transactional(work);
    }

    private Mono<Void> insert(String shopId, UUID id, String kind, LocalDate date, String narration, String reference, String source,
                              String userId, UUID reverses, List<ManualEntryRules.Line> lines) {
        var spec = db.sql("""
                        INSERT INTO journal_entries (id, shop_id, entry_date, narration, source, kind, created_by, reverses, reference)
                        VALUES (:id, :shop, :date, :narration, :source, :kind, :by, :reverses, :reference)""")
                .bind("id", id).bind("shop", shopId).bind("date", date).bind("narration", narration).bind("source", source)
                .bind("kind", kind).bind("by", userId);
        spec = reverses == null ? spec.bindNull("reverses", UUID.class) : spec.bind("reverses", reverses);
        spec = reference == null ? spec.bindNull("reference", String.class) : spec.bind("reference", reference);
        return spec.then().thenMany(Flux.range(0, lines.size()).concatMap(i -> db.sql(
                                "INSERT INTO journal_lines (entry_id, line_no, account, debit, credit) VALUES (:id, :no, :account, :debit, :credit)")
                        .bind("id", id).bind("no", i + 1).bind("account", lines.get(i).account())
                        .bind("debit", lines.get(i).debit()).bind("credit", lines.get(i).credit()).then()))
                .then();
    }

    private Mono<Void> published(String shopId, JournalEntryView v) {
        return outbox.append(Topics.ACCOUNTING, EventTypes.JOURNAL_POSTED, v.id().toString(), shopId,
                new AccountingEvents.JournalPosted(v.id().toString(), v.kind(), v.date(), v.narration(), v.reference(),
                        v.reversalOf() == null ? null : v.reversalOf().toString(),
                        v.lines().stream().map(l -> new AccountingEvents.JournalLine(l.account(), l.debit(), l.credit())).toList(),
                        v.total(), v.createdBy()))
                .then(audit.record(shopId, AuditLog.Entry.of("REVERSAL".equals(v.kind()) ? "journal.reversed" : "journal.posted",
                        "journal-entry", v.id()).change(v.reversalOf() == null ? null : java.util.Map.of("entryId", v.reversalOf().toString(),
                        "reversed", false), entry(v))));
    }

    /** A manual entry or reversal as its audit record shows it. */
    private static java.util.Map<String, Object> entry(JournalEntryView v) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", v.kind());
        m.put("date", v.date().toString());
        m.put("narration", v.narration());
        m.put("reference", v.reference());
        m.put("reversalOf", v.reversalOf() == null ? null : v.reversalOf().toString());
        m.put("lines", v.lines().stream().map(l -> {
            java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("account", l.account());
            line.put("debit", l.debit());
            line.put("credit", l.credit());
            return line;
        }).toList());
        m.put("total", v.total());
        return m;
    }

    /** One entry of the shop, with its lines and account names. */
    public Mono<JournalEntryView> find(String shopId, UUID id) {
        return entries(shopId, "e.id = :id", Map.of("id", id), 1, 0).next();
    }

    /** Entries of the shop between two dates (inclusive), oldest first, optionally of one kind; a page of them. */
    public Flux<JournalEntryView> list(String shopId, LocalDate from, LocalDate to, String kind, int size, int page) {
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("from", from);
        binds.put("to", to);
        String where = "e.entry_date BETWEEN :from AND :to";
        if (kind != null) {
            where += " AND e.kind = :kind";
            binds.put("kind", kind);
        }
        return entries(shopId, where, binds, size, page);
    }

    private Flux<JournalEntryView> entries(String shopId, String where, Map<String, Object> binds, int size, int page) {
        var spec = db.sql("SELECT e.id, e.entry_date, e.original_date, e.kind, e.narration, e.reference, e.source, e.created_by, e.reverses,"
                        + " (SELECT r.id FROM journal_entries r WHERE r.reverses = e.id) AS reversed_by"
                        + " FROM journal_entries e WHERE e.shop_id = :shop AND " + where
                        + " ORDER BY e.entry_date, e.created_at, e.id LIMIT :limit OFFSET :offset")
                .bind("shop", shopId).bind("limit", size).bind("offset", (long) page * size);
        for (var b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(ManualJournal::header).all().collectList().flatMapMany(headers -> {
            if (headers.isEmpty()) {
                return Flux.empty();
            }
            UUID[] ids = headers.stream().map(JournalEntryView::id).toArray(UUID[]::new);
            return db.sql("""
                            SELECT l.entry_id, l.line_no, l.account, a.name, l.debit, l.credit
                            FROM journal_lines l LEFT JOIN accounts a ON a.shop_id = :shop AND a.code = l.account
                            WHERE l.entry_id = ANY(:ids) ORDER BY l.entry_id, l.line_no""")
                    .bind("shop", shopId).bind("ids", ids)
                    .map(r -> Map.entry(r.get("entry_id", UUID.class), new JournalEntryView.LineView(r.get("line_no", Integer.class),
                            r.get("account", String.class), r.get("name", String.class), r.get("debit", BigDecimal.class),
                            r.get("credit", BigDecimal.class))))
                    .all().collectList()
                    .flatMapMany(rows -> {
                        Map<UUID, List<JournalEntryView.LineView>> byEntry = new LinkedHashMap<>();
                        rows.forEach(e -> byEntry.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                        return Flux.fromIterable(headers).map(h -> {
                            List<JournalEntryView.LineView> lines = byEntry.getOrDefault(h.id(), List.of());
                            BigDecimal total = lines.stream().map(JournalEntryView.LineView::debit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                            return new JournalEntryView(h.id(), h.date(), h.originalDate(), h.kind(), h.narration(), h.reference(), h.source(),
                                    h.createdBy(), h.reversalOf(), h.reversedBy(), lines, total);
                        });
                    });
        });
    }

    private static JournalEntryView header(Readable r) {
        return new JournalEntryView(r.get("id", UUID.class), r.get("entry_date", LocalDate.class), r.get("original_date", LocalDate.class),
                r.get("kind", String.class), r.get("narration", String.class), r.get("reference", String.class), r.get("source", String.class),
                r.get("created_by", String.class), r.get("reverses", UUID.class), r.get("reversed_by", UUID.class), List.of(), null);
    }

    private static RuntimeException invalid(List<ManualEntryRules.Violation> violations) {
        return Problems.invalid(violations.stream().map(v -> new Problems.FieldError(v.field(), v.message())).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
