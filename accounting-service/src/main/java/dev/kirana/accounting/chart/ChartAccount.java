package dev.kirana.accounting.chart;

/**
 * An account of a shop's chart.
 *
 * @param parentCode the account it is a sub-account of (a bank account under 1050 Bank accounts), or null
 * @param standard   part of the standard chart every shop starts with (the suite posts to these; they are never deleted)
 */
public record ChartAccount(String code, String name, AccountType type, AccountGroup group, String parentCode, boolean standard) {
}
