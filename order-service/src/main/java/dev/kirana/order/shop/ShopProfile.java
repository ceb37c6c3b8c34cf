package dev.kirana.order.shop;

import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.pricing.TenderType;
import java.util.EnumSet;
import java.util.Set;
import java.math.BigDecimal;

/**
 * A shop as the counter needs it: its GST registration (learnt from shop events; a shop not heard of yet is taken
 * as a regular registration in the configured default state) and its POS settings.
 *
 * @param loyaltyPointsPer100 points earned per ₹100 of a confirmed sale (0: the shop gives no points)
 * @param loyaltyPointValue   rupees a point is worth when redeemed as a tender (0: points cannot be redeemed)
 * @param upiVpa              the UPI address payment QR codes pay (null: the shop shows and prints none)
 * @param upiPayeeName        the payee name in those codes (null: the shop's name)
 * @param acceptedTenders     the payment methods the shop takes at the counter (all of them unless it turned some off)
 */
public record ShopProfile(String shopId, String name, String stateCode, String gstin, RegistrationType registration,
                          String currency, int fyStartMonth, String invoicePrefix, String creditNotePrefix,
                          BigDecimal loyaltyPointsPer100, BigDecimal loyaltyPointValue, String address,
                          String receiptFooter, String upiVpa, String upiPayeeName, boolean known,
                          Set<TenderType> acceptedTenders) {

    public static ShopProfile unknown(String shopId, String defaultState) {
        return new ShopProfile(shopId, null, defaultState, null, RegistrationType.REGULAR, "INR",
                FinancialYear.INDIA_START_MONTH, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, false,
                EnumSet.allOf(TenderType.class));
    }

    public String displayName() {
        return name == null || name.isBlank() ? "Shop " + shopId : name;
    }

    /** The name a payer's UPI app shows: the one set for UPI, else the shop's (at most 50 characters). */
    public String upiPayee() {
        String payee = upiPayeeName != null ? upiPayeeName : displayName();
        return payee.length() <= 50 ? payee : payee.substring(0, 50).strip();
    }
}
