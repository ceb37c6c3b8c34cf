package dev.kirana.accounting.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.AccountType;
import dev.kirana.accounting.chart.ChartAccount;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Tally XML written and read back with a DOM parser; the balance answers Tally gives, good and bad. */
class TallyXmlTest {
    static final String SHOP = "shop-xml";
    static final UUID ASHA = UUID.fromString("2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11");
    static final List<ChartAccount> CHART = List.of(
            new ChartAccount("1000", "Cash in hand", AccountType.ASSET, AccountGroup.CASH_IN_HAND, null, true),
            new ChartAccount("1100", "Customers (khata)", AccountType.ASSET, AccountGroup.SUNDRY_DEBTORS, null, true),
            new ChartAccount("2110", "Output SGST/UTGST", AccountType.LIABILITY, AccountGroup.DUTIES_AND_TAXES, null, true),
            new ChartAccount("2100", "Output CGST", AccountType.LIABILITY, AccountGroup.DUTIES_AND_TAXES, null, true),
            new ChartAccount("4000", "Sales", AccountType.INCOME, AccountGroup.SALES_ACCOUNTS, null, true),
            new ChartAccount("4010", "Sales returns", AccountType.INCOME, AccountGroup.SALES_RETURNS, null, true));

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aCreditSaleIsASalesVoucherWithDebitsNegativeAndTheCustomerAsParty() throws Exception {
        // a sale of 1,000.00 + CGST 25.00 + SGST 25.00 = 1,050.00 on Asha's khata
        TallyLedgers ledgers = new TallyLedgers(SHOP, CHART, List.of(new TallyLedgers.Party(ASHA, true, "Asha Patil", "9876500001", null, "27")));
        UUID entry = UUID.fromString("9a7e0c1d-0000-4000-8000-000000000001");
        TallyBook.Voucher v = TallyVouchers.voucher(SHOP, new TallyVouchers.JournalEntry(entry, LocalDate.of(2026, 10, 2),
                "Sale INV/2627/00001", "order.confirmed:o-1", null, List.of(
                new TallyVouchers.JournalLine("1100", d("1050.00"), d("0.00"), ASHA),
                new TallyVouchers.JournalLine("4000", d("0.00"), d("1000.00"), null),
                new TallyVouchers.JournalLine("2100", d("0.00"), d("25.00"), null),
                new TallyVouchers.JournalLine("2110", d("0.00"), d("25.00"), null))), ledgers);
        byte[] xml = TallyXml.importFile(TallyXml.Kind.ALL, "Sri Lakshmi Stores", ledgers.masters(), List.of(
                new TallyBook.StockItem(TallyBook.guid(SHOP, "stock:p-atta"), "Atta 5 kg", "p-atta", "1101", "PCS", d("5"))), List.of(v));

        Document doc = parse(xml);
        assertThat(text(doc.getDocumentElement(), "TALLYREQUEST")).isEqualTo("Import Data");
        assertThat(text(doc.getDocumentElement(), "REPORTNAME")).isEqualTo("Vouchers");
        assertThat(text(doc.getDocumentElement(), "SVCURRENTCOMPANY")).isEqualTo("Sri Lakshmi Stores");

        Element voucher = (Element) doc.getElementsByTagName("VOUCHER").item(0);
        assertThat(voucher.getAttribute("VCHTYPE")).isEqualTo("Sales");
        assertThat(voucher.getAttribute("REMOTEID")).isEqualTo(TallyBook.guid(SHOP, "voucher:" + entry));
        assertThat(text(voucher, "GUID")).isEqualTo(voucher.getAttribute("REMOTEID"));
        assertThat(text(voucher, "DATE")).isEqualTo("20261002");
        assertThat(text(voucher, "VOUCHERNUMBER")).isEqualTo("INV/2627/00001");
        assertThat(text(voucher, "PARTYLEDGERNAME")).isEqualTo("Asha Patil");
        NodeList lines = voucher.getElementsByTagName("ALLLEDGERENTRIES.LIST");
        assertThat(lines.getLength()).isEqualTo(4);
        // the debit: ISDEEMEDPOSITIVE Yes, AMOUNT negative; the credits positive; the amounts sum to zero
        assertThat(line(lines, 0)).isEqualTo("Asha Patil|Yes|-1050.00");
        assertThat(line(lines, 1)).isEqualTo("Sales|No|1000.00");
        assertThat(line(lines, 2)).isEqualTo("Output CGST|No|25.00");
        assertThat(line(lines, 3)).isEqualTo("Output SGST/UTGST|No|25.00");

        // masters: the customer under Sundry Debtors in Maharashtra, sales returns under Sales Accounts
        Element asha = ledger(doc, "Asha Patil");
        assertThat(text(asha, "PARENT")).isEqualTo("Sundry Debtors");
        assertThat(text(asha, "LEDSTATENAME")).isEqualTo("Maharashtra");
        assertThat(text(ledger(doc, "Sales returns"), "PARENT")).isEqualTo("Sales Accounts");
        Element atta = (Element) doc.getElementsByTagName("STOCKITEM").item(0);
        assertThat(text(atta, "HSNCODE")).isEqualTo("1101");
        assertThat(text(atta, "BASEUNITS")).isEqualTo("PCS");
        // 5 % = IGST 5, CGST 2.5, SGST 2.5
        NodeList rates = atta.getElementsByTagName("RATEDETAILS.LIST");
        assertThat(text((Element) rates.item(0), "GSTRATE")).isEqualTo("5");
        assertThat(text((Element) rates.item(1), "GSTRATE")).isEqualTo("2.5");
        assertThat(doc.getElementsByTagName("UNIT").getLength()).isEqualTo(1);
    }

