package dev.kirana.auth.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A month's salaries as paid: one line an employee, and the totals the books get. */
public record SalaryRun(UUID id, String month, String paidFrom, LocalDate paidOn, String paidBy, BigDecimal gross,
                        BigDecimal advances, BigDecimal net, List<Line> lines) {

    public record Line(UUID employeeId, String name, PayBasis payBasis, BigDecimal rate, BigDecimal payableDays,
                       BigDecimal daysWorked, BigDecimal hoursWorked, BigDecimal overtimeHours, BigDecimal base,
                       BigDecimal overtime, BigDecimal bonus, BigDecimal deductions, BigDecimal gross, BigDecimal advances,
                       BigDecimal net) {
    }
}
