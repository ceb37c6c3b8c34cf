package dev.kirana.events;

import java.util.List;
import java.util.regex.Pattern;

/** The CloudEvents {@code type} of every event the suite publishes: {@code kirana.<aggregate>.<event>.v<N>}. */
public final class EventTypes {
    public static final Pattern PATTERN = Pattern.compile("kirana\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");

    public static final String SHOP_CREATED = "kirana.shop.created.v1";
    public static final String MEMBER_ADDED = "kirana.member.added.v1";
    public static final String SHOP_UPDATED = "kirana.shop.updated.v1";
    public static final String MEMBER_REMOVED = "kirana.member.removed.v1";
    public static final String SHOP_PURGED = "kirana.shop.purged.v1";
    public static final String SALARY_PAID = "kirana.salary.paid.v1";
    public static final String SALARY_ADVANCE_PAID = "kirana.salary.advance-paid.v1";
    public static final String EMPLOYEE_UPDATED = "kirana.employee.updated.v1";
    public static final String ATTENDANCE_RECORDED = "kirana.attendance.recorded.v1";
    public static final String PRODUCT_CREATED = "kirana.product.created.v1";
    public static final String PRODUCT_UPDATED = "kirana.product.updated.v1";
    public static final String PRODUCT_ARCHIVED = "kirana.product.archived.v1";
    public static final String PRICE_CHANGED = "kirana.price.changed.v1";
    public static final String STOCK_RECEIVED = "kirana.stock.received.v1";
    public static final String STOCK_RESERVED = "kirana.stock.reserved.v1";
    public static final String STOCK_RESERVATION_REJECTED = "kirana.stock.reservation-rejected.v1";
    public static final String STOCK_RELEASED = "kirana.stock.released.v1";
    public static final String STOCK_COMMITTED = "kirana.stock.committed.v1";
    public static final String STOCK_ADJUSTED = "kirana.stock.adjusted.v1";
    public static final String STOCK_LOW = "kirana.stock.low.v1";
    public static final String STOCK_BATCH_EXPIRING = "kirana.stock.batch-expiring.v1";
    public static final String ORDER_PLACED = "kirana.order.placed.v1";
    public static final String ORDER_CONFIRMED = "kirana.order.confirmed.v1";
    public static final String ORDER_REJECTED = "kirana.order.rejected.v1";
    public static final String ORDER_CANCELLED = "kirana.order.cancelled.v1";
    public static final String ORDER_VOIDED = "kirana.order.voided.v1";
    public static final String ORDER_REFUNDED = "kirana.order.refunded.v1";
    public static final String ACCOUNT_CREATED = "kirana.account.created.v1";
    public static final String JOURNAL_POSTED = "kirana.journal.posted.v1";
    public static final String PERIOD_LOCKED = "kirana.period.locked.v1";
    public static final String EXPENSE_RECORDED = "kirana.expense.recorded.v1";
    public static final String EXPENSE_REVERSED = "kirana.expense.reversed.v1";
    public static final String DAY_CLOSED = "kirana.day.closed.v1";
    public static final String BANK_SETTLED = "kirana.bank.settled.v1";
    public static final String PARTY_CREATED = "kirana.party.created.v1";
    public static final String PARTY_UPDATED = "kirana.party.updated.v1";
    public static final String PARTY_MERGED = "kirana.party.merged.v1";
    public static final String PARTY_BALANCE_CHANGED = "kirana.party.balance-changed.v1";
    public static final String PAYMENT_RECEIVED = "kirana.payment.received.v1";
    public static final String PAYMENT_MADE = "kirana.payment.made.v1";
    public static final String PURCHASE_BILLED = "kirana.purchase.billed.v1";
    public static final String PURCHASE_RETURNED = "kirana.purchase.returned.v1";
    public static final String KHATA_REMINDER_SENT = "kirana.khata.reminder-sent.v1";
    public static final String AUDIT_RECORDED = "kirana.audit.recorded.v1";

    public static final List<String> ALL = List.of(SHOP_CREATED, MEMBER_ADDED, SHOP_UPDATED, MEMBER_REMOVED,
            PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_ARCHIVED, PRICE_CHANGED,
            STOCK_RECEIVED, STOCK_RESERVED, STOCK_RESERVATION_REJECTED, STOCK_RELEASED, STOCK_COMMITTED, STOCK_ADJUSTED, STOCK_LOW,
            STOCK_BATCH_EXPIRING,
            ORDER_PLACED, ORDER_CONFIRMED, ORDER_REJECTED, ORDER_CANCELLED,
            ORDER_VOIDED, ORDER_REFUNDED,
            ACCOUNT_CREATED, JOURNAL_POSTED, PERIOD_LOCKED,
            EXPENSE_RECORDED, EXPENSE_REVERSED, DAY_CLOSED, BANK_SETTLED,
            PARTY_CREATED, PARTY_UPDATED, PARTY_MERGED, PARTY_BALANCE_CHANGED, PAYMENT_RECEIVED, PAYMENT_MADE,
            PURCHASE_BILLED, PURCHASE_RETURNED, KHATA_REMINDER_SENT, SALARY_PAID, SALARY_ADVANCE_PAID,
            EMPLOYEE_UPDATED, ATTENDANCE_RECORDED,
            AUDIT_RECORDED,
            SHOP_PURGED);

    private EventTypes() {
    }
}
