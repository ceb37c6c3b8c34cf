package dev.kirana.auth.shop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a shop has a full export: a backup of every data-holding service taken within {@code maxAge}. A shop is
 * deleted only with one, so that its owner holds every row Kirana is about to purge (the books the law asks the shop to
 * keep, Companies Act s.128 and CGST Act s.36, among them).
 */
public final class FullExport {

    /** A service whose backup is missing or too old; {@code latest} is null when it never had one. */
    public record Gap(String service, Instant latest) {
        public String describe() {
            return latest == null ? service + " (no backup)" : service + " (last backup " + latest + ")";
        }
    }

    /**
     * @param latest   each service's latest backup of the shop
     * @param required the services that hold shop data
     * @return the required services without a backup at or after {@code now - maxAge}, in {@code required}'s order
     */
    public static List<Gap> gaps(Map<String, Instant> latest, List<String> required, Instant now, Duration maxAge) {
        Instant since = now.minus(maxAge);
        List<Gap> gaps = new ArrayList<>();
        for (String service : required) {
            Instant at = latest.get(service);
            if (at == null || at.isBefore(since)) {
                gaps.add(new Gap(service, at));
            }
        }
        return gaps;
    }

    private FullExport() {
    }
}
