package dev.kirana.order.einvoice;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.order.Customer;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderLine;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.Totals;
import dev.kirana.order.shop.ShopProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the IRN request of a sale (e-invoice schema INV-01 v1.1, see {@link IrnRequest}) from what the sale, the
 * shop and its e-invoice settings hold and the buyer's address, refusing a sale that is not e-invoiced and naming
 * every mandatory value that is missing; nothing is made up. No Spring, no I/O.
 * <p>
 * The lines carry the amounts the sale was taxed on. For a price that includes tax (MRP) the schema's pre-tax gross
 * is the taxable value plus the discount without its tax (discount × 100 / (100 + rate), to the paisa), so that
 * AssAmt = TotAmt − Discount holds exactly, and the unit price is that gross over the quantity (to 3 decimals, as
 * the schema allows).
 */
public final class IrnRequestBuilder {
    public static final String VERSION = "1.1";
    public static final String INVOICE = "INV";
    /** Above ₹5 crore of aggregate turnover an invoice's HSN has at least 6 digits (notification 78/2020-CT). */
    static final BigDecimal SIX_DIGIT_HSN_TURNOVER = new BigDecimal("50000000");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z1-9][A-Z0-9/-]{0,15}");
    private static final Pattern HSN = Pattern.compile("(?!0+$)([0-9]{4}|[0-9]{6}|[0-9]{8})");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A sale that e-invoicing does not cover (a B2C sale, a bill of supply, a shop below the threshold). */
    public static final class NotApplicable extends RuntimeException {
        NotApplicable(String message) {
            super(message);
        }
    }

    /** An order with no invoice to register: not (yet) a sale, or a voided one (a 409). */
    public static final class NotSold extends RuntimeException {
        NotSold(String message) {
            super(message);
        }
    }

    /** A sale that e-invoicing covers but whose request would lack mandatory values: each one, by its schema field. */
    public static final class MissingValues extends RuntimeException {
        private final List<Missing> missing;

        MissingValues(List<Missing> missing) {
            super(missing.size() == 1 ? missing.get(0).field() + ": " + missing.get(0).message()
                    : missing.size() + " values the e-invoice needs are missing or invalid");
            this.missing = List.copyOf(missing);
        }

        public List<Missing> missing() {
            return missing;
        }
    }

    /** @param field the schema's field (SellerDtls.Pin, ItemList[0].HsnCd …) */
    public record Missing(String field, String message) {
    }

    /** Refuses unless the sale is one the shop must e-invoice: a B2B tax invoice of a shop above the threshold. */
    public static void requireApplicable(Order order, ShopProfile shop, EInvoiceSettings settings) {
        if (shop.registration() != RegistrationType.REGULAR || order.sale().documentType() != DocumentType.TAX_INVOICE) {
            throw new NotApplicable("Order " + order.id() + " is a bill of supply: only tax invoices are e-invoiced");
        }
        Customer c = order.sale().customer();
        if (c == null || c.gstin() == null) {
            throw new NotApplicable("Order " + order.id() + " is a B2C sale (no customer GSTIN): only B2B invoices are e-invoiced");
        }
        if (!Boolean.TRUE.equals(settings.enabled())) {
            throw new NotApplicable("E-invoicing is off for this shop (PUT /api/v1/orders/settings/e-invoice)");
        }
        if (!settings.applies()) {
            throw new NotApplicable("The shop's declared turnover " + settings.previousYearTurnover().toPlainString()
                    + " does not exceed the e-invoicing threshold " + settings.turnoverThreshold().toPlainString());
        }
    }

    public static IrnRequest build(Order order, ShopProfile shop, EInvoiceSettings settings, BuyerAddress buyer) {
        requireApplicable(order, shop, settings);
        if (!order.status().wasSold() || order.status() == OrderStatus.VOIDED || order.invoiceNumber() == null) {
            throw new NotSold("Order " + order.id() + " is " + order.status()
                    + ": only a confirmed sale that was not voided has an invoice to register");
        }
        List<Missing> missing = new ArrayList<>();
        String number = order.invoiceNumber();
        if (!DOCUMENT_NUMBER.matcher(number).matches()) {
            missing.add(new Missing("DocDtls.No", "the invoice number " + number + " is not 1 to 16 capital letters, digits, "
                    + "'/' or '-' starting with a letter or 1-9"));
        }
        String sellerName = settings.legalName() != null ? settings.legalName() : shop.name();
        if (sellerName == null || sellerName.strip().length() < 3) {
            missing.add(new Missing("SellerDtls.LglNm", "the shop's legal name: set legalName in the e-invoice settings"));
        }
        String sellerAddress = settings.address1();
        if (sellerAddress == null) {
            missing.add(new Missing("SellerDtls.Addr1", "the shop's address: set address1 in the e-invoice settings"));
        }
        if (settings.location() == null) {
            missing.add(new Missing("SellerDtls.Loc", "the shop's city or town: set location in the e-invoice settings"));
        }
        if (settings.pinCode() == null) {
            missing.add(new Missing("SellerDtls.Pin", "the shop's PIN code: set pinCode in the e-invoice settings"));
        }
        if (shop.gstin() == null) {
            missing.add(new Missing("SellerDtls.Gstin", "the shop has no GSTIN"));
        }
        Customer c = order.sale().customer();
        String buyerName = buyer.legalName() != null ? buyer.legalName() : c.name();
        if (buyerName == null || buyerName.strip().length() < 3 || buyerName.strip().length() > 100) {
            missing.add(new Missing("BuyerDtls.LglNm", "the buyer's legal name, 3 to 100 characters: give buyer.legalName "
                    + "(the sale names " + (c.name() == null ? "no customer name" : "'" + c.name() + "'") + ")"));
        }
        if (buyer.address1() == null) {
            missing.add(new Missing("BuyerDtls.Addr1", "the buyer's address: give buyer.address1"));
        }
        if (buyer.location() == null) {
            missing.add(new Missing("BuyerDtls.Loc", "the buyer's city or town: give buyer.location"));
        }
        if (buyer.pinCode() == null) {
            missing.add(new Missing("BuyerDtls.Pin", "the buyer's PIN code: give buyer.pinCode"));
        }
        boolean sixDigits = settings.previousYearTurnover().compareTo(SIX_DIGIT_HSN_TURNOVER) > 0;
        List<IrnRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < order.sale().lines().size(); i++) {
            OrderLine l = order.sale().lines().get(i);
            String hsn = l.hsn() == null ? null : l.hsn().strip();
            if (hsn == null || !HSN.matcher(hsn).matches()) {
                missing.add(new Missing("ItemList[" + i + "].HsnCd", "line " + l.lineNo() + " (" + l.name() + ") needs an HSN "
                        + "code of 4, 6 or 8 digits" + (hsn == null ? "; the product has none" : ", not " + hsn)));
            } else if (sixDigits && hsn.length() < 6) {
                missing.add(new Missing("ItemList[" + i + "].HsnCd", "line " + l.lineNo() + " (" + l.name() + "): above ₹5 "
                        + "crore of turnover an HSN code has at least 6 digits, not " + hsn));
            }
            items.add(item(i, l, hsn));
        }
        if (!missing.isEmpty()) {
            throw new MissingValues(missing);
        }
        Totals t = order.sale().totals();
        String buyerGstin = c.gstin();
        return new IrnRequest(VERSION,
                new IrnRequest.TranDtls("GST", "B2B", "N", "N"),
                new IrnRequest.DocDtls(INVOICE, number, DATE.format(order.invoiceDate())),
                new IrnRequest.SellerDtls(shop.gstin(), sellerName.strip(), sellerAddress, settings.address2(),
                        settings.location(), Integer.valueOf(settings.pinCode()), shop.stateCode()),
                new IrnRequest.BuyerDtls(buyerGstin, buyerName.strip(), order.sale().placeOfSupply(), buyer.address1(),
                        buyer.address2(), buyer.location(), Integer.valueOf(buyer.pinCode()), buyerGstin.substring(0, 2)),
                items,
                new IrnRequest.ValDtls(t.taxableValue(), t.cgst(), t.sgst(), t.igst(), t.roundOff(), t.total()));
    }

    static IrnRequest.Item item(int index, OrderLine l, String hsn) {
        BigDecimal taxable = l.taxableValue();
        BigDecimal discount = l.discount() == null ? BigDecimal.ZERO.setScale(2) : l.discount();
        BigDecimal unitPrice;
        BigDecimal gross;
        if (l.taxInclusive()) {
            discount = discount.multiply(HUNDRED).divide(HUNDRED.add(l.gstRate()), 2, RoundingMode.HALF_UP);
            gross = taxable.add(discount);
            unitPrice = gross.divide(l.quantity(), 3, RoundingMode.HALF_UP);
        } else {
            gross = l.gross();
            unitPrice = l.unitPrice();
        }
        String description = l.name() == null ? null : l.name().replace("\"", "'").replace("\\", "/").strip();
        if (description != null && description.length() > 300) {
            description = description.substring(0, 300).strip();
        }
        if (description != null && description.length() < 3) {
            description = null;
        }
        boolean service = hsn != null && hsn.startsWith("99");
        return new IrnRequest.Item(String.valueOf(index + 1), description, service ? "Y" : "N", hsn,
                l.quantity().setScale(3, RoundingMode.HALF_UP), UnitQuantityCode.of(l.unit()), unitPrice, gross, discount,
                taxable, l.gstRate().stripTrailingZeros().scale() < 0 ? l.gstRate().setScale(0) : l.gstRate().stripTrailingZeros(),
                l.igst(), l.cgst(), l.sgst(), l.taxableValue().add(l.cgst()).add(l.sgst()).add(l.igst()));
    }

    private IrnRequestBuilder() {
    }
}
