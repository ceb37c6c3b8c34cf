package dev.kirana.auth.staff;

import java.math.BigDecimal;

/**
 * What a day was for an employee. Holidays and weekly offs are paid to monthly staff, leave is unpaid (a shop that
 * pays a leave marks the day a holiday), and a day nobody marked is not paid.
 */
public enum AttendanceStatus {
    PRESENT(BigDecimal.ONE, true),
    HALF_DAY(new BigDecimal("0.5"), true),
    LEAVE(BigDecimal.ZERO, false),
    HOLIDAY(BigDecimal.ONE, false),
    WEEKLY_OFF(BigDecimal.ONE, false);

    /** The share of a day's pay a monthly employee earns for it. */
    public final BigDecimal monthlyPaidDay;
    /** Whether the employee worked (what daily wages pay for): a present day, or half of one. */
    public final boolean worked;

    AttendanceStatus(BigDecimal monthlyPaidDay, boolean worked) {
        this.monthlyPaidDay = monthlyPaidDay;
        this.worked = worked;
    }
}
