package dev.kirana.accounting.chart;

/** An account as the API shows it: {@code group} is the group's key, {@code groupName} its Tally name. */
public record AccountView(String code, String name, AccountType type, AccountGroup group, String groupName, String parentCode,
                          boolean standard) {
    public static AccountView of(ChartAccount a) {
        return new AccountView(a.code(), a.name(), a.type(), a.group(), a.group().title(), a.parentCode(), a.standard());
    }
}
