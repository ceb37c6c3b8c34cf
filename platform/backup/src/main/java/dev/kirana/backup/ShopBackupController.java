package dev.kirana.backup;

import dev.kirana.web.Uploads;
import dev.kirana.web.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.server.ServerWebExchange;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The owner's backup and restore of the shop in this service. Taking a backup is a POST, not a read: it is an action
 * only the owner may take (auditors read everything, but an archive is the whole shop), and it is logged.
 */
@RestController
@RequestMapping("${kirana.backup.path}")
@Tag(name = "Backup and restore")
public class ShopBackupController {
    public static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final Logger log = LoggerFactory.getLogger(ShopBackupController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The audit trail's actions; entity type {@link #ENTITY_TYPE}, entity id the service (spring.application.name). */
    public static final String CREATED = "backup.created";
    public static final String RESTORED = "backup.restored";
    public static final String ENTITY_TYPE = "shop-backup";
    private final ShopBackup backup;
    private final BackupProperties properties;
    private final ObjectProvider<AuditLog> audit;

    public ShopBackupController(ShopBackup backup, BackupProperties properties) {
        this(backup, properties, null);
    }

    public ShopBackupController(ShopBackup backup, BackupProperties properties, ObjectProvider<AuditLog> audit) {
        this.backup = backup;
        this.properties = properties;
        this.audit = audit;
    }

    /** Records the action in the shop's audit trail, where the service has one. */
    private Mono<Void> audit(String shop, String action, Object after) {
        AuditLog log = audit == null ? null : audit.getIfAvailable();
        return log == null ? Mono.empty()
                : log.record(shop, new AuditLog.Entry(action, ENTITY_TYPE, backup.service(), null, after));
    }

    @PostMapping(path = "/backup", produces = "application/zip")
    @Operation(operationId = "backupShop", summary = "Back up the shop's data in this service as a zip archive (owner only)",
            description = "One consistent moment of the shop in this service: a zip with one NDJSON file per table and "
                    + "manifest.json (format and schema version, shop, time, each file's rows and SHA-256, the event consumers' "
                    + "positions). `kirana backup` calls this on every service.",
            responses = {@ApiResponse(responseCode = "200", description = "the archive",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))),
                    @ApiResponse(responseCode = "403", description = "The caller is not the shop's owner")})
    public Mono<ResponseEntity<Flux<DataBuffer>>> backup(@AuthenticationPrincipal ShopPrincipal me, ServerWebExchange exchange) {
        String shop = me.require(Role.OWNER).requireShop();
        log.info("backup of shop {} in {} requested by {}", shop, backup.service(), me.subject());
        String name = backup.service() + "-" + shop + "-" + STAMP.format(java.time.Instant.now()) + ".zip";
        // the download is recorded as backup.created (not as an export), once the whole archive was written
        exchange.getAttributes().put(AuditLog.RECORDED, Boolean.TRUE);
        Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> backup.backup(shop, out),
                DefaultDataBufferFactory.sharedInstance, Schedulers.boundedElastic()::schedule))
                .concatWith(audit(shop, CREATED, java.util.Map.of("file", name)).then(Mono.empty()));
        return Mono.just(ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body));
    }

    @PostMapping(path = "/restore", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "restoreShop", summary = "Restore a backup archive of this service into the token's shop (owner only)",
            description = "Checks the archive whole (checksums, service, format and schema version) before anything changes, "
                    + "then replaces the shop's rows with the archive's in one transaction. An archive of another shop is "
                    + "restored with new identifiers, derived the same way in every service. A shop that has data here is "
                    + "replaced only with replace=true.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "a service's archive from its backup",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))),
            responses = {@ApiResponse(responseCode = "200", description = "The shop's data here is the archive's"),
                    @ApiResponse(responseCode = "400", description = "The body is not a backup archive"),
                    @ApiResponse(responseCode = "403", description = "The caller is not the shop's owner"),
                    @ApiResponse(responseCode = "409", description = "The shop has data here, and replace=true was not given"),
                    @ApiResponse(responseCode = "413", description = "The archive is larger than kirana.backup.max-archive-size"),
                    @ApiResponse(responseCode = "422", description = "The archive is damaged (a checksum or row count differs), of another "
                            + "service, or of a newer format or schema version")})
    public Mono<BackupRestoreResponse> restore(@AuthenticationPrincipal ShopPrincipal me,
                                               @Parameter(description = "replace the shop's existing data here")
                                               @RequestParam(defaultValue = "false") boolean replace,
                                               @RequestBody Flux<DataBuffer> body) {
        String shop = me.require(Role.OWNER).requireShop();
        return Uploads.readAll(body, properties.maxArchiveSize().toBytes(), () -> Problems.of(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                        "backup-too-large", "Archive too large", "The archive is larger than " + properties.maxArchiveSize()
                                + " (kirana.backup.max-archive-size)"))
                .flatMap(bytes -> Mono.fromCallable(() -> {
                    log.info("restore into shop {} in {} requested by {} (replace={})", shop, backup.service(), me.subject(), replace);
                    return BackupRestoreResponse.of(backup.restore(shop, new ByteArrayInputStream(bytes), replace));
                }).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(done -> {
                    java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
                    after.put("fromShop", done.fromShop());
                    after.put("schemaVersion", done.schemaVersion());
                    after.put("takenAt", done.takenAt() == null ? null : done.takenAt().toString());
                    after.put("replace", replace);
                    after.put("deletedRows", done.deletedRows());
                    after.put("restoredRows", done.restoredRows());
                    return audit(shop, RESTORED, after).thenReturn(done);
                });
    }

    /** What a restore did. */
    public record BackupRestoreResponse(String service, String fromShop, String intoShop, String schemaVersion,
                                        java.time.Instant takenAt, long deletedRows, long restoredRows) {
        static BackupRestoreResponse of(ShopBackup.RestoreResult r) {
            return new BackupRestoreResponse(r.service(), r.fromShop(), r.intoShop(), r.manifest().schemaVersion(),
                    r.manifest().takenAt(), r.deletedRows(), r.restoredRows());
        }
    }
}
