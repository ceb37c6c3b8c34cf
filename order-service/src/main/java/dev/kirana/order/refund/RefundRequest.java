package dev.kirana.order.refund;

import dev.kirana.order.pricing.TenderType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Goods brought back: which lines of the sale and how many of each, what to do with them (RESTOCK by default, or
 * WRITE_OFF when damaged), and the tender the money goes back through (CASH, CARD, UPI, or CREDIT to the khata).
 */
@Schema(example = """
        {"lines":[{"lineNo":1,"quantity":"1","disposition":"RESTOCK"}],"tender":"CASH","reason":"customer changed their mind"}""")
public record RefundRequest(
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines,
        @NotNull TenderType tender,
        @Size(max = 64) String reference,
        @Size(max = 200) String reason) {

    public record Line(@NotNull @Min(1) Integer lineNo,
                       @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
                       @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                       RefundView.Disposition disposition) {
    }
}
