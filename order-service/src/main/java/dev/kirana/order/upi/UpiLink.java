package dev.kirana.order.upi;

import dev.kirana.order.order.Order;
import dev.kirana.order.shop.ShopProfile;
import dev.kirana.order.shop.ShopSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A UPI payment link ("intent" deep link) as the {@code upi://pay} URI of NPCI's <i>UPI Linking Specifications</i>
 * (National Payments Corporation of India) defines it, for a payer's UPI app to open or to scan from a QR code:
 * {@code upi://pay?pa=<vpa>&pn=<name>&am=<amount>&cu=INR&tn=<note>&tr=<reference>}.
 * <ul>
 *   <li>{@code pa} payee address (VPA) and {@code pn} payee name: mandatory;</li>
 *   <li>{@code am} amount in rupees with 2 decimals, plain (no exponent): optional (without it the payer types the
 *       amount); when present, {@code cu=INR} follows (the currency, optional in the specification, INR only);</li>
 *   <li>{@code tn} transaction note, shown to the payer, and {@code tr} transaction reference (here the invoice
 *       number): optional, left out when null.</li>
 * </ul>
 * The other parameters of the specification ({@code mc} merchant code, {@code tid}, {@code url}, {@code mam}) are not
 * used: a kirana's VPA is rarely a registered merchant's. Each value is percent-encoded as UTF-8 (RFC 3986): every
 * byte but the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and {@code @} (allowed in a query, and how the
 * specification writes a VPA) becomes {@code %XX}; a space is {@code %20}, never {@code +}.
 */
public record UpiLink(String vpa, String payeeName, BigDecimal amount, String note, String reference) {
    private static final Pattern VPA = Pattern.compile(ShopSettings.UPI_VPA);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public UpiLink {
        if (vpa == null || !VPA.matcher(vpa).matches()) {
            throw new IllegalArgumentException("not a UPI address: " + vpa);
        }
        if (payeeName == null || payeeName.isBlank()) {
            throw new IllegalArgumentException("a UPI link names its payee");
        }
        if (amount != null) {
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("a UPI amount is more than 0, in rupees and paise: " + amount.toPlainString());
            }
            amount = amount.setScale(2);
        }
    }

    /** A payment to the shop's UPI address (which it must have) with no note or reference. */
    public static UpiLink of(ShopProfile shop, BigDecimal amount) {
        return new UpiLink(shop.upiVpa(), shop.upiPayee(), amount, null, null);
    }

    /**
     * A payment for a sale: the note says "Invoice INV/2627/00042" and the reference is the invoice number (the order id
     * without dashes, 32 characters, and "Order &lt;id&gt;" while the sale has no number).
     */
    public static UpiLink forSale(ShopProfile shop, Order sale, BigDecimal amount) {
        String number = sale.invoiceNumber();
        return new UpiLink(shop.upiVpa(), shop.upiPayee(), amount,
                number != null ? "Invoice " + number : "Order " + sale.id(),
                number != null ? number : sale.id().toString().replace("-", ""));
    }

    /** The link, {@code upi://pay?…}. */
    public String uri() {
        StringBuilder uri = new StringBuilder("upi://pay?pa=").append(encode(vpa)).append("&pn=").append(encode(payeeName));
        if (amount != null) {
            uri.append("&am=").append(amount.toPlainString()).append("&cu=INR");
        }
        if (note != null && !note.isBlank()) {
            uri.append("&tn=").append(encode(note));
        }
        if (reference != null && !reference.isBlank()) {
            uri.append("&tr=").append(encode(reference));
        }
        return uri.toString();
    }

    @Override
    public String toString() {
        return uri();
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }
}
