package dev.kirana.auth.shop;

import dev.kirana.web.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A shop as clients see it, with the caller's role in it and, once deleted, until when it can be restored. */
@Schema(example = """
        {"id":"00000000-0000-4000-a000-000000000001","name":"Demo Kirana Store","address":"12 MG Road, Bengaluru",
         "stateCode":"29","stateName":"Karnataka","gstin":null,"currency":"INR","financialYearStartMonth":4,
         "registrationType":"REGULAR","timeZone":"Asia/Kolkata","role":"OWNER","createdAt":"2026-04-01T10:00:00Z","version":0,
         "status":"ACTIVE","deletedAt":null,"purgeAfter":null}""")
public record Shop(UUID id, String name, String address, String stateCode, String stateName, String gstin,
                   String currency, int financialYearStartMonth, RegistrationType registrationType,
                   @Schema(description = "IANA time zone whose days are the shop's days (reports)") String timeZone,
                   @Schema(description = "the caller's role in this shop") Role role,
                   Instant createdAt, int version,
                   @Schema(description = "ACTIVE, or DELETED: restorable by its owner until purgeAfter") ShopStatus status,
                   @Schema(description = "when the shop was deleted; null while ACTIVE") Instant deletedAt,
                   @Schema(description = "a deleted shop is purged (its data deleted in every service) after this; null while ACTIVE")
                   Instant purgeAfter) {

    public enum RegistrationType {
        /** Normal GST registration: charges GST on invoices and claims input credit. */
        REGULAR,
        /** Composition scheme: pays tax on turnover, issues bills of supply without GST. */
        COMPOSITION,
        /** Below the threshold, not registered for GST. */
        UNREGISTERED
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
