/**
 * The distributor's view: its retailers (customers in the books with a code, area, route and credit days), the
 * handsets and other serialised goods placed with them as the brand's PRM workbook reports them, and the OD report.
 *
 * <p>Why this lives in the books and not in inventory-service's stock ledger: a serial placed at a retailer has
 * already been sold (invoiced) to that retailer, so it is no longer the distributor's own stock. It is what stands
 * behind the retailer's receivable, which the books own: until the retailer activates (sells through) a handset, the
 * distributor could take it back against what the retailer owes. The OD report sets the two side by side, and the
 * overdue amount comes from the same ageing rule as every khata statement ({@link dev.kirana.accounting.khata.Ageing}).
 */
package dev.kirana.accounting.distribution;
