package dev.kirana.reporting.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** First in, first out ageing of khata balances from the history of each party's balance. */
final class Ageing {
    private Ageing() {
    }

    /** {@code history}: every balance of every party, in order per party. One row per party, biggest balance first. */
    static List<Map<String, Object>> rows(List<MoneyReports.BalanceRow> history, LocalDate today, ZoneId zone) {
        Map<String, List<MoneyReports.BalanceRow>> byParty = new LinkedHashMap<>();
        for (MoneyReports.BalanceRow r : history) {
            byParty.computeIfAbsent(r.partyId(), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<MoneyReports.BalanceRow> h : byParty.values()) {
            MoneyReports.BalanceRow last = h.get(h.size() - 1);
            BigDecimal balance = last.balance();
            BigDecimal[] bands = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            BigDecimal advance = BigDecimal.ZERO;
            if (balance.signum() < 0) {
                advance = balance.negate();
            } else {
                BigDecimal left = balance;
                // walk back through the increases, newest first, until the balance is accounted for
                for (int i = h.size() - 1; i >= 0 && left.signum() > 0; i--) {
                    BigDecimal before = i == 0 ? BigDecimal.ZERO : h.get(i - 1).after();
                    BigDecimal increase = h.get(i).after().subtract(before);
                    if (increase.signum() <= 0) {
                        continue;
                    }
                    BigDecimal part = increase.min(left);
                    long age = ChronoUnit.DAYS.between(h.get(i).changedAt().atZone(zone).toLocalDate(), today);
                    bands[band(age)] = bands[band(age)].add(part);
                    left = left.subtract(part);
                }
                if (left.signum() > 0) {
                    bands[3] = bands[3].add(left);
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("party_id", last.partyId());
            row.put("name", last.name());
            row.put("phone", last.phone());
            row.put("kind", last.kind());
            row.put("credit_limit", last.creditLimit());
            row.put("balance", balance);
            row.put("d0_30", bands[0]);
            row.put("d31_60", bands[1]);
            row.put("d61_90", bands[2]);
            row.put("d90", bands[3]);
            row.put("advance", advance);
            row.put("last_change", last.changedAt().atZone(zone).toLocalDate());
            rows.add(row);
        }
        rows.sort((a, b) -> ((BigDecimal) b.get("balance")).compareTo((BigDecimal) a.get("balance")));
        return rows;
    }

    private static int band(long age) {
        return age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
    }
}
