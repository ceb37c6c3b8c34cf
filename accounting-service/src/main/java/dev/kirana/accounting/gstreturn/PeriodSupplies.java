package dev.kirana.accounting.gstreturn;

import dev.kirana.accounting.gstreturn.OutwardDocument.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents a return reports, each with the sign it counts with. An invoice counts +1; a credit note -1. An
 * invoice voided within the same return counts 0 (it is a cancelled document, reported only in the documents issued);
 * a void of an invoice that an earlier, filed return reported counts -1 here, as the amendment of that invoice.
 */
public record PeriodSupplies(List<Counted> counted, Set<String> cancelledHere) {

    public record Counted(OutwardDocument document, int sign) {
        /** A void of an invoice reported in an earlier return. */
        public boolean lateCancellation() {
            return document.kind() == Kind.CANCELLATION;
        }
    }

    public static PeriodSupplies of(List<OutwardDocument> documents) {
        Set<String> invoiced = documents.stream().filter(d -> d.kind() == Kind.INVOICE).map(OutwardDocument::orderId)
                .collect(Collectors.toSet());
        Set<String> cancelledHere = documents.stream().filter(d -> d.kind() == Kind.CANCELLATION && invoiced.contains(d.orderId()))
                .map(OutwardDocument::orderId).collect(Collectors.toSet());
        List<Counted> counted = new ArrayList<>();
        for (OutwardDocument d : documents) {
            switch (d.kind()) {
                case INVOICE -> {
                    if (!cancelledHere.contains(d.orderId())) counted.add(new Counted(d, 1));
                }
                case CREDIT_NOTE -> counted.add(new Counted(d, -1));
                case CANCELLATION -> {
                    if (!cancelledHere.contains(d.orderId())) counted.add(new Counted(d, -1));
                }
            }
        }
        return new PeriodSupplies(List.copyOf(counted), Set.copyOf(cancelledHere));
    }
}
