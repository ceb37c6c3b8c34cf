package dev.kirana.order.gst;

/** Intra-state supplies bear CGST + SGST (or UTGST), inter-state supplies IGST. */
public enum SupplyType {
    INTRA_STATE, INTER_STATE;

    public static SupplyType of(String supplierState, String placeOfSupply) {
        return supplierState.equals(placeOfSupply) ? INTRA_STATE : INTER_STATE;
    }
}
