package dev.kirana.accounting.itc;

import dev.kirana.accounting.shop.ShopProfiles;
import dev.kirana.web.problem.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Imports a shop's GSTR-2B statements and reconciles them with its purchase bills and returns. */
@Service
public class Gstr2bService {
    private final Gstr2bImports imports;
    private final ShopProfiles shops;
    private final TransactionalOperator tx;

    public Gstr2bService(Gstr2bImports imports, ShopProfiles shops, TransactionalOperator tx) {
        this.imports = imports;
        this.shops = shops;
        this.tx = tx;
    }

    /** What an import did: stored a period for the first time, replaced the period's earlier statement, or found the same file. */
    public enum Outcome { CREATED, REPLACED, UNCHANGED }

    @Schema(example = """
            {"outcome":"CREATED","statement":{"id":"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b","period":"2026-11","gstin":"27AAPFU0939F1ZV",
             "generatedOn":"2026-12-14","version":"1.0","documents":5,
             "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","importedBy":"u-owner",
             "importedAt":"2026-12-15T05:30:00Z"}}""")
    public record ImportResult(Outcome outcome, ImportView statement) {
    }

    @Schema(example = """
            {"id":"3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b","period":"2026-11","gstin":"27AAPFU0939F1ZV","generatedOn":"2026-12-14",
             "version":"1.0","documents":5,"sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "importedBy":"u-owner","importedAt":"2026-12-15T05:30:00Z"}""")
    public record ImportView(UUID id, String period, String gstin, LocalDate generatedOn, String version, int documents, String sha256,
                             String importedBy, Instant importedAt) {
        static ImportView of(Gstr2bImports.Stored s) {
            return new ImportView(s.id(), s.period().toString(), s.gstin(), s.generatedOn(), s.version(), s.documents(), s.sha256(),
                    s.importedBy(), s.importedAt() == null ? null : s.importedAt().toInstant());
        }
    }

    /**
     * Stores a GSTR-2B for its period (rtnprd), in one transaction: the same file again changes nothing; another file of
     * the same period replaces the earlier one and its documents. A file that is not a GSTR-2B is a 400 naming what is
     * wrong; a statement of another GSTIN than the shop's a 422; nothing is written either way.
     */
    public Mono<ImportResult> importStatement(String shopId, String by, byte[] bytes) {
        // parsing, validating and hashing up to 5 MB: off the event loop
        return Mono.fromCallable(() -> new Parsed(Gstr2bFile.parse(bytes), sha256(bytes))).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(Gstr2bFile.BadFile.class, e -> Problems.of(org.springframework.http.HttpStatus.BAD_REQUEST, "gstr2b-invalid",
                        "Not a GSTR-2B file", "The file is not a GSTR-2B statement this can read: " + e.getMessage(),
                        java.util.Map.of("errors", e.errors())))
                .flatMap(parsed -> shops.gstin(shopId).defaultIfEmpty("")
                        .flatMap(own -> own.isEmpty()
                                ? Mono.error(Problems.unprocessable("shop-gstin-unknown", "The books do not know this shop's GSTIN (set it in "
                                + "the shop's profile); a GSTR-2B is matched only with the shop's own"))
                                : !own.equalsIgnoreCase(parsed.statement().gstin())
                                ? Mono.error(Problems.unprocessable("gstin-mismatch", "This GSTR-2B is of GSTIN " + parsed.statement().gstin()
                                + ", not of this shop (" + own + ")"))
                                : store(shopId, by, parsed.statement(), parsed.sha256())));
    }

    private record Parsed(Gstr2b statement, String sha256) {
    }

    private Mono<ImportResult> store(String shopId, String by, Gstr2b statement, String sha) {
        return tx.transactional(imports.lockPeriod(shopId, statement.period())
                .then(imports.find(shopId, statement.period()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(existing -> {
                    if (existing.isPresent() && existing.get().sha256().equals(sha)) {
                        return Mono.just(new ImportResult(Outcome.UNCHANGED, ImportView.of(existing.get())));
                    }
                    UUID id = UUID.randomUUID();
                    Mono<Void> clear = existing.map(e -> imports.delete(e.id())).orElse(Mono.empty());
                    return clear.then(imports.insert(shopId, id, statement, sha, by))
                            .then(imports.find(shopId, statement.period()))
                            .map(s -> new ImportResult(existing.isPresent() ? Outcome.REPLACED : Outcome.CREATED, ImportView.of(s)));
                }));
    }

    public Mono<List<ImportView>> list(String shopId) {
        return imports.list(shopId).map(l -> l.stream().map(ImportView::of).toList());
    }

    /** The reconciliation of the period's stored GSTR-2B; 404 when none was imported for it. */
    public Mono<Gstr2bReconciliation> reconciliation(String shopId, YearMonth period, BigDecimal tolerance) {
        return imports.find(shopId, period)
                .switchIfEmpty(Mono.error(Problems.notFound("No GSTR-2B was imported for " + period + " in this shop")))
                .flatMap(stored -> imports.documents(stored.id()).flatMap(docs -> {
                    List<String> gstins = docs.stream().map(d -> d.supplierGstin().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
                    return imports.bookDocuments(shopId, period.atDay(1), period.atEndOfMonth(), gstins).map(books -> {
                        List<BookDocument> scope = ItcMatcher.inScope(books, period, docs);
                        return Gstr2bReconciliation.of(period, stored, tolerance, ItcMatcher.match(scope, docs, tolerance),
                                ItcMatcher.summary(scope, docs, period));
                    });
                }));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
