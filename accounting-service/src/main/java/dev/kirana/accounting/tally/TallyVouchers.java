package dev.kirana.accounting.tally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Journal entries as Tally vouchers (pure): one voucher per entry, its type from {@link TallyVoucherTypes}, one ledger
 * line per journal line, the same debits and credits. The voucher number is the document's own where the entry names
 * one (the invoice, credit note, supplier's bill or debit note number, or the reference of a manual entry), else the
 * first eight characters of the entry id.
 */
public final class TallyVouchers {
    private static final Pattern DOCUMENT = Pattern.compile(
            "^(?:Void of sale|Sale|Credit note|Purchase bill|Debit note) (\\S+)");

    /** A journal line: its account code, debit, credit and the party it belongs to (null: none). */
    public record JournalLine(String account, BigDecimal debit, BigDecimal credit, UUID partyId) {
    }

    public record JournalEntry(UUID id, LocalDate date, String narration, String source, String reference, List<JournalLine> lines) {
    }

    public static TallyBook.Voucher voucher(String shopId, JournalEntry e, TallyLedgers ledgers) {
        List<TallyBook.Line> lines = new ArrayList<>();
        List<String> debited = new ArrayList<>();
        String party = null;
        for (JournalLine l : e.lines()) {
            String ledger = ledgers.ledgerOf(l.account(), l.partyId());
            lines.add(new TallyBook.Line(ledger, l.debit(), l.credit()));
            if (l.debit().signum() > 0) {
                debited.add(l.account());
            }
            if (party == null && ledgers.isParty(ledger)) {
                party = ledger;
            }
        }
        if (party == null && !lines.isEmpty()) {
            party = lines.get(0).ledger();
        }
        return new TallyBook.Voucher(TallyBook.guid(shopId, "voucher:" + e.id()), TallyVoucherTypes.of(e.source(), debited), e.date(),
                number(e), party, e.narration(), List.copyOf(lines));
    }

    static String number(JournalEntry e) {
        if (e.reference() != null && !e.reference().isBlank()) {
            return e.reference().strip();
        }
        Matcher m = DOCUMENT.matcher(e.narration() == null ? "" : e.narration());
        if (m.find()) {
            return m.group(1).replaceAll(":$", "");
        }
        return e.id().toString().substring(0, 8);
    }

    private TallyVouchers() {
    }
}
