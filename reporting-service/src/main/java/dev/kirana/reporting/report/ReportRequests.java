package dev.kirana.reporting.report;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.ShopPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What every report request shares: the shop's today and a checked date range. */
@Component
public class ReportRequests {
    private final Clock clock;
    private final ZoneId zone;

    private final DatabaseClient db;

    public ReportRequests(Clock clock, @Value("${kirana.reporting.time-zone:Asia/Kolkata}") ZoneId zone, DatabaseClient db) {
        this.clock = clock;
        this.zone = zone;
        this.db = db;
    }

    /**
     * The shop of the caller, its time zone (from its shop events; the configured default until one names a zone) and
     * its date today. Who may read reports (owners, managers, auditors, API clients with reports:read) is
     * {@code @Allowed(Access.REPORTS)} on the controllers.
     */
    public Mono<Shop> shop(ShopPrincipal me) {
        return Mono.fromCallable(me::requireShop)
                .flatMap(id -> db.sql("SELECT time_zone FROM shops WHERE shop_id = :shop").bind("shop", id)
                        .map(r -> ZoneId.of(r.get("time_zone", String.class))).one()
                        .defaultIfEmpty(zone)
                        .map(z -> new Shop(id, z, LocalDate.now(clock.withZone(z)))));
    }

    /** A shop as a report request sees it. */
    public record Shop(String id, ZoneId zone, LocalDate today) {
        /** {@code from}..{@code to} inclusive; by default the month so far. At most two years. */
        public Range range(LocalDate from, LocalDate to) {
            LocalDate t = to != null ? to : today;
            LocalDate f = from != null ? from : t.withDayOfMonth(1);
            if (t.isBefore(f)) {
                throw Problems.invalid("to", "must be on or after from");
            }
            if (f.plusYears(2).isBefore(t)) {
                throw Problems.invalid("to", "must be at most two years after from");
            }
            return new Range(f, t);
        }
    }

    public Period period(String groupBy) {
        return Period.parse(groupBy).orElseThrow(() -> Problems.invalid("groupBy", "must be day, week or month"));
    }

    public static int bounded(Integer value, int dflt, int min, int max, String name) {
        int v = value == null ? dflt : value;
        if (v < min || v > max) {
            throw Problems.invalid(name, "must be between " + min + " and " + max);
        }
        return v;
    }

    public record Range(LocalDate from, LocalDate to) {
    }
}
