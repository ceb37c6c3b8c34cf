package dev.kirana.order.einvoice;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The IRN request: a B2B invoice in the government e-invoice schema (INV-01), version 1.1, as published by NIC for
 * the invoice registration portal (einvoice1.gst.gov.in; the API's "Generate IRN" payload at einv-apisandbox.nic.in,
 * version 1.03 of the API). Field names are the schema's; amounts are JSON numbers in rupees, as the schema has them
 * (not the suite's decimal strings), and absent optional fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IrnRequest(@JsonProperty("Version") String version,
                         @JsonProperty("TranDtls") TranDtls tranDtls,
                         @JsonProperty("DocDtls") DocDtls docDtls,
                         @JsonProperty("SellerDtls") SellerDtls sellerDtls,
                         @JsonProperty("BuyerDtls") BuyerDtls buyerDtls,
                         @JsonProperty("ItemList") List<Item> itemList,
                         @JsonProperty("ValDtls") ValDtls valDtls) {

    /** Tax scheme GST, supply type B2B, reverse charge and IGST on an intra-state supply: Y or N. */
    public record TranDtls(@JsonProperty("TaxSch") String taxSch, @JsonProperty("SupTyp") String supTyp,
                           @JsonProperty("RegRev") String regRev, @JsonProperty("IgstOnIntra") String igstOnIntra) {
    }

    /** Document type INV, CRN or DBN, its number and its date dd/mm/yyyy. */
    public record DocDtls(@JsonProperty("Typ") String typ, @JsonProperty("No") String no, @JsonProperty("Dt") String dt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SellerDtls(@JsonProperty("Gstin") String gstin, @JsonProperty("LglNm") String lglNm,
                             @JsonProperty("Addr1") String addr1, @JsonProperty("Addr2") String addr2,
                             @JsonProperty("Loc") String loc, @JsonProperty("Pin") Integer pin,
                             @JsonProperty("Stcd") String stcd) {
    }

    /** {@code pos}: the state code of the place of supply. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuyerDtls(@JsonProperty("Gstin") String gstin, @JsonProperty("LglNm") String lglNm,
                            @JsonProperty("Pos") String pos, @JsonProperty("Addr1") String addr1,
                            @JsonProperty("Addr2") String addr2, @JsonProperty("Loc") String loc,
                            @JsonProperty("Pin") Integer pin, @JsonProperty("Stcd") String stcd) {
    }

    /**
     * One line: {@code totAmt} = unit price × quantity before tax, {@code assAmt} = totAmt − discount (the taxable
     * value), {@code totItemVal} = assAmt + CGST + SGST + IGST.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@JsonProperty("SlNo") String slNo, @JsonProperty("PrdDesc") String prdDesc,
                       @JsonProperty("IsServc") String isServc, @JsonProperty("HsnCd") String hsnCd,
                       @JsonProperty("Qty") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal qty,
                       @JsonProperty("Unit") String unit,
                       @JsonProperty("UnitPrice") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal unitPrice,
                       @JsonProperty("TotAmt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal totAmt,
                       @JsonProperty("Discount") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal discount,
                       @JsonProperty("AssAmt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal assAmt,
                       @JsonProperty("GstRt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal gstRt,
                       @JsonProperty("IgstAmt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal igstAmt,
                       @JsonProperty("CgstAmt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal cgstAmt,
                       @JsonProperty("SgstAmt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal sgstAmt,
                       @JsonProperty("TotItemVal") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal totItemVal) {
    }

    /** The invoice's totals: assessable value, taxes, the round-off and the invoice value. */
    public record ValDtls(@JsonProperty("AssVal") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal assVal,
                          @JsonProperty("CgstVal") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal cgstVal,
                          @JsonProperty("SgstVal") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal sgstVal,
                          @JsonProperty("IgstVal") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal igstVal,
                          @JsonProperty("RndOffAmt") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal rndOffAmt,
                          @JsonProperty("TotInvVal") @JsonFormat(shape = JsonFormat.Shape.NUMBER) BigDecimal totInvVal) {
    }
}
