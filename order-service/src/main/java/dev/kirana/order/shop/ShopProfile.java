package dev.kirana.order.shop;

import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.gst.RegistrationType;
import java.math.BigDecimal;

/**
 * A shop as the counter needs it: its GST registration (learnt from shop events; a shop not heard of yet is taken
 * as a regular registration in the configured default state) and its POS settings.
 *
 * @param loyaltyPointsPer100 points earned per ₹100 of a confirmed sale (0: the shop gives no points)
 * @param loyaltyPointValue   rupees a point is worth when redeemed as a tender (0: points cannot be redeemed)
 */
public record ShopProfile(String shopId, String name, String stateCode, String gstin, RegistrationType registration,
                          String currency, int fyStartMonth, String invoicePrefix, String creditNotePrefix,
                          BigDecimal loyaltyPointsPer100, BigDecimal loyaltyPointValue, String address,
                          String receiptFooter, boolean known) {

    public static ShopProfile unknown(String shopId, String defaultState) {
        return new ShopProfile(shopId, null, defaultState, null, RegistrationType.REGULAR, "INR",
                FinancialYear.INDIA_START_MONTH, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, null, null, false);
    }

    public String displayName() {
        return name == null || name.isBlank() ? "Shop " + shopId : name;
    }
}
