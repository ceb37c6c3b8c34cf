package dev.kirana.inventory.count;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A physical count at one location: what was counted of each product. The differences from the books
 * are posted. A surplus of a perishable product needs the expiry date of what was found; counts of
 * serial-tracked products list the serials found on the shelf.
 */
@Schema(example = """
        {"locationId":"2b1f5a8e-0c44-4d0e-9f5e-7d7c3c2a1b10","note":"Month-end count, shelf A",
         "lines":[{"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","counted":"45"}]}""")
public record CountRequest(UUID locationId, @NotEmpty @Size(max = 500) List<@Valid Line> lines, @Size(max = 200) String note) {

    public record Line(@NotBlank String productId,
                       @NotNull @DecimalMin("0") @Digits(integer = 11, fraction = 3) BigDecimal counted,
                       @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/._-]*", message = "letters, digits and / . _ - only") String batchNo,
                       LocalDate expiryDate,
                       @Size(max = 1000) List<String> serials) {
    }
}
