package dev.kirana.reporting.report;

import dev.kirana.export.Column;
import dev.kirana.export.ExportFormat;
import dev.kirana.export.Exporter;
import dev.kirana.export.ReportTable;
import dev.kirana.web.problem.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers a report as JSON, or, with {@code format=csv|xlsx|pdf}, as a file download written by the suite's one
 * exporter. The file is streamed: it is written off the event loop while the client reads it.
 */
@Component
public class ReportResponses {
    private static final Logger log = LoggerFactory.getLogger(ReportResponses.class);

    public Mono<ResponseEntity<?>> answer(Mono<ReportResult> report, String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return report.map(ResponseEntity::ok);
        }
        Optional<ExportFormat> f = ExportFormat.parse(format);
        if (f.isEmpty()) {
            return Mono.error(Problems.invalid("format", "must be json, csv, xlsx or pdf"));
        }
        return report.map(r -> file(r, f.get()));
    }

    private static ResponseEntity<?> file(ReportResult r, ExportFormat f) {
        ReportTable table = table(r);
        InputStreamResource body;
        try {
            // written on a worker thread into a pipe the response reads from: a large file is never whole in memory; a
            // client that goes away closes the pipe, which ends the writer
            PipedInputStream in = new PipedInputStream(64 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            Schedulers.boundedElastic().schedule(() -> {
                try (out) {
                    Exporter.write(table, f, out);
                } catch (IOException | RuntimeException e) {
                    log.debug("export of {} ended early: {}", r.report(), e.getMessage());
                }
            });
            body = new InputStreamResource(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = r.report() + (r.from() == null ? "" : "-" + r.from()) + (r.to() == null ? "" : "-" + r.to()) + "." + f.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** The report as the exporter's table: the same columns, rows and totals, and the report's chart. */
    public static ReportTable table(ReportResult r) {
        List<Column> columns = new ArrayList<>();
        for (ReportColumn c : r.columns()) {
            columns.add(new Column(c.header(), c.kind()));
        }
        List<List<Object>> rows = new ArrayList<>(r.rows().size());
        for (Map<String, Object> row : r.rows()) {
            List<Object> cells = new ArrayList<>(r.columns().size());
            for (ReportColumn c : r.columns()) {
                cells.add(row.get(c.key()));
            }
            rows.add(cells);
        }
        List<Object> totals = null;
        if (r.totals() != null && !r.totals().isEmpty() && !rows.isEmpty()) {
            totals = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                ReportColumn c = r.columns().get(i);
                Object v = r.totals().get(c.key());
                totals.add(v == null && i == 0 && c.kind() == Column.Kind.TEXT ? "Total" : v);
            }
        }
        String subtitle = (r.from() == null ? "" : r.from() + " to " + r.to())
                + (r.groupBy() == null ? "" : ", by " + r.groupBy().toLowerCase(java.util.Locale.ROOT));
        return new ReportTable(r.title(), subtitle, columns, rows, totals, r.chart());
    }
}
