package dev.kirana.order.einvoice;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the invoice registration portal, for development and tests: computes the IRN as the portal defines
 * it ({@link Irn}), numbers acknowledgements, and signs the invoice and the QR code payload as JWTs (RS256) with an
 * RSA key made in memory at startup (not NIC's key: a scanner's verification against NIC fails, as it should). The
 * QR code's claims are the ones NIC's signed QR code carries (SellerGstin, BuyerGstin, DocNo, DocTyp, DocDt,
 * TotInvVal, ItemCnt, MainHsnCode, Irn, IrnDt) as a JSON string in {@code data}. It remembers what it registered
 * until it stops: a repeat gets the first answer again, marked duplicate.
 */
@Component
@ConditionalOnProperty(name = "kirana.einvoice.portal", havingValue = "sandbox", matchIfMissing = true)
public class SandboxRegistrationPortal implements InvoiceRegistrationPortal {
    static final String ISSUER = "Kirana e-invoice sandbox";
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter ACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final RSAKey key;
    private final Map<String, IrnResponse> registered = new ConcurrentHashMap<>();
    private final AtomicLong acks;
    private final Clock clock;
    private final JsonMapper json;

    @Autowired
    public SandboxRegistrationPortal(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    SandboxRegistrationPortal(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("kirana-einvoice-sandbox").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the sandbox portal's signing key", e);
        }
        // 15 digits like the portal's; the start differs per run so two runs rarely hand out the same numbers
        this.acks = new AtomicLong(100_000_000_000_000L + (clock.millis() % 10_000_000L) * 10_000L);
    }

    /** The public key a test verifies the signatures with. */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    @Override
    public Mono<IrnResponse> register(IrnRequest request) {
        return Mono.fromCallable(() -> registerNow(request)).subscribeOn(Schedulers.boundedElastic());
    }

    IrnResponse registerNow(IrnRequest request) {
        LocalDate date = LocalDate.parse(request.docDtls().dt(), DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String irn = Irn.of(request.sellerDtls().gstin(), date, request.docDtls().typ(), request.docDtls().no());
        IrnResponse[] made = new IrnResponse[1];
        IrnResponse first = registered.computeIfAbsent(irn, i -> made[0] = sign(i, request));
        return first == made[0] ? first : duplicate(first);
    }

    private static IrnResponse duplicate(IrnResponse r) {
        return new IrnResponse(r.irn(), r.ackNo(), r.ackDt(), r.signedInvoice(), r.signedQrCode(), r.status(), true);
    }

    private IrnResponse sign(String irn, IrnRequest request) {
        LocalDateTime ackDt = LocalDateTime.now(clock.withZone(IST)).truncatedTo(ChronoUnit.SECONDS);
        String ackNo = String.valueOf(acks.incrementAndGet());
        ObjectNode qr = json.createObjectNode();
        qr.put("SellerGstin", request.sellerDtls().gstin());
        qr.put("BuyerGstin", request.buyerDtls().gstin());
        qr.put("DocNo", request.docDtls().no());
        qr.put("DocTyp", request.docDtls().typ());
        qr.put("DocDt", request.docDtls().dt());
        qr.put("TotInvVal", request.valDtls().totInvVal());
        qr.put("ItemCnt", request.itemList().size());
        qr.put("MainHsnCode", request.itemList().get(0).hsnCd());
        qr.put("Irn", irn);
        qr.put("IrnDt", ACK.format(ackDt));
        // the request as a tree keeps its amounts as numbers
        ObjectNode invoice = json.valueToTree(request);
        invoice.put("Irn", irn);
        invoice.put("AckNo", ackNo);
        invoice.put("AckDt", ACK.format(ackDt));
        return new IrnResponse(irn, ackNo, ackDt, jwt(json.writeValueAsString(invoice)), jwt(json.writeValueAsString(qr)),
                "ACT", false);
    }

    private String jwt(String data) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).claim("data", data).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the sandbox portal's key", e);
        }
        return jwt.serialize();
    }
}
