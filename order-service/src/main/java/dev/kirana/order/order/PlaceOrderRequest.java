package dev.kirana.order.order;

import dev.kirana.order.pricing.TenderType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A POS sale: lines by product id or barcode, optional line and order discounts (amount or percent, both before tax),
 * an optional customer (a GSTIN makes it a B2B sale whose place of supply is the GSTIN's state), an optional place of
 * supply (a state code; the shop's own state when absent) and the tenders (exact cash when absent).
 */
@Schema(example = """
        {"lines":[{"productId":"6f1c2b7e-1d2a-4b9e-9a51-3f0e2c1d4b5a","quantity":"2"},
                  {"barcode":"8901725133979","quantity":"1","discountPercent":"10"}],
         "discount":"5.00",
         "customer":{"name":"Asha","phone":"9876543210"},
         "tenders":[{"type":"UPI","amount":"300.00","reference":"UTR4589"},{"type":"CASH","amount":"200"}]}""")
public record PlaceOrderRequest(
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines,
        @Size(max = 64) String locationId,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal discount,
        @DecimalMin("0") @Digits(integer = 3, fraction = 4) BigDecimal discountPercent,
        @Valid Customer customer,
        @Pattern(regexp = "[0-9]{2}", message = "a 2-digit GST state code") String placeOfSupply,
        @Size(max = 10) List<@Valid @NotNull Tender> tenders,
        @Schema(description = "An owner or manager allows a CREDIT sale beyond the customer's credit limit; the override "
                + "and who gave it are recorded on the order. A cashier sending true gets 403.", example = "false")
        Boolean creditOverride) {

    public PlaceOrderRequest(List<Line> lines, String locationId, BigDecimal discount, BigDecimal discountPercent,
                             Customer customer, String placeOfSupply, List<Tender> tenders) {
        this(lines, locationId, discount, discountPercent, customer, placeOfSupply, tenders, null);
    }

    /** One line by product id or by barcode. */
    public record Line(@Size(max = 64) String productId,
                       @Size(max = 64) String barcode,
                       @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
                       @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                       @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal discount,
                       @DecimalMin("0") @Digits(integer = 3, fraction = 4) BigDecimal discountPercent) {
        public Line(String productId, String barcode, BigDecimal quantity) {
            this(productId, barcode, quantity, null, null);
        }
    }

    public record Customer(@Size(max = 100) String name,
                           @Pattern(regexp = "\\+?[0-9]{6,15}", message = "6 to 15 digits, optionally after a +") String phone,
                           @Size(max = 15) String gstin) {
    }

    public record Tender(@NotNull TenderType type,
                         @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
                         @Digits(integer = 12, fraction = 2) BigDecimal amount,
                         @Size(max = 64) String reference) {
    }
}
