package dev.kirana.accounting.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.BooksTestSupport;
import dev.kirana.events.InventoryEvents;
import dev.kirana.testing.KiranaServiceTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What a posting writes, read back from the tables: an entry with all its lines (in order, one statement), once per
 * source; the books opened by the first posting of a shop; a sale's costs of several products, and a return that
 * overtook them reversed once they come.
 */
@KiranaServiceTest
class JournalPostingTest {
    @Autowired
    Journal journal;
    @Autowired
    CostOfSales costs;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator tx;

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    List<Map<String, Object>> lines(String shop, String source) {
        return db.sql("""
                        SELECT l.line_no, l.account, l.debit, l.credit, l.party, l.party_id
                        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                        WHERE e.shop_id = :shop AND e.source = :source ORDER BY l.line_no""")
                .bind("shop", shop).bind("source", source).fetch().all().collectList().block();
    }

    long count(String sql, String shop) {
        return db.sql(sql).bind("shop", shop).map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void aMultiLineEntryIsStoredLineForLineInOrderAndOnce() {
        String shop = BooksTestSupport.newShop();
        LocalDate on = LocalDate.now(SalesPosting.SHOP_ZONE);
        // 2 tenders, sales, CGST, SGST and a round-off: 400.00 + 181.00 = 543.82 + 18.55 + 18.55 + 0.08
        JournalEntry sale = JournalEntry.builder(on, "Sale INV/1", "order.confirmed:o-1")
                .debit(Account.CASH, d("400.00"))
                .debit(Account.CUSTOMERS, d("181.00"), "9876500001")
                .credit(Account.SALES, d("543.82"))
                .credit(Account.OUTPUT_CGST, d("18.55"))
                .credit(Account.OUTPUT_SGST, d("18.55"))
                .credit(Account.ROUND_OFF, d("0.08"))
                .build();

        // the shop's first posting opens its books (seeds the chart) and posts
        assertThat(tx.transactional(journal.postOnce(shop, sale, null)).block()).isTrue();
        assertThat(count("SELECT count(*) FROM shop_books WHERE shop_id = :shop", shop)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM accounts WHERE shop_id = :shop AND standard", shop)).isPositive();

        List<Map<String, Object>> stored = lines(shop, "order.confirmed:o-1");
        assertThat(stored).extracting(l -> l.get("line_no")).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(stored).extracting(l -> l.get("account")).containsExactly("1000", "1100", "4000", "2100", "2110", "4900");
        assertThat(stored).extracting(l -> l.get("debit")).containsExactly(d("400.00"), d("181.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00"));
        assertThat(stored).extracting(l -> l.get("credit")).containsExactly(d("0.00"), d("0.00"), d("543.82"), d("18.55"), d("18.55"), d("0.08"));
        assertThat(stored).extracting(l -> l.get("party")).containsExactly(null, "9876500001", null, null, null, null);
        assertThat(stored).extracting(l -> l.get("party_id")).containsOnlyNulls();
        assertThat(stored.stream().map(l -> (BigDecimal) l.get("debit")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(stored.stream().map(l -> (BigDecimal) l.get("credit")).reduce(BigDecimal.ZERO, BigDecimal::add));

        // the same source again: nothing posted, nothing added
        assertThat(tx.transactional(journal.postOnce(shop, sale, null)).block()).isFalse();
        assertThat(lines(shop, "order.confirmed:o-1")).hasSize(6);
        assertThat(count("SELECT count(*) FROM journal_entries WHERE shop_id = :shop", shop)).isEqualTo(1);

        // a second entry, the books open already: a one-line-pair entry posts as well
        JournalEntry other = JournalEntry.builder(on, "Cost of sale o-1", "stock.committed:o-1")
                .debit(Account.COST_OF_GOODS_SOLD, d("10.00")).credit(Account.INVENTORY, d("10.00")).build();
        assertThat(tx.transactional(journal.postOnce(shop, other, null)).block()).isTrue();
        assertThat(lines(shop, "stock.committed:o-1")).extracting(l -> l.get("account")).containsExactly("5000", "1200");
        assertThat(count("SELECT count(*) FROM shop_books WHERE shop_id = :shop", shop)).isEqualTo(1);
    }

    @Test
    void theCostsOfSeveralProductsAreKeptAndAReturnThatCameFirstIsReversedWhenTheyCome() {
        String shop = BooksTestSupport.newShop();
        LocalDate on = LocalDate.now(SalesPosting.SHOP_ZONE);
        // the void arrives before the cost: it waits
        tx.transactional(costs.returned(shop, "o-2", "order.voided:o-2", List.of(
                new CostOfSales.Returned("p-atta", d("2"), true), new CostOfSales.Returned("p-bisc", d("3"), true)), on)).block();
        assertThat(count("SELECT count(*) FROM pending_cost_reversals WHERE shop_id = :shop", shop)).isEqualTo(2);
        // the cost of 2 atta at 200.00 and 3 biscuits at 18.50 (1 + 2 on two lines): 400.00 + 55.50 = 455.50
        var committed = new InventoryEvents.StockCommitted("o-2", List.of(
                new InventoryEvents.CostedLine("p-atta", d("2"), d("200.0000")),
                new InventoryEvents.CostedLine("p-bisc", d("1"), d("18.5000")),
                new InventoryEvents.CostedLine("p-bisc", d("2"), d("18.5000"))));
        tx.transactional(costs.committed(shop, committed, on)).block();

        List<Map<String, Object>> saleCosts = db.sql("SELECT product_id, quantity, unit_cost FROM sale_costs WHERE shop_id = :shop ORDER BY product_id")
                .bind("shop", shop).fetch().all().collectList().block();
        assertThat(saleCosts).extracting(r -> r.get("product_id")).containsExactly("p-atta", "p-bisc");
        assertThat(saleCosts).extracting(r -> r.get("quantity")).containsExactly(d("2.000"), d("3.000"));
        assertThat(saleCosts).extracting(r -> r.get("unit_cost")).containsExactly(d("200.0000"), d("18.5000"));
        assertThat(lines(shop, "stock.committed:o-2")).extracting(l -> l.get("debit")).containsExactly(d("455.50"), d("0.00"));
        // the waiting reversal posted and cleared: Dr inventory 455.50 / Cr cost of goods sold 455.50
        assertThat(count("SELECT count(*) FROM pending_cost_reversals WHERE shop_id = :shop", shop)).isZero();
        List<Map<String, Object>> reversal = lines(shop, "cost-returned:order.voided:o-2");
        assertThat(reversal).extracting(l -> l.get("account")).containsExactly("1200", "5000");
        assertThat(reversal).extracting(l -> l.get("debit")).containsExactly(d("455.50"), d("0.00"));
        assertThat(reversal).extracting(l -> l.get("credit")).containsExactly(d("0.00"), d("455.50"));

        // a second sale's cost, no return before it: posted, nothing pending
        tx.transactional(costs.committed(shop, new InventoryEvents.StockCommitted("o-3", List.of(
                new InventoryEvents.CostedLine("p-atta", d("1"), d("200.0000")))), on)).block();
        assertThat(lines(shop, "stock.committed:o-3")).extracting(l -> l.get("credit")).containsExactly(d("0.00"), d("200.00"));
        // its refund after: reversed at once at the committed cost
        tx.transactional(costs.returned(shop, "o-3", "order.refunded:r-3", List.of(new CostOfSales.Returned("p-atta", d("1"), false)), on)).block();
        assertThat(lines(shop, "cost-returned:order.refunded:r-3")).extracting(l -> l.get("account")).containsExactly("5100", "5000");
    }
}
