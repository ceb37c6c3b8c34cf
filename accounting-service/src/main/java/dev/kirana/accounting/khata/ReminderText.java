package dev.kirana.accounting.khata;

import java.math.BigDecimal;

/** The text of a payment reminder: the shop's name, what is due, how to pay; one SMS (at most 160 characters). */
public final class ReminderText {
    static final int MAX = 160;
    static final String UNKNOWN_SHOP = "Your shop";

    public static String of(String shopName, BigDecimal due) {
        String body = ": " + IndianRupees.format(due) + " is due on your account. Please pay at the shop or by UPI.";
        String shop = shopName == null || shopName.isBlank() ? UNKNOWN_SHOP : shopName.strip();
        int room = MAX - body.length();
        if (shop.length() > room) {
            shop = shop.substring(0, Math.max(1, room - 1)).strip() + "…";
        }
        return shop + body;
    }

    /** A phone as stored on a party (an Indian mobile as its 10 digits) in E.164, as the SMS sender takes it. */
    static String e164(String phone) {
        if (phone.startsWith("+")) {
            return phone;
        }
        return phone.length() == 10 ? "+91" + phone : "+" + phone;
    }

    private ReminderText() {
    }
}
