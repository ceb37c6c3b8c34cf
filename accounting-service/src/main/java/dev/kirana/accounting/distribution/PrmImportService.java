package dev.kirana.accounting.distribution;

import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyKind;
import dev.kirana.accounting.party.PartyRequests;
import dev.kirana.accounting.party.PartyService;
import dev.kirana.export.Column;
import dev.kirana.export.ExportFormat;
import dev.kirana.export.Exporter;
import dev.kirana.export.ReportTable;
import dev.kirana.web.problem.Problems;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports a PRM IMEI workbook: reads and checks it off the event loop, then in one transaction (one import at a time per
 * shop) adds the retailers and models it names for the first time, writes each serial's retailer, status and
 * activation, and logs the run with its rejected rows. The same file again (by SHA-256) changes nothing.
 */
@Service
public class PrmImportService {
    static final int REJECTIONS_IN_ANSWER = 100;
    private final Retailers retailers;
    private final RetailerService retailerService;
    private final PartyService parties;
    private final RetailerSerials serials;
    private final PrmRuns runs;
    private final TransactionalOperator tx;
    private final Clock clock;

    public PrmImportService(Retailers retailers, RetailerService retailerService, PartyService parties, RetailerSerials serials,
                            PrmRuns runs, TransactionalOperator tx, Clock clock) {
        this.retailers = retailers;
        this.retailerService = retailerService;
        this.parties = parties;
        this.serials = serials;
        this.runs = runs;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the workbook holds, checked row by row (no I/O). */
    record ReadFile(String sha256, int rowsRead, List<PrmRow> rows, List<PrmRow.Rejection> rejected) {
    }

    public Mono<PrmRun> importFile(String shopId, String by, String fileName, byte[] bytes) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        String name = fileName(fileName);
        return Mono.fromCallable(() -> read(bytes, today))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(PrmFileException.class, e -> Problems.of(HttpStatus.BAD_REQUEST, "prm-workbook-unreadable",
                        "PRM workbook cannot be imported", e.getMessage()))
                .flatMap(file -> tx.transactional(runs.lockShop(shopId)
                        .then(runs.importedWith(shopId, file.sha256())
                                .map(earlier -> new PrmRun(UUID.randomUUID(), name, file.sha256(), PrmRun.Outcome.UNCHANGED, earlier,
                                        0, 0, 0, 0, 0, 0, 0, 0, millis(t0), by, started, clock.instant(), List.of()))
                                .flatMap(run -> runs.insert(shopId, run).thenReturn(run))
                                .switchIfEmpty(Mono.defer(() -> apply(shopId, by, name, file, today, started, t0))))));
    }

    static ReadFile read(byte[] bytes, LocalDate today) {
        PrmWorkbook.Sheet sheet = PrmWorkbook.read(bytes);
        Map<PrmField, Integer> columns = PrmField.locate(sheet.headers());
        List<PrmRow> rows = new ArrayList<>();
        List<PrmRow.Rejection> rejected = new ArrayList<>();
        for (PrmRow.Raw raw : sheet.rows()) {
            PrmRow.Parsed p = PrmRow.parse(raw, columns, today);
            if (p.row() != null) {
                rows.add(p.row());
            } else {
                rejected.add(p.rejection());
            }
        }
        return new ReadFile(sha256(bytes), sheet.rows().size(), rows, rejected);
    }

