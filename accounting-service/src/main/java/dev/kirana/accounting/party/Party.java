package dev.kirana.accounting.party;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer or supplier of a shop, with its current balance in its own sense ({@link PartyKind#balance}):
 * {@code due} is what is owed (never negative), {@code advance} what was paid ahead.
 */
@Schema(example = """
        {"id":"2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11","kind":"CUSTOMER","name":"Asha Patil","phone":"9876500001",
         "gstin":null,"stateCode":"29","stateName":"Karnataka","address":"12, 4th Cross, Jayanagar","creditLimit":"5000.00",
         "openingBalance":"250.00","openingDate":"2026-04-01","notes":"pays on the 5th","mergedInto":null,"version":1,
         "balance":"831.00","due":"831.00","advance":"0.00","createdAt":"2026-04-01T04:30:00Z","updatedAt":"2026-04-01T04:30:00Z"}""")
public record Party(UUID id, PartyKind kind, String name, String phone, String gstin, String stateCode, String stateName,
                    String address, BigDecimal creditLimit, BigDecimal openingBalance, LocalDate openingDate, String notes,
                    UUID mergedInto, int version, BigDecimal balance, BigDecimal due, BigDecimal advance, Instant createdAt,
                    Instant updatedAt) {

    public String etag() {
        return "W/\"" + version + "\"";
    }

    public boolean merged() {
        return mergedInto != null;
    }

    /** The phone, else the GSTIN: how the counter names this party on its khata lines. */
    public String label() {
        return phone != null ? phone : gstin;
    }

    public Party withBalance(BigDecimal balance) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new Party(id, kind, name, phone, gstin, stateCode, stateName, address, creditLimit, openingBalance, openingDate,
                notes, mergedInto, version, balance, balance.signum() > 0 ? balance : zero,
                balance.signum() < 0 ? balance.negate() : zero, createdAt, updatedAt);
    }
}
