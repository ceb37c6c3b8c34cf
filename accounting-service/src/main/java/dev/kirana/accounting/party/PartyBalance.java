package dev.kirana.accounting.party;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the counter needs to know about the customer in front of it: what they owe ({@code due}) or have paid ahead
 * ({@code advance}), and how much credit is left under their limit ({@code availableCredit}, null without a limit).
 */
@Schema(example = """
        {"partyId":"2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11","kind":"CUSTOMER","name":"Asha Patil","phone":"9876500001",
         "balance":"831.00","due":"831.00","advance":"0.00","creditLimit":"5000.00","availableCredit":"4169.00"}""")
public record PartyBalance(UUID partyId, PartyKind kind, String name, String phone, BigDecimal balance, BigDecimal due,
                           BigDecimal advance, BigDecimal creditLimit, BigDecimal availableCredit) {

    static PartyBalance of(Party p) {
        BigDecimal available = p.creditLimit() == null ? null : p.creditLimit().subtract(p.due()).max(BigDecimal.ZERO.setScale(2));
        return new PartyBalance(p.id(), p.kind(), p.name(), p.phone(), p.balance(), p.due(), p.advance(), p.creditLimit(), available);
    }
}
