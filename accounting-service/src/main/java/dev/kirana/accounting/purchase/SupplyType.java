package dev.kirana.accounting.purchase;

/** Whether a purchase crossed a state border: input CGST + SGST within the shop's state, input IGST across. */
public enum SupplyType {
    INTRA_STATE, INTER_STATE;

    /**
     * From the supplier's state and the shop's (GST state codes); null when either is unknown.
     */
    public static SupplyType between(String supplierState, String shopState) {
        if (supplierState == null || shopState == null) {
            return null;
        }
        return supplierState.equals(shopState) ? INTRA_STATE : INTER_STATE;
    }
}
