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

@Schema(example = """
        {"sku":"ATTA-5KG","barcode":"8901234567890","name":"Aashirvaad Atta 5 kg","hsn":"1101","gstRate":"5",
         "sellingPrice":"245.00","mrp":"260.00","taxInclusive":true,"unit":"PCS"}""")
public record ProductRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits . _ / - only") String sku,
        @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]*", message = "letters, digits and - only") String barcode,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "[0-9]{4,8}", message = "HSN/SAC is 4 to 8 digits") String hsn,
        @NotNull @DecimalMin("0") @DecimalMax("40") @Digits(integer = 2, fraction = 2) BigDecimal gstRate,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal sellingPrice,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal mrp,
        Boolean taxInclusive,
        @Size(max = 16) String unit) {
}
