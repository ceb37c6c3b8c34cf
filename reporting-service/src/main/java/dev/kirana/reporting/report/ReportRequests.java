package dev.kirana.reporting.report;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What every report request shares: who may read reports, the shop's today, and a checked date range. */
@Component
public class ReportRequests {
    public static final String SCOPE = "reports:read";
    private final Clock clock;
    private final ZoneId zone;

    public ReportRequests(Clock clock, @Value("${kirana.reporting.time-zone:Asia/Kolkata}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Owners, managers and auditors read the shop's reports, and API clients with {@value #SCOPE}; the shop's id. */
    public String shop(ShopPrincipal me) {
        me.requireRoleOrScope(SCOPE, Role.OWNER, Role.MANAGER, Role.AUDITOR);
        return me.requireShop();
    }

    /** The shop's date today (its time zone). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code from}..{@code to} inclusive; by default the month so far. At most two years. */
    public Range range(LocalDate from, LocalDate to) {
        LocalDate t = to != null ? to : today();
        LocalDate f = from != null ? from : t.withDayOfMonth(1);
        if (t.isBefore(f)) {
            throw Problems.invalid("to", "must be on or after from");
        }
        if (f.plusYears(2).isBefore(t)) {
            throw Problems.invalid("to", "must be at most two years after from");
        }
        return new Range(f, t);
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
