package dev.kirana.order.shop;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The POS settings of a shop: its document series and its loyalty scheme. */
@Schema(example = """
        {"invoicePrefix":"INV","creditNotePrefix":"CN","loyaltyPointsPer100":"1","loyaltyPointValue":"0.50",
         "address":"12 MG Road, Bengaluru 560001","receiptFooter":"Thank you, visit again!"}""")
public record ShopSettings(
        @NotNull @Pattern(regexp = "[A-Z0-9]{1,4}", message = "1 to 4 capital letters or digits") String invoicePrefix,
        @NotNull @Pattern(regexp = "[A-Z0-9]{1,4}", message = "1 to 4 capital letters or digits") String creditNotePrefix,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal loyaltyPointsPer100,
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal loyaltyPointValue,
        @Size(max = 300) String address,
        @Size(max = 200) String receiptFooter) {

    public static ShopSettings of(ShopProfile p) {
        return new ShopSettings(p.invoicePrefix(), p.creditNotePrefix(), p.loyaltyPointsPer100(), p.loyaltyPointValue(),
                p.address(), p.receiptFooter());
    }
}
