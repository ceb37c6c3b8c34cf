package dev.kirana.accounting.party;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the party endpoints. */
public final class PartyRequests {

    @Schema(example = """
            {"kind":"CUSTOMER","name":"Asha Patil","phone":"98765 00001","stateCode":"29","address":"12, 4th Cross, Jayanagar",
             "creditLimit":"5000","openingBalance":"250.00","openingDate":"2026-04-01","notes":"pays on the 5th"}""")
    public record CreateParty(
            @Schema(description = "CUSTOMER (owes the shop: khata) or SUPPLIER (the shop owes it)", requiredMode = Schema.RequiredMode.REQUIRED)
            PartyKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "spaces and dashes are dropped; an Indian mobile is kept as its 10 digits") String phone,
            @Schema(description = "optional; checked for format, state code and check character, and against stateCode") String gstin,
            @Schema(description = "2-digit GST state code; taken from the GSTIN when not given") String stateCode,
            String address,
            @Schema(description = "rupees, not negative; none when absent") BigDecimal creditLimit,
            @Schema(description = "what a customer owed / the shop owed a supplier when the books started; negative: an advance. Posted as an opening-balance entry")
            BigDecimal openingBalance,
            @Schema(description = "date of the opening balance; today when absent") LocalDate openingDate,
            String notes) {
    }

    /** Absent (null) fields stay as they are; an empty string clears an optional one. */
    @Schema(example = """
            {"creditLimit":"8000","notes":"pays on the 10th now"}""")
    public record UpdateParty(String name, String phone, String gstin, String stateCode, String address, BigDecimal creditLimit,
                              @Schema(description = "a new opening balance posts the difference as a correcting entry")
                              BigDecimal openingBalance,
                              String notes,
                              @Schema(description = "true removes the credit limit") Boolean clearCreditLimit) {
    }

    @Schema(example = """
            {"mergedPartyId":"6b1c9a30-1f1e-4f7e-8c61-2a0d3b9c4e55"}""")
    public record MergeParty(@Schema(description = "the duplicate record, whose entries move to the party in the path",
            requiredMode = Schema.RequiredMode.REQUIRED) UUID mergedPartyId) {
    }

    private PartyRequests() {
    }
}
