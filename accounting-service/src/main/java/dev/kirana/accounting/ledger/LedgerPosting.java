package dev.kirana.accounting.ledger;

import dev.kirana.accounting.chart.Chart;
import dev.kirana.web.problem.Problems;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posts {@link LedgerEntry}s made at the shop's request (an expense, a bank deposit, a day's cash variance) into the
 * journal, in the caller's transaction: into an open month only, on a day not closed when cash moves, to accounts
 * that exist in the shop's chart (held against deletion until the caller commits).
 */
@Component
public class LedgerPosting {
    private final DatabaseClient db;
    private final DayLocks dayLocks;
    private final Chart chart;

    public LedgerPosting(DatabaseClient db, DayLocks dayLocks, Chart chart) {
        this.db = db;
        this.dayLocks = dayLocks;
        this.chart = chart;
    }

    /** @return the new entry's id */
    public Mono<UUID> post(String shopId, String userId, LedgerEntry entry) {
        return dayLocks.requireOpen(shopId, entry.date(), entry.accounts()).then(insert(shopId, userId, entry));
    }

    /** As {@link #post} without the closed-day check: for the entry that closes the day itself. */
    public Mono<UUID> postClosingDay(String shopId, String userId, LedgerEntry entry) {
        return insert(shopId, userId, entry);
    }

    private Mono<UUID> insert(String shopId, String userId, LedgerEntry entry) {
        UUID id = UUID.randomUUID();
        return chart.lockForPosting(shopId, entry.accounts()).flatMap(found -> {
            var missing = entry.accounts().stream().filter(a -> !found.containsKey(a)).toList();
            if (!missing.isEmpty()) {
                return Mono.error(Problems.unprocessable("unknown-account", "No account " + String.join(", ", missing) + " in this shop's chart"));
            }
            var spec = db.sql("""
                            INSERT INTO journal_entries (id, shop_id, entry_date, narration, source, kind, created_by, reverses, reference)
                            VALUES (:id, :shop, :date, :narration, :source, :kind, :by, :reverses, :reference)""")
                    .bind("id", id).bind("shop", shopId).bind("date", entry.date()).bind("narration", entry.narration())
                    .bind("source", entry.source()).bind("kind", entry.reverses() == null ? "POSTED" : "REVERSAL").bind("by", userId);
            spec = entry.reverses() == null ? spec.bindNull("reverses", UUID.class) : spec.bind("reverses", entry.reverses());
            spec = entry.reference() == null ? spec.bindNull("reference", String.class) : spec.bind("reference", entry.reference());
            return spec.then()
                    .thenMany(Flux.range(0, entry.lines().size()).concatMap(i -> db.sql(
                                    "INSERT INTO journal_lines (entry_id, line_no, account, debit, credit) VALUES (:id, :no, :account, :debit, :credit)")
                            .bind("id", id).bind("no", i + 1).bind("account", entry.lines().get(i).account())
                            .bind("debit", entry.lines().get(i).debit()).bind("credit", entry.lines().get(i).credit()).then()))
                    .then(Mono.just(id));
        });
    }
}
