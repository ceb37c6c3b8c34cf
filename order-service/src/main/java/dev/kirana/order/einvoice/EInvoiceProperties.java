package dev.kirana.order.einvoice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param portal the invoice registration portal: {@code sandbox} (local, signing with a key made at startup) */
@ConfigurationProperties("kirana.einvoice")
public record EInvoiceProperties(@DefaultValue("sandbox") String portal) {
}
