package dev.kirana.accounting.gstreturn;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a GST return: a month ({@code 2026-11}) or a quarter of the financial year ({@code 2026-Q3}, the
 * third quarter of the year that begins in April 2026: October to December 2026; Q4 is January to March of the next
 * calendar year), as a shop filing quarterly under the QRMP scheme files it.
 */
public record ReturnPeriod(String label, YearMonth first, YearMonth last) {
    private static final Pattern MONTH = Pattern.compile("^(20[0-9]{2})-(0[1-9]|1[0-2])$");
    private static final Pattern QUARTER = Pattern.compile("^(20[0-9]{2})-Q([1-4])$");

    /** The period written as {@code yyyy-mm} or {@code yyyy-Qn}; empty for anything else. */
    public static Optional<ReturnPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(new ReturnPeriod(text, month, month));
        }
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), 4).plusMonths(3L * (Integer.parseInt(q.group(2)) - 1));
            return Optional.of(new ReturnPeriod(text, first, first.plusMonths(2)));
        }
        return Optional.empty();
    }

    public static ReturnPeriod month(YearMonth month) {
        return new ReturnPeriod(month.toString(), month, month);
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public LocalDate from() {
        return first.atDay(1);
    }

    public LocalDate to() {
        return last.atEndOfMonth();
    }

    /** The return period as the GST network writes it ({@code fp}, {@code ret_period}): MMYYYY of its last month. */
    public String fp() {
        return String.format("%02d%04d", last.getMonthValue(), last.getYear());
    }

    public boolean quarterly() {
        return !first.equals(last);
    }
}
