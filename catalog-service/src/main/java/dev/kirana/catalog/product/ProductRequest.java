package dev.kirana.catalog.product;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a product should be: the body of create and of update (a full replacement). On update an absent
 * {@code gstRate} keeps the current rate; {@code gstRateEffectiveFrom} (today or later, default today)
 * says from when a new rate applies. On create an absent {@code gstRate} takes the schedule's rate for the HSN code.
 */
@Schema(example = """
        {"sku":"ATTA-5KG","barcode":"8901234567890","name":"Aashirvaad Atta 5 kg","description":"Whole wheat atta",
         "categoryId":"0b6f0f43-5f8e-4a54-9d0c-1c3d2f6a7b80","hsn":"1101","gstRate":"5","sellingPrice":"245.00",
         "mrp":"260.00","costPrice":"220.00","taxInclusive":true,"unit":"PCS","reorderLevel":"10",
         "perishable":true,"serialTracked":false}""")
public record ProductRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits . _ / - only") String sku,
        @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]*", message = "letters, digits and - only") String barcode,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        UUID categoryId,
        @Pattern(regexp = "[0-9]{4,8}", message = "HSN/SAC is 4 to 8 digits") String hsn,
        @DecimalMin("0") @DecimalMax("40") @Digits(integer = 2, fraction = 2) BigDecimal gstRate,
        LocalDate gstRateEffectiveFrom,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal sellingPrice,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal mrp,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal costPrice,
        Boolean taxInclusive,
        @Size(max = 16) @Pattern(regexp = "[A-Za-z]*", message = "letters only, like PCS, KG, LTR") String unit,
        @DecimalMin("0") @Digits(integer = 11, fraction = 3) BigDecimal reorderLevel,
        Boolean perishable,
        Boolean serialTracked) {

    /** Trimmed, blanks as absent, unit upper-case (PCS by default), flags defaulted. */
    public ProductRequest normalized() {
        return new ProductRequest(sku.trim(), blankToNull(barcode), name.trim(), blankToNull(description), categoryId,
                blankToNull(hsn), gstRate, gstRateEffectiveFrom, sellingPrice, mrp, costPrice,
                taxInclusive == null || taxInclusive,
                unit == null || unit.isBlank() ? "PCS" : unit.trim().toUpperCase(java.util.Locale.ROOT),
                reorderLevel, perishable != null && perishable, serialTracked != null && serialTracked);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
