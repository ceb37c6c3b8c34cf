package dev.kirana.accounting.distribution;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The one writer of {@code retailers}; each read joins the retailer's party for its name, GSTIN and balance. */
@Repository
public class Retailers {
    private static final String SELECT = """
            SELECT r.party_id, r.code, r.area, r.route, r.credit_days, r.version, r.created_at, r.updated_at,
                   p.name, p.phone, p.gstin, p.state_code, p.credit_limit,
                   coalesce((SELECT sum(l.debit) - sum(l.credit) FROM journal_lines l
                             WHERE l.party_id = p.id AND l.account = '1100'), 0) AS balance
            FROM retailers r JOIN parties p ON p.id = r.party_id AND p.shop_id = r.shop_id
            """;
    private final DatabaseClient db;

    public Retailers(DatabaseClient db) {
        this.db = db;
    }

    public record RetailerPage(List<Retailer> items, int page, int size, long total) {
    }

    public Mono<Retailer> find(String shopId, UUID id) {
        return db.sql(SELECT + " WHERE r.shop_id = :shop AND r.party_id = :id").bind("shop", shopId).bind("id", id)
                .map(Retailers::read).one();
    }

    public Mono<Retailer> findByCode(String shopId, String code) {
        return db.sql(SELECT + " WHERE r.shop_id = :shop AND r.code = :code").bind("shop", shopId).bind("code", code)
                .map(Retailers::read).one();
    }

    /** Every retailer of the shop, by code. */
    public Flux<Retailer> all(String shopId) {
        return db.sql(SELECT + " WHERE r.shop_id = :shop ORDER BY r.code").bind("shop", shopId).map(Retailers::read).all();
    }

    /** The code → party id of every retailer of the shop. */
    public Mono<java.util.Map<String, UUID>> codes(String shopId) {
        return db.sql("SELECT code, party_id FROM retailers WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> java.util.Map.entry(r.get("code", String.class), r.get("party_id", UUID.class))).all()
                .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
    }

    public Mono<RetailerPage> list(String shopId, String area, String route, String query, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE r.shop_id = :shop");
        if (area != null) {
            where.append(" AND lower(r.area) = :area");
        }
        if (route != null) {
            where.append(" AND lower(r.route) = :route");
        }
        if (query != null) {
            where.append(" AND (lower(p.name) LIKE :q ESCAPE '\\' OR lower(r.code) LIKE :q ESCAPE '\\')");
        }
        var count = db.sql("SELECT count(*) AS n FROM retailers r JOIN parties p ON p.id = r.party_id" + where).bind("shop", shopId);
        var rows = db.sql(SELECT + where + " ORDER BY r.code LIMIT :size OFFSET :offset").bind("shop", shopId)
                .bind("size", size).bind("offset", (long) page * size);
        if (area != null) {
            count = count.bind("area", area.toLowerCase(Locale.ROOT));
            rows = rows.bind("area", area.toLowerCase(Locale.ROOT));
        }
        if (route != null) {
            count = count.bind("route", route.toLowerCase(Locale.ROOT));
            rows = rows.bind("route", route.toLowerCase(Locale.ROOT));
        }
        if (query != null) {
            String like = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            count = count.bind("q", like);
            rows = rows.bind("q", like);
        }
        var finalRows = rows;
        return count.map(r -> r.get("n", Long.class)).one()
                .flatMap(total -> finalRows.map(Retailers::read).all().collectList().map(items -> new RetailerPage(items, page, size, total)));
    }

    /** @return false when the code is another retailer's (nothing inserted) */
    public Mono<Boolean> insert(String shopId, UUID partyId, RetailerProfile p) {
        return bindProfile(db.sql("""
                        INSERT INTO retailers (party_id, shop_id, code, area, route, credit_days)
                        VALUES (:id, :shop, :code, :area, :route, :days) ON CONFLICT DO NOTHING""")
                .bind("id", partyId).bind("shop", shopId), p)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Replaces the profile at {@code version}; @return false when it changed meanwhile */
    public Mono<Boolean> update(String shopId, UUID partyId, int version, RetailerProfile p) {
        return bindProfile(db.sql("""
                        UPDATE retailers SET code = :code, area = :area, route = :route, credit_days = :days,
                               version = version + 1, updated_at = now()
                        WHERE shop_id = :shop AND party_id = :id AND version = :version""")
                .bind("id", partyId).bind("shop", shopId).bind("version", version), p)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Whether another retailer of the shop has this code. */
    public Mono<Boolean> codeTaken(String shopId, String code, UUID self) {
        var spec = db.sql("SELECT count(*) AS n FROM retailers WHERE shop_id = :shop AND code = :code AND party_id IS DISTINCT FROM :self")
                .bind("shop", shopId).bind("code", code);
        spec = self == null ? spec.bindNull("self", UUID.class) : spec.bind("self", self);
        return spec.map(r -> r.get("n", Long.class)).one().map(n -> n > 0);
    }

    private static DatabaseClient.GenericExecuteSpec bindProfile(DatabaseClient.GenericExecuteSpec spec, RetailerProfile p) {
        spec = spec.bind("code", p.code()).bind("days", p.creditDays());
        spec = p.area() == null ? spec.bindNull("area", String.class) : spec.bind("area", p.area());
        return p.route() == null ? spec.bindNull("route", String.class) : spec.bind("route", p.route());
    }

    private static Retailer read(Readable r) {
        return new Retailer(r.get("party_id", UUID.class), r.get("code", String.class), r.get("name", String.class),
                r.get("phone", String.class), r.get("gstin", String.class), r.get("state_code", String.class),
                r.get("area", String.class), r.get("route", String.class), r.get("credit_days", Integer.class),
                r.get("credit_limit", BigDecimal.class), r.get("balance", BigDecimal.class).setScale(2), r.get("version", Integer.class),
                r.get("created_at", OffsetDateTime.class).toInstant(), r.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
