package dev.kirana.order.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.FinancialYear;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.order.Customer;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderLine;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.Sale;
import dev.kirana.order.order.Tender;
import dev.kirana.order.order.Totals;
import dev.kirana.order.pricing.TenderType;
import dev.kirana.order.shop.ShopProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IRN request of a B2B sale of a Pune shop (27AAPFU0939F1ZV), figures by hand:
 * <ul>
 *   <li>line 1: 2 × basmati rice 25 kg at ₹1500.00 before tax, 5 %, ₹100.00 off: gross 3000.00, taxable 2900.00;
 *   intra-state CGST = SGST = 2900.00 × 2.5 % = 72.50 (line 3045.00); inter-state IGST = 2900.00 × 5 % = 145.00.</li>
 *   <li>line 2: 3 × sugar at ₹48.00 including 5 %, 10 % off: gross 144.00, discount 14.40, net 129.60.
 *   Intra: base 129.60 × 100/105 = 123.43, CGST = SGST = 123.43 × 2.5 % = 3.09, taxable 129.60 − 6.18 = 123.42.
 *   Inter: IGST = 123.43 × 5 % = 6.17, taxable 129.60 − 6.17 = 123.43. The discount without tax is
 *   14.40 × 100/105 = 13.71, so TotAmt = 123.42 + 13.71 = 137.13 (intra; unit price 137.13 / 3 = 45.71) and
 *   123.43 + 13.71 = 137.14 (inter; 137.14 / 3 = 45.713).</li>
 *   <li>invoice: taxable 3023.42 + 75.59 + 75.59 = 3174.60 (intra), 3023.43 + 151.17 = 3174.60 (inter), rounded
 *   to 3175.00 with +0.40.</li>
 * </ul>
 */
class IrnRequestBuilderTest {
    static final String SELLER = "27AAPFU0939F1ZV";
    static final String BUYER_MH = "27AABCK5678M1ZW";
    static final String BUYER_KA = "29AAKFK1234L1Z3";
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final ShopProfile SHOP = new ShopProfile("shop-1", "Sharma General Store", "27", SELLER, RegistrationType.REGULAR,
            "INR", 4, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, "14 Station Road, Pune", null, null, null, true, java.util.EnumSet.allOf(dev.kirana.order.pricing.TenderType.class));
    static final EInvoiceSettings SETTINGS = new EInvoiceSettings(true, new BigDecimal("62000000.00"), null,
            "Sharma General Store Private Limited", "14 Station Road", null, "Pune", "411001");
    static final BuyerAddress KULKARNI = new BuyerAddress("Kulkarni Traders LLP", "Shop 4, Market Yard", null, "Bengaluru", "560002");

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Order sale(SupplyType supply, String buyerGstin) {
        boolean intra = supply == SupplyType.INTRA_STATE;
        BigDecimal zero = d("0.00");
        OrderLine rice = new OrderLine(1, "p-rice", "RICE-25", null, "Basmati rice 25 kg", "100630", "KG", d("2.000"),
                d("1500.00"), false, d("5.00"), d("3000.00"), d("100.00"), d("2900.00"), intra ? d("72.50") : zero,
                intra ? d("72.50") : zero, intra ? zero : d("145.00"), d("3045.00"), d("0.000"));
        OrderLine sugar = new OrderLine(2, "p-sugar", "SUGAR-1KG", null, "Sugar 1 kg", "170199", "PCS", d("3.000"),
                d("48.00"), true, d("5.00"), d("144.00"), d("14.40"), intra ? d("123.42") : d("123.43"),
                intra ? d("3.09") : zero, intra ? d("3.09") : zero, intra ? zero : d("6.17"), d("129.60"), d("0.000"));
        Totals totals = intra
                ? new Totals(d("3144.00"), d("114.40"), d("3023.42"), d("75.59"), d("75.59"), zero, d("0.40"), d("3175.00"))
                : new Totals(d("3144.00"), d("114.40"), d("3023.43"), zero, zero, d("151.17"), d("0.40"), d("3175.00"));
        Instant at = Instant.parse("2026-12-02T06:00:00Z");
        Sale sale = new Sale(UUID.randomUUID(), DocumentType.TAX_INVOICE, "u-cashier", null, "INR",
                new Customer("Kulkarni Traders", "9800000002", buyerGstin), "27", buyerGstin == null ? "27" : buyerGstin.substring(0, 2),
                supply, List.of(rice, sugar), totals,
                List.of(new Tender(TenderType.CREDIT, d("3175.00"), d("3175.00"), zero, null, null)),
                d("3175.00"), zero, 0, at, at.plusSeconds(30), null);
        return new Order(sale, OrderStatus.CONFIRMED, "INV/2627/00042", DAY, at, at, null, 0, null, 0, zero, null, null, null);
    }

