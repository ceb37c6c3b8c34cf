package dev.kirana.inventory.sellable;

import java.math.BigDecimal;

/**
 * What stock can be sold: on hand, less what is reserved for orders, less what lies in lots past their expiry date.
 * The rule is written here once; every query that reserves, shows or watches sellable stock uses these fragments
 * (they read the {@code stock_levels} row aliased {@code s} and bind {@code :today}, the shop's day).
 */
public final class Sellable {
    /** On hand at the row's product and location in lots that expired before {@code :today}. */
    public static final String EXPIRED = """
            (SELECT coalesce(sum(x.remaining), 0) FROM stock_lots x
              WHERE x.shop_id = s.shop_id AND x.product_id = s.product_id AND x.location_id = s.location_id
                AND x.remaining > 0 AND x.expiry_date < :today)""";
    /** The row's sellable quantity (may be negative in SQL: {@link #of} floors it at zero). */
    public static final String QUANTITY = "(s.on_hand - s.reserved - " + EXPIRED + ")";

    private Sellable() {
    }

    /** The same rule on figures already read: never below zero. */
    public static BigDecimal of(BigDecimal onHand, BigDecimal reserved, BigDecimal expired) {
        return onHand.subtract(reserved).subtract(expired).max(BigDecimal.ZERO);
    }
}
