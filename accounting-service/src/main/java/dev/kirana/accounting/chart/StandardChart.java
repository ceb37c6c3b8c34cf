package dev.kirana.accounting.chart;

import static dev.kirana.accounting.chart.AccountGroup.*;
import static dev.kirana.accounting.chart.AccountType.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chart every shop starts with: an Indian small business's accounts, under Tally's groups. Codes run by type
 * (1xxx assets, 2xxx liabilities, 3xxx equity, 4xxx income, 5xxx expenses), with room for a shop's own accounts in
 * between (a second bank account as 1051 under 1050, say). The suite's own postings use these codes.
 */
public final class StandardChart {
    private static final List<ChartAccount> ACCOUNTS;

    static {
        List<ChartAccount> a = new ArrayList<>();
        // assets
        a.add(account("1000", "Cash in hand", ASSET, CASH_IN_HAND));
        a.add(account("1010", "Card settlements receivable", ASSET, CURRENT_ASSETS));
        a.add(account("1020", "UPI settlements receivable", ASSET, CURRENT_ASSETS));
        a.add(account("1050", "Bank accounts", ASSET, BANK_ACCOUNTS));
        a.add(account("1100", "Customers (khata)", ASSET, SUNDRY_DEBTORS));
        a.add(account("1200", "Inventory", ASSET, STOCK_IN_HAND));
        a.add(account("1300", "Input CGST", ASSET, DUTIES_AND_TAXES));
        a.add(account("1310", "Input SGST/UTGST", ASSET, DUTIES_AND_TAXES));
        a.add(account("1320", "Input IGST", ASSET, DUTIES_AND_TAXES));
        a.add(account("1400", "Advances to suppliers", ASSET, LOANS_AND_ADVANCES));
        a.add(account("1410", "Deposits (rent, electricity)", ASSET, LOANS_AND_ADVANCES));
        a.add(account("1420", "Advances to staff", ASSET, LOANS_AND_ADVANCES));
        a.add(account("1500", "Furniture and fixtures", ASSET, FIXED_ASSETS));
        a.add(account("1510", "Shop equipment", ASSET, FIXED_ASSETS));
        // liabilities
        a.add(account("2000", "Suppliers (trade payables)", LIABILITY, SUNDRY_CREDITORS));
        a.add(account("2100", "Output CGST", LIABILITY, DUTIES_AND_TAXES));
        a.add(account("2110", "Output SGST/UTGST", LIABILITY, DUTIES_AND_TAXES));
        a.add(account("2120", "Output IGST", LIABILITY, DUTIES_AND_TAXES));
        a.add(account("2200", "Loyalty points liability", LIABILITY, CURRENT_LIABILITIES));
        a.add(account("2210", "Customer advances", LIABILITY, CURRENT_LIABILITIES));
        a.add(account("2400", "Expenses payable", LIABILITY, PROVISIONS));
        a.add(account("2500", "Loans", LIABILITY, LOANS_LIABILITY));
        a.add(account("2900", "Suspense", LIABILITY, SUSPENSE));
        // equity
        a.add(account("3000", "Capital", EQUITY, CAPITAL_ACCOUNT));
        a.add(account("3010", "Drawings", EQUITY, CAPITAL_ACCOUNT));
        a.add(account("3100", "Opening balances and stock introduced", EQUITY, CAPITAL_ACCOUNT));
        a.add(account("3200", "Retained earnings", EQUITY, RESERVES_AND_SURPLUS));
        // income
        a.add(account("4000", "Sales", INCOME, SALES_ACCOUNTS));
        a.add(account("4010", "Sales returns", INCOME, SALES_RETURNS));
        a.add(account("4800", "Stock count surplus", INCOME, DIRECT_INCOMES));
        a.add(account("4890", "Other income", INCOME, INDIRECT_INCOMES));
        a.add(account("4900", "Round off", INCOME, INDIRECT_INCOMES));
        // expenses
        a.add(account("5000", "Cost of goods sold", EXPENSE, PURCHASE_ACCOUNTS));
        a.add(account("5100", "Damaged stock written off", EXPENSE, DIRECT_EXPENSES));
        a.add(account("5150", "Stock count shortage", EXPENSE, DIRECT_EXPENSES));
        a.add(account("5200", "Loyalty points redeemed", EXPENSE, INDIRECT_EXPENSES));
        // points given on a sale, booked when granted against the liability 2200: a sales-promotion expense, as an
        // Indian accountant books it for a small shop under AS 9 / Tally, rather than a contra-sales (Ind AS 115
        // deferred revenue) line, so Sales 4000 stays the invoiced taxable value that the GST returns show
        a.add(account("5210", "Loyalty points granted", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5300", "Rent", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5310", "Electricity", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5320", "Wages and salaries", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5330", "Transport and freight", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5340", "Packaging", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5350", "Bank charges", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5360", "Card and UPI fees", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5370", "Telephone and internet", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5380", "Repairs and maintenance", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5400", "Cash short / over", EXPENSE, INDIRECT_EXPENSES));
        a.add(account("5900", "Miscellaneous expenses", EXPENSE, INDIRECT_EXPENSES));
        ACCOUNTS = List.copyOf(a);
    }

    private static ChartAccount account(String code, String name, AccountType type, AccountGroup group) {
        if (!group.allows(type)) {
            throw new IllegalStateException(code + ": " + group + " does not hold " + type);
        }
        return new ChartAccount(code, name, type, group, null, true);
    }

    public static List<ChartAccount> accounts() {
        return ACCOUNTS;
    }

    public static Optional<ChartAccount> find(String code) {
        return ACCOUNTS.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    private StandardChart() {
    }
}
