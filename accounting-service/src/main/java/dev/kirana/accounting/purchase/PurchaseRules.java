package dev.kirana.accounting.purchase;

import dev.kirana.india.GstRates;

import dev.kirana.accounting.khata.PaymentMode;
import dev.kirana.web.problem.Problems.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a bill or a return must look like before anything is written (pure: every wrong field is named). */
public final class PurchaseRules {
    static final int MAX_LINES = 200;
    private static final Pattern BILL_NUMBER = Pattern.compile("[A-Za-z0-9/ ._-]{1,30}");
    private static final Pattern BATCH = Pattern.compile("[A-Za-z0-9/._-]{1,40}");

    /** The form a bill number is compared in: upper case, without surrounding or repeated spaces. */
    public static String billKey(String billNumber) {
        return billNumber.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    public static List<FieldError> check(PurchaseBillRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError("body", "is required"));
            return errors;
        }
        if (r.supplierId() == null) {
            errors.add(new FieldError("supplierId", "is required"));
        }
        if (r.billNumber() == null || r.billNumber().isBlank()) {
            errors.add(new FieldError("billNumber", "is required"));
        } else if (!BILL_NUMBER.matcher(r.billNumber().trim()).matches()) {
            errors.add(new FieldError("billNumber", "at most 30 letters, digits, spaces and / . _ -"));
        }
        if (r.billDate() == null) {
            errors.add(new FieldError("billDate", "is required"));
        } else if (r.billDate().isAfter(today)) {
            errors.add(new FieldError("billDate", "must not be in the future"));
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            errors.add(new FieldError("lines", "a bill has at least one line"));
        } else if (r.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", "at most " + MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < r.lines().size(); i++) {
                line(r.lines().get(i), "lines[" + i + "].", r.billDate() == null ? today : r.billDate(), errors);
            }
        }
        if (r.notes() != null && r.notes().length() > 500) {
            errors.add(new FieldError("notes", "must be at most 500 characters"));
        }
        if (r.billTotal() != null && (r.billTotal().signum() < 0 || r.billTotal().stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError("billTotal", "rupees and paise, zero or more"));
        }
        PurchaseBillRequest.PaidNow p = r.paidNow();
        if (p != null) {
            if (p.amount() == null) {
                errors.add(new FieldError("paidNow.amount", "is required"));
            } else if (p.amount().signum() <= 0) {
                errors.add(new FieldError("paidNow.amount", "must be more than zero"));
            } else if (p.amount().stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("paidNow.amount", "must be in rupees and paise (at most 2 decimals)"));
            }
            if (p.mode() == null || p.mode() == PaymentMode.CARD) {
                errors.add(new FieldError("paidNow.mode", "CASH, BANK or UPI"));
            } else if (p.mode() == PaymentMode.UPI && (p.reference() == null || p.reference().isBlank())) {
                errors.add(new FieldError("paidNow.reference", "the UPI transaction reference is required for a UPI payment"));
            }
            if (p.reference() != null && p.reference().length() > 64) {
                errors.add(new FieldError("paidNow.reference", "must be at most 64 characters"));
            }
        }
        return errors;
    }

    private static void line(PurchaseBillRequest.Line l, String at, java.time.LocalDate billDate, List<FieldError> errors) {
        if (l == null) {
            errors.add(new FieldError(at.substring(0, at.length() - 1), "is required"));
            return;
        }
        if (l.productId() == null || l.productId().isBlank()) {
            errors.add(new FieldError(at + "productId", "is required"));
        } else if (l.productId().length() > 64) {
            errors.add(new FieldError(at + "productId", "must be at most 64 characters"));
        }
        if (l.quantity() == null) {
            errors.add(new FieldError(at + "quantity", "is required"));
        } else if (l.quantity().signum() <= 0) {
            errors.add(new FieldError(at + "quantity", "must be more than zero"));
        } else if (l.quantity().stripTrailingZeros().scale() > 3 || l.quantity().compareTo(new BigDecimal("100000000")) >= 0) {
            errors.add(new FieldError(at + "quantity", "at most 3 decimals and less than 100000000"));
        }
        if (l.unitCost() == null) {
            errors.add(new FieldError(at + "unitCost", "is required"));
        } else if (l.unitCost().signum() < 0) {
            errors.add(new FieldError(at + "unitCost", "must not be negative"));
        } else if (l.unitCost().stripTrailingZeros().scale() > 4 || l.unitCost().compareTo(new BigDecimal("10000000000")) >= 0) {
            errors.add(new FieldError(at + "unitCost", "at most 4 decimals and less than 10000000000"));
        }
        if (l.gstRate() == null) {
            errors.add(new FieldError(at + "gstRate", "is required"));
        } else if (GstRates.violation(l.gstRate(), billDate) != null) {
            // the rate in force on the supplier's invoice date
            errors.add(new FieldError(at + "gstRate", GstRates.violation(l.gstRate(), billDate)));
        }
        if (l.batchNo() != null && !l.batchNo().isBlank() && !BATCH.matcher(l.batchNo().trim()).matches()) {
            errors.add(new FieldError(at + "batchNo", "at most 40 letters, digits and / . _ -"));
        }
    }

    public static List<FieldError> check(PurchaseReturnRequest r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError("body", "is required"));
            return errors;
        }
        if (r.date() != null && r.date().isAfter(today)) {
            errors.add(new FieldError("date", "must not be in the future"));
        }
        if (r.reason() != null && r.reason().length() > 500) {
            errors.add(new FieldError("reason", "must be at most 500 characters"));
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            errors.add(new FieldError("lines", "return at least one line"));
            return errors;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < r.lines().size(); i++) {
            PurchaseReturnRequest.Line l = r.lines().get(i);
            String at = "lines[" + i + "].";
            if (l == null || l.lineNo() == null) {
                errors.add(new FieldError(at + "lineNo", "is required"));
                continue;
            }
            if (!seen.add(l.lineNo())) {
                errors.add(new FieldError(at + "lineNo", "line " + l.lineNo() + " is named twice"));
            }
            if (l.quantity() == null) {
                errors.add(new FieldError(at + "quantity", "is required"));
            } else if (l.quantity().signum() <= 0) {
                errors.add(new FieldError(at + "quantity", "must be more than zero"));
            } else if (l.quantity().stripTrailingZeros().scale() > 3) {
                errors.add(new FieldError(at + "quantity", "at most 3 decimals"));
            }
        }
        return errors;
    }

    private PurchaseRules() {
    }
}
