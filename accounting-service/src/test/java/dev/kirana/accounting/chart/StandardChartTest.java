package dev.kirana.accounting.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.journal.Account;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardChartTest {

    @Test
    void everyAccountTheSuitePostsToIsInTheStandardChart() {
        for (Account a : Account.values()) {
            assertThat(StandardChart.find(a.code())).as(a + " " + a.code()).isPresent();
        }
    }

    @Test
    void codesAreUniqueAndNumberedByType() {
        Set<String> codes = new HashSet<>();
        for (ChartAccount a : StandardChart.accounts()) {
            assertThat(codes.add(a.code())).as("duplicate " + a.code()).isTrue();
            char first = a.code().charAt(0);
            AccountType expected = switch (first) {
                case '1' -> AccountType.ASSET;
                case '2' -> AccountType.LIABILITY;
                case '3' -> AccountType.EQUITY;
                case '4' -> AccountType.INCOME;
                default -> AccountType.EXPENSE;
            };
            assertThat(a.type()).as(a.code()).isEqualTo(expected);
            assertThat(a.group().allows(a.type())).as(a.code()).isTrue();
            assertThat(a.standard()).isTrue();
        }
    }

    @Test
    void theAccountsASmallIndianShopNeedsAreThereUnderTallysGroups() {
        assertThat(StandardChart.find("1000").orElseThrow().group()).isEqualTo(AccountGroup.CASH_IN_HAND);
        assertThat(StandardChart.find("1050").orElseThrow().group()).isEqualTo(AccountGroup.BANK_ACCOUNTS);
        assertThat(StandardChart.find("1100").orElseThrow().group()).isEqualTo(AccountGroup.SUNDRY_DEBTORS);
        assertThat(StandardChart.find("2000").orElseThrow().group()).isEqualTo(AccountGroup.SUNDRY_CREDITORS);
        assertThat(StandardChart.find("1300").orElseThrow().group()).isEqualTo(AccountGroup.DUTIES_AND_TAXES);
        assertThat(StandardChart.find("1300").orElseThrow().type()).isEqualTo(AccountType.ASSET);   // input credit
        assertThat(StandardChart.find("2100").orElseThrow().type()).isEqualTo(AccountType.LIABILITY); // tax payable
        assertThat(StandardChart.find("5300").orElseThrow().group()).isEqualTo(AccountGroup.INDIRECT_EXPENSES);
        assertThat(StandardChart.find("5300").orElseThrow().name()).isEqualTo("Rent");
        assertThat(StandardChart.find("3200").orElseThrow().name()).isEqualTo("Retained earnings");
        assertThat(StandardChart.find("5400").orElseThrow().name()).isEqualTo("Cash short / over");
        assertThat(AccountGroup.BANK_ACCOUNTS.title()).isEqualTo("Bank Accounts");
        assertThat(AccountGroup.DUTIES_AND_TAXES.title()).isEqualTo("Duties & Taxes");
    }
}
