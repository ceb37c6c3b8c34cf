package dev.kirana.order.creditlimit;

/** An owner or manager at the counter allows a CREDIT sale beyond the customer's limit: who ({@code by}) and as what. */
public record OwnerApproval(String by, String role) {
}
