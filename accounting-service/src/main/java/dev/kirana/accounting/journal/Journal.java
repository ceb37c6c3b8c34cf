package dev.kirana.accounting.journal;

import dev.kirana.accounting.period.PeriodCalendar;
import dev.kirana.accounting.period.Periods;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores journal entries; one entry per source event (a replay posts nothing twice). Posting opens the shop's books
 * (its chart of accounts) when they are not open yet; an entry dated in a locked month is booked on the first open
 * date after it, with its own date kept as {@code original_date} and named in the narration.
 */
@Component
public class Journal {
    private final DatabaseClient db;
    private final Periods periods;

    public Journal(DatabaseClient db, Periods periods) {
        this.db = db;
        this.periods = periods;
    }

    public Mono<Void> post(String shopId, JournalEntry entry) {
        return post(shopId, entry, null);
    }

    /**
     * Posts {@code entry}; its lines on a party control account (customers 1100, suppliers 2000) belong to
     * {@code partyId} (null: to nobody known).
     */
    public Mono<Void> post(String shopId, JournalEntry entry, UUID partyId) {
        return postOnce(shopId, entry, partyId).then();
    }

    /** As {@link #post(String, JournalEntry, UUID)}; @return false when the entry's source had been posted before (or it is empty) */
    public Mono<Boolean> postOnce(String shopId, JournalEntry entry, UUID partyId) {
        if (entry.lines().isEmpty()) {
            return Mono.just(false);
        }
        UUID id = UUID.randomUUID();
        return periods.lockedForPosting(shopId).flatMap(locked -> {
            LocalDate on = PeriodCalendar.postingDate(entry.date(), locked);
            boolean moved = !on.equals(entry.date());
            // One statement (one round trip) for the entry and all its lines: the entry's INSERT is a data-modifying
            // CTE whose RETURNING feeds the lines' multi-row INSERT. When the entry's source was posted before, ON
            // CONFLICT inserts no entry, the CTE returns no row and so no line is inserted either: the same rows as
            // inserting the entry, then (only when it was inserted) its lines one by one. The lines' foreign key is
            // checked at the end of the statement, when the entry row exists. An entry has at least one line, so
            // the lines inserted (rows updated) are more than 0 exactly when the entry was posted now.
            StringBuilder sql = new StringBuilder("""
                    WITH entry AS (
                        INSERT INTO journal_entries (id, shop_id, entry_date, narration, source, original_date)
                        VALUES (:id, :shop, :date, :narration, :source, :original)
                        ON CONFLICT (shop_id, source) DO NOTHING
                        RETURNING id)
                    INSERT INTO journal_lines (entry_id, line_no, account, debit, credit, party, party_id)
                    SELECT entry.id, l.line_no, l.account, l.debit, l.credit, l.party, l.party_id
                    FROM entry, (VALUES\s""");
            for (int i = 0; i < entry.lines().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(CAST(:no").append(i).append(" AS int), CAST(:account").append(i)
                        .append(" AS text), CAST(:debit").append(i).append(" AS numeric), CAST(:credit").append(i)
                        .append(" AS numeric), CAST(:party").append(i).append(" AS text), CAST(:partyId").append(i).append(" AS uuid))");
            }
            sql.append(") AS l (line_no, account, debit, credit, party, party_id)");
            var spec = db.sql(sql.toString())
                    .bind("id", id).bind("shop", shopId).bind("date", on)
                    .bind("narration", moved ? entry.narration() + " (dated " + entry.date() + ", a locked period)" : entry.narration())
                    .bind("source", entry.source());
            spec = moved ? spec.bind("original", entry.date()) : spec.bindNull("original", LocalDate.class);
            for (int i = 0; i < entry.lines().size(); i++) {
                JournalEntry.Line l = entry.lines().get(i);
                spec = spec.bind("no" + i, i + 1).bind("account" + i, l.code())
                        .bind("debit" + i, l.debit()).bind("credit" + i, l.credit());
                spec = l.party() == null ? spec.bindNull("party" + i, String.class) : spec.bind("party" + i, l.party());
                boolean partyLine = partyId != null && (l.account() == Account.CUSTOMERS || l.account() == Account.SUPPLIERS);
                spec = partyLine ? spec.bind("partyId" + i, partyId) : spec.bindNull("partyId" + i, UUID.class);
            }
            return spec.fetch().rowsUpdated().map(n -> n > 0);
        });
    }

    public Flux<Map<String, Object>> entries(String shopId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT e.id, e.entry_date, e.narration, e.source, l.line_no, l.account, l.debit, l.credit, l.party
                        FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
                        WHERE e.shop_id = :shop AND e.entry_date BETWEEN :from AND :to
                        ORDER BY e.entry_date, e.created_at, e.id, l.line_no""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .fetch().all();
    }

    /** Balance per account; the debits and credits of the whole book are equal. */
    public Mono<List<TrialBalanceRow>> trialBalance(String shopId) {
        return db.sql("""
                        SELECT l.account, sum(l.debit) AS debit, sum(l.credit) AS credit
                        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.shop_id = :shop GROUP BY l.account ORDER BY l.account""")
                .bind("shop", shopId)
                .map(r -> new TrialBalanceRow(r.get("account", String.class), r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class)))
                .all().collectList();
    }

    public record TrialBalanceRow(String account, BigDecimal debit, BigDecimal credit) {
    }

    /** A customer's khata: what they owe (receivable debits less credits) and its movements. */
    public Mono<Khata> khata(String shopId, String party) {
        return db.sql("""
                        SELECT e.entry_date, e.narration, e.source, l.debit, l.credit
                        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.shop_id = :shop AND l.account = :account AND l.party = :party
                        ORDER BY e.entry_date, e.created_at, e.id""")
                .bind("shop", shopId).bind("account", Account.CUSTOMERS.code()).bind("party", party)
                .map(r -> new KhataLine(r.get("entry_date", LocalDate.class), r.get("narration", String.class),
                        r.get("source", String.class), r.get("debit", BigDecimal.class), r.get("credit", BigDecimal.class)))
                .all().collectList()
                .map(lines -> new Khata(party, lines.stream().map(l -> l.debit().subtract(l.credit()))
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), lines));
    }

    public record KhataLine(LocalDate date, String narration, String source, BigDecimal debit, BigDecimal credit) {
    }

    public record Khata(String party, BigDecimal balance, List<KhataLine> lines) {
    }
}
