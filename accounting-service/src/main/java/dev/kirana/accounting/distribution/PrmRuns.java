package dev.kirana.accounting.distribution;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The one writer of the PRM import run log and its rejected rows. */
@Repository
public class PrmRuns {
    private static final String COLUMNS = """
            id, file_name, sha256, outcome, same_as_run_id, rows_read, rows_created, rows_updated, rows_unchanged, rows_rejected,
            retailers_created, products_created, products_updated, duration_ms, imported_by, started_at, finished_at""";
    private final DatabaseClient db;

    public PrmRuns(DatabaseClient db) {
        this.db = db;
    }

    public record PrmRunPage(List<PrmRun> items, int page, int size, long total) {
    }

    /** One import at a time per shop, until the transaction ends: two uploads of the same file cannot both import it. */
    public Mono<Void> lockShop(String shopId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended('prm-import:' || :shop, 0))").bind("shop", shopId).then();
    }

    /** The run that imported a file with this SHA-256 first, if any. */
    public Mono<UUID> importedWith(String shopId, String sha256) {
        return db.sql("""
                        SELECT id FROM prm_import_runs WHERE shop_id = :shop AND sha256 = :sha AND outcome = 'IMPORTED'
                        ORDER BY started_at, id LIMIT 1""")
                .bind("shop", shopId).bind("sha", sha256).map(r -> r.get("id", UUID.class)).one();
    }

    public Mono<Void> insert(String shopId, PrmRun run) {
        var spec = db.sql("""
                        INSERT INTO prm_import_runs (id, shop_id, file_name, sha256, outcome, same_as_run_id, rows_read, rows_created,
                               rows_updated, rows_unchanged, rows_rejected, retailers_created, products_created, products_updated,
                               duration_ms, imported_by, started_at, finished_at)
                        VALUES (:id, :shop, :file, :sha, :outcome, :same, :read, :created, :updated, :unchanged, :rejected,
                                :retailers, :productsCreated, :productsUpdated, :duration, :by, :started, :finished)""")
                .bind("id", run.id()).bind("shop", shopId).bind("sha", run.sha256()).bind("outcome", run.outcome().name())
                .bind("read", run.rowsRead()).bind("created", run.rowsCreated()).bind("updated", run.rowsUpdated())
                .bind("unchanged", run.rowsUnchanged()).bind("rejected", run.rowsRejected()).bind("retailers", run.retailersCreated())
                .bind("productsCreated", run.productsCreated()).bind("productsUpdated", run.productsUpdated())
                .bind("duration", run.durationMs()).bind("by", run.importedBy())
                .bind("started", run.startedAt().atOffset(ZoneOffset.UTC)).bind("finished", run.finishedAt().atOffset(ZoneOffset.UTC));
        spec = run.fileName() == null ? spec.bindNull("file", String.class) : spec.bind("file", run.fileName());
        spec = run.sameAsRunId() == null ? spec.bindNull("same", UUID.class) : spec.bind("same", run.sameAsRunId());
        return spec.then();
    }

    public Mono<Void> insertRejections(String shopId, UUID runId, List<PrmRow.Rejection> rejections) {
        return Flux.fromIterable(RetailerSerials.chunks(rejections)).concatMap(chunk -> db.sql("""
                        INSERT INTO prm_import_rejections (run_id, shop_id, row_number, imei, retailer_code, retailer_name, model,
                               product_name, status, activation_date, price, reason)
                        SELECT :run, :shop, x.n::int, x.imei, x.rc, x.rn, x.m, x.pn, x.st, x.ad, x.pr, x.reason
                        FROM unnest(:n::text[], :imei::text[], :rc::text[], :rn::text[], :m::text[], :pn::text[], :st::text[], :ad::text[],
                                    :pr::text[], :reason::text[]) AS x(n, imei, rc, rn, m, pn, st, ad, pr, reason)""")
                        .bind("run", runId).bind("shop", shopId)
                        .bind("n", chunk.stream().map(r -> Integer.toString(r.rowNumber())).toArray(String[]::new))
                        .bind("imei", chunk.stream().map(PrmRow.Rejection::imei).toArray(String[]::new))
                        .bind("rc", cells(chunk, PrmField.RETAILER_CODE)).bind("rn", cells(chunk, PrmField.RETAILER_NAME))
                        .bind("m", cells(chunk, PrmField.MODEL)).bind("pn", cells(chunk, PrmField.PRODUCT_NAME))
                        .bind("st", cells(chunk, PrmField.STATUS)).bind("ad", cells(chunk, PrmField.ACTIVATION_DATE))
                        .bind("pr", cells(chunk, PrmField.PRICE))
                        .bind("reason", chunk.stream().map(PrmRow.Rejection::reason).toArray(String[]::new))
                        .then())
                .then();
    }

    private static String[] cells(List<PrmRow.Rejection> chunk, PrmField f) {
        return chunk.stream().map(r -> r.cells().getOrDefault(f, "")).toArray(String[]::new);
    }

    public Mono<PrmRun> find(String shopId, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM prm_import_runs WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", id)
                .map(PrmRuns::read).one();
    }

    public Mono<PrmRunPage> list(String shopId, int page, int size) {
        return db.sql("SELECT count(*) AS n FROM prm_import_runs WHERE shop_id = :shop").bind("shop", shopId)
                .map(r -> r.get("n", Long.class)).one()
                .flatMap(total -> db.sql("SELECT " + COLUMNS + " " + """
                                 FROM prm_import_runs WHERE shop_id = :shop ORDER BY started_at DESC, id LIMIT :size OFFSET :offset""")
                        .bind("shop", shopId).bind("size", size).bind("offset", (long) page * size)
                        .map(PrmRuns::read).all().collectList().map(items -> new PrmRunPage(items, page, size, total)));
    }

    /** The rejected rows of a run in row order: row, IMEI, reason, then the cells in {@link PrmField} order. */
    public Mono<List<List<Object>>> rejectionRows(String shopId, UUID runId) {
        return db.sql("""
                        SELECT row_number, imei, reason, retailer_code, retailer_name, model, product_name, status,
                               activation_date, price
                        FROM prm_import_rejections WHERE shop_id = :shop AND run_id = :run ORDER BY row_number""")
                .bind("shop", shopId).bind("run", runId)
                .map(r -> List.<Object>of(r.get("row_number", Integer.class), r.get("imei", String.class), r.get("reason", String.class),
                        r.get("retailer_code", String.class), r.get("retailer_name", String.class), r.get("model", String.class),
                        r.get("product_name", String.class), r.get("status", String.class), r.get("activation_date", String.class),
                        r.get("price", String.class)))
                .all().collectList();
    }

    public Mono<List<PrmRun.PrmRejectedRow>> rejections(String shopId, UUID runId, int limit) {
        return db.sql("SELECT row_number, imei, reason FROM prm_import_rejections WHERE shop_id = :shop AND run_id = :run ORDER BY row_number LIMIT :limit")
                .bind("shop", shopId).bind("run", runId).bind("limit", limit)
                .map(r -> new PrmRun.PrmRejectedRow(r.get("row_number", Integer.class), r.get("imei", String.class), r.get("reason", String.class)))
                .all().collectList();
    }

    private static PrmRun read(Readable r) {
        return new PrmRun(r.get("id", UUID.class), r.get("file_name", String.class), r.get("sha256", String.class),
                PrmRun.Outcome.valueOf(r.get("outcome", String.class)), r.get("same_as_run_id", UUID.class),
                r.get("rows_read", Integer.class), r.get("rows_created", Integer.class), r.get("rows_updated", Integer.class),
                r.get("rows_unchanged", Integer.class), r.get("rows_rejected", Integer.class), r.get("retailers_created", Integer.class),
                r.get("products_created", Integer.class), r.get("products_updated", Integer.class), r.get("duration_ms", Long.class),
                r.get("imported_by", String.class), r.get("started_at", OffsetDateTime.class).toInstant(),
                r.get("finished_at", OffsetDateTime.class).toInstant(), null);
    }
}
