package dev.kirana.order.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

@Schema(example = """
        {"lines":[{"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","quantity":"2"}]}""")
public record PlaceOrderRequest(
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines,
        @Size(max = 64) String locationId) {

    /** One line by product id or by barcode. */
    public record Line(@Size(max = 64) String productId,
                       @Size(max = 64) String barcode,
                       @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
                       @Digits(integer = 11, fraction = 3) BigDecimal quantity) {
    }
}
