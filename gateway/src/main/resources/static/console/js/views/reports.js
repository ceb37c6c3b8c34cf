// Reports: pick one of reporting-service's reports, a period and its options; the table is drawn from the
// answer's columns (key, header, kind), rows and totals; CSV, Excel and PDF come from the same URL with format=.
// The choice lives in the hash (#/reports?report=sales-by-product&from=…&to=…) so a report can be bookmarked.
import { api, download } from '../api.js';
import { t, lang, addStrings } from '../i18n.js';
import { h, mount, field, formValues, pageHeader, errorBox, busy, onSubmit, action } from '../ui.js';
import * as fmt from '../format.js';

const PERIOD = ['from', 'to'];
const GROUP_BY = { name: 'groupBy', options: ['day', 'week', 'month'] };
const DAYS = (def, min, max) => ({ name: 'days', type: 'number', def, min, max });
/** Every report: its id, path under /api/v1/reports, menu group, whether it takes a period, and its own options. */
const REPORTS = [
  { id: 'sales', path: '/sales', group: 'sales', period: true, params: [GROUP_BY] },
  ...['product', 'category', 'hsn', 'tender', 'cashier', 'customer', 'hour', 'weekday']
    .map((d) => ({ id: `sales-by-${d}`, path: `/sales/by/${d}`, group: 'sales', period: true, params: [] })),
  { id: 'sales-top', path: '/sales/top', group: 'sales', period: true, params: [
    { name: 'by', options: ['amount', 'quantity'] }, { name: 'order', options: ['top', 'bottom'] },
    { name: 'limit', type: 'number', def: '10', min: 1, max: 500 }] },
  { id: 'profitability', path: '/profitability', group: 'sales', period: true, params: [{ name: 'by', options: ['product', 'category'] }] },
  { id: 'tax', path: '/tax', group: 'money', period: true, params: [] },
  { id: 'khata', path: '/khata', group: 'money', period: false, params: [{ name: 'kind', options: ['customer', 'supplier'] }] },
  { id: 'expenses', path: '/expenses', group: 'money', period: true, params: [] },
  { id: 'cash-flow', path: '/cash-flow', group: 'money', period: true, params: [GROUP_BY, { name: 'channel', options: ['', 'CASH', 'CARD', 'UPI', 'BANK'] }] },
  { id: 'stock', path: '/stock', group: 'stock', period: false, params: [{ name: 'by', options: ['category', 'product'] }] },
  { id: 'stock-expiring', path: '/stock/expiring', group: 'stock', period: false, params: [DAYS('30', 0, 3650)] },
  { id: 'stock-slow-moving', path: '/stock/slow-moving', group: 'stock', period: false, params: [DAYS('60', 1, 730),
    { name: 'coverDays', type: 'number', def: '90', min: 1, max: 3650 }] },
  { id: 'stock-ageing', path: '/stock/ageing', group: 'stock', period: false, params: [] },
  { id: 'forecast', path: '/forecast', group: 'demand', period: false, params: [{ name: 'horizon', type: 'number', def: '14', min: 1, max: 30 }] },
  { id: 'reorder', path: '/reorder', group: 'demand', period: false, params: [
    { name: 'leadTimeDays', type: 'number', def: '7', min: 1, max: 365 }, { name: 'reviewDays', type: 'number', def: '7', min: 1, max: 365 },
    { name: 'serviceLevel', type: 'number', def: '0.95', min: 0.5, max: 0.999, step: 0.005 }] },
  { id: 'anomalies', path: '/anomalies', group: 'demand', period: false, noExport: true, params: [DAYS('30', 7, 365)] },
];
const GROUPS = ['sales', 'money', 'stock', 'demand'];

