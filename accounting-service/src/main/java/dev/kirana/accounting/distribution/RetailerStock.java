package dev.kirana.accounting.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The stock at each retailer at a date: the serials placed with it and not activated, how many and what they are worth
 * (each at its own price, else its model's dealer price), by model. {@code unpricedSerials} counts those with neither
 * (valued at zero until a workbook gives a price).
 */
@Schema(example = """
        {"asAt":"2026-11-30","retailers":[{"retailerId":"2f7f0a4e-5c1b-4a56-9f0e-0e8f5d8b1c11","code":"RT-PUNE-014","name":"Shree Mobiles",
          "area":"Pune East","route":"Route 3","serials":2,"value":"27998.00","unpricedSerials":0,
          "models":[{"model":"SM-A155","name":"Galaxy A15 5G","serials":2,"value":"27998.00"}]}],
         "totals":{"serials":2,"value":"27998.00"}}""")
public record RetailerStock(LocalDate asAt, List<AtRetailer> retailers, StockTotals totals) {

    public record AtRetailer(UUID retailerId, String code, String name, String area, String route, long serials, BigDecimal value,
                             long unpricedSerials, List<StockModel> models) {
    }

    public record StockModel(String model, String name, long serials, BigDecimal value) {
    }

    public record StockTotals(long serials, BigDecimal value) {
    }
}
