package dev.kirana.order.einvoice;

import reactor.core.publisher.Mono;

/**
 * An invoice registration portal (IRP): takes an IRN request, answers with the IRN and the signed invoice and QR
 * code. {@code kirana.einvoice.portal} picks the implementation; {@code sandbox} (the default, and the only one here)
 * registers locally, since no real portal is reachable from this suite (a real one needs a GSP or direct API access
 * with the shop's credentials and NIC's public key).
 */
public interface InvoiceRegistrationPortal {
    /**
     * Registers the invoice. Registering one that is already registered is not an error: the answer names the same
     * IRN and acknowledgement, with {@link IrnResponse#duplicate()} set.
     */
    Mono<IrnResponse> register(IrnRequest request);
}
