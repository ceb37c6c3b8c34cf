package dev.kirana.reporting.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kirana.export.Chart;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report as the API answers it: what it is, for which shop and dates, its columns, its rows (one object per row,
 * keyed by the columns' keys) and the totals row (summed columns, and the ratios recomputed from the totals).
 */
public record ReportResult(String report, String title, String shopId, LocalDate from, LocalDate to, String groupBy,
                           List<ReportColumn> columns, List<Map<String, Object>> rows, Map<String, Object> totals,
                           @JsonIgnore Chart chart) {
}
