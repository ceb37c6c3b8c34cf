package dev.kirana.order.invoice;

import dev.kirana.india.StateCodes;
import dev.kirana.order.gst.AmountInWords;
import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.Customer;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderLine;
import dev.kirana.order.order.Sale;
import dev.kirana.order.order.Tender;
import dev.kirana.order.order.Totals;
import dev.kirana.order.pricing.TenderType;
import dev.kirana.order.refund.RefundView;
import dev.kirana.order.shop.ShopProfile;
import dev.kirana.order.upi.UpiLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything printed on a tax invoice, bill of supply or credit note (Rule 46 / 49 / 53 contents), independent of
 * how it is rendered (PDF, thermal receipt).
 */
public record InvoiceData(String title, String number, LocalDate date, String againstInvoice, LocalDate againstDate,
                          String supplierName, String supplierAddress, String supplierGstin, String supplierState,
                          String buyerName, String buyerPhone, String buyerGstin, String placeOfSupply,
                          SupplyType supply, String stateTaxName, boolean chargesTax, List<Item> items, List<RateRow> rates,
                          BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst,
                          BigDecimal roundOff, BigDecimal total, String amountInWords, List<Payment> payments,
                          BigDecimal change, String declaration, String footer, String marker, String cashier,
                          UpiPayment upi, EInvoice eInvoice) {

    /** The invoice's registration on the invoice registration portal, printed with its signed QR code. */
    public record EInvoice(String irn, String ackNo, java.time.OffsetDateTime ackDate, String signedQrCode) {
    }

    /** This document with its e-invoice registration (null: none). */
    public InvoiceData withEInvoice(EInvoice registration) {
        return new InvoiceData(title, number, date, againstInvoice, againstDate, supplierName, supplierAddress, supplierGstin,
                supplierState, buyerName, buyerPhone, buyerGstin, placeOfSupply, supply, stateTaxName, chargesTax, items, rates,
                taxableValue, cgst, sgst, igst, roundOff, total, amountInWords, payments, change, declaration, footer, marker,
                cashier, upi, registration);
    }

    /** A payment still due that the document asks for by UPI: the amount and the link its QR code holds. */
    public record UpiPayment(BigDecimal amount, UpiLink link) {
    }

    public record Item(int no, String description, String hsn, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal discount, BigDecimal taxableValue, BigDecimal gstRate, BigDecimal cgst, BigDecimal sgst,
                       BigDecimal igst, BigDecimal amount) {
    }

    public record RateRow(BigDecimal rate, BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst) {
        public BigDecimal tax() {
            return cgst.add(sgst).add(igst);
        }
    }

    public record Payment(String label, BigDecimal amount) {
    }

    public static String stateLabel(String code) {
        return code == null ? "" : StateCodes.name(code) + " (" + code + ")";
    }

    /** The invoice (or bill of supply) of a sale. */
    public static InvoiceData of(Order order, ShopProfile shop) {
        Sale o = order.sale();
        Totals totals = o.totals();
        boolean taxInvoice = o.documentType() == DocumentType.TAX_INVOICE;
        List<Item> items = o.lines().stream().map(l -> new Item(l.lineNo(), l.name(), l.hsn(), l.quantity(), l.unit(),
                l.unitPrice(), l.discount(), l.taxableValue(), l.gstRate(), l.cgst(), l.sgst(), l.igst(), l.lineTotal())).toList();
        List<Payment> payments = new ArrayList<>();
        for (Tender t : o.tenders()) {
            String label = switch (t.type()) {
                case CASH -> "Cash";
                case CARD -> "Card";
                case UPI -> "UPI";
                case CREDIT -> "Khata (credit)";
                case LOYALTY -> "Loyalty points (" + t.points() + ")";
            };
            payments.add(new Payment(t.reference() == null ? label : label + " " + t.reference(), t.type() == TenderType.CASH ? t.tendered() : t.amount()));
        }
        OrderStatus status = order.status();
        String marker = status == OrderStatus.VOIDED ? "VOID" : status == OrderStatus.REFUNDED ? "REFUNDED"
                : status == OrderStatus.PARTIALLY_REFUNDED ? "PARTLY REFUNDED" : null;
        Customer c = o.customer();
        return new InvoiceData(o.documentType().title(), order.invoiceNumber(), order.invoiceDate(), null, null,
                shop.displayName(), shop.address(), shop.gstin(), o.supplierStateCode(),
                c == null ? null : c.name(), c == null ? null : c.phone(), c == null ? null : c.gstin(), o.placeOfSupply(),
                o.supplyType(), StateCodes.stateTaxName(o.supplierStateCode()), taxInvoice, items, rates(items),
                totals.taxableValue(), totals.cgst(), totals.sgst(), totals.igst(), totals.roundOff(), totals.total(),
                AmountInWords.rupees(totals.total()), payments, o.change(), declaration(o.documentType(), shop.registration()),
                shop.receiptFooter(), marker, o.cashierId(), upiDue(order, shop), null);
    }

    /**
     * What the sale's invoice asks the customer to pay by UPI: the part put on khata (CREDIT tenders), when the shop has
     * a UPI address and the sale stands as confirmed (not voided or refunded, in part or whole). A sale paid in full
     * asks for nothing: a "scan to pay" code on a paid bill would invite paying twice. Null when nothing is asked.
     */
    static UpiPayment upiDue(Order o, ShopProfile shop) {
        if (shop.upiVpa() == null || o.status() != OrderStatus.CONFIRMED || o.invoiceNumber() == null) {
            return null;
        }
        BigDecimal due = o.sale().paidBy(TenderType.CREDIT);
        return due.signum() > 0 ? new UpiPayment(due.setScale(2), UpiLink.forSale(shop, o, due)) : null;
    }

    /** The credit note of a refund, against the sale's invoice. */
    public static InvoiceData creditNote(RefundView r, Order order, ShopProfile shop) {
        Sale o = order.sale();
        boolean taxInvoice = o.documentType() == DocumentType.TAX_INVOICE;
        Map<Integer, OrderLine> sold = new TreeMap<>();
        o.lines().forEach(l -> sold.put(l.lineNo(), l));
        List<Item> items = r.lines().stream().map(l -> {
            OrderLine s = sold.get(l.lineNo());
            return new Item(l.lineNo(), l.name() + (l.disposition() == RefundView.Disposition.WRITE_OFF ? " (damaged)" : ""),
                    l.hsn(), l.quantity(), l.unit(), s == null ? null : s.unitPrice(), null, l.taxableValue(), l.gstRate(),
                    l.cgst(), l.sgst(), l.igst(), l.amount());
        }).toList();
        String tender = switch (r.tender()) {
            case CASH -> "Refunded in cash";
            case CARD -> "Refunded to card";
            case UPI -> "Refunded by UPI";
            case CREDIT -> "Credited to khata";
            case LOYALTY -> "Refunded as points";
        };
        Customer c = o.customer();
        return new InvoiceData("Credit Note", r.creditNoteNumber(), r.creditNoteDate(), order.invoiceNumber(), order.invoiceDate(),
                shop.displayName(), shop.address(), shop.gstin(), o.supplierStateCode(),
                c == null ? null : c.name(), c == null ? null : c.phone(), c == null ? null : c.gstin(), o.placeOfSupply(),
                o.supplyType(), StateCodes.stateTaxName(o.supplierStateCode()), taxInvoice, items, rates(items),
                r.taxableValue(), r.cgst(), r.sgst(), r.igst(), r.roundOff(), r.total(), AmountInWords.rupees(r.total()),
                List.of(new Payment(r.reference() == null ? tender : tender + " " + r.reference(), r.total())),
                BigDecimal.ZERO.setScale(2), r.reason() == null ? null : "Reason: " + r.reason(), shop.receiptFooter(), null,
                r.refundedBy(), null, null);
    }

    static String declaration(DocumentType document, RegistrationType registration) {
        if (document == DocumentType.TAX_INVOICE) {
            return null;
        }
        return registration == RegistrationType.COMPOSITION
                ? "Composition taxable person, not eligible to collect tax on supplies"
                : "Supplier not registered under GST; no tax is charged";
    }

    private static List<RateRow> rates(List<Item> items) {
        Map<BigDecimal, RateRow> byRate = new TreeMap<>();
        for (Item i : items) {
            BigDecimal rate = i.gstRate().stripTrailingZeros();
            RateRow prev = byRate.getOrDefault(rate, new RateRow(rate, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
            byRate.put(rate, new RateRow(rate, prev.taxableValue().add(i.taxableValue()), prev.cgst().add(i.cgst()),
                    prev.sgst().add(i.sgst()), prev.igst().add(i.igst())));
        }
        return List.copyOf(byRate.values());
    }
}
