package dev.kirana.accounting.bank;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The request bodies of the bank endpoints. */
public final class BankRequests {

    @Schema(example = """
            {"name":"Current account","bankName":"HDFC Bank","last4":"4411","ifsc":"HDFC0001234"}""")
    public record NewBankAccount(String name, String bankName, String last4, String ifsc) {
    }

    /** A deposit, withdrawal or transfer; {@code toAccountId} names the receiving account of a transfer. */
    @Schema(example = """
            {"amount":"5000.00","date":"2026-11-30","reference":"DEP-SLIP-118"}""")
    public record Movement(BigDecimal amount, LocalDate date, String reference, UUID toAccountId) {
    }

    @Schema(example = """
            {"provider":"PhonePe","clearingAccount":"1020","bankAccountId":"7f1c7a52-3c1e-4c55-9a57-0f3c1b2d9e10","gross":"10000.00",
             "fee":"18.00","date":"2026-11-30","reference":"PP-SETL-20261130"}""")
    public record Settlement(String provider, String clearingAccount, UUID bankAccountId, BigDecimal gross, BigDecimal fee, LocalDate date,
                             String reference) {
    }

    /** A statement line matched by hand to a line of the books (the entry and its line number). */
    @Schema(example = """
            {"statementLineId":"1b0c…","entryId":"9a7e…","lineNo":1}""")
    public record ManualMatch(UUID statementLineId, UUID entryId, Integer lineNo) {
    }

    private BankRequests() {
    }
}
