package dev.kirana.order.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.kirana.order.gst.SupplyType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SandboxRegistrationPortalTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:30:15Z"), ZoneOffset.UTC);
    final SandboxRegistrationPortal portal = new SandboxRegistrationPortal(JsonMapper.builder().build(), clock);

    @Test
    @SuppressWarnings("unchecked")
    void registersWithThePortalsIrnAndSignsTheQrCode() throws Exception {
        IrnRequest request = IrnRequestBuilder.build(IrnRequestBuilderTest.sale(SupplyType.INTER_STATE, IrnRequestBuilderTest.BUYER_KA),
                IrnRequestBuilderTest.SHOP, IrnRequestBuilderTest.SETTINGS, IrnRequestBuilderTest.KULKARNI);
        IrnResponse first = portal.register(request).block();

        // printf '%s' '27AAPFU0939F1ZV2026-27INVINV/2627/00042' | sha256sum
        assertThat(first.irn()).isEqualTo("82b419aeb185d91a8784f5d79b5e5aa97ccbca5873172268b4fd583b3b0d1476");
        assertThat(first.ackNo()).matches("\\d{15}");
        // 06:30:15 UTC is 12:00:15 in India
        assertThat(first.ackDt()).isEqualTo(LocalDateTime.of(2026, 12, 2, 12, 0, 15));
        assertThat(first.status()).isEqualTo("ACT");
        assertThat(first.duplicate()).isFalse();

        SignedJWT qr = SignedJWT.parse(first.signedQrCode());
        assertThat(qr.verify(new RSASSAVerifier(portal.publicKey()))).isTrue();
        assertThat(qr.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        Map<String, Object> data = JsonMapper.builder().build().readValue(qr.getJWTClaimsSet().getStringClaim("data"), Map.class);
        assertThat(data).containsEntry("SellerGstin", "27AAPFU0939F1ZV").containsEntry("BuyerGstin", "29AAKFK1234L1Z3")
                .containsEntry("DocNo", "INV/2627/00042").containsEntry("DocTyp", "INV").containsEntry("DocDt", "02/12/2026")
                .containsEntry("ItemCnt", 2).containsEntry("MainHsnCode", "100630").containsEntry("Irn", first.irn())
                .containsEntry("IrnDt", "2026-12-02 12:00:15");
        assertThat(qr.getJWTClaimsSet().getStringClaim("data")).contains("\"TotInvVal\":3175.00");
        SignedJWT invoice = SignedJWT.parse(first.signedInvoice());
        assertThat(invoice.verify(new RSASSAVerifier(portal.publicKey()))).isTrue();
        assertThat(invoice.getJWTClaimsSet().getStringClaim("data")).contains("\"AckNo\":\"" + first.ackNo() + "\"",
                "\"TotInvVal\":3175.00");

        // the portal's duplicate answer: the same IRN and acknowledgement
        IrnResponse again = portal.register(request).block();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.irn()).isEqualTo(first.irn());
        assertThat(again.ackNo()).isEqualTo(first.ackNo());
        assertThat(again.signedQrCode()).isEqualTo(first.signedQrCode());
    }
}
