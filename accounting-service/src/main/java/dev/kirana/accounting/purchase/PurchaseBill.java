package dev.kirana.accounting.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A supplier's bill as recorded, with what has gone back under debit notes. */
@Schema(example = """
        {"id":"9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","supplierId":"5d2c8f0e-1a3b-4c5d-8e9f-0a1b2c3d4e5f","supplierName":"Sharma Traders",
         "billNumber":"ST/2026/0412","billDate":"2026-04-12","supplyType":"INTRA_STATE",
         "lines":[{"lineNo":1,"productId":"p-atta-5kg","quantity":"10.000","unitCost":"40.0000","gstRate":"5.00","taxableValue":"400.00",
                   "cgst":"10.00","sgst":"10.00","igst":"0.00","total":"420.00","batchNo":"AT2604","expiryDate":"2026-10-31",
                   "locationId":null,"returnedQuantity":"0.000"}],
         "taxableValue":"400.00","cgst":"10.00","sgst":"10.00","igst":"0.00","roundOff":"0.00","total":"420.00",
         "paidPaymentId":"0b6f3c1e-8a2d-4f5b-9c3e-7d1a2b3c4d5e","returns":[],"notes":null,"recordedBy":"u-owner",
         "createdAt":"2026-04-12T06:12:00Z"}""")
public record PurchaseBill(UUID id, UUID supplierId, String supplierName, String billNumber, LocalDate billDate, SupplyType supplyType,
                           List<Line> lines, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff,
                           BigDecimal total, UUID paidPaymentId, List<ReturnSummary> returns, String notes, String recordedBy, Instant createdAt) {

    public record Line(int lineNo, String productId, BigDecimal quantity, BigDecimal unitCost, BigDecimal gstRate, BigDecimal taxableValue,
                       BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal total, String batchNo, LocalDate expiryDate,
                       UUID locationId, BigDecimal returnedQuantity) {
        PurchaseTax.Amounts amounts() {
            return new PurchaseTax.Amounts(taxableValue, cgst, sgst, igst);
        }
    }

    public record ReturnSummary(UUID id, String debitNoteNumber, LocalDate date, BigDecimal total) {
    }
}
