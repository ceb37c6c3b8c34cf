package dev.kirana.order.einvoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The B2B buyer's details an e-invoice needs and a sale does not hold: legal name (the sale's customer name when
 * absent), address lines, location and PIN code. Its GSTIN, state and the place of supply come from the sale.
 */
@Schema(example = """
        {"legalName":"Kulkarni Traders LLP","address1":"Shop 4, Market Yard","location":"Bengaluru","pinCode":"560002"}""")
public record BuyerAddress(
        @Size(min = 3, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES, message = EInvoiceSettings.QUOTES_MESSAGE) String legalName,
        @Size(min = 1, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES, message = EInvoiceSettings.QUOTES_MESSAGE) String address1,
        @Size(min = 3, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES, message = EInvoiceSettings.QUOTES_MESSAGE) String address2,
        @Size(min = 3, max = 100) @Pattern(regexp = EInvoiceSettings.NO_QUOTES, message = EInvoiceSettings.QUOTES_MESSAGE) String location,
        @Pattern(regexp = EInvoiceSettings.PIN_CODE, message = "a 6-digit PIN code not starting with 0, such as 560002") String pinCode) {

    public BuyerAddress {
        legalName = blankless(legalName);
        address1 = blankless(address1);
        address2 = blankless(address2);
        location = blankless(location);
        pinCode = blankless(pinCode);
    }

    public static BuyerAddress none() {
        return new BuyerAddress(null, null, null, null, null);
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
