package dev.kirana.accounting.tally;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Tally's XML over HTTP, written and read with the JDK's StAX. The format followed is TallyPrime's as its Developer
 * Reference publishes it (help.tallysolutions.com → Developer Reference → Integration Capabilities: "Integration With
 * TallyPrime", "Integration of Accounting Masters", "Integration of Inventory Masters", "Case Study I – XML Request
 * and Response Formats"), the TallyPrime 4.x/5.x releases:
 * <ul>
 *   <li>import: {@code ENVELOPE/HEADER/TALLYREQUEST "Import Data"}, {@code BODY/IMPORTDATA/REQUESTDESC} with
 *   {@code REPORTNAME} ("All Masters" or "Vouchers") and {@code STATICVARIABLES/SVCURRENTCOMPANY}, then
 *   {@code REQUESTDATA/TALLYMESSAGE} per object;</li>
 *   <li>a voucher: {@code VOUCHER VCHTYPE=… ACTION="Create" REMOTEID=…} with {@code GUID}, {@code DATE} (yyyyMMdd),
 *   {@code VOUCHERTYPENAME}, {@code VOUCHERNUMBER}, {@code PARTYLEDGERNAME}, {@code NARRATION} and one
 *   {@code ALLLEDGERENTRIES.LIST} per line: {@code LEDGERNAME}, {@code ISDEEMEDPOSITIVE} (Yes for a debit) and the
 *   signed {@code AMOUNT} (negative for a debit, positive for a credit). The same GUID/REMOTEID on every export of
 *   an entry is what lets Tally alter the voucher it imported before instead of adding a second one;</li>
 *   <li>a ledger: {@code LEDGER NAME=… ACTION="Create"} with {@code NAME.LIST}, {@code PARENT} (a Tally default
 *   group), and for a party {@code PARTYGSTIN}, {@code GSTREGISTRATIONTYPE}, {@code LEDSTATENAME},
 *   {@code COUNTRYNAME} — the GST tags of the releases before TallyPrime 3.0's LEDGSTREGDETAILS.LIST, which later
 *   releases still import;</li>
 *   <li>a stock item: {@code STOCKITEM NAME=… ACTION="Create"} with {@code BASEUNITS}, {@code GSTAPPLICABLE} and
 *   {@code GSTDETAILS.LIST} ({@code HSNCODE}, {@code TAXABILITY}, {@code STATEWISEDETAILS.LIST/RATEDETAILS.LIST}
 *   with {@code GSTRATEDUTYHEAD} IGST, CGST, SGST/UTGST and {@code GSTRATE}), after the {@code UNIT} masters they use.
 *   Tally's own exports mark the system values "Applicable" and "Any" with a leading U+0004, which XML 1.0 does not
 *   allow in a document; they are written plain;</li>
 *   <li>export of one ledger's closing balance: {@code TALLYREQUEST Export}, {@code TYPE Object},
 *   {@code SUBTYPE Ledger}, {@code ID TYPE="Name"}, {@code FETCHLIST/FETCH ClosingBalance}; the answer carries
 *   {@code HEADER/STATUS} (1 success, 0 or -1 failure) and {@code LEDGER/CLOSINGBALANCE}, negative for a debit
 *   balance; errors arrive as {@code LINEERROR} with HTTP 200.</li>
 * </ul>
 * Vouchers are accounting vouchers (ledger lines only): the stock items travel as masters.
 */
public final class TallyXml {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public enum Kind {
        VOUCHERS, MASTERS, ALL
    }

    /** The import file: masters (units, ledgers, stock items) and/or vouchers for {@code company}. */
    public static byte[] importFile(Kind kind, String company, List<TallyBook.Ledger> ledgers, List<TallyBook.StockItem> items,
                                    List<TallyBook.Voucher> vouchers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ENVELOPE");
            w.writeStartElement("HEADER");
            text(w, "TALLYREQUEST", "Import Data");
            w.writeEndElement();
            w.writeStartElement("BODY");
            w.writeStartElement("IMPORTDATA");
            w.writeStartElement("REQUESTDESC");
            // masters and vouchers together go as one Vouchers import, the masters first so the vouchers find their ledgers
            text(w, "REPORTNAME", kind == Kind.MASTERS ? "All Masters" : "Vouchers");
            if (company != null && !company.isBlank()) {
                w.writeStartElement("STATICVARIABLES");
                text(w, "SVCURRENTCOMPANY", company);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("REQUESTDATA");
            if (kind != Kind.VOUCHERS) {
                Set<String> units = new TreeSet<>();
                items.forEach(i -> units.add(unit(i)));
                for (String u : units) {
                    message(w);
                    w.writeStartElement("UNIT");
                    attribute(w, "NAME", u);
                    w.writeAttribute("ACTION", "Create");
                    text(w, "NAME", u);
                    text(w, "ISSIMPLEUNIT", "Yes");
                    w.writeEndElement();
                    w.writeEndElement();
                }
                for (TallyBook.Ledger l : ledgers) {
                    message(w);
                    ledger(w, l);
                    w.writeEndElement();
                }
                for (TallyBook.StockItem i : items) {
                    message(w);
                    stockItem(w, i);
                    w.writeEndElement();
                }
            }
            if (kind != Kind.MASTERS) {
                for (TallyBook.Voucher v : vouchers) {
                    message(w);
                    voucher(w, v);
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the Tally import file", e);
        }
        return out.toByteArray();
    }

    private static void message(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("TALLYMESSAGE");
        w.writeNamespace("UDF", "TallyUDF");
    }

    private static void ledger(XMLStreamWriter w, TallyBook.Ledger l) throws XMLStreamException {
        w.writeStartElement("LEDGER");
        attribute(w, "NAME", l.name());
        w.writeAttribute("ACTION", "Create");
        text(w, "GUID", l.guid());
        w.writeStartElement("NAME.LIST");
        w.writeAttribute("TYPE", "String");
        text(w, "NAME", l.name());
        w.writeEndElement();
        text(w, "PARENT", l.parent());
        if (l.gstin() != null) {
            text(w, "GSTREGISTRATIONTYPE", "Regular");
            text(w, "PARTYGSTIN", l.gstin());
        }
        if (l.state() != null) {
            text(w, "LEDSTATENAME", l.state());
            text(w, "COUNTRYNAME", "India");
        }
        w.writeEndElement();
    }

    private static void stockItem(XMLStreamWriter w, TallyBook.StockItem i) throws XMLStreamException {
        w.writeStartElement("STOCKITEM");
        attribute(w, "NAME", i.name());
        w.writeAttribute("ACTION", "Create");
        text(w, "GUID", i.guid());
        w.writeStartElement("NAME.LIST");
        w.writeAttribute("TYPE", "String");
        text(w, "NAME", i.name());
        w.writeEndElement();
        text(w, "BASEUNITS", unit(i));
        if (i.gstRate() != null) {
            text(w, "GSTAPPLICABLE", "Applicable");
            w.writeStartElement("GSTDETAILS.LIST");
            text(w, "APPLICABLEFROM", "20170701");
            text(w, "CALCULATIONTYPE", "On Value");
            if (i.hsn() != null) {
                text(w, "HSNCODE", i.hsn());
            }
            text(w, "TAXABILITY", i.gstRate().signum() == 0 ? "Exempt" : "Taxable");
            w.writeStartElement("STATEWISEDETAILS.LIST");
            text(w, "STATENAME", "Any");
            BigDecimal half = i.gstRate().divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP).stripTrailingZeros();
            rate(w, "IGST", i.gstRate().stripTrailingZeros());
            rate(w, "CGST", half);
            rate(w, "SGST/UTGST", half);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void rate(XMLStreamWriter w, String head, BigDecimal rate) throws XMLStreamException {
        w.writeStartElement("RATEDETAILS.LIST");
        text(w, "GSTRATEDUTYHEAD", head);
        text(w, "GSTRATEVALUATIONTYPE", "Based on Value");
        text(w, "GSTRATE", rate.toPlainString());
        w.writeEndElement();
    }

    private static String unit(TallyBook.StockItem i) {
        return i.unit() == null || i.unit().isBlank() ? "NOS" : i.unit().strip();
    }

    private static void voucher(XMLStreamWriter w, TallyBook.Voucher v) throws XMLStreamException {
        w.writeStartElement("VOUCHER");
        attribute(w, "REMOTEID", v.guid());
        attribute(w, "VCHTYPE", v.type());
        w.writeAttribute("ACTION", "Create");
        w.writeAttribute("OBJVIEW", "Accounting Voucher View");
        text(w, "DATE", DATE.format(v.date()));
        text(w, "EFFECTIVEDATE", DATE.format(v.date()));
        text(w, "GUID", v.guid());
        text(w, "VOUCHERTYPENAME", v.type());
        text(w, "VOUCHERNUMBER", v.number());
        if (v.partyLedger() != null) {
            text(w, "PARTYLEDGERNAME", v.partyLedger());
        }
        text(w, "PERSISTEDVIEW", "Accounting Voucher View");
        text(w, "NARRATION", v.narration());
        for (TallyBook.Line l : v.lines()) {
            w.writeStartElement("ALLLEDGERENTRIES.LIST");
            text(w, "LEDGERNAME", l.ledger());
            text(w, "ISDEEMEDPOSITIVE", l.isDebit() ? "Yes" : "No");
            text(w, "ISPARTYLEDGER", l.ledger().equals(v.partyLedger()) ? "Yes" : "No");
            text(w, "AMOUNT", l.tallyAmount().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(xmlText(value));
        w.writeEndElement();
    }

    private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeAttribute(name, xmlText(value));
    }

    /** {@code value} without the characters XML 1.0 does not allow (control characters other than tab and newlines). */
    static String xmlText(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length());
        value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }

    // ------------------------------------------------------------------ a ledger's closing balance

    /** The export request for {@code ledger}'s closing balance as at {@code asOf} in {@code company}. */
    public static byte[] closingBalanceRequest(String company, String ledger, LocalDate asOf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ENVELOPE");
            w.writeStartElement("HEADER");
            text(w, "VERSION", "1");
            text(w, "TALLYREQUEST", "Export");
            text(w, "TYPE", "Object");
            text(w, "SUBTYPE", "Ledger");
            w.writeStartElement("ID");
            w.writeAttribute("TYPE", "Name");
            w.writeCharacters(xmlText(ledger));
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("BODY");
            w.writeStartElement("DESC");
            w.writeStartElement("STATICVARIABLES");
            text(w, "SVEXPORTFORMAT", "$$SysName:XML");
            if (company != null && !company.isBlank()) {
                text(w, "SVCURRENTCOMPANY", company);
            }
            text(w, "SVTODATE", DATE.format(asOf));
            w.writeEndElement();
            w.writeStartElement("FETCHLIST");
            text(w, "FETCH", "Name");
            text(w, "FETCH", "ClosingBalance");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the Tally request", e);
        }
        return out.toByteArray();
    }

    /** Tally answered, but not with a balance: an error line, a failed status, malformed XML, no such ledger. */
    public static final class BadAnswer extends RuntimeException {
        public BadAnswer(String message) {
            super(message);
        }

        public BadAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The closing balance in Tally's answer, debit positive (Tally writes a debit balance negative, so the sign is
     * turned). An amount may also come as "1234.00 Dr" / "1234.00 Cr".
     *
     * @throws BadAnswer when the answer is not one
     */
    public static BigDecimal closingBalance(byte[] answer) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String status = null;
        String balance = null;
        String error = null;
        boolean inLedger = false;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(answer));
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    if (r.getEventType() == XMLStreamConstants.END_ELEMENT && "LEDGER".equals(r.getLocalName())) {
                        inLedger = false;
                    }
                    continue;
                }
                switch (r.getLocalName()) {
                    case "STATUS" -> status = r.getElementText().strip();
                    case "LINEERROR" -> error = r.getElementText().strip();
                    case "LEDGER" -> inLedger = true;
                    case "CLOSINGBALANCE" -> {
                        if (inLedger && balance == null) {
                            balance = r.getElementText().strip();
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new BadAnswer("Tally's answer is not well-formed XML", e);
        }
        if (error != null) {
            throw new BadAnswer("Tally answered with an error: " + error);
        }
        if (status != null && !status.equals("1")) {
            throw new BadAnswer("Tally answered with status " + status);
        }
        if (balance == null) {
            throw new BadAnswer("Tally's answer has no ledger closing balance");
        }
        return parseAmount(balance);
    }

    static BigDecimal parseAmount(String text) {
        String t = text.replace(",", "").strip();
        boolean drSide = false;
        boolean crSide = false;
        if (t.endsWith("Dr")) {
            drSide = true;
            t = t.substring(0, t.length() - 2).strip();
        } else if (t.endsWith("Cr")) {
            crSide = true;
            t = t.substring(0, t.length() - 2).strip();
        }
        if (t.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (t.length() > 30 || !t.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new BadAnswer("Tally's closing balance is not an amount: " + text);
        }
        BigDecimal a = new BigDecimal(t).setScale(2, RoundingMode.HALF_UP);
        if (drSide) {
            return a.abs();
        }
        if (crSide) {
            return a.abs().negate();
        }
        return a.negate();
    }

    private TallyXml() {
    }
}
