package dev.kirana.accounting.party;

import dev.kirana.india.StateCodes;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The one writer of {@code parties}; balances are read from the party's lines on its control account. */
@Repository
public class Parties {
    private static final String COLUMNS = """
            p.id, p.kind, p.name, p.phone, p.gstin, p.state_code, p.address, p.credit_limit, p.opening_balance,
            p.opening_date, p.notes, p.merged_into, p.version, p.created_at, p.updated_at,
            coalesce((SELECT sum(l.debit) FROM journal_lines l WHERE l.party_id = p.id
                      AND l.account = CASE p.kind WHEN 'CUSTOMER' THEN '1100' ELSE '2000' END), 0) AS debits,
            coalesce((SELECT sum(l.credit) FROM journal_lines l WHERE l.party_id = p.id
                      AND l.account = CASE p.kind WHEN 'CUSTOMER' THEN '1100' ELSE '2000' END), 0) AS credits
            """;
    private final DatabaseClient db;

    public Parties(DatabaseClient db) {
        this.db = db;
    }

    public record Page(List<Party> items, int page, int size, long total) {
    }

    /** A party of {@code shopId} (merged ones too); empty for an unknown id or another shop's party. */
    public Mono<Party> find(String shopId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM parties p WHERE p.shop_id = :shop AND p.id = :id")
                .bind("shop", shopId).bind("id", id)
                .map(Parties::read).one();
    }

    /** Locks the party's row for the rest of the transaction (a merge, an update, a payment). */
    public Mono<Party> lock(String shopId, UUID id) {
        return db.sql("SELECT id FROM parties WHERE shop_id = :shop AND id = :id FOR UPDATE")
                .bind("shop", shopId).bind("id", id)
                .map(r -> r.get("id", UUID.class)).one()
                .flatMap(x -> find(shopId, id));
    }

    /** The live party of {@code kind} with this phone or GSTIN, if any. */
    public Mono<Party> findLive(String shopId, PartyKind kind, String phone, String gstin) {
        if (phone == null && gstin == null) {
            return Mono.empty();
        }
        var spec = db.sql("SELECT " + COLUMNS + """
                         FROM parties p WHERE p.shop_id = :shop AND p.kind = :kind AND p.merged_into IS NULL
                         AND (p.phone = :phone OR p.gstin = :gstin) ORDER BY p.created_at, p.id LIMIT 1""")
                .bind("shop", shopId).bind("kind", kind.name());
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        spec = gstin == null ? spec.bindNull("gstin", String.class) : spec.bind("gstin", gstin);
        return spec.map(Parties::read).one();
    }

    /**
     * The customer a sale names, by GSTIN first, then phone; a merged record leads to the party that took it over.
     * Empty when there is none yet.
     */
    public Mono<UUID> customerFor(String shopId, String phone, String gstin) {
        if (phone == null && gstin == null) {
            return Mono.empty();
        }
        var spec = db.sql("""
                        SELECT coalesce(p.merged_into, p.id) AS party FROM parties p
                        WHERE p.shop_id = :shop AND p.kind = 'CUSTOMER' AND (p.gstin = :gstin OR p.phone = :phone)
                        ORDER BY (p.merged_into IS NULL) DESC, (p.gstin IS NOT DISTINCT FROM :gstin) DESC, p.created_at, p.id
                        LIMIT 1""")
                .bind("shop", shopId);
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        spec = gstin == null ? spec.bindNull("gstin", String.class) : spec.bind("gstin", gstin);
        return spec.map(r -> r.get("party", UUID.class)).one();
    }

    /**
     * Holds a party for a posting until the transaction ends, so that a merge (which locks it for update) waits for the
     * posting, or the posting for the merge: either way the line ends up with the survivor.
     *
     * @return the party that takes the posting: {@code id}, or the survivor it was merged into meanwhile
     */
    public Mono<UUID> holdForPosting(String shopId, UUID id) {
        return db.sql("SELECT merged_into FROM parties WHERE shop_id = :shop AND id = :id FOR SHARE")
                .bind("shop", shopId).bind("id", id)
                .map(r -> java.util.Optional.ofNullable(r.get("merged_into", UUID.class))).one()
                .flatMap(mergedInto -> mergedInto.isEmpty() ? Mono.just(id) : holdForPosting(shopId, mergedInto.get()));
    }

