package dev.kirana.accounting.khata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment reminder texted to a customer: what was due then, where it went, what it said, who asked for it. */
@Schema(example = """
        {"id":"6c1d4a51-0b7e-4f43-9a55-2f0c2d9e7a10","partyId":"2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11","amountDue":"123456.00",
         "phone":"+919876500001","message":"Sri Lakshmi Stores: ₹1,23,456.00 is due on your account. Please pay at the shop or by UPI.",
         "sentBy":"u-owner","sentAt":"2026-04-05T04:30:00Z"}""")
public record PaymentReminder(UUID id, UUID partyId, BigDecimal amountDue, String phone, String message, String sentBy,
                              Instant sentAt) {
}
