package dev.kirana.accounting.cashbook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** The cash counted in the drawer at the end of the day. */
@Schema(example = """
        {"counted":"5100.00","note":"counted by Ravi, checked by owner"}""")
public record DayCloseRequest(BigDecimal counted, String note) {
}