addStrings({
  en: {
    'reports.title': 'Reports',
    'reports.report': 'Report',
    'reports.from': 'From',
    'reports.to': 'To',
    'reports.run': 'Show report',
    'reports.csv': 'CSV',
    'reports.xlsx': 'Excel',
    'reports.pdf': 'PDF',
    'reports.exportLabel': 'Download this report as {format}',
    'reports.total': 'Total',
    'reports.none': 'No rows for this period.',
    'reports.period': '{from} to {to}',
    'reports.asOf': 'As of {date}',
    'reports.rows': '{count} row(s)',
    'reports.yes': 'Yes',
    'reports.no': 'No',
    'reports.thisMonth': 'This month',
    'reports.lastMonth': 'Last month',
    'reports.today': 'Today',
    'reports.last7': 'Last 7 days',
    'reports.quick': 'Quick periods',
    'reports.group.sales': 'Sales',
    'reports.group.money': 'Money and tax',
    'reports.group.stock': 'Stock',
    'reports.group.demand': 'Demand and alerts',
    'reports.r.sales': 'Sales summary',
    'reports.r.sales-by-product': 'Sales by product',
    'reports.r.sales-by-category': 'Sales by category',
    'reports.r.sales-by-hsn': 'Sales by HSN and GST rate',
    'reports.r.sales-by-tender': 'Sales by payment mode',
    'reports.r.sales-by-cashier': 'Sales by cashier',
    'reports.r.sales-by-customer': 'Sales by customer',
    'reports.r.sales-by-hour': 'Sales by hour of day',
    'reports.r.sales-by-weekday': 'Sales by weekday',
    'reports.r.sales-top': 'Top and bottom sellers',
    'reports.r.profitability': 'Profitability',
    'reports.r.tax': 'GST collected',
    'reports.r.khata': 'Khata outstanding and ageing',
    'reports.r.expenses': 'Expenses by category',
    'reports.r.cash-flow': 'Cash flow',
    'reports.r.stock': 'Stock on hand and value',
    'reports.r.stock-expiring': 'Expiring batches',
    'reports.r.stock-slow-moving': 'Slow-moving and dead stock',
    'reports.r.stock-ageing': 'Stock ageing',
    'reports.r.forecast': 'Demand forecast',
    'reports.r.reorder': 'Reorder suggestions',
    'reports.r.anomalies': 'Anomalies',
    'reports.p.groupBy': 'Group by',
    'reports.p.by': 'By',
    'reports.p.order': 'Order',
    'reports.p.limit': 'How many',
    'reports.p.kind': 'Whose khata',
    'reports.p.channel': 'Money channel',
    'reports.p.days': 'Days',
    'reports.p.coverDays': 'Slow when stock lasts more than (days)',
    'reports.p.horizon': 'Days ahead',
    'reports.p.leadTimeDays': 'Supplier lead time (days)',
    'reports.p.reviewDays': 'Days until the next order',
    'reports.p.serviceLevel': 'Service level (0.5 to 0.999)',
    'reports.o.day': 'Day',
    'reports.o.week': 'Week',
    'reports.o.month': 'Month',
    'reports.o.amount': 'Amount',
    'reports.o.quantity': 'Quantity',
    'reports.o.top': 'Best sellers',
    'reports.o.bottom': 'Worst sellers',
    'reports.o.product': 'Product',
    'reports.o.category': 'Category',
    'reports.o.customer': 'Customers',
    'reports.o.supplier': 'Suppliers',
    'reports.o.': 'All',
    'reports.o.CASH': 'Cash',
    'reports.o.CARD': 'Card',
    'reports.o.UPI': 'UPI',
    'reports.o.BANK': 'Bank',
    'reports.cashiers': 'Cashiers with unusual voids and refunds',
    'reports.products': 'Products whose demand jumped or dropped',
    'reports.noAnomalies': 'Nothing unusual.',
    'reports.a.cashierId': 'Cashier',
    'reports.a.voidsAndRefunds': 'Voids and refunds',
    'reports.a.documents': 'Bills',
    'reports.a.rate': 'Rate',
    'reports.a.shopMedianRate': 'Shop median rate',
    'reports.a.robustZ': 'Robust z',
    'reports.a.productId': 'Product id',
    'reports.a.name': 'Product',
    'reports.a.direction': 'Direction',
    'reports.a.lastWeek': 'Last week',
    'reports.a.expected': 'Expected',
    'reports.a.lower95': '95 % low',
    'reports.a.upper95': '95 % high',
  },
  hi: {
    'reports.title': 'रिपोर्ट',
    'reports.report': 'रिपोर्ट',
    'reports.from': 'से',
    'reports.to': 'तक',
    'reports.run': 'रिपोर्ट दिखाएँ',
    'reports.csv': 'CSV',
    'reports.xlsx': 'Excel',
    'reports.pdf': 'PDF',
    'reports.exportLabel': 'यह रिपोर्ट {format} में डाउनलोड करें',
    'reports.total': 'कुल',
    'reports.none': 'इस अवधि में कुछ नहीं।',
    'reports.period': '{from} से {to} तक',
    'reports.asOf': '{date} तक',
    'reports.rows': '{count} पंक्तियाँ',
    'reports.yes': 'हाँ',
    'reports.no': 'नहीं',
    'reports.thisMonth': 'इस महीने',
    'reports.lastMonth': 'पिछले महीने',
    'reports.today': 'आज',
    'reports.last7': 'पिछले 7 दिन',
    'reports.quick': 'झटपट अवधि',
    'reports.group.sales': 'बिक्री',
    'reports.group.money': 'पैसा और कर',
    'reports.group.stock': 'स्टॉक',
    'reports.group.demand': 'माँग और चेतावनी',
    'reports.r.sales': 'बिक्री सारांश',
    'reports.r.sales-by-product': 'सामान के अनुसार बिक्री',
    'reports.r.sales-by-category': 'श्रेणी के अनुसार बिक्री',
    'reports.r.sales-by-hsn': 'HSN और GST दर के अनुसार बिक्री',
    'reports.r.sales-by-tender': 'भुगतान के तरीके के अनुसार बिक्री',
    'reports.r.sales-by-cashier': 'कैशियर के अनुसार बिक्री',
    'reports.r.sales-by-customer': 'ग्राहक के अनुसार बिक्री',
    'reports.r.sales-by-hour': 'घंटे के अनुसार बिक्री',
    'reports.r.sales-by-weekday': 'हफ़्ते के दिन के अनुसार बिक्री',
    'reports.r.sales-top': 'सबसे ज़्यादा और सबसे कम बिकने वाले',
    'reports.r.profitability': 'मुनाफ़ा',
    'reports.r.tax': 'वसूला गया GST',
    'reports.r.khata': 'खाता बकाया और पुरानापन',
    'reports.r.expenses': 'श्रेणी के अनुसार खर्च',
    'reports.r.cash-flow': 'पैसे का आना-जाना',
    'reports.r.stock': 'मौजूद स्टॉक और उसका मूल्य',
    'reports.r.stock-expiring': 'एक्सपायर होने वाले बैच',
    'reports.r.stock-slow-moving': 'धीमा बिकने वाला और पड़ा हुआ स्टॉक',
    'reports.r.stock-ageing': 'स्टॉक कितना पुराना',
    'reports.r.forecast': 'माँग का अनुमान',
    'reports.r.reorder': 'दोबारा मँगाने के सुझाव',
    'reports.r.anomalies': 'असामान्य बातें',
    'reports.p.groupBy': 'किस हिसाब से',
    'reports.p.by': 'किस आधार पर',
    'reports.p.order': 'क्रम',
    'reports.p.limit': 'कितने',
    'reports.p.kind': 'किसका खाता',
    'reports.p.channel': 'पैसे का ज़रिया',
    'reports.p.days': 'दिन',
    'reports.p.coverDays': 'धीमा, जब स्टॉक इतने दिन से ज़्यादा चले',
    'reports.p.horizon': 'आगे के दिन',
    'reports.p.leadTimeDays': 'सप्लायर को लगने वाले दिन',
    'reports.p.reviewDays': 'अगले ऑर्डर तक के दिन',
    'reports.p.serviceLevel': 'सेवा स्तर (0.5 से 0.999)',
    'reports.o.day': 'दिन',
    'reports.o.week': 'हफ़्ता',
    'reports.o.month': 'महीना',
    'reports.o.amount': 'रकम',
    'reports.o.quantity': 'मात्रा',
    'reports.o.top': 'सबसे ज़्यादा बिकने वाले',
    'reports.o.bottom': 'सबसे कम बिकने वाले',
    'reports.o.product': 'सामान',
    'reports.o.category': 'श्रेणी',
    'reports.o.customer': 'ग्राहक',
    'reports.o.supplier': 'सप्लायर',
    'reports.o.': 'सभी',
    'reports.o.CASH': 'नकद',
    'reports.o.CARD': 'कार्ड',
    'reports.o.UPI': 'UPI',
    'reports.o.BANK': 'बैंक',
    'reports.cashiers': 'असामान्य रद्द और वापसी वाले कैशियर',
    'reports.products': 'जिन सामानों की माँग अचानक बढ़ी या घटी',
    'reports.noAnomalies': 'कुछ भी असामान्य नहीं।',
    'reports.a.cashierId': 'कैशियर',
    'reports.a.voidsAndRefunds': 'रद्द और वापसी',
    'reports.a.documents': 'बिल',
    'reports.a.rate': 'दर',
    'reports.a.shopMedianRate': 'दुकान की सामान्य दर',
    'reports.a.robustZ': 'विचलन (z)',
    'reports.a.productId': 'सामान id',
    'reports.a.name': 'सामान',
    'reports.a.direction': 'दिशा',
    'reports.a.lastWeek': 'पिछला हफ़्ता',
    'reports.a.expected': 'अपेक्षित',
    'reports.a.lower95': '95 % निचला',
    'reports.a.upper95': '95 % ऊपरी',
    // column headers (English comes from the report itself)
    'reports.col.advance': 'अग्रिम', 'reports.col.amount': 'चुकाया', 'reports.col.average_basket': 'औसत बिल',
    'reports.col.average_cost': 'औसत लागत', 'reports.col.balance': 'बकाया', 'reports.col.baseline_mase': 'आधार MASE',
    'reports.col.batch_no': 'बैच', 'reports.col.cashier': 'कैशियर', 'reports.col.category': 'श्रेणी', 'reports.col.cgst': 'CGST',
    'reports.col.cost': 'लागत', 'reports.col.credit_limit': 'उधार सीमा', 'reports.col.customer': 'नाम',
    'reports.col.customer_key': 'ग्राहक (GSTIN या फ़ोन)', 'reports.col.d0_30': '0-30 दिन', 'reports.col.d31_60': '31-60 दिन',
    'reports.col.d61_90': '61-90 दिन', 'reports.col.d90': '90 दिन से ज़्यादा', 'reports.col.d91_180': '91-180 दिन',
    'reports.col.d181': '180 दिन से ज़्यादा', 'reports.col.days_left': 'बचे दिन', 'reports.col.days_of_cover': 'कितने दिन चलेगा',
    'reports.col.demand_class': 'माँग', 'reports.col.discount': 'छूट', 'reports.col.discounts': 'छूट',
    'reports.col.estimated_cost': 'अनुमानित लागत', 'reports.col.expenses': 'खर्च', 'reports.col.expiry_date': 'एक्सपायरी',
    'reports.col.forecast': 'अनुमान', 'reports.col.gross': 'सकल', 'reports.col.gross_margin': 'सकल मुनाफ़ा',
    'reports.col.gst_rate': 'GST दर %', 'reports.col.hi80': '80 % ऊपरी', 'reports.col.hi95': '95 % ऊपरी', 'reports.col.hour': 'घंटा',
    'reports.col.hsn': 'HSN', 'reports.col.igst': 'IGST', 'reports.col.inflow': 'पैसा आया', 'reports.col.kind': 'प्रकार',
    'reports.col.last_change': 'आख़िरी बदलाव', 'reports.col.last_purchase': 'आख़िरी ख़रीद', 'reports.col.last_sold': 'आख़िरी बिक्री',
    'reports.col.lead_time_demand': 'आने तक की माँग', 'reports.col.lo80': '80 % निचला', 'reports.col.lo95': '95 % निचला',
    'reports.col.low': 'कम', 'reports.col.margin': 'मुनाफ़ा', 'reports.col.margin_pct': 'मुनाफ़ा %', 'reports.col.mase': 'MASE',
    'reports.col.mean_daily': 'रोज़ की औसत माँग', 'reports.col.method': 'तरीका', 'reports.col.name': 'नाम', 'reports.col.net': 'शुद्ध',
    'reports.col.net_amount': 'कर के बिना', 'reports.col.net_quantity': 'शुद्ध मात्रा', 'reports.col.on_hand': 'मौजूद',
    'reports.col.outflow': 'पैसा गया', 'reports.col.payments': 'भुगतान', 'reports.col.period': 'अवधि', 'reports.col.phone': 'फ़ोन',
    'reports.col.products': 'सामान', 'reports.col.quantity_returned': 'वापस मात्रा', 'reports.col.quantity_sold': 'बिकी मात्रा',
    'reports.col.refunded': 'लौटाया', 'reports.col.refunds': 'वापसी', 'reports.col.remaining': 'बचा',
    'reports.col.reorder_level': 'रीऑर्डर स्तर', 'reports.col.reorder_point': 'रीऑर्डर बिंदु', 'reports.col.returns': 'वापसी',
    'reports.col.returns_tax': 'इसमें से वापसी पर घटा', 'reports.col.revenue': 'कर योग्य मूल्य', 'reports.col.safety_stock': 'सुरक्षा स्टॉक',
    'reports.col.sales': 'बिक्री', 'reports.col.sgst': 'SGST', 'reports.col.sku': 'SKU', 'reports.col.sold': 'अवधि में बिका',
    'reports.col.status': 'स्थिति', 'reports.col.stocks_out_before_delivery': 'माल आने से पहले ख़त्म',
    'reports.col.suggested_quantity': 'सुझाया ऑर्डर', 'reports.col.supplier': 'सप्लायर', 'reports.col.tax': 'कर',
    'reports.col.taxable': 'कर योग्य मूल्य', 'reports.col.tender': 'भुगतान का तरीका', 'reports.col.value': 'मूल्य',
    'reports.col.voided': 'रद्द रकम', 'reports.col.voids': 'रद्द', 'reports.col.weekday': 'हफ़्ते का दिन (1 = सोमवार)',
  },
});

