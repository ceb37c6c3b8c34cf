package dev.kirana.catalog.product;

import dev.kirana.web.problem.Problems;
import org.springframework.http.HttpStatus;

/** Versions as strong entity tags: {@code ETag: "7"}; {@code If-Match: "7"} (or {@code *}) guards an edit. */
public final class EntityTags {
    private EntityTags() {
    }

    /**
     * The version an {@code If-Match} header names; null for {@code *} (any version).
     *
     * @param required whether an edit without If-Match is refused (428)
     */
    public static Long expectedVersion(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "Precondition required",
                        "Send If-Match with the ETag of the version you read, so that concurrent edits are not lost");
            }
            return null;
        }
        String tag = ifMatch.trim();
        if ("*".equals(tag)) {
            return null;
        }
        if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() > 2) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // a weak or foreign tag never matches a strong comparison (RFC 9110 13.1.1)
            throw Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition failed",
                    "If-Match " + ifMatch + " names no version of this resource");
        }
    }
}
