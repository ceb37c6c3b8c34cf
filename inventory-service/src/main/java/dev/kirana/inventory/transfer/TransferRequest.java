package dev.kirana.inventory.transfer;

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
import java.util.List;
import java.util.UUID;

/** Stock moved from one location to another (godown to counter): unexpired stock only, batches and costs travel with it. */
@Schema(example = """
        {"fromLocationId":"2b1f5a8e-0c44-4d0e-9f5e-7d7c3c2a1b10","toLocationId":"9d3c6e1a-7b2f-4c55-8e0d-1a2b3c4d5e6f",
         "lines":[{"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","quantity":"20"}],"note":"Restock the counter"}""")
public record TransferRequest(@NotNull UUID fromLocationId, @NotNull UUID toLocationId,
                              @NotEmpty @Size(max = 200) List<@Valid Line> lines, @Size(max = 200) String note) {

    public record Line(@NotBlank String productId,
                       @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                       @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/._-]*", message = "letters, digits and / . _ - only") String batchNo,
                       @Size(max = 1000) List<String> serials) {
    }
}