/** A translation if there is one, else the fallback (a column's header as the report names it). */
function tOr(key, fallback) {
  const s = t(key);
  return s === key ? fallback : s;
}

function cell(kind, v) {
  if (v === null || v === undefined || v === '') return '';
  switch (kind) {
    case 'MONEY': return fmt.money(v);
    case 'QUANTITY': case 'INTEGER': return fmt.qty(v);
    case 'PERCENT': return fmt.pct(v);
    case 'DATE': return fmt.date(String(v));
    default:
      if (v === true) return t('reports.yes');
      if (v === false) return t('reports.no');
      return String(v);
  }
}
const numeric = (kind) => ['MONEY', 'QUANTITY', 'INTEGER', 'PERCENT'].includes(kind);

function monthStart(iso) { return `${iso.slice(0, 8)}01`; }

export default async function render(root, ctx) {
  const p = ctx.params;
  const report = REPORTS.find((r) => r.id === p.report) || REPORTS[0];
  const today = fmt.today();
  const from = /^\d{4}-\d{2}-\d{2}$/.test(p.from || '') ? p.from : monthStart(today);
  const to = /^\d{4}-\d{2}-\d{2}$/.test(p.to || '') ? p.to : today;

  const picker = h('select', { id: 'f-report', name: 'report' }, GROUPS.map((g) => h('optgroup', { label: t(`reports.group.${g}`) },
    REPORTS.filter((r) => r.group === g).map((r) => h('option', { value: r.id, selected: r.id === report.id }, t(`reports.r.${r.id}`))))));
  picker.addEventListener('change', () => ctx.navigate('reports', { report: picker.value, ...(report.period ? { from, to } : {}) }));

  const paramFields = report.params.map((q) => {
    const label = t(`reports.p.${q.name}`);
    if (q.options) {
      return field(label, { name: q.name, as: 'select', value: p[q.name] ?? q.options[0], options: q.options.map((o) => [o, t(`reports.o.${o}`)]) });
    }
    return field(label, { name: q.name, type: 'number', min: q.min, max: q.max, step: q.step || 1, value: p[q.name] ?? q.def });
  });

  const form = h('form', { id: 'report-form', class: 'panel' },
    h('div', { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: 'f-report' }, t('reports.report')), picker),
      report.period && field(t('reports.from'), { name: 'from', type: 'date', value: from, max: today, required: true }),
      report.period && field(t('reports.to'), { name: 'to', type: 'date', value: to, max: today, required: true }),
      paramFields,
      h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary', id: 'report-run' }, t('reports.run')))),
    report.period && h('div', { class: 'row quick-periods', role: 'group', 'aria-label': t('reports.quick') },
      quick('report-today', t('reports.today'), today, today),
      quick('report-last7', t('reports.last7'), fmt.addDays(today, -6), today),
      quick('report-this-month', t('reports.thisMonth'), monthStart(today), today),
      quick('report-last-month', t('reports.lastMonth'), monthStart(fmt.addDays(monthStart(today), -1)), fmt.addDays(monthStart(today), -1))));

  function quick(id, label, f, tt) {
    return h('button', { type: 'button', class: 'link', id, onclick: () => { form.elements.from.value = f; form.elements.to.value = tt; form.requestSubmit(); } }, label);
  }
  function values() {
    const v = formValues(form);
    const out = { report: report.id };
    if (report.period) { out.from = v.from; out.to = v.to; }
    for (const q of report.params) if (v[q.name] !== undefined && v[q.name] !== '') out[q.name] = v[q.name];
    return out;
  }
  onSubmit(form, null, () => {
    const next = values();
    const same = Object.keys(next).every((k) => p[k] === next[k]) && Object.keys(p).every((k) => k in next);
    return same ? run() : ctx.navigate('reports', next);
  });

  const query = () => { const { report: _r, ...rest } = values(); return rest; };
  const exportButtons = report.noExport ? [] : ['csv', 'xlsx', 'pdf'].map((format) => h('button', {
    type: 'button', id: `report-${format}`, 'aria-label': t('reports.exportLabel', { format: t(`reports.${format}`) }),
    onclick: action(() => download(`/api/v1/reports${report.path}`, { ...query(), format }, `${report.id}.${format}`)),
  }, t(`reports.${format}`)));

  const out = h('section', { id: 'report-out', 'aria-live': 'polite', 'aria-busy': 'false' });
  mount(root, pageHeader(t('reports.title'), ...exportButtons), form, out);

  async function run() {
    out.setAttribute('aria-busy', 'true');
    mount(out, h('p', { class: 'loading' }, t('app.loading')));
    try {
      const answer = await busy(form.querySelector('#report-run'), () => api.get(`/api/v1/reports${report.path}`, query()));
      mount(out, report.id === 'anomalies' ? anomalies(answer) : result(answer, report));
    } catch (e) {
      mount(out, errorBox(e));
    } finally {
      out.setAttribute('aria-busy', 'false');
    }
  }
  await run();
}

