package dev.kirana.auth.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An employee's day: what it was and when they checked in and out. */
public record AttendanceDay(UUID employeeId, LocalDate day, AttendanceStatus status, Instant checkIn, Instant checkOut) {

    Payroll.Day forPayroll() {
        return new Payroll.Day(status, checkIn, checkOut);
    }
}
