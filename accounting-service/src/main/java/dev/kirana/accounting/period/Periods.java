package dev.kirana.accounting.period;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Period locks. Locking takes the shop's books row exclusively and every posting takes it shared, so a month is
 * never locked while an entry is being posted into it. A lock is final: there is no unlock. Once the owner has
 * locked a month its figures have gone into a GST return or to the accountant; a mistake found later is corrected
 * by an entry in an open month, as an accountant would, not by reopening the past.
 */
@Service
public class Periods {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final Chart chart;
    private final Clock clock;

    public Periods(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, Chart chart, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.chart = chart;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The shop's locked months, with the books row held shared until the caller's transaction ends. */
    public Mono<Set<YearMonth>> lockedForPosting(String shopId) {
        // The books row is share-locked first and the shop's period locks read after, in a statement of their own:
        // under READ COMMITTED that later statement's snapshot is taken once the share lock is held, so it sees every
        // lock committed by a lock() that held the row exclusively before us. (Reading the locks in the locking
        // statement itself would use a snapshot taken before waiting for that lock() and could miss its month.)
        //
        // Books are opened once per shop and never closed (shop_books rows are never deleted), so nearly always the
        // row is there: try the share lock first, and only when no row came back open the books (chart.ensure: the
        // INSERT ... ON CONFLICT DO NOTHING that seeds the chart, which waits for a concurrent opener to finish) and
        // take the share lock again, now on a row that exists. Either way the row is held FOR SHARE, as before, and
        // the common case is one statement instead of an INSERT that does nothing followed by the lock.
        return shareBooks(shopId)
                .flatMap(held -> held ? Mono.<Void>empty() : chart.ensure(shopId).then(shareBooks(shopId)).then())
                .then(db.sql("SELECT period FROM period_locks WHERE shop_id = :shop").bind("shop", shopId)
                        .map(r -> YearMonth.from(r.get("period", LocalDate.class))).all().collect(Collectors.toSet()));
    }

    /** Takes the shop's books row FOR SHARE; @return false when the books are not open (no row to lock). */
    private Mono<Boolean> shareBooks(String shopId) {
        return db.sql("SELECT shop_id FROM shop_books WHERE shop_id = :shop FOR SHARE").bind("shop", shopId)
                .map(r -> r.get("shop_id", String.class)).all().collectList().map(rows -> !rows.isEmpty());
    }

    /** A 409 problem unless {@code date} is in an open month; for entries made by hand. */
    public Mono<Void> requireOpen(String shopId, LocalDate date) {
        return lockedForPosting(shopId).flatMap(locked -> PeriodCalendar.isLocked(date, locked)
                ? Mono.error(Problems.of(org.springframework.http.HttpStatus.CONFLICT, "period-locked", "Period locked",
                "The books for " + YearMonth.from(date) + " are locked; post into an open month"))
                : Mono.empty());
    }

    public Mono<List<PeriodLock>> list(String shopId) {
        return db.sql("SELECT period, locked_by, locked_at FROM period_locks WHERE shop_id = :shop ORDER BY period")
                .bind("shop", shopId)
                .map(r -> PeriodLock.of(YearMonth.from(r.get("period", LocalDate.class)), r.get("locked_by", String.class),
                        r.get("locked_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    /** Locks {@code month}; locking a locked month again changes nothing and returns the first lock ({@code created} false). */
    public Mono<Locked> lock(String shopId, String userId, YearMonth month) {
        var problem = PeriodCalendar.lockProblem(month, today());
        if (problem.isPresent()) {
            return Mono.error(Problems.of(org.springframework.http.HttpStatus.CONFLICT, "period-open", "Period not ended", problem.get()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Mono<Locked> work = chart.ensure(shopId)
                .then(db.sql("SELECT shop_id FROM shop_books WHERE shop_id = :shop FOR UPDATE").bind("shop", shopId).fetch().all().then())
                .then(db.sql("INSERT INTO period_locks (shop_id, period, locked_by, locked_at) VALUES (:shop, :period, :by, :at) ON CONFLICT DO NOTHING")
                        .bind("shop", shopId).bind("period", month.atDay(1)).bind("by", userId).bind("at", now)
                        .fetch().rowsUpdated())
                .flatMap(n -> {
                    if (n == 0) {
                        return list(shopId).map(all -> new Locked(all.stream().filter(l -> l.period().equals(month)).findFirst().orElseThrow(), false));
                    }
                    PeriodLock lock = PeriodLock.of(month, userId, now.toInstant());
                    return outbox.append(Topics.ACCOUNTING, EventTypes.PERIOD_LOCKED, month.toString(), shopId,
                                    new AccountingEvents.PeriodLocked(month.toString(), lock.from(), lock.to(), userId, lock.lockedAt()))
                            .then(audit.record(shopId, AuditLog.Entry.of("period.locked", "period", month)
                                    .change(java.util.Map.of("locked", false),
                                            java.util.Map.of("locked", true, "from", lock.from().toString(), "to", lock.to().toString()))))
                            .thenReturn(new Locked(lock, true));
                });
        return tx.transactional(work);
    }

    public record Locked(PeriodLock lock, boolean created) {
    }
}
