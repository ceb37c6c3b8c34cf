package dev.kirana.accounting.tally;

import dev.kirana.accounting.chart.AccountGroup;
import dev.kirana.accounting.chart.ChartAccount;
import dev.kirana.india.StateCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ledgers of a shop as Tally sees them: one per account of the chart, under the Tally group the account sits in,
 * and one per live customer (Sundry Debtors) and supplier (Sundry Creditors), with GSTIN and state. A party's lines
 * on Customers 1100 or Suppliers 2000 go to its own ledger. Tally names ledgers uniquely: a party whose name is
 * taken already (by an account or another party) is named with its phone or GSTIN after it.
 */
public final class TallyLedgers {

    /** A customer or supplier of the shop. */
    public record Party(UUID id, boolean customer, String name, String phone, String gstin, String stateCode) {
    }

    private final List<TallyBook.Ledger> masters = new ArrayList<>();
    private final Map<String, String> accountNames = new HashMap<>();
    private final Map<UUID, String> partyNames = new HashMap<>();

    public TallyLedgers(String shopId, List<ChartAccount> accounts, List<Party> parties) {
        Set<String> taken = new HashSet<>();
        for (ChartAccount a : accounts) {
            String name = unique(a.name(), a.code(), taken);
            accountNames.put(a.code(), name);
            masters.add(new TallyBook.Ledger(TallyBook.guid(shopId, "ledger:" + a.code()), name, group(a.group()), null, null));
        }
        for (Party p : parties) {
            String tag = p.phone() != null ? p.phone() : p.gstin() != null ? p.gstin() : p.id().toString().substring(0, 8);
            String name = unique(p.name(), tag, taken);
            partyNames.put(p.id(), name);
            String state = p.stateCode() != null ? p.stateCode() : p.gstin() != null && p.gstin().length() >= 2 ? p.gstin().substring(0, 2) : null;
            masters.add(new TallyBook.Ledger(TallyBook.guid(shopId, "party:" + p.id()), name,
                    p.customer() ? AccountGroup.SUNDRY_DEBTORS.title() : AccountGroup.SUNDRY_CREDITORS.title(), p.gstin(),
                    StateCodes.isValid(state) ? StateCodes.name(state) : null));
        }
    }

    /** Tally's default group for an account group: the same names, but sales returns are Sales Accounts in Tally. */
    static String group(AccountGroup g) {
        return g == AccountGroup.SALES_RETURNS ? AccountGroup.SALES_ACCOUNTS.title() : g.title();
    }

    private static String unique(String name, String tag, Set<String> taken) {
        String n = name.strip();
        if (!taken.add(n.toLowerCase(Locale.ROOT))) {
            n = n + " (" + tag + ")";
            taken.add(n.toLowerCase(Locale.ROOT));
        }
        return n;
    }

    public List<TallyBook.Ledger> masters() {
        return List.copyOf(masters);
    }

    /** The ledger a journal line posts to: its party's when it has one, else its account's (the code when unknown). */
    public String ledgerOf(String account, UUID partyId) {
        if (partyId != null && partyNames.containsKey(partyId)) {
            return partyNames.get(partyId);
        }
        return accountNames.getOrDefault(account, account);
    }

    public boolean isParty(String ledger) {
        return partyNames.containsValue(ledger);
    }
}