    @Test
    void charactersXmlDoesNotAllowAreLeftOutSoTheFileStillParses() throws Exception {
        TallyLedgers ledgers = new TallyLedgers(SHOP, CHART, List.of());
        TallyBook.Voucher v = TallyVouchers.voucher(SHOP, new TallyVouchers.JournalEntry(UUID.randomUUID(), LocalDate.of(2026, 10, 5),
                "Rent\u0001 for <October> & \u0008more", "manual:m1", "R/14", List.of(
                new TallyVouchers.JournalLine("1000", d("0.00"), d("500.00"), null),
                new TallyVouchers.JournalLine("4000", d("500.00"), d("0.00"), null))), ledgers);
        Document doc = parse(TallyXml.importFile(TallyXml.Kind.VOUCHERS, null, List.of(), List.of(), List.of(v)));
        Element voucher = (Element) doc.getElementsByTagName("VOUCHER").item(0);
        assertThat(text(voucher, "NARRATION")).isEqualTo("Rent for <October> & more");
        assertThat(voucher.getAttribute("VCHTYPE")).isEqualTo("Journal");
        assertThat(text(voucher, "VOUCHERNUMBER")).isEqualTo("R/14");
        assertThat(doc.getElementsByTagName("SVCURRENTCOMPANY").getLength()).isZero();
    }

    @Test
    void aPartyWhoseNameIsTakenIsNamedWithItsPhone() {
        UUID other = UUID.randomUUID();
        TallyLedgers ledgers = new TallyLedgers(SHOP, CHART, List.of(
                new TallyLedgers.Party(ASHA, true, "Asha Patil", "9876500001", null, null),
                new TallyLedgers.Party(other, true, "Asha Patil", "9876500009", null, null)));
        assertThat(ledgers.ledgerOf("1100", ASHA)).isEqualTo("Asha Patil");
        assertThat(ledgers.ledgerOf("1100", other)).isEqualTo("Asha Patil (9876500009)");
        assertThat(ledgers.ledgerOf("1100", null)).isEqualTo("Customers (khata)");
    }

    @Test
    void theGuidOfAnEntryIsTheSameEveryTimeAndDiffersByShop() {
        assertThat(TallyBook.guid("shop-a", "voucher:1")).isEqualTo(TallyBook.guid("shop-a", "voucher:1"))
                .isNotEqualTo(TallyBook.guid("shop-b", "voucher:1"));
    }

    @Test
    void voucherTypesFollowWhatPostedTheEntry() {
        assertThat(TallyVoucherTypes.of("order.confirmed:o1", List.of("1000"))).isEqualTo("Sales");
        assertThat(TallyVoucherTypes.of("order.refunded:r1", List.of("4010"))).isEqualTo("Credit Note");
        assertThat(TallyVoucherTypes.of("order.voided:o1", List.of("4000"))).isEqualTo("Credit Note");
        assertThat(TallyVoucherTypes.of("purchase-bill:b1", List.of("1200"))).isEqualTo("Purchase");
        assertThat(TallyVoucherTypes.of("purchase-return:r1", List.of("2000"))).isEqualTo("Debit Note");
        assertThat(TallyVoucherTypes.of("payment:p1", List.of("1000"))).isEqualTo("Receipt");
        assertThat(TallyVoucherTypes.of("payment:p2", List.of("2000"))).isEqualTo("Payment");
        assertThat(TallyVoucherTypes.of("expense:e1", List.of("5300"))).isEqualTo("Payment");
        assertThat(TallyVoucherTypes.of("bank-deposit:d1", List.of("1051"))).isEqualTo("Contra");
        assertThat(TallyVoucherTypes.of("manual:m1", List.of("1000"))).isEqualTo("Journal");
        assertThat(TallyVoucherTypes.of("stock.committed:o1", List.of("5000"))).isEqualTo("Journal");
    }

