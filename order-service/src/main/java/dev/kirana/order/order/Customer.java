package dev.kirana.order.order;

/** The buyer a sale names: any of name, phone (their loyalty and khata account) and GSTIN. */
public record Customer(String name, String phone, String gstin) {
}
