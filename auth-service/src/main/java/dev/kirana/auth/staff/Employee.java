package dev.kirana.auth.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A person who works in a shop, with or without a login, and how they are paid. */
public record Employee(UUID id, UUID shopId, UUID userId, String name, String phone, String designation, LocalDate joinedOn,
                       PayBasis payBasis, BigDecimal rate, BigDecimal overtimeRate, BigDecimal standardHours, String status,
                       boolean pinSet) {

    Payroll.Terms terms() {
        return new Payroll.Terms(payBasis, rate, overtimeRate, standardHours);
    }
}
