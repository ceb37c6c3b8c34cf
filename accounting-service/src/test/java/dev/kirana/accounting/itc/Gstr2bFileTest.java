package dev.kirana.accounting.itc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.web.problem.Problems.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The sample GSTR-2B in test resources follows the shipped schema and reads as its documents; broken files say where they are broken. */
class Gstr2bFileTest {
    static byte[] sample() throws IOException {
        try (InputStream in = Gstr2bFileTest.class.getResourceAsStream("/gst/gstr2b-2026-11.json")) {
            return in.readAllBytes();
        }
    }

    static String sampleText() throws IOException {
        return new String(sample(), StandardCharsets.UTF_8);
    }

    static List<FieldError> errors(String json) {
        try {
            Gstr2bFile.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (Gstr2bFile.BadFile e) {
            return e.errors();
        }
        throw new AssertionError("read without a problem: " + json);
    }

    @Test
    void theSampleFollowsTheSchema() throws IOException {
        assertThat(Gstr2bFile.validate(JsonMapper.builder().build().readTree(sample()))).isEmpty();
    }

    @Test
    void theSampleReadsAsItsInvoicesAndNotes() throws IOException {
        Gstr2b s = Gstr2bFile.parse(sample());
        assertThat(s.gstin()).isEqualTo("27AAPFU0939F1ZV");
        assertThat(s.period()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(s.generatedOn()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(s.version()).isEqualTo("1.0");
        assertThat(s.documents()).extracting(Gstr2b.Document::number)
                .containsExactly("ST/0412", "ST/0419", "BT-0007", "BT-2211", "KT/181", "CN/88");
        Gstr2b.Document twoLines = s.documents().get(3);
        // BT-2211's two rate lines: 1,500.00 + 500.00 = 2,000.00 taxable, IGST 270.00 + 90.00 = 360.00
        assertThat(twoLines.tax()).isEqualTo(new ItcAmounts(new BigDecimal("2000"), new BigDecimal("360"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(twoLines.supplierGstin()).isEqualTo("29AAGCB7383J1Z4");
        assertThat(twoLines.supplierName()).isEqualTo("BANGALORE TEA CO");
        assertThat(twoLines.date()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(twoLines.value()).isEqualByComparingTo("2360.00");
        assertThat(twoLines.supplierFiled()).isEqualTo(LocalDate.of(2026, 12, 10));
        Gstr2b.Document note = s.documents().get(5);
        assertThat(note.type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(note.supplyType()).isEqualTo("R");
        assertThat(note.tax().cgst()).isEqualByComparingTo("5.00");
        assertThat(s.documents().get(0).reason()).isNull();   // "rsn": "" is no reason
        assertThat(s.documents().get(0).itcAvailable()).isEqualTo("Y");
    }

    @Test
    void theObjectInsideDataReadsTheSame() throws IOException {
        String inner = sampleText().trim();
        inner = inner.substring(inner.indexOf('{', 1), inner.lastIndexOf('}'));
        assertThat(Gstr2bFile.parse(inner.getBytes(StandardCharsets.UTF_8)).documents()).hasSize(6);
    }

    @Test
    void aFileThatIsNotAGstr2bSaysWhere() throws IOException {
        assertThat(errors("")).extracting(FieldError::field).containsExactly("file");
        assertThat(errors("{\"data\": ")).singleElement().satisfies(e -> assertThat(e.message()).startsWith("is not JSON"));
        assertThat(errors("[1,2]")).extracting(FieldError::message).containsExactly("must be a JSON object");
        assertThat(errors("{\"data\":{\"rtnprd\":\"112026\",\"docdata\":{}}}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("gstin"));
        String s = sampleText();
        assertThat(errors(s.replace("\"rtnprd\": \"112026\"", "\"rtnprd\": \"132026\""))).extracting(FieldError::field)
                .containsExactly("/data/rtnprd");
        assertThat(errors(s.replace("\"ST/0419\"", "\"ST 0419<script>\""))).extracting(FieldError::field)
                .containsExactly("/data/docdata/b2b/0/inv/1/inum");
        assertThat(errors(s.replace("\"10-11-2026\"", "\"31-02-2026\""))).containsExactly(
                new FieldError("/data/docdata/b2b/0/inv/1/dt", "not a date (dd-mm-yyyy): 31-02-2026"));
        assertThat(errors(s.replace("\"txval\": 1100.00", "\"txval\": 1100.005"))).containsExactly(
                new FieldError("/data/docdata/b2b/0/inv/1/items/0/txval", "rupees and paise: at most 2 decimals"));
        assertThat(errors(s.replace("\"txval\": 1100.00", "\"txval\": -1100.00"))).extracting(FieldError::field)
                .containsExactly("/data/docdata/b2b/0/inv/1/items/0/txval");
        assertThat(errors(s.replace("\"txval\": 1100.00", "\"txval\": \"1100.00\""))).extracting(FieldError::field)
                .containsExactly("/data/docdata/b2b/0/inv/1/items/0/txval");
        assertThat(errors(s.replace("\"typ\": \"C\"", "\"typ\": \"X\""))).extracting(FieldError::field)
                .containsExactly("/data/docdata/cdnr/0/nt/0/typ");
        assertThat(errors(s.replace("\"BANGALORE TEA CO\"", "\"BANGALORE\\u0000TEA\""))).extracting(FieldError::field)
                .containsExactly("/data/docdata/b2b/1/trdnm");
        assertThat(errors(s.replace("\"items\": [{\"num\": 1, \"rt\": 5, \"txval\": 200.00", "\"itms\": [{\"num\": 1, \"rt\": 5, \"txval\": 200.00")))
                .extracting(FieldError::field).containsExactly("/data/docdata/cdnr/0/nt/0");
    }
}
