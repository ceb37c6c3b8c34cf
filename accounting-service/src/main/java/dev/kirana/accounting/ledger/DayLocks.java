package dev.kirana.accounting.ledger;

import dev.kirana.accounting.period.Periods;
import dev.kirana.web.problem.Problems;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The lock on a closed day of the cash drawer, beside the period lock: once a day's cash has been counted and closed,
 * nothing entered by hand that touches cash in hand (1000) is dated on it (409). Event-driven postings (sales,
 * refunds) are not refused: the counter's sale already happened (see the README on late cash for a closed day).
 * Both checks run after {@link Periods#lockedForPosting} has taken the shop's books row shared, which a day close
 * takes exclusively, so an entry is either in the closed day's book or refused.
 */
@Component
public class DayLocks {
    /** Cash in hand, the account the drawer count is of (the standard chart's 1000). */
    public static final String CASH_IN_HAND = "1000";
    private final DatabaseClient db;
    private final Periods periods;

    public DayLocks(DatabaseClient db, Periods periods) {
        this.db = db;
        this.periods = periods;
    }

    /** 409 unless {@code date} is in an open month and, when {@code accounts} include cash in hand, on a day not closed. */
    public Mono<Void> requireOpen(String shopId, LocalDate date, Collection<String> accounts) {
        return periods.requireOpen(shopId, date).then(requireDayOpen(shopId, date, accounts));
    }

    /**
     * 409 when {@code accounts} include cash in hand and {@code date}'s cash was closed; the month is not checked (for
     * postings that a locked month moves to the next open date instead, such as a collection at the counter).
     */
    public Mono<Void> requireDayOpen(String shopId, LocalDate date, Collection<String> accounts) {
        if (!accounts.contains(CASH_IN_HAND)) {
            return Mono.empty();
        }
        return periods.lockedForPosting(shopId).then(db.sql("SELECT closed_at FROM cash_day_closes WHERE shop_id = :shop AND day = :day")
                        .bind("shop", shopId).bind("day", date).map(r -> r.get("closed_at")).all().collectList())
                .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.error(Problems.of(HttpStatus.CONFLICT, "day-closed", "Day closed",
                        "The cash of " + date + " was counted and the day closed; enter it on an open day")));
    }
}
