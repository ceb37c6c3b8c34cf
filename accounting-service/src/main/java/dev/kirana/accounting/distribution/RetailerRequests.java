package dev.kirana.accounting.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the retailer endpoints. */
public final class RetailerRequests {

    @Schema(example = """
            {"code":"RT-PUNE-014","name":"Shree Mobiles","phone":"98220 00014","gstin":"27AAPFU0939F1ZV","area":"Pune East",
             "route":"Route 3","creditDays":21,"creditLimit":"200000","openingBalance":"45250.00","openingDate":"2026-10-01"}""")
    public record CreateRetailer(
            @Schema(description = "an existing customer to make a retailer; its details stay as they are and the party fields below are ignored")
            UUID partyId,
            @Schema(description = "the retailer's code in the brand's PRM portal, unique in the shop; kept in upper case",
                    requiredMode = Schema.RequiredMode.REQUIRED) String code,
            @Schema(description = "required unless partyId is given") String name,
            String phone,
            @Schema(description = "checked for format, state code and check character") String gstin,
            @Schema(description = "2-digit GST state code; taken from the GSTIN when not given") String stateCode,
            String address,
            String area,
            String route,
            @Schema(description = "days of credit before a sale is overdue, 0 to 365; 30 when absent") Integer creditDays,
            @Schema(description = "rupees, not negative") BigDecimal creditLimit,
            @Schema(description = "what the retailer owed when the books started; posted as an opening-balance entry") BigDecimal openingBalance,
            @Schema(description = "date of the opening balance; today when absent") LocalDate openingDate,
            String notes) {
    }

    /**
     * The retailer's profile (code, area, route, credit days) is replaced: an absent area or route is cleared, absent
     * credit days are 30. Its party's details change only where given, as in PATCH /parties/{id} (an empty string clears one).
     */
    @Schema(example = """
            {"code":"RT-PUNE-014","area":"Pune East","route":"Route 5","creditDays":30,"creditLimit":"250000"}""")
    public record UpdateRetailer(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
            String area,
            String route,
            Integer creditDays,
            String name,
            String phone,
            String gstin,
            String stateCode,
            String address,
            BigDecimal creditLimit,
            @Schema(description = "true removes the credit limit") Boolean clearCreditLimit,
            String notes) {
    }

    private RetailerRequests() {
    }
}
