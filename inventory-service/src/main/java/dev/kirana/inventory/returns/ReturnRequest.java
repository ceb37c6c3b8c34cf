package dev.kirana.inventory.returns;

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
 * Goods a customer brings back into stock. With {@code orderId} they come back at the cost they were sold
 * at, and no more can come back than that order sold; serial units must have been sold.
 */
@Schema(example = """
        {"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","quantity":"1","orderId":"0c8f...","serials":["356938035643809"],
         "reason":"Unopened, customer changed mind"}""")
public record ReturnRequest(
        @NotBlank String productId,
        UUID locationId,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @Digits(integer = 11, fraction = 3) BigDecimal quantity,
        @Size(max = 64) String orderId,
        @DecimalMin("0") @Digits(integer = 10, fraction = 4) BigDecimal unitCost,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/._-]*", message = "letters, digits and / . _ - only") String batchNo,
        LocalDate expiryDate,
        @Size(max = 1000) List<String> serials,
        @Size(max = 200) String reason) {
}
