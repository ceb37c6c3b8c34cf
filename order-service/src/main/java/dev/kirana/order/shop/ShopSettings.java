package dev.kirana.order.shop;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The POS settings of a shop: its document series, its loyalty scheme, what its receipts print and its UPI payee. */
@Schema(example = """
        {"invoicePrefix":"INV","creditNotePrefix":"CN","loyaltyPointsPer100":"1","loyaltyPointValue":"0.50",
         "address":"12 MG Road, Bengaluru 560001","receiptFooter":"Thank you, visit again!",
         "upiVpa":"sharmastore@okhdfcbank","upiPayeeName":"Sharma General Store"}""")
public record ShopSettings(
        @NotNull @Pattern(regexp = "[A-Z0-9]{1,4}", message = "1 to 4 capital letters or digits") String invoicePrefix,
        @NotNull @Pattern(regexp = "[A-Z0-9]{1,4}", message = "1 to 4 capital letters or digits") String creditNotePrefix,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal loyaltyPointsPer100,
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal loyaltyPointValue,
        @Size(max = 300) String address,
        @Size(max = 200) String receiptFooter,
        @Schema(description = "The shop's UPI virtual payment address (VPA) that payment QR codes pay; none: no UPI QR codes",
                example = "sharmastore@okhdfcbank")
        @Pattern(regexp = UPI_VPA, message = "a UPI address such as sharmastore@okhdfcbank: 2 to 256 letters, digits, "
                + "'.', '-' or '_', then '@' and the handle (a letter, then 1 to 63 letters or digits)") String upiVpa,
        @Schema(description = "The payee name a payer's UPI app shows (the shop's name when absent)",
                example = "Sharma General Store")
        @Size(max = 50) String upiPayeeName) {

    /** A UPI virtual payment address: the account part, '@', the payment service provider's handle. */
    public static final String UPI_VPA = "[A-Za-z0-9.\\-_]{2,256}@[A-Za-z][A-Za-z0-9]{1,63}";

    /** Blank UPI fields are taken as absent: no VPA means no UPI QR codes; no payee name, the shop's name. */
    public ShopSettings {
        upiVpa = upiVpa == null || upiVpa.isBlank() ? null : upiVpa;
        upiPayeeName = upiPayeeName == null || upiPayeeName.isBlank() ? null : upiPayeeName.strip();
    }

    public static ShopSettings of(ShopProfile p) {
        return new ShopSettings(p.invoicePrefix(), p.creditNotePrefix(), p.loyaltyPointsPer100(), p.loyaltyPointValue(),
                p.address(), p.receiptFooter(), p.upiVpa(), p.upiPayeeName());
    }
}
