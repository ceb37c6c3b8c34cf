package dev.kirana.auth.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's salary from attendance, as a small shop pays it:
 * <ul>
 *   <li>monthly: rate × payable days ÷ days in the month, payable days being present days, half days at ½, holidays
 *       and weekly offs;</li>
 *   <li>daily: rate × days worked (a half day ½);</li>
 *   <li>hourly: rate × hours worked (check-in to check-out, to the minute);</li>
 * </ul>
 * plus overtime (the hours of a day beyond the standard day, at the employee's overtime rate an hour) and bonus, less
 * deductions (fines, unpaid losses) — that is the gross — less advances already paid, which is what is paid now.
 * Every amount is to the paisa, rounded half up.
 */
public final class Payroll {
    private static final BigDecimal MINUTES_AN_HOUR = BigDecimal.valueOf(60);

    private Payroll() {
    }

    /** One day of attendance: what it was, and when the employee checked in and out (null when not recorded). */
    public record Day(AttendanceStatus status, Instant checkIn, Instant checkOut) {
        /** Hours between check-in and check-out, to the minute; 0 when either is missing. */
        BigDecimal hours() {
            if (checkIn == null || checkOut == null || !checkOut.isAfter(checkIn)) return BigDecimal.ZERO;
            return BigDecimal.valueOf(Duration.between(checkIn, checkOut).toMinutes()).divide(MINUTES_AN_HOUR, 4, RoundingMode.HALF_UP);
        }
    }

    /** What the employee is paid by, and the extras of this month's run. */
    public record Terms(PayBasis basis, BigDecimal rate, BigDecimal overtimeRate, BigDecimal standardHours) {
    }

    public record Adjustments(BigDecimal bonus, BigDecimal deductions, BigDecimal advances) {
        public static final Adjustments NONE = new Adjustments(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The month's salary, line by line. {@code gross = base + overtime + bonus − deductions}, {@code net = gross − advances}. */
    public record Salary(BigDecimal payableDays, BigDecimal daysWorked, BigDecimal hoursWorked, BigDecimal overtimeHours,
                         BigDecimal base, BigDecimal overtime, BigDecimal bonus, BigDecimal deductions, BigDecimal gross,
                         BigDecimal advances, BigDecimal net) {
    }

    public static Salary of(YearMonth month, Terms terms, List<Day> days, Adjustments adj) {
        BigDecimal payable = BigDecimal.ZERO;
        BigDecimal worked = BigDecimal.ZERO;
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal overtimeHours = BigDecimal.ZERO;
        for (Day d : days) {
            payable = payable.add(d.status().monthlyPaidDay);
            if (d.status().worked) {
                worked = worked.add(d.status().monthlyPaidDay);
                BigDecimal h = d.hours();
                hours = hours.add(h);
                if (terms.standardHours() != null && h.compareTo(terms.standardHours()) > 0) {
                    overtimeHours = overtimeHours.add(h.subtract(terms.standardHours()));
                }
            }
        }
        BigDecimal base = switch (terms.basis()) {
            case MONTHLY -> terms.rate().multiply(payable).divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
            case DAILY -> money(terms.rate().multiply(worked));
            case HOURLY -> money(terms.rate().multiply(hours));
        };
        // hourly staff are paid every hour they work: overtime is only for those paid by the month or the day
        BigDecimal overtime = terms.basis() == PayBasis.HOURLY || terms.overtimeRate() == null ? BigDecimal.ZERO.setScale(2)
                : money(terms.overtimeRate().multiply(overtimeHours));
        BigDecimal gross = base.add(overtime).add(money(adj.bonus())).subtract(money(adj.deductions()));
        if (gross.signum() < 0) {
            throw new IllegalArgumentException("deductions of " + money(adj.deductions()) + " are more than the month's pay of "
                    + base.add(overtime).add(money(adj.bonus())));
        }
        BigDecimal net = gross.subtract(money(adj.advances()));
        if (net.signum() < 0) {
            throw new IllegalArgumentException("advances of " + money(adj.advances()) + " are more than the month's pay of " + gross);
        }
        return new Salary(payable.setScale(1, RoundingMode.UNNECESSARY), worked.setScale(1, RoundingMode.UNNECESSARY),
                hours.setScale(2, RoundingMode.HALF_UP), overtimeHours.setScale(2, RoundingMode.HALF_UP), base, overtime,
                money(adj.bonus()), money(adj.deductions()), gross, money(adj.advances()), net);
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }
}
