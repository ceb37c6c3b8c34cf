package dev.kirana.accounting.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A retailer of the distributor: a customer in the books ({@code id} is its party id) with its PRM code, area, route
 * and the days of credit it gets. {@code balance} is what it owes now (negative: an advance).
 */
@Schema(example = """
        {"id":"2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11","code":"RT-PUNE-014","name":"Shree Mobiles","phone":"9822000014",
         "gstin":"27AAPFU0939F1ZV","stateCode":"27","area":"Pune East","route":"Route 3","creditDays":21,"creditLimit":"200000.00",
         "balance":"45250.00","version":1,"createdAt":"2026-11-02T04:30:00Z","updatedAt":"2026-11-02T04:30:00Z"}""")
public record Retailer(UUID id, String code, String name, String phone, String gstin, String stateCode, String area, String route,
                       int creditDays, BigDecimal creditLimit, BigDecimal balance, int version, Instant createdAt, Instant updatedAt) {

    public String etag() {
        return "W/\"" + version + "\"";
    }
}
