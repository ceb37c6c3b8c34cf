package dev.kirana.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The events of expenses, day closes and settlements, as the services build them, against their published schemas,
 * with the optional fields left out as well as filled in (the integration tests check the ones on the topic).
 */
class ExpenseCashBankEventsTest {
    private final EventSchemaValidator schemas = new EventSchemaValidator();
    private static final LocalDate DAY = LocalDate.of(2026, 10, 14);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    void valid(String type, Object data) {
        assertThatCode(() -> schemas.assertValid(KiranaEvents.event(type, "accounting-service", "k-1", "shop-1", data)))
                .as(type).doesNotThrowAnyException();
    }

    @Test
    void expenseDayCloseAndSettlementEventsFollowTheirSchemas() {
        valid(EventTypes.EXPENSE_RECORDED, new AccountingEvents.ExpenseRecorded("x-1", "c-1", "Electricity", "5310", DAY, d("1180.00"),
                d("1000.00"), d("18"), d("90.00"), d("90.00"), d("0.00"), "BANK", "1050", "BILL-42", "e-1", "u-owner"));
        valid(EventTypes.EXPENSE_RECORDED, new AccountingEvents.ExpenseRecorded("x-2", "c-2", "Packaging", "5340", DAY, d("300.00"),
                d("300.00"), null, d("0.00"), d("0.00"), d("0.00"), "CASH", "1000", null, "e-2", "u-owner"));
        valid(EventTypes.EXPENSE_REVERSED, new AccountingEvents.ExpenseReversed("x-1", DAY, d("1180.00"), "entered twice", "e-3", "u-owner"));
        valid(EventTypes.DAY_CLOSED, new AccountingEvents.DayClosed(DAY, d("5100.00"), d("5150.00"), d("-50.00"), "e-4", "u-owner",
                Instant.parse("2026-10-14T16:30:00Z")));
        valid(EventTypes.DAY_CLOSED, new AccountingEvents.DayClosed(DAY, d("0.00"), d("0.00"), d("0.00"), null, "u-owner", Instant.now()));
        valid(EventTypes.BANK_SETTLED, new AccountingEvents.BankSettled("s-1", "PhonePe", "1020", "b-1", "1051", d("10000.00"), d("18.00"),
                d("9982.00"), DAY, "PP-SETL-1021", "e-5", "u-owner"));
    }

    @Test
    void anEventMissingWhatItMustCarryIsRefused() {
        assertThatThrownBy(() -> schemas.assertValid(KiranaEvents.event(EventTypes.BANK_SETTLED, "accounting-service", "k", "shop-1",
                new AccountingEvents.BankSettled("s-1", "PhonePe", "1000", "b-1", "1051", d("1"), d("0"), d("1"), DAY, null, "e", "u"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> schemas.assertValid(KiranaEvents.event(EventTypes.EXPENSE_RECORDED, "accounting-service", "k", "shop-1",
                new AccountingEvents.ExpenseRecorded("x", "c", "n", "5310", DAY, d("-1"), d("1"), null, d("0"), d("0"), d("0"), "CASH", "1000",
                        null, "e", "u")))).isInstanceOf(IllegalStateException.class);
    }
}
