package dev.kirana.auth.shop;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the shops API. */
public final class ShopRequests {

    @Schema(example = """
            {"name":"Sharma General Store","address":"14 Station Road, Pune","stateCode":"27",
             "gstin":"27AAPFU0939F1ZV","currency":"INR","financialYearStartMonth":4,"registrationType":"REGULAR"}""")
    public record CreateShop(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @NotBlank @Pattern(regexp = "[0-9]{2}", message = "must be the 2-digit GST state code, e.g. 29 for Karnataka")
            String stateCode,
            @Schema(description = "optional; checked for format, check character and state") String gstin,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as INR") String currency,
            @Min(1) @Max(12) Integer financialYearStartMonth,
            Shop.RegistrationType registrationType,
            @Schema(description = "IANA time zone of the shop's days; default Asia/Kolkata") @Size(max = 64) String timeZone) {
        public CreateShop(String name, String address, String stateCode, String gstin, String currency,
                          Integer financialYearStartMonth, Shop.RegistrationType registrationType) {
            this(name, address, stateCode, gstin, currency, financialYearStartMonth, registrationType, null);
        }
    }

    /** Partial update: absent (null) fields stay as they are; send an empty gstin to remove it. */
    @Schema(example = """
            {"name":"Sharma General Store & Dairy","gstin":"27AAPFU0939F1ZV"}""")
    public record UpdateShop(
            @Size(min = 1, max = 120) String name,
            @Size(max = 500) String address,
            @Pattern(regexp = "[0-9]{2}", message = "must be the 2-digit GST state code") String stateCode,
            String gstin,
            @Min(1) @Max(12) Integer financialYearStartMonth,
            Shop.RegistrationType registrationType,
            @Schema(description = "IANA time zone of the shop's days") @Size(max = 64) String timeZone) {
    }

    /** Deleting a shop: its name typed back, so that a shop is never deleted by a slip. */
    @Schema(example = """
            {"confirmName":"Sharma General Store"}""")
    public record DeleteShop(
            @Schema(description = "the shop's name exactly as shown") @NotBlank String confirmName) {
    }

    private ShopRequests() {
    }
}
