package dev.kirana.inventory.stock;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Goods in. Perishables come with an expiry date (and usually a batch number); serial-tracked products with one serial per unit. */
@Schema(example = """
        {"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","quantity":"50","unitCost":"210.00","reason":"Invoice 4411 from Sharma Traders",
         "batchNo":"AT2603","expiryDate":"2026-09-30"}""")
public record ReceiptRequest(
        @NotBlank String productId,
        UUID locationId,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 4) BigDecimal unitCost,
        @Size(max = 200) String reason,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/._-]*", message = "letters, digits and / . _ - only") String batchNo,
        LocalDate expiryDate,
        @Size(max = 1000) List<String> serials) {
}