    /** @return false when a live party of the same kind already has this phone or GSTIN (nothing inserted) */
    public Mono<Boolean> insert(String shopId, UUID id, PartyKind kind, PartyDetails d) {
        var spec = db.sql("""
                        INSERT INTO parties (id, shop_id, kind, name, phone, gstin, state_code, address, credit_limit,
                                             opening_balance, opening_date, notes)
                        VALUES (:id, :shop, :kind, :name, :phone, :gstin, :state, :address, :limit, :opening, :openingDate, :notes)
                        ON CONFLICT DO NOTHING""")
                .bind("id", id).bind("shop", shopId).bind("kind", kind.name()).bind("name", d.name())
                .bind("opening", d.openingBalance()).bind("openingDate", d.openingDate());
        spec = bindDetails(spec, d);
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Replaces the details of a live party at {@code version}; @return false when it changed meanwhile */
    public Mono<Boolean> update(String shopId, UUID id, int version, PartyDetails d) {
        var spec = db.sql("""
                        UPDATE parties SET name = :name, phone = :phone, gstin = :gstin, state_code = :state, address = :address,
                               credit_limit = :limit, opening_balance = :opening, notes = :notes, version = version + 1,
                               updated_at = now()
                        WHERE shop_id = :shop AND id = :id AND version = :version AND merged_into IS NULL""")
                .bind("shop", shopId).bind("id", id).bind("version", version).bind("name", d.name())
                .bind("opening", d.openingBalance());
        spec = bindDetails(spec, d);
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec, PartyDetails d) {
        spec = bind(spec, "phone", d.phone());
        spec = bind(spec, "gstin", d.gstin());
        spec = bind(spec, "state", d.stateCode());
        spec = bind(spec, "address", d.address());
        spec = bind(spec, "notes", d.notes());
        return d.creditLimit() == null ? spec.bindNull("limit", BigDecimal.class) : spec.bind("limit", d.creditLimit());
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    /**
     * Merges {@code mergedId} into {@code survivorId} (both locked by the caller): the merged one's lines and payments
     * move to the survivor, records merged into it earlier follow, and it is marked merged.
     *
     * @return how many journal lines moved
     */
    public Mono<Long> merge(String shopId, UUID survivorId, UUID mergedId) {
        return db.sql("UPDATE journal_lines SET party_id = :survivor WHERE party_id = :merged")
                .bind("survivor", survivorId).bind("merged", mergedId)
                .fetch().rowsUpdated()
                .flatMap(moved -> db.sql("UPDATE khata_payments SET party_id = :survivor WHERE shop_id = :shop AND party_id = :merged")
                        .bind("survivor", survivorId).bind("merged", mergedId).bind("shop", shopId).then()
                        .then(db.sql("UPDATE parties SET merged_into = :survivor WHERE shop_id = :shop AND merged_into = :merged")
                                .bind("survivor", survivorId).bind("merged", mergedId).bind("shop", shopId).then())
                        .then(db.sql("""
                                        UPDATE parties SET merged_into = :survivor, merged_at = now(), version = version + 1, updated_at = now()
                                        WHERE shop_id = :shop AND id = :merged""")
                                .bind("survivor", survivorId).bind("merged", mergedId).bind("shop", shopId).then())
                        .thenReturn(moved));
    }

    /** The balance of a party in its own sense, from its lines on its control account. */
    public Mono<BigDecimal> balance(String shopId, UUID id) {
        return find(shopId, id).map(Party::balance);
    }

    /**
     * Live parties (merged ones with {@code includeMerged}), in {@code order} (stable for paging), optionally
     * of one kind and matching {@code query} in the name or the phone.
     */
    /** How a list of parties is ordered; each order ends with the id, so pages never overlap. */
    public enum Order {
        /** by name */
        NAME,
        /** who is owed or owes the most first (the khata book's "to collect" list) */
        DUE
    }

    public Mono<Page> list(String shopId, PartyKind kind, String query, boolean includeMerged, Order order, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE p.shop_id = :shop");
        if (!includeMerged) {
            where.append(" AND p.merged_into IS NULL");
        }
        if (kind != null) {
            where.append(" AND p.kind = :kind");
        }
        String digits = query == null ? "" : query.replaceAll("[^0-9]", "");
        if (query != null) {
            where.append(digits.length() >= 3
                    ? " AND (lower(p.name) LIKE :name ESCAPE '\\' OR p.phone LIKE :phone ESCAPE '\\' OR p.gstin LIKE :gstin ESCAPE '\\')"
                    : " AND (lower(p.name) LIKE :name ESCAPE '\\' OR p.gstin LIKE :gstin ESCAPE '\\')");
        }
        var count = db.sql("SELECT count(*) AS n FROM parties p" + where);
        String select = "SELECT " + COLUMNS + " FROM parties p" + where;
        var rows = db.sql(order == Order.DUE
                        ? "SELECT * FROM (" + select + ") x ORDER BY CASE x.kind WHEN 'CUSTOMER' THEN x.debits - x.credits"
                          + " ELSE x.credits - x.debits END DESC, x.id LIMIT :size OFFSET :offset"
                        : select + " ORDER BY lower(p.name), p.id LIMIT :size OFFSET :offset")
                .bind("size", size).bind("offset", (long) page * size);
        count = count.bind("shop", shopId);
        rows = rows.bind("shop", shopId);
        if (kind != null) {
            count = count.bind("kind", kind.name());
            rows = rows.bind("kind", kind.name());
        }
        if (query != null) {
            String like = "%" + escapeLike(query.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
            String gstinLike = "%" + escapeLike(query.trim().toUpperCase(java.util.Locale.ROOT)) + "%";
            count = count.bind("name", like).bind("gstin", gstinLike);
            rows = rows.bind("name", like).bind("gstin", gstinLike);
            if (digits.length() >= 3) {
                count = count.bind("phone", "%" + digits + "%");
                rows = rows.bind("phone", "%" + digits + "%");
            }
        }
        var finalRows = rows;
        return count.map(r -> r.get("n", Long.class)).one()
                .flatMap(total -> finalRows.map(Parties::read).all().collectList()
                        .map(items -> new Page(items, page, size, total)));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Party read(Readable r) {
        PartyKind kind = PartyKind.valueOf(r.get("kind", String.class));
        String state = r.get("state_code", String.class);
        Party p = new Party(r.get("id", UUID.class), kind, r.get("name", String.class), r.get("phone", String.class),
                r.get("gstin", String.class), state, state == null ? null : StateCodes.name(state), r.get("address", String.class),
                r.get("credit_limit", BigDecimal.class), r.get("opening_balance", BigDecimal.class),
                r.get("opening_date", LocalDate.class), r.get("notes", String.class), r.get("merged_into", UUID.class),
                r.get("version", Integer.class), null, null, null, instant(r.get("created_at", OffsetDateTime.class)),
                instant(r.get("updated_at", OffsetDateTime.class)));
        BigDecimal debits = r.get("debits", BigDecimal.class);
        BigDecimal credits = r.get("credits", BigDecimal.class);
        return p.withBalance(kind.balance(debits, credits).setScale(2));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
