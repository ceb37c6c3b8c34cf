package dev.kirana.accounting.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Goods sent back to the supplier under a debit note: the value and input tax it reverses, per bill line. */
@Schema(example = """
        {"id":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","billId":"9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","debitNoteNumber":"DN/26-27/0001",
         "date":"2026-04-15","lines":[{"lineNo":1,"productId":"p-atta-5kg","quantity":"2.000","taxableValue":"80.00","cgst":"2.00",
         "sgst":"2.00","igst":"0.00"}],"taxableValue":"80.00","cgst":"2.00","sgst":"2.00","igst":"0.00","total":"84.00",
         "reason":"2 packets torn"}""")
public record PurchaseReturn(UUID id, UUID billId, String debitNoteNumber, LocalDate date, List<Line> lines, BigDecimal taxableValue,
                             BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal total, String reason) {

    public record Line(int lineNo, String productId, BigDecimal quantity, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst,
                       BigDecimal igst) {
    }
}