function result(r, report) {
  const columns = (r.columns || []).filter((c) => !/(^|_)id$/.test(c.key));
  const rows = r.rows || [];
  const header = (c) => (lang() === 'en' ? c.header : tOr(`reports.col.${c.key}`, c.header));
  const title = t(`reports.r.${report.id}`);
  const when = r.from && r.to ? t('reports.period', { from: fmt.date(r.from), to: fmt.date(r.to) })
    : r.to ? t('reports.asOf', { date: fmt.date(r.to) }) : '';
  const totals = r.totals && Object.keys(r.totals).length ? r.totals : null;
  const body = rows.length === 0 ? h('p', { class: 'empty', id: 'report-empty' }, t('reports.none'))
    : h('div', { class: 'table-wrap' }, h('table', { id: 'report-table' },
      h('caption', { class: 'sr-only' }, `${title} ${when}`),
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: numeric(c.kind) ? 'num' : null }, header(c))))),
      h('tbody', null, rows.map((row) => h('tr', null, columns.map((c) =>
        h('td', { class: numeric(c.kind) ? 'num' : null, 'data-label': header(c) }, cell(c.kind, row[c.key])))))),
      totals && h('tfoot', null, h('tr', { id: 'report-totals' }, columns.map((c, i) => {
        if (i === 0 && !(c.key in totals)) return h('th', { scope: 'row' }, t('reports.total'));
        return h('td', { class: numeric(c.kind) ? 'num' : null, 'data-label': header(c) }, c.key in totals ? cell(c.kind, totals[c.key]) : '');
      })))));
  return [
    h('h2', { id: 'report-title' }, r.title && lang() === 'en' ? r.title : title),
    h('p', { class: 'muted', id: 'report-period' }, [when, t('reports.rows', { count: fmt.qty(rows.length) })].filter(Boolean).join(' · ')),
    body,
  ];
}

function anomalies(a) {
  const section = (id, title, rows) => {
    const keys = rows.length ? Object.keys(rows[0]).filter((k) => k !== 'productId' || !rows[0].name) : [];
    return h('section', { class: 'panel', 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, title),
      rows.length === 0 ? h('p', { class: 'empty' }, t('reports.noAnomalies'))
        : h('div', { class: 'table-wrap' }, h('table', { id },
          h('thead', null, h('tr', null, keys.map((k) => h('th', { scope: 'col', class: typeof rows[0][k] === 'string' && !/^-?\d/.test(rows[0][k]) ? null : 'num' }, tOr(`reports.a.${k}`, k))))),
          h('tbody', null, rows.map((row) => h('tr', null, keys.map((k) => {
            const v = row[k];
            const isNum = typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
            return h('td', { class: isNum ? 'num' : null }, isNum ? fmt.qty(v) : cell('TEXT', v));
          })))))));
  };
  return [
    h('p', { class: 'muted', id: 'report-period' }, t('reports.period', { from: fmt.date(a.from), to: fmt.date(a.to) })),
    section('anomaly-cashiers', t('reports.cashiers'), a.cashiers || []),
    section('anomaly-products', t('reports.products'), a.products || []),
  ];
}
