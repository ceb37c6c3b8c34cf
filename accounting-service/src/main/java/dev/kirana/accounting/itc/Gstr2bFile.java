package dev.kirana.accounting.itc;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kirana.web.problem.Problems.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a GSTR-2B JSON file. Format followed: the GSTR-2B statement as the GST portal downloads it (Returns &gt; GSTR-2B
 * &gt; Download JSON, {@code {"data": {...}}}) and as the GSTN taxpayer API "GSTR-2B get details" returns it, statement
 * version 1.0 of the field list published on the GSTN developer portal (developer.gst.gov.in): {@code data{gstin,
 * rtnprd "MMYYYY", gendt "dd-mm-yyyy", version, itcsumm, docdata{b2b[{ctin, trdnm, supfildt, supprd, inv[{inum, typ,
 * dt, val, pos, rev, itcavl, rsn, diffprcnt, srctyp, irn, irngendate, items[{num, rt, txval, igst, cgst, sgst, cess}]}]}],
 * cdnr[{ctin, trdnm, supfildt, supprd, nt[{ntnum, typ C|D, suptyp, dt, val, pos, rev, itcavl, rsn, diffprcnt, items}]}]}}}}.
 * The object inside {@code data} is taken on its own too. Read: b2b and cdnr (amendments b2ba/cdnra, ISD, imports and
 * the portal's own itcsumm are not). The file is first checked against {@code /gst/gstr2b.schema.json} (JSON Schema
 * 2020-12, the parts read), then for real dates and amounts in paise; each problem is named by its JSON Pointer in the
 * file ({@code /data/docdata/b2b/0/inv/1/dt}). Blocking (CPU): call it off the event loop.
 */
public final class Gstr2bFile {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_DOCUMENTS = 20_000;
    public static final String SCHEMA = "/gst/gstr2b.schema.json";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Schema SCHEMA_VALIDATOR = load();

    /** The file is not a GSTR-2B this can read; each problem named by where it is in the file. */
    public static final class BadFile extends RuntimeException {
        private final transient List<FieldError> errors;

        public BadFile(List<FieldError> errors) {
            super(errors.isEmpty() ? "not a GSTR-2B file" : errors.get(0).field() + ": " + errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public static Gstr2b parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BadFile(List.of(new FieldError("file", "is empty")));
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new BadFile(List.of(new FieldError("file", "is not JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new BadFile(List.of(new FieldError("file", "must be a JSON object")));
        }
        if (!root.has("data") && root.has("gstin")) {
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.set("data", root);
            root = wrapped;
        }
        List<FieldError> errors = validate(root);
        if (!errors.isEmpty()) {
            throw new BadFile(errors);
        }
        return read(root.get("data"));
    }

    /** What the schema finds wrong with the file (the downloaded form, with {@code data}); empty when it conforms. */
    public static List<FieldError> validate(JsonNode file) {
        List<Error> found = SCHEMA_VALIDATOR.validate(file);
        List<FieldError> errors = new ArrayList<>();
        for (Error e : found) {
            if (errors.size() == 20) {
                errors.add(new FieldError("file", (found.size() - 20) + " more problems"));
                break;
            }
            String at = e.getInstanceLocation() == null || e.getInstanceLocation().toString().isEmpty() ? "/" : e.getInstanceLocation().toString();
            errors.add(new FieldError(at, e.getMessage().replaceFirst("^\\S+: ", "")));
        }
        return errors;
    }

    private static Gstr2b read(JsonNode data) {
        List<FieldError> errors = new ArrayList<>();
        String rtnprd = data.get("rtnprd").asString();
        YearMonth period = YearMonth.of(Integer.parseInt(rtnprd.substring(2)), Integer.parseInt(rtnprd.substring(0, 2)));
        LocalDate generated = date(data.get("gendt"), "/data/gendt", errors, false);
        List<Gstr2b.Document> docs = new ArrayList<>();
        JsonNode docdata = data.get("docdata");
        int s = 0;
        for (JsonNode supplier : docdata.path("b2b")) {
            int i = 0;
            for (JsonNode inv : supplier.path("inv")) {
                docs.add(document(DocumentType.INVOICE, supplier, "/data/docdata/b2b/" + s, inv, "inum", "typ", "/inv/" + i++, errors));
            }
            s++;
        }
        s = 0;
        for (JsonNode supplier : docdata.path("cdnr")) {
            int i = 0;
            for (JsonNode nt : supplier.path("nt")) {
                DocumentType type = "C".equals(nt.get("typ").asString()) ? DocumentType.CREDIT_NOTE : DocumentType.DEBIT_NOTE;
                docs.add(document(type, supplier, "/data/docdata/cdnr/" + s, nt, "ntnum", "suptyp", "/nt/" + i++, errors));
            }
            s++;
        }
        if (docs.size() > MAX_DOCUMENTS) {
            errors.add(new FieldError("/data/docdata", "at most " + MAX_DOCUMENTS + " documents"));
        }
        if (!errors.isEmpty()) {
            throw new BadFile(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
        return new Gstr2b(data.get("gstin").asString(), period, generated, text(data.get("version")), List.copyOf(docs));
    }

    private static Gstr2b.Document document(DocumentType type, JsonNode supplier, String supplierAt, JsonNode doc, String numberKey,
                                            String supplyKey, String docAt, List<FieldError> errors) {
        String at = supplierAt + docAt;
        ItcAmounts tax = ItcAmounts.ZERO;
        int n = 0;
        for (JsonNode item : doc.get("items")) {
            String where = at + "/items/" + n++;
            tax = tax.plus(new ItcAmounts(amount(item.get("txval"), where + "/txval", errors), amount(item.get("igst"), where + "/igst", errors),
                    amount(item.get("cgst"), where + "/cgst", errors), amount(item.get("sgst"), where + "/sgst", errors),
                    amount(item.get("cess"), where + "/cess", errors)));
        }
        String supprd = text(supplier.get("supprd"));
        return new Gstr2b.Document(type, supplier.get("ctin").asString(), text(supplier.get("trdnm")), supprd,
                date(supplier.get("supfildt"), supplierAt + "/supfildt", errors, false),
                doc.get(numberKey).asString(), date(doc.get("dt"), at + "/dt", errors, true), text(doc.get(supplyKey)),
                amount(doc.get("val"), at + "/val", errors), text(doc.get("pos")), "Y".equals(text(doc.get("rev"))),
                doc.has("itcavl") ? doc.get("itcavl").asString() : "Y", text(doc.get("rsn")), tax);
    }

    private static LocalDate date(JsonNode node, String at, List<FieldError> errors, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(at, "is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(node.asString(), DATE);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at, "not a date (dd-mm-yyyy): " + node.asString()));
            return required ? LocalDate.EPOCH : null;
        }
    }

    private static BigDecimal amount(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return BigDecimal.ZERO;
        }
        BigDecimal v = node.decimalValue();
        if (v.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(at, "rupees and paise: at most 2 decimals"));
        }
        return v;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String s = node.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static Schema load() {
        try (InputStream in = Gstr2bFile.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the GSTR-2B schema " + SCHEMA + " is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Gstr2bFile() {
    }
}
