package dev.kirana.auth.notification;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A shop's notification rules: the ones it set, and the built-in default for every kind it did not. */
@Service
public class NotificationRules {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public NotificationRules(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** One rule as a client sends it; everything is checked by {@link #replace}, so a bad value names its field. */
    public record RuleRequest(String kind, Boolean enabled, List<String> roles, List<String> channels, Map<String, Object> params) {
    }

    public record RulesRequest(List<RuleRequest> rules) {
    }

    /** Every kind's rule in the shop, in the order of {@link NotificationKind}. */
    public Mono<List<NotificationRule>> all(UUID shopId) {
        return stored(shopId).collectMap(NotificationRule::kind).map(set -> Arrays.stream(NotificationKind.values())
                .map(k -> set.getOrDefault(k, k.defaultRule())).toList());
    }

    public Mono<NotificationRule> rule(UUID shopId, NotificationKind kind) {
        return db.sql("SELECT * FROM notification_rule WHERE shop_id = :shop AND kind = :kind")
                .bind("shop", shopId).bind("kind", kind.name())
                .map(row -> map(row.get("kind", String.class), row.get("enabled", Boolean.class), row.get("roles", String.class),
                        row.get("channels", String.class), row.get("params", String.class)))
                .one()
                .defaultIfEmpty(kind.defaultRule());
    }

    private Flux<NotificationRule> stored(UUID shopId) {
        return db.sql("SELECT * FROM notification_rule WHERE shop_id = :shop").bind("shop", shopId)
                .map(row -> map(row.get("kind", String.class), row.get("enabled", Boolean.class), row.get("roles", String.class),
                        row.get("channels", String.class), row.get("params", String.class)))
                .all();
    }

    private static NotificationRule map(String kind, Boolean enabled, String roles, String channels, String params) {
        NotificationKind k = NotificationKind.valueOf(kind);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        k.params().forEach(p -> values.put(p.name(), p.defaultValue()));
        Map<String, String> stored = JSON.readValue(params, new TypeReference<Map<String, String>>() { });
        stored.forEach((n, v) -> {
            if (values.containsKey(n)) values.put(n, new BigDecimal(v));
        });
        return new NotificationRule(k, Boolean.TRUE.equals(enabled),
                Arrays.stream(roles.split(",")).filter(s -> !s.isEmpty()).map(Role::valueOf).toList(),
                Arrays.stream(channels.split(",")).filter(s -> !s.isEmpty()).map(NotificationChannel::valueOf).toList(),
                values, false);
    }

    /**
     * Replaces the shop's rules with these (a kind not named goes back to its default). Every error is reported at
     * once, naming its field, and nothing is written unless all are valid.
     */
    public Mono<List<NotificationRule>> replace(UUID shopId, UUID actor, RulesRequest request) {
        List<NotificationRule> rules = validate(request);
        Mono<Void> write = db.sql("DELETE FROM notification_rule WHERE shop_id = :shop").bind("shop", shopId).fetch().rowsUpdated()
                .thenMany(Flux.fromIterable(rules).concatMap(r -> {
                    DatabaseClient.GenericExecuteSpec insert = db.sql("""
                                    INSERT INTO notification_rule (shop_id, kind, enabled, roles, channels, params, updated_by)
                                    VALUES (:shop, :kind, :enabled, :roles, :channels, :params, :by)""")
                            .bind("shop", shopId).bind("kind", r.kind().name()).bind("enabled", r.enabled())
                            .bind("roles", r.roles().stream().map(Role::name).collect(Collectors.joining(",")))
                            .bind("channels", r.channels().stream().map(Enum::name).collect(Collectors.joining(",")))
                            .bind("params", JSON.writeValueAsString(r.params().entrySet().stream()
                                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toPlainString(), (a, b) -> a, LinkedHashMap::new))));
                    insert = actor == null ? insert.bindNull("by", UUID.class) : insert.bind("by", actor);
                    return insert.fetch().rowsUpdated();
                }))
                .then();
        return tx.transactional(write).then(all(shopId));
    }

    static List<NotificationRule> validate(RulesRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        List<NotificationRule> out = new ArrayList<>();
        if (request == null || request.rules() == null) {
            throw Problems.invalid("rules", "is required (a list of rules; an empty list restores every default)");
        }
        Set<NotificationKind> seen = new HashSet<>();
        for (int i = 0; i < request.rules().size(); i++) {
            String at = "rules[" + i + "]";
            RuleRequest r = request.rules().get(i);
            if (r == null) {
                errors.add(new Problems.FieldError(at, "is required"));
                continue;
            }
            NotificationKind kind = NotificationKind.parse(r.kind()).orElse(null);
            if (kind == null) {
                errors.add(new Problems.FieldError(at + ".kind", "unknown event kind " + r.kind() + "; one of "
                        + Arrays.toString(NotificationKind.values())));
                continue;
            }
            if (!seen.add(kind)) {
                errors.add(new Problems.FieldError(at + ".kind", kind + " is given twice"));
            }
            NotificationRule def = kind.defaultRule();
            List<Role> roles = new ArrayList<>();
            if (r.roles() == null) {
                roles.addAll(def.roles());
            } else {
                for (String role : r.roles()) {
                    try {
                        if (!roles.contains(Role.valueOf(role))) roles.add(Role.valueOf(role));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        errors.add(new Problems.FieldError(at + ".roles", "unknown role " + role + "; one of " + Arrays.toString(Role.values())));
                    }
                }
            }
            List<NotificationChannel> channels = new ArrayList<>();
            if (r.channels() == null) {
                channels.addAll(def.channels());
            } else {
                for (String c : r.channels()) {
                    NotificationChannel ch = NotificationChannel.parse(c).orElse(null);
                    if (ch == null) {
                        errors.add(new Problems.FieldError(at + ".channels", "unknown channel " + c + "; one of "
                                + Arrays.toString(NotificationChannel.values())));
                    } else if (!channels.contains(ch)) {
                        channels.add(ch);
                    }
                }
            }
            if (!channels.contains(NotificationChannel.IN_APP)) {
                channels.add(0, NotificationChannel.IN_APP);   // the inbox always has it
            }
            Map<String, BigDecimal> params = new LinkedHashMap<>(def.params());
            if (r.params() != null) {
                r.params().forEach((name, value) -> {
                    String field = at + ".params." + name;
                    NotificationKind.Param p = kind.param(name).orElse(null);
                    if (p == null) {
                        errors.add(new Problems.FieldError(field, kind + " has no parameter " + name
                                + (kind.params().isEmpty() ? "" : "; it has " + kind.params().stream().map(NotificationKind.Param::name).toList())));
                        return;
                    }
                    BigDecimal v;
                    try {
                        v = value instanceof Number || value instanceof String ? new BigDecimal(value.toString().trim()) : null;
                    } catch (NumberFormatException e) {
                        v = null;
                    }
                    if (v == null) {
                        errors.add(new Problems.FieldError(field, "is not a number"));
                    } else if (v.compareTo(p.min()) < 0 || v.compareTo(p.max()) > 0) {
                        errors.add(new Problems.FieldError(field, "must be between " + p.min().toPlainString() + " and " + p.max().toPlainString()));
                    } else if (p.whole() && v.stripTrailingZeros().scale() > 0) {
                        errors.add(new Problems.FieldError(field, "must be a whole number"));
                    } else {
                        params.put(name, p.whole() ? v.setScale(0) : v);
                    }
                });
            }
            out.add(new NotificationRule(kind, r.enabled() == null || r.enabled(), List.copyOf(roles), List.copyOf(channels), params, false));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return out;
    }
}
