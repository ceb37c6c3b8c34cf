package dev.kirana.catalog.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSheetTest {
    @Test
    void twentyFiveLabelsFillOneSheetAndStartASecond() throws Exception {
        List<LabelSheet.Label> labels = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            labels.add(new LabelSheet.Label("Sugar 1 kg", new BigDecimal("48.00"), new BigDecimal("50.00"), "2000000000015"));
        }
        labels.add(new LabelSheet.Label("Tata salt 1 kg", new BigDecimal("28.00"), null, "SALT-1KG"));

        PdfReader pdf = new PdfReader(LabelSheet.pdf(labels));
        assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        PdfTextExtractor text = new PdfTextExtractor(pdf);
        assertThat(text.getTextFromPage(1)).contains("Sugar 1 kg").contains("Rs. 48.00    MRP Rs. 50.00").contains("2000000000015")
                .doesNotContain("salt");
        assertThat(text.getTextFromPage(2)).contains("Tata salt 1 kg").contains("Rs. 28.00").doesNotContain("MRP")
                .contains("SALT-1KG");
    }

    @Test
    void aNameTooLongForTheLabelIsCut() throws Exception {
        String name = "Aashirvaad Shudh Chakki Whole Wheat Atta 10 kg family pack with free 1 kg";
        PdfReader pdf = new PdfReader(LabelSheet.pdf(List.of(
                new LabelSheet.Label(name, new BigDecimal("455.00"), new BigDecimal("480.00"), "8901725133979"))));
        String page = new PdfTextExtractor(pdf).getTextFromPage(1);
        assertThat(page).contains("Aashirvaad Shudh Chakki").contains("...").doesNotContain("free 1 kg");
    }
}
