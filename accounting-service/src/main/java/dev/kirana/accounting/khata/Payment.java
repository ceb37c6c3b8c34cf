package dev.kirana.accounting.khata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money received from a customer or paid to a supplier, or the counter-entry that reverses one ({@code reversalOf}).
 * {@code reversedBy} names the counter-entry of a reversed payment; {@code balanceAfter} is the party's balance right
 * after this was recorded (in responses to a POST); {@code account} the chart account the money went through (1000 cash, 1010
 * card, 1020 UPI, or by BANK the bank account's 1051 … or 1050).
 */
@Schema(example = """
        {"id":"0b6f3c1e-8a2d-4f5b-9c3e-7d1a2b3c4d5e","partyId":"2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11","direction":"RECEIVED",
         "amount":"500.00","mode":"UPI","reference":"UTR 412345678901","date":"2026-04-20","note":null,"reversalOf":null,
         "reversedBy":null,"recordedBy":"u-cashier","createdAt":"2026-04-20T06:12:00Z","balanceAfter":"331.00","account":"1020"}""")
public record Payment(UUID id, UUID partyId, PaymentDirection direction, BigDecimal amount, PaymentMode mode, String reference,
                      LocalDate date, String note, UUID reversalOf, UUID reversedBy, String recordedBy, Instant createdAt,
                      BigDecimal balanceAfter, String account) {

    public Payment withBalanceAfter(BigDecimal balance) {
        return new Payment(id, partyId, direction, amount, mode, reference, date, note, reversalOf, reversedBy, recordedBy,
                createdAt, balance, account);
    }
}
