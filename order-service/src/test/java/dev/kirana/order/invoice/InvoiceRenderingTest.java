package dev.kirana.order.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.OrderView;
import dev.kirana.order.pricing.TenderType;
import dev.kirana.order.shop.ShopProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceRenderingTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static final ShopProfile SHOP = new ShopProfile("s1", "Sharma General Store", "29", "29AAPFU0939F1ZU",
            RegistrationType.REGULAR, "INR", 4, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, "12 MG Road, Bengaluru",
            "Thank you, visit again!", null, null, true);

    /** The mixed cart of SaleCalculatorTest sold inter-state to a registered buyer in Maharashtra. */
    static OrderView sale(DocumentType doc, SupplyType supply) {
        boolean igst = supply == SupplyType.INTER_STATE;
        List<OrderView.Line> lines = List.of(
                new OrderView.Line(1, "p1", "ATTA-5", null, "Aashirvaad Atta 5 kg", "1101", "PCS", d("2"), d("245.50"), true,
                        d("5"), d("491.00"), d("0.00"), d("467.62"), igst ? d("0") : d("11.69"), igst ? d("0") : d("11.69"),
                        igst ? d("23.38") : d("0"), d("491.00"), d("0")),
                new OrderView.Line(2, "p2", "BISC", null, "Marie biscuits 250 g", "1905", "PCS", d("3"), d("25.40"), false,
                        d("18"), d("76.20"), d("0.00"), d("76.20"), igst ? d("0") : d("6.86"), igst ? d("0") : d("6.86"),
                        igst ? d("13.72") : d("0"), igst ? d("89.92") : d("89.92"), d("0")));
        return new OrderView(UUID.randomUUID(), OrderStatus.CONFIRMED, "INV/2627/00042", LocalDate.of(2026, 11, 21), doc,
                "u-cashier", null, "INR", new OrderView.Customer("Patil Traders", "9876543210", igst ? "27AAPFU0939F1ZV" : null),
                "29", igst ? "27" : "29", supply, lines, d("567.20"), d("0.00"), d("543.82"),
                igst ? d("0") : d("18.55"), igst ? d("0") : d("18.55"), igst ? d("37.10") : d("0"), d("0.08"), d("581.00"),
                List.of(new OrderView.Tender(TenderType.UPI, d("300.00"), d("300.00"), d("0.00"), "UTR77", null),
                        new OrderView.Tender(TenderType.CASH, d("500.00"), d("281.00"), d("219.00"), null, null)),
                d("800.00"), d("219.00"), d("0.00"), 5, 0, null, Instant.now(), Instant.now(), Instant.now(), Instant.now(), null, null);
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        return text.toString();
    }

    @Test
    void taxInvoicePdfShowsBothGstinsHsnIgstRoundOffAndWords() throws Exception {
        byte[] pdf = InvoicePdf.render(InvoiceData.of(sale(DocumentType.TAX_INVOICE, SupplyType.INTER_STATE), SHOP));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("TAX INVOICE", "INV/2627/00042", "21-11-2026", "Sharma General Store", "29AAPFU0939F1ZU",
                "27AAPFU0939F1ZV", "Maharashtra (27)", "Reverse charge: No", "1101", "1905", "IGST", "23.38", "13.72",
                "37.10", "Round off", "0.08", "581.00", "Rupees Five Hundred Eighty One Only", "change returned 219.00");
        assertThat(text).doesNotContain("CGST");
    }

    @Test
    void intraStateInvoiceSplitsCgstAndSgstPerRate() throws Exception {
        String text = pdfText(InvoicePdf.render(InvoiceData.of(sale(DocumentType.TAX_INVOICE, SupplyType.INTRA_STATE), SHOP)));
        assertThat(text).contains("CGST", "SGST", "2.5%", "9%", "11.69", "6.86", "18.55");
        assertThat(text).doesNotContain("IGST");
    }

    @Test
    void billOfSupplyChargesNoTaxAndSaysWhy() throws Exception {
        ShopProfile composition = new ShopProfile("s1", "Sharma General Store", "29", "29AAPFU0939F1ZU",
                RegistrationType.COMPOSITION, "INR", 4, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, true);
        String text = pdfText(InvoicePdf.render(InvoiceData.of(sale(DocumentType.BILL_OF_SUPPLY, SupplyType.INTRA_STATE), composition)));
        assertThat(text).contains("BILL OF SUPPLY", "Composition taxable person, not eligible to collect tax on supplies");
        assertThat(text).doesNotContain("CGST", "Reverse charge");
    }

    @Test
    void thermalReceiptFitsTheRollAndAddsUp() {
        InvoiceData data = InvoiceData.of(sale(DocumentType.TAX_INVOICE, SupplyType.INTRA_STATE), SHOP);
        for (ThermalReceipt.Paper paper : ThermalReceipt.Paper.values()) {
            String receipt = ThermalReceipt.render(data, paper);
            assertThat(Arrays.stream(receipt.split("\n"))).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(paper.columns()));
            assertThat(receipt).matches("[\\x20-\\x7e\\n]+");
            assertThat(receipt).contains("TAX INVOICE", "INV/2627/00042", "Round off", "0.08", "Change", "219.00");
            assertThat(receipt.lines().filter(l -> l.startsWith("TOTAL Rs")).findFirst()).hasValueSatisfying(l -> assertThat(l).endsWith("581.00"));
        }
        String narrow = ThermalReceipt.render(data, ThermalReceipt.Paper.MM58);
        assertThat(narrow).contains(" CGST 2.5%", " SGST 9%");
    }
}
