package dev.kirana.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of the people events on {@link Topics#SHOP}: the facts about a shop's employees that other services count by
 * (reporting's performance per employee), keyed by the employee id so that one employee's events stay in order.
 */
public final class StaffEvents {
    /**
     * An employee was added or changed: the whole new state. {@code userId} is the login member linked to the
     * employee (the id a sale names as its cashier), absent when the employee does not log in.
     */
    public record EmployeeUpdated(String employeeId, String shopId, String userId, String name, String designation,
                                  String status) {
    }

    /**
     * A day's attendance of an employee was marked, punched or corrected: the whole day as it now stands.
     * {@code hoursWorked} is check-in to check-out to the minute on a day worked (0 otherwise), {@code daysWorked} the
     * share of a day worked (present 1, half day 0.5, leave, holiday or weekly off 0), both as payroll counts them;
     * {@code version} grows with every change of the day, so a consumer keeps the highest.
     */
    public record AttendanceRecorded(String employeeId, String shopId, String userId, String name, LocalDate day,
                                     String status, Instant checkIn, Instant checkOut, BigDecimal hoursWorked,
                                     BigDecimal daysWorked, long version) {
    }

    private StaffEvents() {
    }
}
