package dev.kirana.order.creditlimit;

import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The 422 a counter shows when a CREDIT sale would take the customer beyond their limit, with the figures for its screen. */
public final class CreditLimitExceeded {
    public static final String SLUG = "credit-limit-exceeded";

    /**
     * @param party           the customer as the replica knows them
     * @param check           the rule applied: the limit, the balance including {@code creditNotInBooks}, this sale's credit
     * @param creditNotInBooks credit sold to the customer that the khata balance does not show yet
     */
    public static ErrorResponseException of(PartyBalance party, CreditLimit check, BigDecimal creditNotInBooks) {
        String who = party.name() == null ? "this customer" : party.name();
        String detail = "The credit limit of " + who + " is " + plain(check.limit()) + ": the balance is "
                + plain(check.balance()) + " and this sale puts " + plain(check.amount()) + " on credit, "
                + plain(check.balanceAfter()) + " in all, " + plain(check.overBy()) + " over the limit. Take at least "
                + plain(check.overBy()) + " in another tender, or an owner or manager may allow the sale (creditOverride).";
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("partyId", party.partyId());
        if (party.name() != null) {
            figures.put("customerName", party.name());
        }
        figures.put("creditLimit", plain(check.limit()));
        figures.put("balance", plain(check.balance()));
        figures.put("khataBalance", plain(check.balance().subtract(creditNotInBooks)));
        figures.put("creditNotInBooks", plain(creditNotInBooks));
        figures.put("amount", plain(check.amount()));
        figures.put("balanceAfter", plain(check.balanceAfter()));
        figures.put("overBy", plain(check.overBy()));
        figures.put("available", plain(check.available()));
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, SLUG, "Credit limit exceeded", detail, figures);
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2).toPlainString();
    }

    private CreditLimitExceeded() {
    }
}
