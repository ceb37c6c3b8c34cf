package dev.kirana.accounting.cashbook;

import dev.kirana.web.audit.AuditLog;
import dev.kirana.accounting.chart.Chart;
import dev.kirana.accounting.ledger.DayLocks;
import dev.kirana.accounting.ledger.LedgerPosting;
import dev.kirana.accounting.period.Periods;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;

/**
 * The cash book, read from the journal's cash-in-hand lines (1000), and the day close. Closing a day takes the
 * shop's books row exclusively (every posting holds it shared), so the book balance it compares the count with has
 * every entry that committed before it and none half-way; then the variance is posted, the close recorded and
 * {@code day.closed} published in one transaction.
 */
@Service
public class CashBook {
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private static final String CASH = DayLocks.CASH_IN_HAND;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final AuditLog audit;
    private final TransactionalOperator snapshot;
    private final Chart chart;
    private final Periods periods;
    private final LedgerPosting ledger;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CashBook(DatabaseClient db, TransactionalOperator tx, ReactiveTransactionManager transactions, Chart chart, Periods periods,
                    LedgerPosting ledger, OutboxWriter outbox, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.snapshot = TransactionalOperator.create(transactions, definition);
        this.chart = chart;
        this.periods = periods;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SHOP_ZONE));
    }

    /** The day {@code date}, read in one snapshot (repeatable read) so opening, movements and closing agree. */
    public Mono<CashBookDay> day(String shopId, LocalDate date) {
        Mono<CashBookDay> read = findClose(shopId, date).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(close -> balanceBefore(shopId, date)
                        .flatMap(opening -> db.sql("""
                                        SELECT e.id, e.created_at, e.narration, e.source, sum(l.debit) AS cash_in, sum(l.credit) AS cash_out
                                        FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
                                        WHERE e.shop_id = :shop AND e.entry_date = :day AND l.account = :cash
                                        GROUP BY e.id, e.created_at, e.narration, e.source
                                        ORDER BY e.created_at, e.id""")
                                .bind("shop", shopId).bind("day", date).bind("cash", CASH)
                                .map(r -> movement(r, close.map(CashBookDay.DayClose::closedAt).orElse(null), "day-close:" + date))
                                .all().collectList()
                                .map(movements -> {
                                    DayCash.Day d = DayCash.of(opening, movements);
                                    return new CashBookDay(date, d.opening(), d.rows(), d.totalIn(), d.totalOut(), d.closing(), close.orElse(null));
                                })));
        return snapshot.transactional(read);
    }

    public Mono<CashBookDay.DayClose> close(String shopId, String by, LocalDate date, DayCloseRequest r) {
        if (r == null || r.counted() == null) {
            return Mono.error(Problems.invalid("counted", "is required: the cash counted in the drawer"));
        }
        if (r.counted().signum() < 0 || r.counted().stripTrailingZeros().scale() > 2 || r.counted().compareTo(new BigDecimal("100000000")) >= 0) {
            return Mono.error(Problems.invalid("counted", "rupees and paise, zero or more"));
        }
        if (date.isAfter(today())) {
            return Mono.error(Problems.invalid("date", "a day is closed once it has begun; " + date + " is in the future"));
        }
        if (r.note() != null && r.note().length() > 500) {
            return Mono.error(Problems.invalid("note", "must be at most 500 characters"));
        }
        BigDecimal counted = r.counted().setScale(2);
        Mono<CashBookDay.DayClose> work = chart.ensure(shopId)
                .then(db.sql("SELECT shop_id FROM shop_books WHERE shop_id = :shop FOR UPDATE").bind("shop", shopId).fetch().all().then())
                .then(findClose(shopId, date).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(existing -> existing.isPresent()
                        ? Mono.error(Problems.of(HttpStatus.CONFLICT, "day-closed", "Day closed already", "The cash of " + date + " was closed by "
                        + existing.get().closedBy() + " at " + existing.get().closedAt() + " (counted " + existing.get().counted() + ")"))
                        : periods.requireOpen(shopId, date))
                .then(Mono.defer(() -> balanceBefore(shopId, date.plusDays(1))))
                .flatMap(book -> {
                    BigDecimal variance = DayCash.variance(counted, book);
                    Mono<Optional<UUID>> posted = DayCash.varianceEntry(date, counted, book)
                            .map(e -> ledger.postClosingDay(shopId, by, e).map(Optional::of))
                            .orElse(Mono.just(Optional.empty()));
                    return posted.flatMap(entryId -> {
                        var spec = db.sql("""
                                        INSERT INTO cash_day_closes (shop_id, day, counted, expected, variance, entry_id, note, closed_by)
                                        VALUES (:shop, :day, :counted, :expected, :variance, :entry, :note, :by)""")
                                .bind("shop", shopId).bind("day", date).bind("counted", counted).bind("expected", book)
                                .bind("variance", variance).bind("by", by);
                        spec = entryId.isPresent() ? spec.bind("entry", entryId.get()) : spec.bindNull("entry", UUID.class);
                        spec = r.note() == null || r.note().isBlank() ? spec.bindNull("note", String.class) : spec.bind("note", r.note().trim());
                        // closed_at is the database's now(), the clock the entries' created_at is on
                        return spec.then()
                                .then(findClose(shopId, date))
                                .flatMap(close -> outbox.append(Topics.ACCOUNTING, EventTypes.DAY_CLOSED, date.toString(), shopId,
                                        new AccountingEvents.DayClosed(date, counted, book, variance, close.entryId(), by, close.closedAt()))
                                        .then(audit.record(shopId, AuditLog.Entry.of("day.closed", "cash-day", date)
                                                .change(java.util.Map.of("closed", false), closed(book, counted, variance, close.entryId(), r.note()))))
                                        .thenReturn(close));
                    });
                });
        return tx.transactional(work);
    }

    /** A day close as its audit record shows it: the cash the books expected, what was counted and the difference. */
    private static java.util.Map<String, Object> closed(BigDecimal expected, BigDecimal counted, BigDecimal variance, String entryId, String note) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("closed", true);
        m.put("expected", expected);
        m.put("counted", counted);
        m.put("variance", variance);
        m.put("varianceEntryId", entryId);
        m.put("note", note == null || note.isBlank() ? null : note.trim());
        return m;
    }

    /** Cash in hand before {@code date}: every cash line dated earlier. */
    private Mono<BigDecimal> balanceBefore(String shopId, LocalDate date) {
        return db.sql("""
                        SELECT coalesce(sum(l.debit - l.credit), 0) AS balance
                        FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
                        WHERE e.shop_id = :shop AND e.entry_date < :day AND l.account = :cash""")
                .bind("shop", shopId).bind("day", date).bind("cash", CASH)
                .map(r -> r.get("balance", BigDecimal.class).setScale(2)).one();
    }

    private Mono<CashBookDay.DayClose> findClose(String shopId, LocalDate date) {
        return db.sql("SELECT day, counted, expected, variance, entry_id, note, closed_by, closed_at FROM cash_day_closes WHERE shop_id = :shop AND day = :day")
                .bind("shop", shopId).bind("day", date)
                .map(CashBook::dayClose).all().collectList()
                .flatMap(l -> l.isEmpty() ? Mono.empty() : Mono.just(l.get(0)));
    }

    /** The closed days between two dates, oldest first. */
    public Mono<List<CashBookDay.DayClose>> closes(String shopId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT day, counted, expected, variance, entry_id, note, closed_by, closed_at FROM cash_day_closes
                        WHERE shop_id = :shop AND day BETWEEN :from AND :to ORDER BY day""")
                .bind("shop", shopId).bind("from", from).bind("to", to).map(CashBook::dayClose).all().collectList();
    }

    /** {@code afterClose}: committed after the close (the database's clock for both), other than the close's own entry. */
    private static DayCash.Movement movement(Readable r, java.time.Instant closedAt, String closeSource) {
        OffsetDateTime at = r.get("created_at", OffsetDateTime.class);
        return new DayCash.Movement(r.get("id", UUID.class).toString(), at.atZoneSameInstant(SHOP_ZONE).toLocalTime().truncatedTo(ChronoUnit.SECONDS).toString(),
                r.get("narration", String.class), r.get("source", String.class), r.get("cash_in", BigDecimal.class),
                r.get("cash_out", BigDecimal.class),
                closedAt != null && at.toInstant().isAfter(closedAt) && !closeSource.equals(r.get("source", String.class)));
    }

    private static CashBookDay.DayClose dayClose(Readable r) {
        UUID entry = r.get("entry_id", UUID.class);
        return new CashBookDay.DayClose(r.get("day", LocalDate.class), r.get("counted", BigDecimal.class), r.get("expected", BigDecimal.class),
                r.get("variance", BigDecimal.class), entry == null ? null : entry.toString(), r.get("note", String.class),
                r.get("closed_by", String.class), r.get("closed_at", OffsetDateTime.class).toInstant());
    }
}