    @Test
    void theClosingBalanceRequestAsksForTheLedgerObject() throws Exception {
        Document doc = parse(TallyXml.closingBalanceRequest("Sri Lakshmi Stores", "Sharma Traders", LocalDate.of(2026, 11, 30)));
        Element root = doc.getDocumentElement();
        assertThat(text(root, "TALLYREQUEST")).isEqualTo("Export");
        assertThat(text(root, "TYPE")).isEqualTo("Object");
        assertThat(text(root, "SUBTYPE")).isEqualTo("Ledger");
        assertThat(text(root, "ID")).isEqualTo("Sharma Traders");
        assertThat(text(root, "SVTODATE")).isEqualTo("20261130");
        assertThat(text(root, "SVCURRENTCOMPANY")).isEqualTo("Sri Lakshmi Stores");
    }

    static final String ANSWER = """
            <ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>1</STATUS></HEADER><BODY><DESC></DESC><DATA><TALLYMESSAGE>
            <LEDGER NAME="%s" RESERVEDNAME=""><NAME.LIST><NAME>%s</NAME></NAME.LIST><CLOSINGBALANCE TYPE="Amount">%s</CLOSINGBALANCE></LEDGER>
            </TALLYMESSAGE></DATA></BODY></ENVELOPE>""";

    static byte[] answer(String amount) {
        return ANSWER.formatted("Cash", "Cash", amount).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tallyWritesADebitBalanceNegativeAndTheBooksShowItPositive() {
        assertThat(TallyXml.closingBalance(answer("-12345.50"))).isEqualByComparingTo("12345.50");
        assertThat(TallyXml.closingBalance(answer("8715.00"))).isEqualByComparingTo("-8715.00");
        assertThat(TallyXml.closingBalance(answer("1,250.00 Dr"))).isEqualByComparingTo("1250.00");
        assertThat(TallyXml.closingBalance(answer("1,250.00 Cr"))).isEqualByComparingTo("-1250.00");
        assertThat(TallyXml.closingBalance(answer(""))).isEqualByComparingTo("0.00");
    }

    @Test
    void anAnswerThatIsNotABalanceIsRefused() {
        assertThatThrownBy(() -> TallyXml.closingBalance("<ENVELOPE><BODY><DATA>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TallyXml.BadAnswer.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> TallyXml.closingBalance("""
                <ENVELOPE><HEADER><VERSION>1</VERSION><STATUS>0</STATUS></HEADER><BODY><DATA><LINEERROR>Could not find Ledger 'Nobody'</LINEERROR></DATA></BODY></ENVELOPE>"""
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(TallyXml.BadAnswer.class).hasMessageContaining("Could not find Ledger");
        assertThatThrownBy(() -> TallyXml.closingBalance("<ENVELOPE><HEADER><STATUS>1</STATUS></HEADER></ENVELOPE>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TallyXml.BadAnswer.class).hasMessageContaining("no ledger closing balance");
        assertThatThrownBy(() -> TallyXml.closingBalance(answer("lots")))
                .isInstanceOf(TallyXml.BadAnswer.class).hasMessageContaining("not an amount");
        // an entity from outside the document is never fetched
        assertThatThrownBy(() -> TallyXml.closingBalance("""
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ENVELOPE><LEDGER><CLOSINGBALANCE>&e;</CLOSINGBALANCE></LEDGER></ENVELOPE>"""
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(TallyXml.BadAnswer.class);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    static String line(NodeList lines, int i) {
        Element l = (Element) lines.item(i);
        return text(l, "LEDGERNAME") + "|" + text(l, "ISDEEMEDPOSITIVE") + "|" + text(l, "AMOUNT");
    }

    static Element ledger(Document doc, String name) {
        NodeList ledgers = doc.getElementsByTagName("LEDGER");
        for (int i = 0; i < ledgers.getLength(); i++) {
            Element l = (Element) ledgers.item(i);
            if (l.getAttribute("NAME").equals(name)) {
                return l;
            }
        }
        throw new AssertionError("no ledger " + name);
    }
}
