package dev.kirana.order.invoice;

import dev.kirana.order.einvoice.EInvoiceService;
import dev.kirana.order.order.OrderService;
import dev.kirana.order.order.Order;
import dev.kirana.order.refund.RefundService;
import dev.kirana.order.shop.ShopDirectory;
import dev.kirana.web.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Loads a sale (or refund) and renders its document off the event loop: PDF and thermal text are blocking work. */
@Component
public class InvoiceRenderer {
    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private final OrderService orders;
    private final RefundService refunds;
    private final ShopDirectory shops;
    private final EInvoiceService einvoices;

    public InvoiceRenderer(OrderService orders, RefundService refunds, ShopDirectory shops, EInvoiceService einvoices) {
        this.orders = orders;
        this.refunds = refunds;
        this.shops = shops;
        this.einvoices = einvoices;
    }

    public Mono<InvoiceData> invoice(String shopId, UUID orderId) {
        return orders.get(shopId, orderId)
                .flatMap(o -> o.status().wasSold() ? Mono.just(o) : Mono.<Order>error(Problems.conflict(
                        "Order " + orderId + " is " + o.status() + ": only a confirmed sale has an invoice")))
                .zipWith(shops.profile(shopId))
                .map(t -> InvoiceData.of(t.getT1(), t.getT2()))
                // a registered e-invoice prints its IRN, acknowledgement and signed QR code
                .flatMap(d -> einvoices.find(shopId, orderId)
                        .map(r -> d.withEInvoice(new InvoiceData.EInvoice(r.irn(), r.ackNo(), r.ackDate(), r.signedQrCode())))
                        .defaultIfEmpty(d));
    }

    public Mono<ResponseEntity<byte[]>> invoicePdf(String shopId, UUID orderId) {
        return invoice(shopId, orderId).flatMap(d -> pdf(d));
    }

    public Mono<ResponseEntity<String>> receipt(String shopId, UUID orderId, ThermalReceipt.Paper paper) {
        return invoice(shopId, orderId)
                .publishOn(Schedulers.boundedElastic())
                .map(d -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                        .body(ThermalReceipt.render(d, paper)));
    }

    public Mono<ResponseEntity<byte[]>> creditNotePdf(String shopId, UUID orderId, UUID refundId) {
        return Mono.zip(refunds.refund(shopId, orderId, refundId), orders.get(shopId, orderId), shops.profile(shopId))
                .map(t -> InvoiceData.creditNote(t.getT1(), t.getT2(), t.getT3()))
                .flatMap(this::pdf);
    }

    private Mono<ResponseEntity<byte[]>> pdf(InvoiceData d) {
        return Mono.fromCallable(() -> InvoicePdf.render(d))
                .subscribeOn(Schedulers.boundedElastic())
                .map(bytes -> ResponseEntity.ok().contentType(PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(d.number().replace('/', '-') + ".pdf").build().toString())
                        .body(bytes));
    }
}
