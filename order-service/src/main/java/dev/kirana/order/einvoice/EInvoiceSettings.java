package dev.kirana.order.einvoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A shop's e-invoicing settings (the owner's): whether it registers its B2B tax invoices, the aggregate turnover it
 * declares for the previous financial year and the threshold above which e-invoicing is mandatory (₹5 crore since
 * 1-8-2023, notification 10/2023-CT; the default), and the seller details the e-invoice schema needs beyond the GST
 * registration: legal name (the shop's name when absent), address lines, location (city or town) and PIN code.
 * Text follows the schema's limits and has no {@code "} or {@code \} (the schema's {@code ^([^\"])*$}).
 */
@Schema(example = """
        {"enabled":true,"previousYearTurnover":"62000000.00","turnoverThreshold":"50000000.00",
         "legalName":"Sharma General Store Private Limited","address1":"14 Station Road","address2":"Near Bus Stand",
         "location":"Pune","pinCode":"411001"}""")
public record EInvoiceSettings(
        @NotNull Boolean enabled,
        @Schema(description = "the aggregate turnover of the previous financial year, in rupees")
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal previousYearTurnover,
        @Schema(description = "e-invoicing applies when the turnover exceeds this (default 50000000.00, ₹5 crore)")
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal turnoverThreshold,
        @Size(min = 3, max = 100) @Pattern(regexp = NO_QUOTES, message = QUOTES_MESSAGE) String legalName,
        @Size(min = 1, max = 100) @Pattern(regexp = NO_QUOTES, message = QUOTES_MESSAGE) String address1,
        @Size(min = 3, max = 100) @Pattern(regexp = NO_QUOTES, message = QUOTES_MESSAGE) String address2,
        @Size(min = 3, max = 50) @Pattern(regexp = NO_QUOTES, message = QUOTES_MESSAGE) String location,
        @Pattern(regexp = PIN_CODE, message = "a 6-digit PIN code not starting with 0, such as 411001") String pinCode) {

    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("50000000.00");
    static final String NO_QUOTES = "[^\"\\\\]*";
    static final String QUOTES_MESSAGE = "must not contain \" or \\";
    public static final String PIN_CODE = "[1-9][0-9]{5}";

    /** Blank text is absent; no threshold is the ₹5 crore default. */
    public EInvoiceSettings {
        turnoverThreshold = turnoverThreshold == null ? DEFAULT_THRESHOLD : turnoverThreshold;
        legalName = blankless(legalName);
        address1 = blankless(address1);
        address2 = blankless(address2);
        location = blankless(location);
        pinCode = blankless(pinCode);
    }

    /** A shop that has set nothing: e-invoicing off. */
    public static EInvoiceSettings none() {
        return new EInvoiceSettings(false, BigDecimal.ZERO.setScale(2), DEFAULT_THRESHOLD, null, null, null, null, null);
    }

    /** The shop must register its B2B tax invoices: switched on, and the declared turnover above the threshold. */
    public boolean applies() {
        return Boolean.TRUE.equals(enabled) && previousYearTurnover.compareTo(turnoverThreshold) > 0;
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
