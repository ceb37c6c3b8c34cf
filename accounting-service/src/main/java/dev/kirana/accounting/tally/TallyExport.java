package dev.kirana.accounting.tally;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountType;
import dev.kirana.accounting.chart.ChartAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A shop's books for a period as a Tally import file: every journal entry dated in it as a voucher, and the masters
 * those vouchers need (every account of the chart, every live customer and supplier, the stock items the shop sold
 * or bought). Read only; the file is rendered off the event loop.
 */
@Service
public class TallyExport {
    private final DatabaseClient db;
    private final TallySettingsStore settings;

    public TallyExport(DatabaseClient db, TallySettingsStore settings) {
        this.db = db;
        this.settings = settings;
    }

    public Mono<byte[]> export(String shopId, LocalDate from, LocalDate to, TallyXml.Kind kind) {
        Mono<String> company = settings.find(shopId).map(TallySettings::company).defaultIfEmpty("");
        return Mono.zip(company, accounts(shopId), parties(shopId), stockItems(shopId),
                        kind == TallyXml.Kind.MASTERS ? Mono.just(List.<TallyVouchers.JournalEntry>of()) : entries(shopId, from, to))
                .publishOn(Schedulers.boundedElastic())
                .map(t -> {
                    TallyLedgers ledgers = new TallyLedgers(shopId, t.getT2(), t.getT3());
                    List<TallyBook.Voucher> vouchers = t.getT5().stream().map(e -> TallyVouchers.voucher(shopId, e, ledgers)).toList();
                    return TallyXml.importFile(kind, t.getT1(), ledgers.masters(), t.getT4(), vouchers);
                });
    }

    private Mono<List<ChartAccount>> accounts(String shopId) {
        return db.sql("SELECT code, name, type, group_name, parent_code, standard FROM accounts WHERE shop_id = :shop ORDER BY code")
                .bind("shop", shopId)
                .map(r -> new ChartAccount(r.get("code", String.class), r.get("name", String.class), AccountType.valueOf(r.get("type", String.class)),
                        AccountGroup.valueOf(r.get("group_name", String.class)), r.get("parent_code", String.class),
                        Boolean.TRUE.equals(r.get("standard", Boolean.class))))
                .all().collectList();
    }

    private Mono<List<TallyLedgers.Party>> parties(String shopId) {
        return db.sql("""
                        SELECT id, kind, name, phone, gstin, state_code FROM parties
                        WHERE shop_id = :shop AND merged_into IS NULL ORDER BY created_at, id""")
                .bind("shop", shopId)
                .map(r -> new TallyLedgers.Party(r.get("id", UUID.class), "CUSTOMER".equals(r.get("kind", String.class)),
                        r.get("name", String.class), r.get("phone", String.class), r.get("gstin", String.class), r.get("state_code", String.class)))
                .all().collectList();
    }

    /** Products sold (with what the sale lines said of them), then products only bought (their id, the last bill's rate). */
    private Mono<List<TallyBook.StockItem>> stockItems(String shopId) {
        return db.sql("""
                        SELECT product_id, name, hsn, unit, gst_rate FROM tally_stock_items WHERE shop_id = :shop
                        UNION ALL
                        SELECT DISTINCT ON (l.product_id) l.product_id, l.product_id, NULL, NULL, l.gst_rate
                        FROM purchase_bill_lines l JOIN purchase_bills b ON b.id = l.bill_id
                        WHERE b.shop_id = :shop AND NOT EXISTS (SELECT 1 FROM tally_stock_items s WHERE s.shop_id = :shop AND s.product_id = l.product_id)
                        ORDER BY 1""")
                .bind("shop", shopId)
                .map(r -> new String[]{r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, BigDecimal.class) == null ? null : r.get(4, BigDecimal.class).toPlainString()})
                .all().collectList()
                .map(rows -> {
                    Set<String> taken = new HashSet<>();
                    List<TallyBook.StockItem> items = new ArrayList<>();
                    for (String[] r : rows) {
                        String name = taken.add(r[1].toLowerCase(Locale.ROOT)) ? r[1] : r[1] + " (" + r[0] + ")";
                        taken.add(name.toLowerCase(Locale.ROOT));
                        items.add(new TallyBook.StockItem(TallyBook.guid(shopId, "stock:" + r[0]), name, r[0], r[2], r[3],
                                r[4] == null ? null : new BigDecimal(r[4])));
                    }
                    return items;
                });
    }

    private Mono<List<TallyVouchers.JournalEntry>> entries(String shopId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT e.id, e.entry_date, e.narration, e.source, e.reference, l.account, l.debit, l.credit, l.party_id
                        FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
                        WHERE e.shop_id = :shop AND e.entry_date BETWEEN :from AND :to
                        ORDER BY e.entry_date, e.created_at, e.id, l.line_no""")
                .bind("shop", shopId).bind("from", from).bind("to", to)
                .fetch().all().collectList()
                .map(rows -> {
                    Map<UUID, Object[]> heads = new LinkedHashMap<>();
                    Map<UUID, List<TallyVouchers.JournalLine>> lines = new LinkedHashMap<>();
                    for (Map<String, Object> r : rows) {
                        UUID id = (UUID) r.get("id");
                        heads.putIfAbsent(id, new Object[]{r.get("entry_date"), r.get("narration"), r.get("source"), r.get("reference")});
                        lines.computeIfAbsent(id, k -> new ArrayList<>()).add(new TallyVouchers.JournalLine((String) r.get("account"),
                                (BigDecimal) r.get("debit"), (BigDecimal) r.get("credit"), (UUID) r.get("party_id")));
                    }
                    List<TallyVouchers.JournalEntry> out = new ArrayList<>();
                    heads.forEach((id, h) -> out.add(new TallyVouchers.JournalEntry(id, (LocalDate) h[0], (String) h[1], (String) h[2],
                            (String) h[3], List.copyOf(lines.get(id)))));
                    return out;
                });
    }
}
