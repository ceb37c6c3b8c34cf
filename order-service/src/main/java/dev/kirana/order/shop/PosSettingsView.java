package dev.kirana.order.shop;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.RegistrationType;

/**
 * The shop as the counter sees it: its POS settings and the GST registration learnt from shop events
 * ({@code registrationKnown} is false until the shop's shop.created event has arrived; defaults apply until then).
 */
public record PosSettingsView(ShopSettings settings, String name, String stateCode, String gstin,
                              RegistrationType registrationType, DocumentType documentType, boolean registrationKnown) {
    public static PosSettingsView of(ShopProfile p) {
        return new PosSettingsView(ShopSettings.of(p), p.name(), p.stateCode(), p.gstin(), p.registration(),
                p.registration().document(), p.known());
    }
}
