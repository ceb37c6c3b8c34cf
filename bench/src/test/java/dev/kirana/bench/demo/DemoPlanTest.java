package dev.kirana.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.india.Gstin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPlanTest {
    static final LocalDate ANCHOR = LocalDate.of(2026, 12, 2);

    @Test
    void theCatalogHasStableSkusValidBarcodesAndTodaysGstSlabs() {
        DemoCatalog catalog = DemoCatalog.load();
        assertThat(catalog.products()).hasSizeBetween(250, 300);
        Set<String> skus = new HashSet<>();
        for (DemoCatalog.Product p : catalog.products()) {
            assertThat(skus.add(p.sku())).as(p.sku()).isTrue();
            assertThat(p.sku()).matches("[A-Za-z0-9._/-]{1,64}");
            assertThat(p.gstRate()).as(p.sku()).isIn(new BigDecimal("0"), new BigDecimal("5"), new BigDecimal("18"), new BigDecimal("40"));
            assertThat(p.hsn()).matches("[0-9]{4,8}");
            if (p.barcode() != null) {
                assertThat(p.barcode()).startsWith("890").hasSize(13);
                int sum = 0;
                for (int i = 0; i < 12; i++) {
                    sum += (p.barcode().charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
                }
                assertThat(p.barcode().charAt(12) - '0').isEqualTo((10 - sum % 10) % 10);
            }
            assertThat(p.costPrice()).isLessThan(p.sellingPrice());
        }
        // a second load gives the same price list, byte for byte: what makes a second import change nothing
        assertThat(DemoCatalog.load().csv()).isEqualTo(catalog.csv());
        DemoCatalog.Product coke = catalog.bySku("DRK-COKE-750ML");
        assertThat(coke.gstRate()).isEqualByComparingTo("40");
        assertThat(coke.name()).isEqualTo("Coca-Cola 750 ml");
        assertThat(catalog.bySku("BREAD-MOD-400G").gstRate()).isEqualByComparingTo("0");
        assertThat(catalog.bySku("HH-SURF-1KG").gstRate()).isEqualByComparingTo("18");
    }

    @Test
    void costIsTheSellingPriceLessTaxAndMargin() {
        // 265.00 including 5 % GST is 252.380952 taxable; a staple's 7 % margin leaves 234.71
        assertThat(DemoCatalog.cost(new BigDecimal("265.00"), new BigDecimal("5"), "Staples > Atta & Flours")).isEqualByComparingTo("234.71");
    }

    @Test
    void thePlanIsTheSameEveryTimeAndASmallerRunIsItsFirstPart() {
        DemoPlan a = DemoPlan.of(ANCHOR, 300);
        DemoPlan b = DemoPlan.of(ANCHOR, 300);
        DemoPlan small = DemoPlan.of(ANCHOR, 24);
        assertThat(b.sales).isEqualTo(a.sales);
        assertThat(b.bills).isEqualTo(a.bills);
        assertThat(small.sales).isEqualTo(a.sales.subList(0, small.sales.size()));
        assertThat(small.receipts).isEqualTo(a.receipts);
        assertThat(a.sales).hasSize(301);
        // what follows the sales too: a smaller run's refunds and voids are the bigger run's first ones
        assertThat(small.refunds).isNotEmpty().isEqualTo(a.refunds.subList(0, small.refunds.size()));
        assertThat(small.voids).isNotEmpty().isEqualTo(a.voids.subList(0, small.voids.size()));
        assertThat(small.collections).isEqualTo(a.collections);
        assertThat(a.refunds).hasSize(6);
        assertThat(a.voids).hasSize(2);
    }

    @Test
    void everySaleFitsTheCounterStockAndEveryCreditFitsTheLimit() {
        DemoPlan plan = DemoPlan.of(ANCHOR, 2000);
        Map<String, BigDecimal> counter = new HashMap<>();
        plan.receipts.stream().filter(r -> r.location().equals("COUNTER")).forEach(r -> counter.merge(r.sku(), r.quantity(), BigDecimal::add));
        plan.transfers.forEach(t -> t.lines().forEach((sku, q) -> counter.merge(sku, q, BigDecimal::add)));
        plan.adjustments.forEach(x -> counter.merge(x.sku(), x.quantity(), BigDecimal::add));
        Map<String, BigDecimal> owed = new HashMap<>();
        plan.customers.forEach(c -> owed.put(c.phone(), c.openingBalance() == null ? BigDecimal.ZERO : c.openingBalance()));
        for (DemoPlan.Sale s : plan.sales) {
            for (DemoPlan.SaleLine l : s.lines()) {
                counter.merge(l.sku(), l.quantity().negate(), BigDecimal::add);
                assertThat(counter.get(l.sku())).as("sale %d, %s", s.no(), l.sku()).isGreaterThanOrEqualTo(BigDecimal.ONE);
            }
            BigDecimal paid = s.tenders().stream().map(DemoPlan.Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cash = s.tenders().stream().filter(t -> t.type().equals("CASH")).map(DemoPlan.Tender::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!s.tenders().isEmpty()) {
                assertThat(paid).as("sale %d tenders cover the total", s.no()).isGreaterThanOrEqualTo(s.total());
                assertThat(paid.subtract(cash)).as("only cash gives change").isLessThanOrEqualTo(s.total());
            }
            if (s.credit().signum() > 0) {
                BigDecimal after = owed.merge(s.customer().phone(), s.credit(), BigDecimal::add);
                if (s.customer().creditLimit() != null) {
                    assertThat(after).as("%s's khata", s.customer().name()).isLessThanOrEqualTo(s.customer().creditLimit());
                }
            }
        }
    }

    @Test
    void theWorkedExampleAddsUpByHand() {
        DemoPlan plan = DemoPlan.of(ANCHOR, 300);
        DemoPlan.Sale asha = plan.sale(0);
        // 2 × Aashirvaad atta 5 kg at 265.00 + 1 × Tata salt at 28.00, on her khata
        assertThat(asha.total()).isEqualByComparingTo("558.00");
        assertThat(asha.credit()).isEqualByComparingTo("558.00");
        assertThat(plan.sales).filteredOn(s -> s.no() > 0)
                .allSatisfy(s -> assertThat(s.lines()).noneMatch(l -> l.sku().startsWith("ATTA-AASH") || l.sku().equals("SALT-TATA-1KG")));
        // the other sale totals: tax-inclusive prices, line discounts before tax, rounded to the rupee
        assertThat(DemoPlan.total(List.of(new DemoPlan.SaleLine("X", new BigDecimal("1.5"), new BigDecimal("36.00"), null, null),
                new DemoPlan.SaleLine("Y", new BigDecimal("3"), new BigDecimal("20.00"), null, new BigDecimal("10")),
                new DemoPlan.SaleLine("Z", new BigDecimal("0.25"), new BigDecimal("165.00"), null, null))))
                .isEqualByComparingTo("149.00"); // 54.00 + (60.00 - 6.00) + 41.25 = 149.25
        // bill SBT/26-27/1342 line 1: 20 bags at 234.71 + 5 %
        DemoPlan.Bill bill = plan.bills.stream().filter(b -> b.key().equals("balaji-2")).findFirst().orElseThrow();
        assertThat(bill.lines().get(0).sku()).isEqualTo(DemoPlan.WORKED_PRODUCT);
        assertThat(bill.lines().get(0).quantity()).isEqualByComparingTo("20");
    }

    @Test
    void suppliersHaveValidGstins() {
        DemoPlan plan = DemoPlan.of(ANCHOR, 0);
        plan.suppliers.stream().filter(s -> s.gstin() != null).forEach(s -> {
            assertThat(Gstin.isValid(s.gstin())).as(s.gstin()).isTrue();
            assertThat(s.gstin()).startsWith(s.stateCode());
        });
        assertThatThrownBy(() -> DemoPlan.of(ANCHOR, 2001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreParsed() {
        assertThat(DemoShop.parse(new String[]{}).gateway()).isEqualTo("http://127.0.0.1:8080");
        assertThat(DemoShop.parse(new String[]{"--port-offset", "3000", "--small"}))
                .satisfies(o -> {
                    assertThat(o.gateway()).isEqualTo("http://127.0.0.1:11080");
                    assertThat(o.sales()).isEqualTo(24);
                });
        assertThat(DemoShop.parse(new String[]{"--gateway=http://shop.example/", "--sales", "50"}).gateway()).isEqualTo("http://shop.example");
        assertThat(DemoShop.parse(new String[]{"--help"})).isNull();
        assertThatThrownBy(() -> DemoShop.parse(new String[]{"--sales", "many"})).hasMessageContaining("number");
        assertThatThrownBy(() -> DemoShop.parse(new String[]{"--frobnicate"})).hasMessageContaining("unknown option");
    }
}