    private Mono<PrmRun> apply(String shopId, String by, String name, ReadFile file, LocalDate today, Instant started, long t0) {
        UUID runId = UUID.randomUUID();
        List<String> imeis = file.rows().stream().map(PrmRow::imei).distinct().toList();
        // one statement at a time on the transaction's connection
        return retailers.codes(shopId)
                .flatMap(codes -> serials.products(shopId)
                        .flatMap(products -> serials.stored(shopId, imeis)
                                .map(stored -> reactor.util.function.Tuples.of(codes, products, stored))))
                .flatMap(known -> {
                    ImportPlan.Plan plan = ImportPlan.of(file.rows(), file.rejected(), known.getT1().keySet(), known.getT2(), known.getT3());
                    Map<String, UUID> retailerIds = new java.util.HashMap<>(known.getT1());
                    long productsCreated = plan.products().stream().filter(ImportPlan.ProductChange::create).count();
                    return Flux.fromIterable(plan.newRetailers().entrySet())
                            .concatMap(e -> addRetailer(shopId, e.getKey(), e.getValue()).doOnNext(id -> retailerIds.put(e.getKey(), id)))
                            .then(Flux.fromIterable(plan.products()).concatMap(p -> serials.upsertProduct(shopId, p)).then())
                            .then(serials.productIds(shopId))
                            .flatMap(productIds -> serials.insert(shopId, runId, today, writes(plan, ImportPlan.Action.CREATE, retailerIds, productIds))
                                    .then(serials.update(shopId, runId, writes(plan, ImportPlan.Action.UPDATE, retailerIds, productIds))))
                            .then(Mono.defer(() -> {
                                PrmRun run = new PrmRun(runId, name, file.sha256(), PrmRun.Outcome.IMPORTED, null, file.rowsRead(),
                                        (int) plan.count(ImportPlan.Action.CREATE), (int) plan.count(ImportPlan.Action.UPDATE),
                                        (int) plan.count(ImportPlan.Action.UNCHANGED), plan.rejections().size(), plan.newRetailers().size(),
                                        (int) productsCreated, plan.products().size() - (int) productsCreated, millis(t0), by, started,
                                        clock.instant(), null);
                                List<PrmRun.PrmRejectedRow> shown = plan.rejections().stream().limit(REJECTIONS_IN_ANSWER)
                                        .map(r -> new PrmRun.PrmRejectedRow(r.rowNumber(), r.imei(), r.reason())).toList();
                                return runs.insert(shopId, run).then(runs.insertRejections(shopId, runId, plan.rejections()))
                                        .thenReturn(run.withRejections(shown));
                            }));
                });
    }

    private Mono<UUID> addRetailer(String shopId, String code, String name) {
        return parties.create(shopId, new PartyRequests.CreateParty(PartyKind.CUSTOMER, name, null, null, null, null, null, null, null,
                        "added by a PRM workbook import"))
                .map(Party::id)
                .flatMap(id -> retailerService.addProfile(shopId, id, new RetailerProfile(code, null, null, RetailerProfile.DEFAULT_CREDIT_DAYS))
                        .thenReturn(id));
    }

    private static List<RetailerSerials.Write> writes(ImportPlan.Plan plan, ImportPlan.Action action, Map<String, UUID> retailerIds,
                                                      Map<String, UUID> productIds) {
        return plan.steps().stream().filter(s -> s.action() == action)
                .map(s -> new RetailerSerials.Write(s.row().imei(), retailerIds.get(s.row().retailerCode()), productIds.get(s.row().model()),
                        s.row().status(), s.row().activationDate(), s.price()))
                .toList();
    }

    public Mono<PrmRun> get(String shopId, UUID id) {
        return runs.find(shopId, id).switchIfEmpty(Mono.error(() -> Problems.notFound("No PRM import " + id + " in this shop")));
    }

    public Mono<List<PrmRun.PrmRejectedRow>> rejections(String shopId, UUID runId) {
        return runs.rejections(shopId, runId, REJECTIONS_IN_ANSWER);
    }

    public Mono<PrmRuns.PrmRunPage> list(String shopId, int page, int size) {
        return runs.list(shopId, page, size);
    }

    /** The rejected rows of a run as a file to fix and import again: the reason, then the cells as the file had them. */
    public Mono<byte[]> rejectionsFile(String shopId, UUID id, ExportFormat format) {
        return get(shopId, id).flatMap(run -> runs.rejectionRows(shopId, id)
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> Exporter.bytes(new ReportTable("PRM import rejections",
                        (run.fileName() == null ? "" : run.fileName() + ", ") + "imported " + run.startedAt(),
                        List.of(Column.integer("Row"), Column.text("IMEI"), Column.text("Reason"), Column.text(PrmField.RETAILER_CODE.label()),
                                Column.text(PrmField.RETAILER_NAME.label()), Column.text(PrmField.MODEL.label()),
                                Column.text(PrmField.PRODUCT_NAME.label()), Column.text(PrmField.STATUS.label()),
                                Column.text(PrmField.ACTIVATION_DATE.label()), Column.text(PrmField.PRICE.label())),
                        rows), format)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uploaded file's name as logged: control characters dropped, at most 200 characters; null when none. */
    static String fileName(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("\\p{Cntrl}", "").trim();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
