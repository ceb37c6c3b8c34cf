package dev.kirana.accounting.chart;

import java.util.EnumSet;
import java.util.Set;

/**
 * The group an account sits under, named as Tally's default groups are (what an Indian accountant expects as a
 * parent). Statements lay accounts out by group: the profit and loss by its sections, the balance sheet by heading.
 * {@link #SALES_RETURNS} is kept apart from Sales Accounts so the profit and loss can show returns on their own line.
 */
public enum AccountGroup {
    CAPITAL_ACCOUNT("Capital Account", EnumSet.of(AccountType.EQUITY)),
    RESERVES_AND_SURPLUS("Reserves & Surplus", EnumSet.of(AccountType.EQUITY)),
    LOANS_LIABILITY("Loans (Liability)", EnumSet.of(AccountType.LIABILITY)),
    SUNDRY_CREDITORS("Sundry Creditors", EnumSet.of(AccountType.LIABILITY)),
    DUTIES_AND_TAXES("Duties & Taxes", EnumSet.of(AccountType.LIABILITY, AccountType.ASSET)),
    CURRENT_LIABILITIES("Current Liabilities", EnumSet.of(AccountType.LIABILITY)),
    PROVISIONS("Provisions", EnumSet.of(AccountType.LIABILITY)),
    SUSPENSE("Suspense A/c", EnumSet.of(AccountType.LIABILITY, AccountType.ASSET)),
    FIXED_ASSETS("Fixed Assets", EnumSet.of(AccountType.ASSET)),
    STOCK_IN_HAND("Stock-in-Hand", EnumSet.of(AccountType.ASSET)),
    SUNDRY_DEBTORS("Sundry Debtors", EnumSet.of(AccountType.ASSET)),
    CASH_IN_HAND("Cash-in-Hand", EnumSet.of(AccountType.ASSET)),
    BANK_ACCOUNTS("Bank Accounts", EnumSet.of(AccountType.ASSET)),
    LOANS_AND_ADVANCES("Loans & Advances (Asset)", EnumSet.of(AccountType.ASSET)),
    CURRENT_ASSETS("Current Assets", EnumSet.of(AccountType.ASSET)),
    SALES_ACCOUNTS("Sales Accounts", EnumSet.of(AccountType.INCOME)),
    SALES_RETURNS("Sales Returns", EnumSet.of(AccountType.INCOME)),
    DIRECT_INCOMES("Direct Incomes", EnumSet.of(AccountType.INCOME)),
    INDIRECT_INCOMES("Indirect Incomes", EnumSet.of(AccountType.INCOME)),
    PURCHASE_ACCOUNTS("Purchase Accounts", EnumSet.of(AccountType.EXPENSE)),
    DIRECT_EXPENSES("Direct Expenses", EnumSet.of(AccountType.EXPENSE)),
    INDIRECT_EXPENSES("Indirect Expenses", EnumSet.of(AccountType.EXPENSE));

    private final String title;
    private final Set<AccountType> types;

    AccountGroup(String title, Set<AccountType> types) {
        this.title = title;
        this.types = types;
    }

    public String title() {
        return title;
    }

    public boolean allows(AccountType type) {
        return types.contains(type);
    }

    /** Where a custom account goes when its creator names no group. */
    public static AccountGroup defaultFor(AccountType type) {
        return switch (type) {
            case ASSET -> CURRENT_ASSETS;
            case LIABILITY -> CURRENT_LIABILITIES;
            case EQUITY -> CAPITAL_ACCOUNT;
            case INCOME -> INDIRECT_INCOMES;
            case EXPENSE -> INDIRECT_EXPENSES;
        };
    }
}
