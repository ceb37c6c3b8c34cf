package dev.kirana.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Data of the payroll events on {@link Topics#SHOP} (auth-service owns a shop's people). */
public final class PayrollEvents {
    /** What one employee was paid: {@code net = gross - advances} (advances paid earlier and recovered now). */
    public record SalaryLine(String employeeId, String name, BigDecimal gross, BigDecimal advances, BigDecimal net) {
    }

    /**
     * A month's salaries were paid ({@code month} as 2026-11) on {@code paidOn} from {@code paidFrom} CASH or BANK:
     * the books take wages of {@code gross}, recover {@code advances} from staff advances, and pay {@code net}.
     */
    public record SalaryPaid(String runId, String shopId, String month, LocalDate paidOn, String paidFrom, BigDecimal gross,
                             BigDecimal advances, BigDecimal net, List<SalaryLine> lines) {
    }

    /** Money was paid to an employee ahead of their salary: the books move it from cash or bank to staff advances. */
    public record AdvancePaid(String advanceId, String shopId, String employeeId, String name, BigDecimal amount,
                              LocalDate paidOn, String paidFrom) {
    }

    private PayrollEvents() {
    }
}
