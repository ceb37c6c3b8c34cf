package dev.kirana.accounting.tally;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Where a shop's TallyPrime answers and which company is loaded in it. */
@Schema(example = """
        {"url":"http://tally.sharmatraders.in:9000","company":"Sri Lakshmi Stores 2026-27","updatedBy":"u-owner",
         "updatedAt":"2026-11-30T06:12:00Z"}""")
public record TallySettings(String url, String company, String updatedBy, Instant updatedAt) {

    /** What the owner sets. */
    @Schema(example = """
            {"url":"http://tally.sharmatraders.in:9000","company":"Sri Lakshmi Stores 2026-27"}""")
    public record Request(
            @Schema(description = "http or https URL of TallyPrime's XML server (port 9000 by default); not a loopback, link-local, "
                    + "private or metadata address", requiredMode = Schema.RequiredMode.REQUIRED) String url,
            @Schema(description = "the company as TallyPrime names it, at most 200 characters",
                    requiredMode = Schema.RequiredMode.REQUIRED) String company) {
    }
}
