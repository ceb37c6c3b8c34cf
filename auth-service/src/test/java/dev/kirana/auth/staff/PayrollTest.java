package dev.kirana.auth.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayrollTest {
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);   // 30 days
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    static Payroll.Day day(AttendanceStatus status) {
        return new Payroll.Day(status, null, null);
    }

    static Payroll.Day worked(int dayOfMonth, String in, String out) {
        LocalDate d = NOVEMBER.atDay(dayOfMonth);
        Instant checkIn = d.atTime(LocalTime.parse(in)).atZone(IST).toInstant();
        Instant checkOut = d.atTime(LocalTime.parse(out)).atZone(IST).toInstant();
        return new Payroll.Day(AttendanceStatus.PRESENT, checkIn, checkOut);
    }

    static List<Payroll.Day> days(int present, int half, int leave, int holidays, int weeklyOffs) {
        List<Payroll.Day> days = new ArrayList<>();
        days.addAll(Collections.nCopies(present, day(AttendanceStatus.PRESENT)));
        days.addAll(Collections.nCopies(half, day(AttendanceStatus.HALF_DAY)));
        days.addAll(Collections.nCopies(leave, day(AttendanceStatus.LEAVE)));
        days.addAll(Collections.nCopies(holidays, day(AttendanceStatus.HOLIDAY)));
        days.addAll(Collections.nCopies(weeklyOffs, day(AttendanceStatus.WEEKLY_OFF)));
        return days;
    }

    @Test
    void aMonthlySalaryIsProratedByPayableDays() {
        // 22 present + 2 half days (1) + 4 weekly offs = 27 payable of 30; 1 leave and 1 unmarked day unpaid
        // 15,000 × 27 / 30 = 13,500.00; + bonus 500 − deductions 200 = 13,800.00 gross; − advance 2,000 = 11,800.00
        var s = Payroll.of(NOVEMBER, new Payroll.Terms(PayBasis.MONTHLY, new BigDecimal("15000.00"), null, new BigDecimal("9")),
                days(22, 2, 1, 0, 4), new Payroll.Adjustments(new BigDecimal("500"), new BigDecimal("200"), new BigDecimal("2000")));
        assertThat(s.payableDays()).isEqualByComparingTo("27");
        assertThat(s.daysWorked()).isEqualByComparingTo("23");
        assertThat(s.base()).isEqualByComparingTo("13500.00");
        assertThat(s.gross()).isEqualByComparingTo("13800.00");
        assertThat(s.net()).isEqualByComparingTo("11800.00");
    }

    @Test
    void overtimeIsTheHoursBeyondTheStandardDay() {
        // monthly 12,000, all 30 days present (no times) but one day 09:00–20:30 = 11.5 h: 2.5 h beyond 9 at ₹80 = 200.00
        List<Payroll.Day> all = new ArrayList<>(days(29, 0, 0, 0, 0));
        all.add(worked(30, "09:00", "20:30"));
        var s = Payroll.of(NOVEMBER, new Payroll.Terms(PayBasis.MONTHLY, new BigDecimal("12000"), new BigDecimal("80"), new BigDecimal("9")),
                all, Payroll.Adjustments.NONE);
        assertThat(s.base()).isEqualByComparingTo("12000.00");
        assertThat(s.overtimeHours()).isEqualByComparingTo("2.50");
        assertThat(s.overtime()).isEqualByComparingTo("200.00");
        assertThat(s.gross()).isEqualByComparingTo("12200.00");
    }

    @Test
    void dailyWagesPayDaysWorkedAndHourlyWagesPayHours() {
        // daily ₹600: 20 present + 3 half days = 21.5 days → 12,900.00; holidays and weekly offs are not worked days
        var daily = Payroll.of(NOVEMBER, new Payroll.Terms(PayBasis.DAILY, new BigDecimal("600"), null, new BigDecimal("9")),
                days(20, 3, 0, 1, 4), Payroll.Adjustments.NONE);
        assertThat(daily.base()).isEqualByComparingTo("12900.00");
        // hourly ₹75: four days 09:00–17:30 (8 h 30 min) and one 10:00–14:20 (4 h 20 min) = 38 h 20 min
        // 38 × 75 = 2,850 + 20/60 × 75 = 25 → 2,875.00
        List<Payroll.Day> shifts = List.of(worked(2, "09:00", "17:30"), worked(3, "09:00", "17:30"), worked(4, "09:00", "17:30"),
                worked(5, "09:00", "17:30"), worked(6, "10:00", "14:20"));
        var hourly = Payroll.of(NOVEMBER, new Payroll.Terms(PayBasis.HOURLY, new BigDecimal("75"), new BigDecimal("100"), new BigDecimal("8")),
                shifts, Payroll.Adjustments.NONE);
        assertThat(hourly.hoursWorked()).isEqualByComparingTo("38.33");
        assertThat(hourly.base()).isEqualByComparingTo("2875.00");
        assertThat(hourly.overtime()).as("hourly staff are paid each hour, with no overtime on top").isEqualByComparingTo("0.00");
    }

    @Test
    void deductionsOrAdvancesBeyondThePayAreRefused() {
        var terms = new Payroll.Terms(PayBasis.DAILY, new BigDecimal("500"), null, new BigDecimal("9"));
        // 2 days × 500 = 1,000.00
        assertThatThrownBy(() -> Payroll.of(NOVEMBER, terms, days(2, 0, 0, 0, 0),
                new Payroll.Adjustments(BigDecimal.ZERO, new BigDecimal("1000.01"), BigDecimal.ZERO)))
                .hasMessage("deductions of 1000.01 are more than the month's pay of 1000.00");
        assertThatThrownBy(() -> Payroll.of(NOVEMBER, terms, days(2, 0, 0, 0, 0),
                new Payroll.Adjustments(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1200"))))
                .hasMessage("advances of 1200.00 are more than the month's pay of 1000.00");
    }
}
