package dev.kirana.order.upi;

import dev.kirana.order.qr.QrCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpiLinkTest {
    @Test
    void namesWithSpacesAndAmpersandsArePercentEncodedAndTheAmountHasTwoDecimals() {
        UpiLink link = new UpiLink("sharmastore@okhdfcbank", "Sharma & Sons Kirana", new BigDecimal("96"),
                "Invoice INV/2627/00042", "INV/2627/00042");
        assertThat(link.uri()).isEqualTo("upi://pay?pa=sharmastore@okhdfcbank&pn=Sharma%20%26%20Sons%20Kirana&am=96.00"
                + "&cu=INR&tn=Invoice%20INV%2F2627%2F00042&tr=INV%2F2627%2F00042");
    }

    @Test
    void theVpaKeepsItsCaseAndOptionalParametersAreLeftOut() {
        assertThat(new UpiLink("Ravi.Kumar-1_x@ybl", "Ravi", null, null, null).uri())
                .isEqualTo("upi://pay?pa=Ravi.Kumar-1_x@ybl&pn=Ravi");
        assertThat(new UpiLink("ravi@ybl", "Ravi", new BigDecimal("1000000.5"), " ", null).uri())
                .isEqualTo("upi://pay?pa=ravi@ybl&pn=Ravi&am=1000000.50&cu=INR");
    }

    @Test
    void everyByteOutsideTheUnreservedCharactersIsEncodedAsUtf8() {
        // é is C3 A9 in UTF-8; + = ? # % are escaped so they cannot end or split a value
        assertThat(UpiLink.encode("Café+Chai=1?#%~")).isEqualTo("Caf%C3%A9%2BChai%3D1%3F%23%25~");
        assertThat(UpiLink.encode("किराना")).isEqualTo("%E0%A4%95%E0%A4%BF%E0%A4%B0%E0%A4%BE%E0%A4%A8%E0%A4%BE");
        assertThat("किराना".getBytes(StandardCharsets.UTF_8)).hasSize(18);
    }

    @Test
    void anAmountIsPlainEvenWhenTheNumberCameWithAnExponent() {
        assertThat(new UpiLink("ravi@ybl", "Ravi", new BigDecimal("1.5E+3"), null, null).uri()).endsWith("&am=1500.00&cu=INR");
    }

    @Test
    void refusesWhatNoUpiAppWouldPay() {
        assertThatThrownBy(() -> new UpiLink("ravi", "Ravi", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpiLink("r@ybl", "Ravi", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpiLink("ravi@1bl", "Ravi", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpiLink("ravi@ybl", " ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpiLink("ravi@ybl", "Ravi", BigDecimal.ZERO, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpiLink("ravi@ybl", "Ravi", new BigDecimal("1.005"), null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQrCodeImagesHoldTheLink() {
        String link = "upi://pay?pa=sharmastore@okhdfcbank&pn=Sharma%20%26%20Sons&am=96.00&cu=INR";
        assertThat(Qr.decode(QrCode.png(link))).isEqualTo(link);
        assertThat(Qr.decode(QrCode.png(link, 3))).isEqualTo(link);
        assertThat(QrCode.svg(link)).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<path ");
    }
}
