package dev.kirana.auth.audit;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.export.Column;
import dev.kirana.export.ExportFormat;
import dev.kirana.export.Exporter;
import dev.kirana.export.ReportTable;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/shops/{shopId}/audit")
@Tag(name = "Audit trail", description = "The shop's append-only, hash-chained record of critical actions (owner and auditor)")
public class AuditController {
    private static final int MAX_PAGE = 500;
    private final AuditTrail trail;
    private final ShopAccess access;

    public AuditController(AuditTrail trail, ShopAccess access) {
        this.trail = trail;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Audit records in order, filtered by actor, action, entity and time; page on with afterSeq")
    public Mono<List<AuditRecord>> list(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                        @RequestParam(required = false) UUID actor,
                                        @RequestParam(required = false) @Parameter(description = "e.g. member.added, login.failed") String action,
                                        @RequestParam(required = false) String entityType,
                                        @RequestParam(required = false) String entityId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                        @RequestParam(defaultValue = "0") long afterSeq,
                                        @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (afterSeq < 0) {
            throw Problems.invalid("afterSeq", "must not be negative");
        }
        return access.require(me, shopId, Role.OWNER, Role.AUDITOR)
                .then(trail.find(shopId, new AuditTrail.Query(actor, blank(action), blank(entityType), blank(entityId), from, to, afterSeq, limit)));
    }

    @GetMapping("/verify")
    @Operation(summary = "Re-compute the shop's hash chain: intact, or the first record where it breaks")
    public Mono<AuditTrail.Verification> verify(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId, Role.OWNER, Role.AUDITOR).then(trail.verify(shopId));
    }

    @GetMapping("/export")
    @Operation(summary = "The whole trail (or a time window) as CSV or XLSX, with each record's hash")
    @ApiResponse(responseCode = "200", description = "The file")
    public Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                               @RequestParam(defaultValue = "csv") String format,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        ExportFormat f = ExportFormat.parse(format).filter(x -> x != ExportFormat.PDF)
                .orElseThrow(() -> Problems.invalid("format", "must be csv or xlsx"));
        return access.require(me, shopId, Role.OWNER, Role.AUDITOR)
                .then(all(shopId, from, to, 0L, new ArrayList<>()))
                .publishOn(Schedulers.boundedElastic())
                .map(records -> {
                    List<List<Object>> rows = new ArrayList<>();
                    for (AuditRecord r : records) {
                        rows.add(java.util.Arrays.asList(r.seq(), r.at().toString(), str(r.actorId()), r.action(), r.entityType(),
                                r.entityId(), str(r.deviceId()), r.ip(), r.before(), r.after(), r.source(), r.actorRole(), r.actorClientId(), r.prevHash(), r.hash()));
                    }
                    ReportTable table = new ReportTable("Audit trail", "Shop " + shopId, List.of(Column.integer("Seq"), Column.text("At"),
                            Column.text("Actor"), Column.text("Action"), Column.text("Entity type"), Column.text("Entity"), Column.text("Device"),
                            Column.text("IP"), Column.text("Before"), Column.text("After"), Column.text("Source"), Column.text("Role"), Column.text("Client"), Column.text("Previous hash"), Column.text("Hash")),
                            rows, null, null);
                    return ResponseEntity.ok()
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + shopId + "." + f.extension() + "\"")
                            .contentType(MediaType.parseMediaType(f.contentType()))
                            .body(Exporter.bytes(table, f));
                });
    }

    private Mono<List<AuditRecord>> all(UUID shopId, Instant from, Instant to, long after, List<AuditRecord> into) {
        return trail.find(shopId, new AuditTrail.Query(null, null, null, null, from, to, after, MAX_PAGE)).flatMap(batch -> {
            into.addAll(batch);
            return batch.size() < MAX_PAGE ? Mono.just(into) : all(shopId, from, to, batch.get(batch.size() - 1).seq(), into);
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
