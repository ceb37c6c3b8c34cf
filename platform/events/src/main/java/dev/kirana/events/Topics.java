package dev.kirana.events;

import java.util.List;

/** One topic per aggregate stream; the record key is the aggregate id. */
public final class Topics {
    public static final String SHOP = "kirana.shop.events";
    public static final String CATALOG = "kirana.catalog.events";
    public static final String INVENTORY = "kirana.inventory.events";
    public static final String ORDER = "kirana.order.events";
    public static final String ACCOUNTING = "kirana.accounting.events";
    /** Every service's audit records, keyed by shop (one shop's records in order); auth-service chains them. */
    public static final String AUDIT = "kirana.audit.events";

    public static final List<String> ALL = List.of(SHOP, CATALOG, INVENTORY, ORDER, ACCOUNTING,
            AUDIT);

    /** Where a consumer parks a message it could not handle after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
