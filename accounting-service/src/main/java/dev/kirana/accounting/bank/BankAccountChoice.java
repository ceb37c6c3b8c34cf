package dev.kirana.accounting.bank;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Which bank account money paid into or out of "the bank" (a khata payment by BANK, an expense paid from the bank)
 * goes through: the one named; else the shop's only bank account when it has exactly one; else 1050 Bank accounts
 * itself, which no account's reconciliation sees.
 */
@Service
public class BankAccountChoice {
    private final DatabaseClient db;
    private final BankAccounts accounts;

    public BankAccountChoice(DatabaseClient db, BankAccounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** The chart code of bank account {@code id} (a 404 problem when the shop has no such account), or the default when null. */
    public Mono<String> code(String shopId, UUID id) {
        return id == null ? defaultCode(shopId) : accounts.get(shopId, id).map(BankAccount::accountCode);
    }

    /** The shop's only bank account's code, else 1050. */
    public Mono<String> defaultCode(String shopId) {
        return db.sql("SELECT account_code FROM bank_accounts WHERE shop_id = :shop ORDER BY account_code LIMIT 2").bind("shop", shopId)
                .map(r -> r.get("account_code", String.class)).all().collectList().map(BankAccountChoice::defaultOf);
    }

    /** The rule: one bank account is the default; none or several leave the money on 1050 until the shop says which. */
    static String defaultOf(List<String> codes) {
        return codes.size() == 1 ? codes.get(0) : BankAccounts.BANK_ACCOUNTS;
    }
}
