package dev.kirana.accounting.gstreturn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One document of the outward-supplies register: a tax invoice (or bill of supply), a credit note against an invoice, or
 * the cancellation of a voided invoice. {@code value} is what the document says the buyer pays (or is paid back),
 * round-off included. A note and a cancellation name the invoice they are against ({@code invoiceNumber},
 * {@code invoiceDate}, {@code invoiceValue}; unknown fields null). {@code reportedIn} is the month whose return
 * reports it.
 */
public record OutwardDocument(Kind kind, String orderId, String number, LocalDate date, String documentType,
                              String invoiceNumber, LocalDate invoiceDate, BigDecimal invoiceValue, String buyerGstin,
                              String placeOfSupply, boolean interState, BigDecimal value, List<Line> lines,
                              YearMonth reportedIn) {
    public enum Kind { INVOICE, CREDIT_NOTE, CANCELLATION }

    public static final String BILL_OF_SUPPLY = "BILL_OF_SUPPLY";

    public OutwardDocument {
        lines = List.copyOf(lines);
    }

    /** One line at one rate: its taxable value and tax (CGST + SGST within the state, IGST across). */
    public record Line(int lineNo, String hsn, String description, String unit, BigDecimal quantity, BigDecimal rate,
                       BigDecimal taxable, BigDecimal cgst, BigDecimal sgst, BigDecimal igst) {
    }

    public boolean registeredBuyer() {
        return buyerGstin != null && !buyerGstin.isBlank();
    }

    public boolean billOfSupply() {
        return BILL_OF_SUPPLY.equals(documentType);
    }

    /** The date of the invoice this document is, or is against. */
    public LocalDate originalDate() {
        return kind == Kind.INVOICE || invoiceDate == null ? date : invoiceDate;
    }

    /** The value of the invoice this document is, or is against (its own value when the invoice is not known). */
    public BigDecimal originalValue() {
        return kind == Kind.INVOICE || invoiceValue == null ? value : invoiceValue;
    }

    /** An inter-state invoice (or a document against one) to an unregistered buyer above the B2CL threshold of its date. */
    public boolean largeToConsumer() {
        return !registeredBuyer() && interState && B2clThreshold.above(originalValue(), originalDate());
    }
}
