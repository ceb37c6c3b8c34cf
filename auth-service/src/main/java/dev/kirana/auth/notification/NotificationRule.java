package dev.kirana.auth.notification;

import dev.kirana.web.security.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Which members of a shop hear of one kind of event, over which channels, with the kind's parameters.
 *
 * @param builtIn true when the shop has not set this rule and the built-in default applies
 */
public record NotificationRule(NotificationKind kind, boolean enabled, List<Role> roles, List<NotificationChannel> channels,
                               Map<String, BigDecimal> params, boolean builtIn) {

    public BigDecimal param(String name) {
        BigDecimal v = params.get(name);
        return v != null ? v : kind.param(name).orElseThrow().defaultValue();
    }
}
