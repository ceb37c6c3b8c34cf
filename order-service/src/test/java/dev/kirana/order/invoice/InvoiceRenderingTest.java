package dev.kirana.order.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.order.OrderStatus;
import dev.kirana.order.order.Customer;
import dev.kirana.order.order.Order;
import dev.kirana.order.order.OrderLine;
import dev.kirana.order.order.Sale;
import dev.kirana.order.order.Tender;
import dev.kirana.order.order.Totals;
import dev.kirana.order.pricing.TenderType;
import dev.kirana.order.shop.ShopProfile;
import dev.kirana.order.upi.Qr;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class InvoiceRenderingTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static final ShopProfile SHOP = new ShopProfile("s1", "Sharma General Store", "29", "29AAPFU0939F1ZU",
            RegistrationType.REGULAR, "INR", 4, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, "12 MG Road, Bengaluru",
            "Thank you, visit again!", null, null, true, java.util.EnumSet.allOf(dev.kirana.order.pricing.TenderType.class));

    /** The mixed cart of SaleCalculatorTest sold inter-state to a registered buyer in Maharashtra. */
    static Order sale(DocumentType doc, SupplyType supply) {
        return confirmed(sold(doc, supply), OrderStatus.CONFIRMED);
    }

    static Sale sold(DocumentType doc, SupplyType supply) {
        boolean igst = supply == SupplyType.INTER_STATE;
        List<OrderLine> lines = List.of(
                new OrderLine(1, "p1", "ATTA-5", null, "Aashirvaad Atta 5 kg", "1101", "PCS", d("2"), d("245.50"), true,
                        d("5"), d("491.00"), d("0.00"), d("467.62"), igst ? d("0") : d("11.69"), igst ? d("0") : d("11.69"),
                        igst ? d("23.38") : d("0"), d("491.00"), d("0")),
                new OrderLine(2, "p2", "BISC", null, "Marie biscuits 250 g", "1905", "PCS", d("3"), d("25.40"), false,
                        d("18"), d("76.20"), d("0.00"), d("76.20"), igst ? d("0") : d("6.86"), igst ? d("0") : d("6.86"),
                        igst ? d("13.72") : d("0"), igst ? d("89.92") : d("89.92"), d("0")));
        return new Sale(UUID.randomUUID(), doc, "u-cashier", null, "INR",
                new Customer("Patil Traders", "9876543210", igst ? "27AAPFU0939F1ZV" : null),
                "29", igst ? "27" : "29", supply, lines, new Totals(d("567.20"), d("0.00"), d("543.82"),
                igst ? d("0") : d("18.55"), igst ? d("0") : d("18.55"), igst ? d("37.10") : d("0"), d("0.08"), d("581.00")),
                List.of(new Tender(TenderType.UPI, d("300.00"), d("300.00"), d("0.00"), "UTR77", null),
                        new Tender(TenderType.CASH, d("500.00"), d("281.00"), d("219.00"), null, null)),
                d("800.00"), d("219.00"), 0, Instant.now(), Instant.now(), null);
    }

    /** {@code sold}, confirmed as INV/2627/00042 on 21-11-2026 and now {@code status}. */
    static Order confirmed(Sale sold, OrderStatus status) {
        return new Order(sold, status, "INV/2627/00042", LocalDate.of(2026, 11, 21), Instant.now(), Instant.now(), null,
                5, BigDecimal.ONE, 0, d("0.00"), null, null, null);
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
                RegistrationType.COMPOSITION, "INR", 4, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, true, java.util.EnumSet.allOf(dev.kirana.order.pricing.TenderType.class));
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

    static final ShopProfile UPI_SHOP = new ShopProfile("s1", "Sharma General Store", "29", "29AAPFU0939F1ZU",
            RegistrationType.REGULAR, "INR", 4, "INV", "CN", BigDecimal.ONE, BigDecimal.ONE, null, null,
            "sharmastore@okhdfcbank", "Sharma & Sons", true, java.util.EnumSet.allOf(dev.kirana.order.pricing.TenderType.class));

    /** The sale of {@link #sale} with ₹300 by UPI and the other ₹281 put on the customer's khata. */
    static Order onKhata() {
        return onKhata(OrderStatus.CONFIRMED);
    }

    static Order onKhata(OrderStatus status) {
        Sale sold = sold(DocumentType.TAX_INVOICE, SupplyType.INTRA_STATE);
        return confirmed(sold.withLinesAndTenders(sold.lines(), List.of(
                new Tender(TenderType.UPI, d("300.00"), d("300.00"), d("0.00"), "UTR77", null),
                new Tender(TenderType.CREDIT, d("281.00"), d("281.00"), d("0.00"), null, null))), status);
    }

    @Test
    void theAmountDueOnKhataIsPrintedWithAUpiQrCodeThatPaysItForTheInvoice() throws Exception {
        byte[] pdf = InvoicePdf.render(InvoiceData.of(onKhata(), UPI_SHOP));
        assertThat(pdfText(pdf)).contains("Scan to pay INR 281.00 by UPI", "sharmastore@okhdfcbank", "Sharma & Sons");
        List<BufferedImage> images = images(pdf);
        assertThat(images).hasSize(1);
        assertThat(Qr.decode(images.get(0))).isEqualTo("upi://pay?pa=sharmastore@okhdfcbank&pn=Sharma%20%26%20Sons"
                + "&am=281.00&cu=INR&tn=Invoice%20INV%2F2627%2F00042&tr=INV%2F2627%2F00042");

        String receipt = ThermalReceipt.render(InvoiceData.of(onKhata(), UPI_SHOP), ThermalReceipt.Paper.MM80);
        assertThat(receipt.replace('\n', ' ')).contains("Due Rs 281.00: pay by UPI to sharmastore@okhdfcbank, ref INV/2627/00042");
    }

    @Test
    void aSalePaidInFullOrAShopWithoutUpiPrintsNoCode() throws Exception {
        byte[] paid = InvoicePdf.render(InvoiceData.of(sale(DocumentType.TAX_INVOICE, SupplyType.INTRA_STATE), UPI_SHOP));
        assertThat(images(paid)).isEmpty();
        assertThat(pdfText(paid)).doesNotContain("Scan to pay");
        byte[] noVpa = InvoicePdf.render(InvoiceData.of(onKhata(), SHOP));
        assertThat(images(noVpa)).isEmpty();
        Order voided = onKhata(OrderStatus.VOIDED);
        assertThat(InvoiceData.of(voided, UPI_SHOP).upi()).isNull();
    }

    /** The image XObjects of the PDF's pages, decoded (grey or RGB, 1 or 8 bits). */
    public static List<BufferedImage> images(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        List<BufferedImage> images = new ArrayList<>();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            PdfDictionary resources = reader.getPageN(p).getAsDict(PdfName.RESOURCES);
            PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
            if (xobjects == null) continue;
            for (PdfName name : xobjects.getKeys()) {
                PdfObject o = PdfReader.getPdfObject(xobjects.get(name));
                if (o instanceof PRStream s && PdfName.IMAGE.equals(s.getAsName(PdfName.SUBTYPE))) {
                    images.add(image(s));
                }
            }
        }
        return images;
    }

    private static BufferedImage image(PRStream s) throws Exception {
        int w = s.getAsNumber(PdfName.WIDTH).intValue();
        int h = s.getAsNumber(PdfName.HEIGHT).intValue();
        int bits = s.getAsNumber(PdfName.BITSPERCOMPONENT).intValue();
        PdfObject cs = PdfReader.getPdfObject(s.get(PdfName.COLORSPACE));
        int components = PdfName.DEVICERGB.equals(cs) ? 3 : 1;
        assertThat(PdfName.DEVICEGRAY.equals(cs) || PdfName.DEVICERGB.equals(cs)).as("colour space " + cs).isTrue();
        byte[] data = PdfReader.getStreamBytes(s);
        int rowBytes = (w * bits * components + 7) / 8;
        int scale = Math.max(3, 240 / w); // a module of a few pixels, as a camera sees it (3 for a dense code)
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean white = bits == 1 ? (data[y * rowBytes + x / 8] >> (7 - x % 8) & 1) == 1
                        : (data[y * rowBytes + x * components] & 0xFF) >= 128;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(x * scale + dx, y * scale + dy, white ? 0xFFFFFF : 0x000000);
                    }
                }
            }
        }
        return img;
    }
}
