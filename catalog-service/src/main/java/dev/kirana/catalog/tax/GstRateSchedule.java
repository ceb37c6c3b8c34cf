package dev.kirana.catalog.tax;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The GST rate schedule by HSN code and date, shipped as data ({@code gst/rate-schedule.csv}). The rate
 * for a date of supply is the one of the longest HSN prefix that has a row in force on that date, so a
 * specific entry (pan masala, 21069020) overrides its heading (2106) from the day it starts.
 */
public final class GstRateSchedule {
    public static final String RESOURCE = "/gst/rate-schedule.csv";
    private static final Pattern HSN = Pattern.compile("[0-9]{2,8}");
    private final List<ScheduledRate> rows;

    public GstRateSchedule(List<ScheduledRate> rows) {
        this.rows = rows.stream()
                .sorted(Comparator.comparing(ScheduledRate::hsnPrefix).thenComparing(ScheduledRate::effectiveFrom))
                .toList();
    }

    /** The schedule shipped with the service. */
    public static GstRateSchedule shipped() {
        try (InputStream in = GstRateSchedule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the GST rate schedule " + RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code hsn_prefix,effective_from,rate,cess,description} rows; {@code #} starts a comment line. */
    public static GstRateSchedule parse(Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<ScheduledRate> rows = new ArrayList<>();
        for (CSVRecord r : format.parse(csv)) {
            String prefix = r.get("hsn_prefix");
            if (!HSN.matcher(prefix).matches()) {
                throw new IllegalArgumentException("line " + r.getRecordNumber() + ": bad HSN prefix " + prefix);
            }
            try {
                String cess = r.get("cess");
                rows.add(new ScheduledRate(prefix, LocalDate.parse(r.get("effective_from")), new BigDecimal(r.get("rate")),
                        cess.isEmpty() ? null : new BigDecimal(cess), r.get("description")));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        return new GstRateSchedule(rows);
    }

    /** The rate in force for goods of {@code hsn} supplied on {@code date}, if the schedule covers them. */
    public Optional<ScheduledRate> rateOn(String hsn, LocalDate date) {
        if (hsn == null || hsn.isBlank()) {
            return Optional.empty();
        }
        return rows.stream()
                .filter(r -> hsn.startsWith(r.hsnPrefix()) && !r.effectiveFrom().isAfter(date))
                .max(Comparator.comparingInt((ScheduledRate r) -> r.hsnPrefix().length())
                        .thenComparing(ScheduledRate::effectiveFrom));
    }

    /** Every row that can apply to {@code hsn}, oldest first: the timeline of its rate. */
    public List<ScheduledRate> timeline(String hsn) {
        if (hsn == null || hsn.isBlank()) {
            return List.of();
        }
        return rows.stream().filter(r -> hsn.startsWith(r.hsnPrefix()))
                .sorted(Comparator.comparing(ScheduledRate::effectiveFrom).thenComparingInt(r -> r.hsnPrefix().length()))
                .toList();
    }

    /** Prefixes with a row taking effect in {@code (after, upTo]}: products under them may have a new rate. */
    public List<String> prefixesChangingBetween(LocalDate after, LocalDate upTo) {
        return rows.stream().filter(r -> r.effectiveFrom().isAfter(after) && !r.effectiveFrom().isAfter(upTo))
                .map(ScheduledRate::hsnPrefix).distinct().toList();
    }

    public int size() {
        return rows.size();
    }
}