    /** The request as the service writes it: with the suite's mapper, which writes other decimals as strings. */
    static String json(IrnRequest request) {
        JsonMapper mapper = JsonMapper.builder()
                .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
        return mapper.writeValueAsString(request);
    }

    @Test
    void anIntraStateB2bInvoiceInTheSchema() {
        IrnRequest r = IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), SHOP, SETTINGS, KULKARNI);

        assertThat(r.version()).isEqualTo("1.1");
        assertThat(r.tranDtls()).isEqualTo(new IrnRequest.TranDtls("GST", "B2B", "N", "N"));
        assertThat(r.docDtls()).isEqualTo(new IrnRequest.DocDtls("INV", "INV/2627/00042", "02/12/2026"));
        assertThat(r.sellerDtls()).isEqualTo(new IrnRequest.SellerDtls(SELLER, "Sharma General Store Private Limited",
                "14 Station Road", null, "Pune", 411001, "27"));
        assertThat(r.buyerDtls()).isEqualTo(new IrnRequest.BuyerDtls(BUYER_MH, "Kulkarni Traders LLP", "27",
                "Shop 4, Market Yard", null, "Bengaluru", 560002, "27"));
        IrnRequest.Item rice = r.itemList().get(0);
        assertThat(rice.slNo()).isEqualTo("1");
        assertThat(rice.isServc()).isEqualTo("N");
        assertThat(rice.hsnCd()).isEqualTo("100630");
        assertThat(rice.unit()).isEqualTo("KGS");
        assertThat(List.of(rice.qty(), rice.unitPrice(), rice.totAmt(), rice.discount(), rice.assAmt(), rice.gstRt(),
                rice.cgstAmt(), rice.sgstAmt(), rice.igstAmt(), rice.totItemVal()))
                .containsExactly(d("2.000"), d("1500.00"), d("3000.00"), d("100.00"), d("2900.00"), d("5"), d("72.50"),
                        d("72.50"), d("0.00"), d("3045.00"));
        IrnRequest.Item sugar = r.itemList().get(1);
        assertThat(sugar.unit()).isEqualTo("PCS");
        assertThat(List.of(sugar.qty(), sugar.unitPrice(), sugar.totAmt(), sugar.discount(), sugar.assAmt(), sugar.cgstAmt(),
                sugar.sgstAmt(), sugar.igstAmt(), sugar.totItemVal()))
                .containsExactly(d("3.000"), d("45.710"), d("137.13"), d("13.71"), d("123.42"), d("3.09"), d("3.09"),
                        d("0.00"), d("129.60"));
        assertThat(r.valDtls()).isEqualTo(new IrnRequest.ValDtls(d("3023.42"), d("75.59"), d("75.59"), d("0.00"), d("0.40"),
                d("3175.00")));

        String json = json(r);
        assertThat(json).contains("\"AssVal\":3023.42", "\"TotInvVal\":3175.00", "\"Pin\":411001", "\"Qty\":2.000",
                "\"RndOffAmt\":0.40");
        assertThat(IrnSchema.violations(json)).isEmpty();
    }

    @Test
    void anInterStateB2bInvoiceBearsIgstAndThePlaceOfSupplyIsTheBuyersState() {
        IrnRequest r = IrnRequestBuilder.build(sale(SupplyType.INTER_STATE, BUYER_KA), SHOP, SETTINGS, KULKARNI);

        assertThat(r.buyerDtls().pos()).isEqualTo("29");
        assertThat(r.buyerDtls().stcd()).isEqualTo("29");
        assertThat(r.sellerDtls().stcd()).isEqualTo("27");
        IrnRequest.Item rice = r.itemList().get(0);
        assertThat(List.of(rice.cgstAmt(), rice.sgstAmt(), rice.igstAmt(), rice.totItemVal()))
                .containsExactly(d("0.00"), d("0.00"), d("145.00"), d("3045.00"));
        IrnRequest.Item sugar = r.itemList().get(1);
        assertThat(List.of(sugar.unitPrice(), sugar.totAmt(), sugar.discount(), sugar.assAmt(), sugar.igstAmt(), sugar.totItemVal()))
                .containsExactly(d("45.713"), d("137.14"), d("13.71"), d("123.43"), d("6.17"), d("129.60"));
        assertThat(r.valDtls()).isEqualTo(new IrnRequest.ValDtls(d("3023.43"), d("0.00"), d("0.00"), d("151.17"), d("0.40"),
                d("3175.00")));
        assertThat(IrnSchema.violations(json(r))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatThePortalWould() {
        String good = json(IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), SHOP, SETTINGS, KULKARNI));
        assertThat(IrnSchema.violations(good.replace("\"Pin\":411001", "\"Pin\":\"411001\""))).isNotEmpty();
        assertThat(IrnSchema.violations(good.replace("\"HsnCd\":\"100630\"", "\"HsnCd\":\"10063\""))).isNotEmpty();
        assertThat(IrnSchema.violations(good.replace("\"SupTyp\":\"B2B\"", "\"SupTyp\":\"B2C\""))).isNotEmpty();
        assertThat(IrnSchema.violations(good.replace("\"Dt\":\"02/12/2026\"", "\"Dt\":\"2026-12-02\""))).isNotEmpty();
        assertThat(IrnSchema.violations(good.replace("\"AssVal\":3023.42", "\"AssVal\":\"3023.42\""))).isNotEmpty();
        assertThat(IrnSchema.violations(good.replace("\"ValDtls\"", "\"ValDetails\""))).isNotEmpty();
    }

    @Test
    void aMissingMandatoryValueIsNamedNeverMadeUp() {
        EInvoiceSettings bare = new EInvoiceSettings(true, new BigDecimal("62000000.00"), null, null, null, null, null, null);
        assertThatThrownBy(() -> IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), SHOP, bare, BuyerAddress.none()))
                .isInstanceOfSatisfying(IrnRequestBuilder.MissingValues.class, e -> assertThat(e.missing())
                        .extracting(IrnRequestBuilder.Missing::field)
                        .containsExactly("SellerDtls.Addr1", "SellerDtls.Loc", "SellerDtls.Pin", "BuyerDtls.Addr1",
                                "BuyerDtls.Loc", "BuyerDtls.Pin"));
        // the shop's name and the sale's customer name stand in for the legal names when none is given
        IrnRequest r = IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), SHOP,
                new EInvoiceSettings(true, new BigDecimal("62000000.00"), null, null, "14 Station Road", null, "Pune", "411001"),
                new BuyerAddress(null, "Shop 4, Market Yard", null, "Bengaluru", "560002"));
        assertThat(r.sellerDtls().lglNm()).isEqualTo("Sharma General Store");
        assertThat(r.buyerDtls().lglNm()).isEqualTo("Kulkarni Traders");
    }

    @Test
    void aShopAboveFiveCroreNeedsSixDigitHsnCodes() {
        Order order = sale(SupplyType.INTRA_STATE, BUYER_MH);
        OrderLine rice = order.sale().lines().get(0);
        OrderLine fourDigits = new OrderLine(1, rice.productId(), rice.sku(), null, rice.name(), "1006", rice.unit(), rice.quantity(),
                rice.unitPrice(), false, rice.gstRate(), rice.gross(), rice.discount(), rice.taxableValue(), rice.cgst(),
                rice.sgst(), rice.igst(), rice.lineTotal(), rice.refundedQuantity());
        Sale s = order.sale().withLinesAndTenders(List.of(fourDigits, order.sale().lines().get(1)), order.sale().tenders());
        Order withFour = new Order(s, OrderStatus.CONFIRMED, "INV/2627/00042", DAY, null, null, null, 0, null, 0, d("0.00"),
                null, null, null);
        assertThatThrownBy(() -> IrnRequestBuilder.build(withFour, SHOP, SETTINGS, KULKARNI))
                .isInstanceOfSatisfying(IrnRequestBuilder.MissingValues.class, e -> assertThat(e.missing())
                        .extracting(IrnRequestBuilder.Missing::field).containsExactly("ItemList[0].HsnCd"));
        // a shop that declares ₹5 crore or less (threshold lowered to e-invoice anyway) may print 4 digits
        EInvoiceSettings smaller = new EInvoiceSettings(true, new BigDecimal("40000000.00"), new BigDecimal("30000000.00"),
                null, "14 Station Road", null, "Pune", "411001");
        assertThat(IrnRequestBuilder.build(withFour, SHOP, smaller, KULKARNI).itemList().get(0).hsnCd()).isEqualTo("1006");
    }

    @Test
    void onlyB2bTaxInvoicesOfAShopAboveTheThresholdAreEInvoiced() {
        assertThatThrownBy(() -> IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, null), SHOP, SETTINGS, KULKARNI))
                .isInstanceOf(IrnRequestBuilder.NotApplicable.class).hasMessageContaining("B2C");
        // ₹5 crore exactly does not exceed ₹5 crore
        EInvoiceSettings atThreshold = new EInvoiceSettings(true, new BigDecimal("50000000.00"), null, null, null, null, null, null);
        assertThatThrownBy(() -> IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), SHOP, atThreshold, KULKARNI))
                .isInstanceOf(IrnRequestBuilder.NotApplicable.class).hasMessageContaining("does not exceed");
        EInvoiceSettings off = new EInvoiceSettings(false, new BigDecimal("62000000.00"), null, null, null, null, null, null);
        assertThatThrownBy(() -> IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), SHOP, off, KULKARNI))
                .isInstanceOf(IrnRequestBuilder.NotApplicable.class).hasMessageContaining("off");
        ShopProfile composition = new ShopProfile("shop-1", "Sharma", "27", SELLER, RegistrationType.COMPOSITION, "INR", 4,
                "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, true, java.util.EnumSet.allOf(dev.kirana.order.pricing.TenderType.class));
        assertThatThrownBy(() -> IrnRequestBuilder.build(sale(SupplyType.INTRA_STATE, BUYER_MH), composition, SETTINGS, KULKARNI))
                .isInstanceOf(IrnRequestBuilder.NotApplicable.class).hasMessageContaining("bill of supply");
    }

    @Test
    void theIrnIsTheSha256OfGstinFinancialYearTypeAndNumber() {
        // printf '%s' '27AAPFU0939F1ZV2026-27INVINV/2627/00042' | sha256sum
        assertThat(Irn.hashed(SELLER, DAY, "INV", "INV/2627/00042")).isEqualTo("27AAPFU0939F1ZV2026-27INVINV/2627/00042");
        assertThat(Irn.of(SELLER, DAY, "INV", "INV/2627/00042"))
                .isEqualTo("82b419aeb185d91a8784f5d79b5e5aa97ccbca5873172268b4fd583b3b0d1476");
        // 31 March 2026 is still 2025-26: printf '%s' '27AAPFU0939F1ZV2025-26INVINV/2526/00007' | sha256sum
        assertThat(Irn.of(SELLER, LocalDate.of(2026, 3, 31), "INV", "INV/2526/00007"))
                .isEqualTo("155c7a75aba4d2bacdf5f0bc232c4a6de226940b325b658f8ead7012ed607230");
        assertThat(FinancialYear.of(LocalDate.of(2026, 4, 1)).startYear()).isEqualTo(2026);
    }

    @Test
    void catalogUnitsMapToGstUnitQuantityCodes() {
        assertThat(UnitQuantityCode.of("PCS")).isEqualTo("PCS");
        assertThat(UnitQuantityCode.of("kg")).isEqualTo("KGS");
        assertThat(UnitQuantityCode.of("G")).isEqualTo("GMS");
        assertThat(UnitQuantityCode.of("L")).isEqualTo("LTR");
        assertThat(UnitQuantityCode.of("ML")).isEqualTo("MLT");
        assertThat(UnitQuantityCode.of("NOS")).isEqualTo("NOS");
        assertThat(UnitQuantityCode.of("DOZEN")).isEqualTo("DOZ");
        assertThat(UnitQuantityCode.of("PKT")).isEqualTo("PAC");
        assertThat(UnitQuantityCode.of("BUNDLEOFTEN")).isEqualTo("OTH");
        assertThat(UnitQuantityCode.of(null)).isEqualTo("OTH");
    }
}
