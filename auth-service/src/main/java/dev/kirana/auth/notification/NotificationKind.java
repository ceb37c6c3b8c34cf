package dev.kirana.auth.notification;

import dev.kirana.web.security.Role;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a notification is about, with the rule a shop gets when it has set none: who is told (roles), over which
 * channels, and the parameters of the kind. Urgent kinds are delivered during quiet hours too.
 */
public enum NotificationKind {
    /** inventory's {@code kirana.stock.low.v1}: at most once per product per local day */
    STOCK_LOW(false, List.of(Role.OWNER, Role.MANAGER), List.of(NotificationChannel.IN_APP), List.of()),
    /** inventory's daily {@code kirana.stock.batch-expiring.v1}: once per batch, when it expires within {@code days} days */
    BATCH_EXPIRING(false, List.of(Role.OWNER, Role.MANAGER), List.of(NotificationChannel.IN_APP),
            List.of(new Param("days", new BigDecimal("7"), BigDecimal.ZERO, new BigDecimal("30"), true))),
    /** accounting's {@code kirana.day.closed.v1} with a cash variance larger than {@code minVariance} (rupees, either way) */
    CASH_VARIANCE(false, List.of(Role.OWNER), List.of(NotificationChannel.IN_APP),
            List.of(new Param("minVariance", new BigDecimal("0.00"), BigDecimal.ZERO, new BigDecimal("1000000"), false))),
    /** order's {@code kirana.order.voided.v1} of a bill above {@code threshold} rupees */
    LARGE_VOID(false, List.of(Role.OWNER), List.of(NotificationChannel.IN_APP),
            List.of(new Param("threshold", new BigDecimal("2000.00"), BigDecimal.ZERO, new BigDecimal("100000000"), false))),
    /** order's {@code kirana.order.refunded.v1} of more than {@code threshold} rupees */
    LARGE_REFUND(false, List.of(Role.OWNER), List.of(NotificationChannel.IN_APP),
            List.of(new Param("threshold", new BigDecimal("2000.00"), BigDecimal.ZERO, new BigDecimal("100000000"), false))),
    /** {@code failures} wrong passwords within {@code windowMinutes} for one member of the shop */
    LOGIN_BURST(true, List.of(Role.OWNER), List.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL),
            List.of(new Param("failures", new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("100"), true),
                    new Param("windowMinutes", new BigDecimal("15"), BigDecimal.ONE, new BigDecimal("1440"), true))),
    /** a shop device paired (it can now open sessions and take attendance) */
    DEVICE_PAIRED(true, List.of(Role.OWNER), List.of(NotificationChannel.IN_APP, NotificationChannel.EMAIL), List.of()),
    /** accounting's {@code kirana.khata.reminder-sent.v1}: a customer was reminded of what they owe */
    KHATA_REMINDER(false, List.of(Role.OWNER), List.of(NotificationChannel.IN_APP), List.of());

    /** A numeric parameter of a kind, its default and its bounds. */
    public record Param(String name, BigDecimal defaultValue, BigDecimal min, BigDecimal max, boolean whole) {
    }

    private final boolean urgent;
    private final List<Role> defaultRoles;
    private final List<NotificationChannel> defaultChannels;
    private final List<Param> params;

    NotificationKind(boolean urgent, List<Role> defaultRoles, List<NotificationChannel> defaultChannels, List<Param> params) {
        this.urgent = urgent;
        this.defaultRoles = defaultRoles;
        this.defaultChannels = defaultChannels;
        this.params = params;
    }

    public boolean urgent() {
        return urgent;
    }

    public List<Param> params() {
        return params;
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public NotificationRule defaultRule() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        params.forEach(p -> values.put(p.name(), p.defaultValue()));
        return new NotificationRule(this, true, defaultRoles, defaultChannels, values, true);
    }

    /** The template key of this kind in {@code notifications/messages*.properties}. */
    String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<NotificationKind> parse(String s) {
        for (NotificationKind k : values()) {
            if (k.name().equals(s)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
