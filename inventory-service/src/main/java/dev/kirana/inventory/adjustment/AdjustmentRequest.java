package dev.kirana.inventory.adjustment;

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

/**
 * A stock adjustment: {@code quantity} is the signed change (−3 writes off three). Damage and loss take stock
 * away; a correction goes either way, and stock it adds comes in at {@code unitCost} (default: the current average).
 */
@Schema(example = """
        {"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","reason":"DAMAGE","quantity":"-2","note":"Packets torn in the godown"}""")
public record AdjustmentRequest(
        @NotBlank String productId,
        UUID locationId,
        @NotNull AdjustmentReason reason,
        @NotNull @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @DecimalMin("0") @Digits(integer = 10, fraction = 4) BigDecimal unitCost,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/._-]*", message = "letters, digits and / . _ - only") String batchNo,
        LocalDate expiryDate,
        @Size(max = 1000) List<String> serials,
        @Size(max = 200) String note) {
}
