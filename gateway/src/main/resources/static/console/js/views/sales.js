// Sales: the shop's orders with filters, and one sale in detail (lines with GST, tenders, refunds, void,
// invoice PDF, thermal receipt). A cashier sees only their own sales.
import { api, newKey, openFile } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, formValues, table, pageHeader, pairs, gstColumns, errorBox, busy, toast, onSubmit, action, reasonForm } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'sales.title': 'Sales',
    'sales.filter': 'Filter sales',
    'sales.status': 'Status',
    'sales.any': 'Any',
    'sales.from': 'From',
    'sales.to': 'To',
    'sales.cashier': 'Cashier',
    'sales.customer': 'Customer (phone, GSTIN or name)',
    'sales.tender': 'Paid by',
    'sales.invoiceNumber': 'Invoice number',
    'sales.search': 'Show',
    'sales.clear': 'Clear',
    'sales.none': 'No sales match these filters.',
    'sales.mineOnly': 'You see the sales you made.',
    'sales.col.invoice': 'Invoice',
    'sales.col.placed': 'Time',
    'sales.col.customer': 'Customer',
    'sales.col.cashier': 'Cashier',
    'sales.col.tenders': 'Paid by',
    'sales.col.total': 'Total',
    'sales.col.status': 'Status',
    'sales.walkIn': 'Walk-in',
    'sales.noInvoice': '(no invoice)',
    'sales.st.PENDING': 'Pending',
    'sales.st.CONFIRMED': 'Sold',
    'sales.st.REJECTED': 'Rejected',
    'sales.st.CANCELLED': 'Cancelled',
    'sales.st.VOIDED': 'Voided',
    'sales.st.PARTIALLY_REFUNDED': 'Part refunded',
    'sales.st.REFUNDED': 'Refunded',
    'sales.tn.CASH': 'Cash',
    'sales.tn.CARD': 'Card',
    'sales.tn.UPI': 'UPI',
    'sales.tn.CREDIT': 'Khata (credit)',
    'sales.tn.LOYALTY': 'Loyalty points',
    'sales.back': 'All sales',
    'sales.detail': 'Sale {number}',
    'sales.placedAt': 'Placed',
    'sales.confirmedAt': 'Confirmed',
    'sales.invoiceDate': 'Invoice date',
    'sales.docType': 'Document',
    'sales.doc.TAX_INVOICE': 'Tax invoice',
    'sales.doc.BILL_OF_SUPPLY': 'Bill of supply',
    'sales.placeOfSupply': 'Place of supply',
    'sales.supplyType': 'Supply',
    'sales.gstin': 'Customer GSTIN',
    'sales.phone': 'Phone',
    'sales.reason': 'Reason',
    'sales.voidedAt': 'Voided at',
    'sales.voidedBy': 'Voided by',
    'sales.creditOverride': 'Credit limit passed with approval of {role} (limit {limit}, balance {balance}, on credit {amount})',
    'sales.lines': 'Items',
    'sales.l.no': '#',
    'sales.l.item': 'Item',
    'sales.l.hsn': 'HSN',
    'sales.l.qty': 'Qty',
    'sales.l.price': 'Price',
    'sales.l.discount': 'Discount',
    'sales.l.taxable': 'Taxable value',
    'sales.l.rate': 'GST %',
    'sales.l.cgst': 'CGST',
    'sales.l.sgst': 'SGST',
    'sales.l.igst': 'IGST',
    'sales.l.total': 'Amount',
    'sales.l.refunded': 'Returned',
    'sales.totals': 'Totals',
    'sales.gross': 'Gross',
    'sales.discount': 'Discount',
    'sales.taxable': 'Taxable value',
    'sales.cgst': 'CGST',
    'sales.sgst': 'SGST',
    'sales.igst': 'IGST',
    'sales.roundOff': 'Round off',
    'sales.total': 'Total',
    'sales.refundedTotal': 'Refunded',
    'sales.tenders': 'Payment',
    'sales.t.type': 'Tender',
    'sales.t.tendered': 'Tendered',
    'sales.t.amount': 'Settled',
    'sales.t.change': 'Change',
    'sales.t.reference': 'Reference',
    'sales.t.points': 'Points',
    'sales.received': 'Received',
    'sales.change': 'Change given',
    'sales.points': 'Loyalty points earned {earned}, redeemed {redeemed}',
    'sales.invoice': 'Invoice PDF',
    'sales.receipt': 'Receipt',
    'sales.receiptWidth': 'Paper width',
    'sales.mm58': '58 mm',
    'sales.mm80': '80 mm',
    'sales.print': 'Print',
    'sales.refund': 'Refund items',
    'sales.void': 'Void sale',
    'sales.cancel': 'Cancel order',
    'sales.cancelled': 'Order cancelled',
    'sales.refunds': 'Refunds',
    'sales.r.number': 'Credit note',
    'sales.r.date': 'Date',
    'sales.r.tender': 'Paid back by',
    'sales.r.total': 'Amount',
    'sales.r.reason': 'Reason',
    'sales.r.items': 'Items',
    'sales.creditNote': 'Credit note PDF',
    'sales.refundTitle': 'Refund items',
    'sales.refundHelp': 'Enter how many of each item come back. The money goes back at the invoice prices.',
    'sales.refundQty': 'Return qty of {name} (up to {max})',
    'sales.disposition': 'Goods',
    'sales.d.RESTOCK': 'Back on the shelf',
    'sales.d.WRITE_OFF': 'Damaged (write off)',
    'sales.refundTender': 'Pay back by',
    'sales.reference': 'Reference (UPI/card)',
    'sales.refundReason': 'Reason',
    'sales.refundAll': 'Return everything',
    'sales.refundSave': 'Refund',
    'sales.refundNothing': 'Enter a quantity for at least one item.',
    'sales.refundDone': 'Credit note {number} for {amount}',
    'sales.voidTitle': 'Void this sale',
    'sales.voidHelp': 'The whole sale is reversed: every item goes back into stock and the books are reversed. This cannot be undone.',
    'sales.voidReason': 'Reason for voiding',
    'sales.voidConfirm': 'Yes, void the sale',
    'sales.voidDone': 'Sale voided',
    'sales.notFound': 'No such sale in this shop.',
  },
  hi: {
    'sales.title': 'बिक्री',
    'sales.filter': 'बिक्री छाँटें',
    'sales.status': 'स्थिति',
    'sales.any': 'कोई भी',
    'sales.from': 'से',
    'sales.to': 'तक',
    'sales.cashier': 'कैशियर',
    'sales.customer': 'ग्राहक (फ़ोन, GSTIN या नाम)',
    'sales.tender': 'भुगतान का तरीका',
    'sales.invoiceNumber': 'बिल नंबर',
    'sales.search': 'दिखाएँ',
    'sales.clear': 'साफ़ करें',
    'sales.none': 'इन शर्तों से कोई बिक्री नहीं मिली।',
    'sales.mineOnly': 'आपको अपनी की हुई बिक्री दिखती है।',
    'sales.col.invoice': 'बिल',
    'sales.col.placed': 'समय',
    'sales.col.customer': 'ग्राहक',
    'sales.col.cashier': 'कैशियर',
    'sales.col.tenders': 'भुगतान',
    'sales.col.total': 'कुल',
    'sales.col.status': 'स्थिति',
    'sales.walkIn': 'नकद ग्राहक',
    'sales.noInvoice': '(बिल नहीं)',
    'sales.st.PENDING': 'बाकी',
    'sales.st.CONFIRMED': 'बिका',
    'sales.st.REJECTED': 'अस्वीकार',
    'sales.st.CANCELLED': 'रद्द',
    'sales.st.VOIDED': 'निरस्त',
    'sales.st.PARTIALLY_REFUNDED': 'कुछ वापसी',
    'sales.st.REFUNDED': 'पूरी वापसी',
    'sales.tn.CASH': 'नकद',
    'sales.tn.CARD': 'कार्ड',
    'sales.tn.UPI': 'UPI',
    'sales.tn.CREDIT': 'खाता (उधार)',
    'sales.tn.LOYALTY': 'लॉयल्टी पॉइंट',
    'sales.back': 'सारी बिक्री',
    'sales.detail': 'बिक्री {number}',
    'sales.placedAt': 'समय',
    'sales.confirmedAt': 'पक्की हुई',
    'sales.invoiceDate': 'बिल की तारीख',
    'sales.docType': 'दस्तावेज़',
    'sales.doc.TAX_INVOICE': 'टैक्स इनवॉइस',
    'sales.doc.BILL_OF_SUPPLY': 'बिल ऑफ़ सप्लाई',
    'sales.placeOfSupply': 'आपूर्ति का स्थान',
    'sales.supplyType': 'आपूर्ति',
    'sales.gstin': 'ग्राहक GSTIN',
    'sales.phone': 'फ़ोन',
    'sales.reason': 'कारण',
    'sales.voidedAt': 'निरस्त किया',
    'sales.voidedBy': 'निरस्त करने वाले',
    'sales.creditOverride': '{role} की मंज़ूरी से उधार सीमा पार (सीमा {limit}, बकाया {balance}, उधार {amount})',
    'sales.lines': 'सामान',
    'sales.l.no': 'क्र.',
    'sales.l.item': 'सामान',
    'sales.l.hsn': 'HSN',
    'sales.l.qty': 'मात्रा',
    'sales.l.price': 'दाम',
    'sales.l.discount': 'छूट',
    'sales.l.taxable': 'कर योग्य मूल्य',
    'sales.l.rate': 'GST %',
    'sales.l.cgst': 'CGST',
    'sales.l.sgst': 'SGST',
    'sales.l.igst': 'IGST',
    'sales.l.total': 'राशि',
    'sales.l.refunded': 'वापस',
    'sales.totals': 'जोड़',
    'sales.gross': 'कुल दाम',
    'sales.discount': 'छूट',
    'sales.taxable': 'कर योग्य मूल्य',
    'sales.cgst': 'CGST',
    'sales.sgst': 'SGST',
    'sales.igst': 'IGST',
    'sales.roundOff': 'पूर्णांकन',
    'sales.total': 'कुल',
    'sales.refundedTotal': 'वापस किया',
    'sales.tenders': 'भुगतान',
    'sales.t.type': 'तरीका',
    'sales.t.tendered': 'दिए',
    'sales.t.amount': 'चुकाया',
    'sales.t.change': 'छुट्टा',
    'sales.t.reference': 'संदर्भ',
    'sales.t.points': 'पॉइंट',
    'sales.received': 'मिले',
    'sales.change': 'लौटाया छुट्टा',
    'sales.points': 'लॉयल्टी पॉइंट मिले {earned}, इस्तेमाल {redeemed}',
    'sales.invoice': 'बिल PDF',
    'sales.receipt': 'रसीद',
    'sales.receiptWidth': 'कागज़ की चौड़ाई',
    'sales.mm58': '58 मिमी',
    'sales.mm80': '80 मिमी',
    'sales.print': 'प्रिंट करें',
    'sales.refund': 'सामान वापसी',
    'sales.void': 'बिक्री निरस्त करें',
    'sales.cancel': 'ऑर्डर रद्द करें',
    'sales.cancelled': 'ऑर्डर रद्द हुआ',
    'sales.refunds': 'वापसी',
    'sales.r.number': 'क्रेडिट नोट',
    'sales.r.date': 'तारीख',
    'sales.r.tender': 'पैसे लौटाए',
    'sales.r.total': 'राशि',
    'sales.r.reason': 'कारण',
    'sales.r.items': 'सामान',
    'sales.creditNote': 'क्रेडिट नोट PDF',
    'sales.refundTitle': 'सामान वापसी',
    'sales.refundHelp': 'हर सामान की कितनी मात्रा वापस आई, लिखें। पैसे बिल के दाम पर लौटेंगे।',
    'sales.refundQty': '{name} की वापसी मात्रा ({max} तक)',
    'sales.disposition': 'सामान का क्या करें',
    'sales.d.RESTOCK': 'वापस शेल्फ़ पर',
    'sales.d.WRITE_OFF': 'खराब (बट्टे खाते)',
    'sales.refundTender': 'पैसे कैसे लौटाएँ',
    'sales.reference': 'संदर्भ (UPI/कार्ड)',
    'sales.refundReason': 'कारण',
    'sales.refundAll': 'सब वापस',
    'sales.refundSave': 'वापसी करें',
    'sales.refundNothing': 'कम से कम एक सामान की मात्रा लिखें।',
    'sales.refundDone': 'क्रेडिट नोट {number}, राशि {amount}',
    'sales.voidTitle': 'यह बिक्री निरस्त करें',
    'sales.voidHelp': 'पूरी बिक्री उलट जाएगी: सारा सामान स्टॉक में वापस और खाते में उलटी एंट्री। यह वापस नहीं होगा।',
    'sales.voidReason': 'निरस्त करने का कारण',
    'sales.voidConfirm': 'हाँ, बिक्री निरस्त करें',
    'sales.voidDone': 'बिक्री निरस्त हुई',
    'sales.notFound': 'इस दुकान में ऐसी कोई बिक्री नहीं।',
  },
});

const STATUSES = ['PENDING', 'CONFIRMED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED', 'CANCELLED', 'REJECTED'];
const TENDERS = ['CASH', 'CARD', 'UPI', 'CREDIT', 'LOYALTY'];
const SOLD = ['CONFIRMED', 'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED'];
const REFUNDABLE = ['CONFIRMED', 'PARTIALLY_REFUNDED'];
const PAGE = 50;

function statusBadge(status) {
  const kind = { CONFIRMED: 'ok', PENDING: 'warn', PARTIALLY_REFUNDED: 'warn', REFUNDED: 'warn', VOIDED: 'danger', REJECTED: 'danger', CANCELLED: 'danger' }[status] || '';
  return h('span', { class: `badge ${kind}` }, t(`sales.st.${status}`));
}

/** Members by user id, for names instead of ids (owners, managers and auditors may list them). */
async function memberNames(ctx) {
  if (!ctx.has('OWNER', 'MANAGER', 'AUDITOR')) return new Map([[ctx.me.userId, ctx.me.name]]);
  try {
    const list = await api.get(`/api/v1/shops/${ctx.me.activeShopId}/members`);
    return new Map(list.map((m) => [m.userId, m.name || m.email || m.phone || m.userId]));
  } catch {
    return new Map([[ctx.me.userId, ctx.me.name]]);
  }
}

export default async function render(root, ctx) {
  if (ctx.params.id) return detail(root, ctx, ctx.params.id);
  return list(root, ctx);
}

async function list(root, ctx) {
  const mineOnly = !ctx.has('OWNER', 'MANAGER', 'AUDITOR');
  const names = await memberNames(ctx);
  const p = ctx.params;
  const form = h('form', { id: 'sales-filter', class: 'panel no-print', 'aria-label': t('sales.filter') },
    h('div', { class: 'row' },
      field(t('sales.status'), { name: 'status', as: 'select', value: p.status || '',
        options: [['', t('sales.any')], ...STATUSES.map((s) => [s, t(`sales.st.${s}`)])] }),
      field(t('sales.from'), { name: 'from', type: 'date', value: p.from || '' }),
      field(t('sales.to'), { name: 'to', type: 'date', value: p.to || '' }),
      mineOnly ? null : field(t('sales.cashier'), { name: 'cashierId', as: 'select', value: p.cashierId || '',
        options: [['', t('sales.any')], ...[...names].map(([id, name]) => [id, name])] }),
      field(t('sales.customer'), { name: 'customer', minlength: '2', maxlength: '100', value: p.customer || '' }),
      field(t('sales.tender'), { name: 'tender', as: 'select', value: p.tender || '',
        options: [['', t('sales.any')], ...TENDERS.map((x) => [x, t(`sales.tn.${x}`)])] }),
      field(t('sales.invoiceNumber'), { name: 'invoiceNumber', maxlength: '16', value: p.invoiceNumber || '' })),
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', id: 'sales-search' }, t('sales.search')),
      h('button', { type: 'button', id: 'sales-clear', onclick: () => ctx.navigate('sales') }, t('sales.clear'))));
  const results = h('div', { id: 'sales-results' });
  const more = h('div');
  mount(root, pageHeader(t('sales.title')), mineOnly ? h('p', { class: 'muted' }, t('sales.mineOnly')) : null, form, results, more);

  let rows = [];
  let page = 0;
  const query = () => {
    const v = formValues(form);
    if (mineOnly) v.cashierId = ctx.me.userId;
    return v;
  };
  const columns = [
    { key: 'invoiceNumber', label: t('sales.col.invoice'), render: (o) => h('a', { href: `#/sales?id=${o.id}` }, o.invoiceNumber || t('sales.noInvoice')) },
    { key: 'placedAt', label: t('sales.col.placed'), kind: 'datetime' },
    { key: 'customer', label: t('sales.col.customer'), render: (o) => (o.customer ? [o.customer.name, o.customer.phone || o.customer.gstin].filter(Boolean).join(' · ') : t('sales.walkIn')) },
    ...(mineOnly ? [] : [{ key: 'cashierId', label: t('sales.col.cashier'), render: (o) => names.get(o.cashierId) || o.cashierId }]),
    { key: 'tenders', label: t('sales.col.tenders'), render: (o) => (o.tenders || []).map((x) => t(`sales.tn.${x.type}`)).join(', ') },
    { key: 'total', label: t('sales.col.total'), kind: 'money' },
    { key: 'status', label: t('sales.col.status'), render: (o) => statusBadge(o.status) },
  ];
  const load = async (button) => {
    try {
      const got = await busy(button, () => api.get('/api/v1/orders', { ...query(), page, size: PAGE }));
      rows = rows.concat(got);
      mount(results, table(columns, rows, { id: 'sales-table', empty: t('sales.none'), onRow: (o) => ctx.navigate('sales', { id: o.id }) }));
      mount(more, got.length === PAGE
        ? h('button', { type: 'button', id: 'sales-more', onclick: (e) => { page += 1; load(e.target); } }, t('app.more')) : null);
    } catch (e) {
      mount(results, errorBox(e));
    }
  };
  onSubmit(form, null, (v) => ctx.navigate('sales', Object.keys(v).length ? v : undefined));
  await load();
}

async function detail(root, ctx, id) {
  const [order, refunds, names] = await Promise.all([
    api.get(`/api/v1/orders/${encodeURIComponent(id)}`),
    api.get(`/api/v1/orders/${encodeURIComponent(id)}/refunds`).catch(() => []),
    memberNames(ctx),
  ]);
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER', 'CASHIER');
  const work = h('div', { id: 'sale-work' });
  const reload = () => detail(root, ctx, id);

  const actions = [
    h('button', { type: 'button', id: 'sale-back', onclick: () => ctx.navigate('sales') }, t('sales.back')),
    SOLD.includes(order.status) && h('button', { type: 'button', id: 'sale-invoice', onclick: action(() => openFile(`/api/v1/orders/${order.id}/invoice`)) }, t('sales.invoice')),
    SOLD.includes(order.status) && h('button', { type: 'button', id: 'sale-receipt', onclick: () => receipt(work, order) }, t('sales.receipt')),
    writer && REFUNDABLE.includes(order.status) && h('button', { type: 'button', id: 'sale-refund', onclick: () => refundForm(work, order, reload) }, t('sales.refund')),
    !ctx.readOnly && ctx.has('OWNER', 'MANAGER') && order.status === 'CONFIRMED' && refunds.length === 0
      && h('button', { type: 'button', id: 'sale-void', class: 'danger', onclick: () => voidForm(work, order, reload) }, t('sales.void')),
    writer && order.status === 'PENDING' && h('button', { type: 'button', id: 'sale-cancel', onclick: action(async () => {
      await api.post(`/api/v1/orders/${order.id}/cancel`, {});
      toast(t('sales.cancelled'), 'ok');
      reload();
    }) }, t('sales.cancel')),
  ];

  const c = order.customer;
  const facts = pairs([
    [t('sales.col.status'), statusBadge(order.status)],
    [t('sales.placedAt'), fmt.dateTime(order.placedAt)],
    [t('sales.invoiceDate'), fmt.date(order.invoiceDate)],
    [t('sales.docType'), order.documentType && t(`sales.doc.${order.documentType}`)],
    [t('sales.col.cashier'), names.get(order.cashierId) || order.cashierId],
    [t('sales.col.customer'), c ? c.name || c.phone : t('sales.walkIn')],
    [t('sales.phone'), c?.phone],
    [t('sales.gstin'), c?.gstin],
    [t('sales.placeOfSupply'), order.placeOfSupply],
    [t('sales.reason'), order.reason],
    [t('sales.voidedAt'), order.voidedAt && fmt.dateTime(order.voidedAt)],
    [t('sales.voidedBy'), order.voidedBy && (names.get(order.voidedBy) || order.voidedBy)],
  ]);
  const co = order.creditOverride;

  const lines = table([
    { key: 'lineNo', label: t('sales.l.no') },
    { key: 'name', label: t('sales.l.item'), render: (l) => [l.name, h('br'), h('small', { class: 'muted' }, l.sku || l.barcode || '')] },
    { key: 'hsn', label: t('sales.l.hsn') },
    { key: 'quantity', label: t('sales.l.qty'), kind: 'qty', render: (l) => `${fmt.qty(l.quantity)} ${l.unit || ''}` },
    { key: 'unitPrice', label: t('sales.l.price'), kind: 'money' },
    { key: 'discount', label: t('sales.l.discount'), kind: 'money' },
    ...gstColumns({ taxable: t('sales.l.taxable'), rate: t('sales.l.rate'),
      cgst: t('sales.l.cgst'), sgst: t('sales.l.sgst'), igst: t('sales.l.igst'), total: t('sales.l.total') }),
    { key: 'refundedQuantity', label: t('sales.l.refunded'), kind: 'qty' },
  ], order.lines, { id: 'sale-lines', caption: t('sales.lines') });

  const nonZero = (v) => v !== null && v !== undefined && Number(v) !== 0;
  const totals = h('section', { class: 'panel totals', id: 'sale-totals' }, h('h2', null, t('sales.totals')), h('dl', null,
    [['gross', order.gross, true], ['discount', order.discount, nonZero(order.discount)], ['taxable', order.taxableValue, true],
      ['cgst', order.cgst, nonZero(order.cgst)], ['sgst', order.sgst, nonZero(order.sgst)], ['igst', order.igst, nonZero(order.igst)],
      ['roundOff', order.roundOff, nonZero(order.roundOff)]]
      .filter(([, , show]) => show)
      .map(([k, v]) => [h('dt', null, t(`sales.${k}`)), h('dd', null, fmt.money(v))]),
    h('dt', null, t('sales.total')), h('dd', { class: 'grand', id: 'sale-total' }, fmt.money(order.total)),
    nonZero(order.refundedTotal) && [h('dt', null, t('sales.refundedTotal')), h('dd', null, fmt.money(order.refundedTotal))]));

  const tenders = h('section', { class: 'panel', id: 'sale-tenders' }, h('h2', null, t('sales.tenders')),
    table([
      { key: 'type', label: t('sales.t.type'), render: (x) => t(`sales.tn.${x.type}`) },
      { key: 'tendered', label: t('sales.t.tendered'), kind: 'money' },
      { key: 'amount', label: t('sales.t.amount'), kind: 'money' },
      { key: 'change', label: t('sales.t.change'), kind: 'money' },
      { key: 'reference', label: t('sales.t.reference') },
      { key: 'points', label: t('sales.t.points'), kind: 'qty' },
    ], order.tenders || []),
    pairs([[t('sales.received'), fmt.money(order.received)], [t('sales.change'), h('span', { class: 'change' }, fmt.money(order.change))]]),
    (order.loyaltyPointsEarned || order.loyaltyPointsRedeemed)
      ? h('p', { class: 'muted' }, t('sales.points', { earned: order.loyaltyPointsEarned, redeemed: order.loyaltyPointsRedeemed })) : null);

  const refundList = refunds.length === 0 ? null : h('section', { class: 'panel', id: 'sale-refunds' }, h('h2', null, t('sales.refunds')),
    table([
      { key: 'creditNoteNumber', label: t('sales.r.number') },
      { key: 'creditNoteDate', label: t('sales.r.date'), kind: 'date' },
      { key: 'tender', label: t('sales.r.tender'), render: (r) => t(`sales.tn.${r.tender}`) },
      { key: 'lines', label: t('sales.r.items'), render: (r) => r.lines.map((l) => `${l.name} × ${fmt.qty(l.quantity)} (${t(`sales.d.${l.disposition}`)})`).join('; ') },
      { key: 'reason', label: t('sales.r.reason') },
      { key: 'total', label: t('sales.r.total'), kind: 'money' },
      { key: 'id', label: t('sales.creditNote'), render: (r) => creditNoteButton(order.id, r) },
    ], refunds, { id: 'refunds-table' }));

  mount(root, h('section', { id: 'sale-detail' },
    pageHeader(t('sales.detail', { number: order.invoiceNumber || t('sales.noInvoice') }), actions),
    h('div', { class: 'split' }, h('section', { class: 'panel' }, facts,
      co && h('p', { class: 'warn' }, t('sales.creditOverride', { role: co.role, limit: fmt.money(co.creditLimit), balance: fmt.money(co.balance), amount: fmt.money(co.amount) }))),
    totals),
    work,
    lines,
    tenders,
    refundList));
  return () => document.body.classList.remove('printing-receipt');
}

function creditNoteButton(orderId, refund) {
  return h('button', { type: 'button', class: 'link', id: `credit-note-${refund.id}`,
    onclick: action(() => openFile(`/api/v1/orders/${orderId}/refunds/${refund.id}/credit-note`)) }, `${t('sales.creditNote')} ${refund.creditNoteNumber || ''}`);
}

function receipt(work, order) {
  const out = h('div', { id: 'receipt-out' });
  let text = '';
  const show = async (width) => {
    try {
      text = await api.get(`/api/v1/orders/${order.id}/receipt`, { width }, { headers: { Accept: 'text/plain' } });
      mount(out, h('pre', { class: 'receipt', id: 'receipt-text' }, text));
    } catch (e) { mount(out, errorBox(e)); }
  };
  const widthSelect = field(t('sales.receiptWidth'), { name: 'width', id: 'receipt-width', as: 'select', value: '80',
    options: [['58', t('sales.mm58')], ['80', t('sales.mm80')]], onchange: (e) => show(e.target.value) });
  const print = () => {
    const main = document.getElementById('main');
    const area = h('div', { class: 'print-area' }, h('pre', { class: 'receipt' }, text));
    main.append(area);
    document.body.classList.add('printing-receipt');
    const done = () => { document.body.classList.remove('printing-receipt'); area.remove(); window.removeEventListener('afterprint', done); };
    window.addEventListener('afterprint', done);
    window.print();
    setTimeout(done, 1000);
  };
  mount(work, h('section', { class: 'panel', id: 'receipt-panel' },
    h('h2', null, t('sales.receipt')),
    h('div', { class: 'row' }, widthSelect,
      h('button', { type: 'button', class: 'primary', id: 'receipt-print', onclick: print }, t('sales.print')),
      h('button', { type: 'button', id: 'receipt-close', onclick: () => mount(work) }, t('app.close'))),
    out));
  show('80');
}

function refundForm(work, order, reload) {
  const key = newKey();
  const open = order.lines.map((l) => ({ line: l, max: Number(l.quantity) - Number(l.refundedQuantity || 0) })).filter((x) => x.max > 0);
  const tenders = ['CASH', 'CARD', 'UPI', ...(order.customer ? ['CREDIT'] : [])];
  const error = h('div');
  const form = h('form', { id: 'refund-form', class: 'panel', 'aria-labelledby': 'refund-title' },
    h('h2', { id: 'refund-title' }, t('sales.refundTitle')),
    h('p', { class: 'muted' }, t('sales.refundHelp')),
    open.map(({ line, max }) => h('div', { class: 'row' },
      field(t('sales.refundQty', { name: line.name, max: fmt.qty(max) }), { name: `qty-${line.lineNo}`, type: 'number', min: '0', max: String(max), step: 'any', inputmode: 'decimal', value: '' }),
      field(t('sales.disposition'), { name: `disp-${line.lineNo}`, as: 'select', value: 'RESTOCK',
        options: [['RESTOCK', t('sales.d.RESTOCK')], ['WRITE_OFF', t('sales.d.WRITE_OFF')]] }))),
    h('div', { class: 'row' },
      field(t('sales.refundTender'), { name: 'tender', as: 'select', value: 'CASH', options: tenders.map((x) => [x, t(`sales.tn.${x}`)]) }),
      field(t('sales.reference'), { name: 'reference', maxlength: '64' }),
      field(t('sales.refundReason'), { name: 'reason', maxlength: '200' })),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'refund-all', onclick: () => open.forEach(({ line, max }) => { form.elements[`qty-${line.lineNo}`].value = String(max); }) }, t('sales.refundAll')),
      h('button', { type: 'submit', class: 'primary', id: 'refund-save' }, t('sales.refundSave')),
      h('button', { type: 'button', id: 'refund-cancel', onclick: () => mount(work) }, t('app.cancel'))));
  onSubmit(form, error, async (v) => {
    const lines = open.filter(({ line }) => v[`qty-${line.lineNo}`] && Number(v[`qty-${line.lineNo}`]) > 0)
      .map(({ line }) => ({ lineNo: line.lineNo, quantity: v[`qty-${line.lineNo}`], disposition: v[`disp-${line.lineNo}`] }));
    if (lines.length === 0) { mount(error, errorBox(t('sales.refundNothing'))); return; }
    const body = { lines, tender: v.tender, reference: v.reference, reason: v.reason };
    const r = await api.idempotent('POST', `/api/v1/orders/${order.id}/refunds`, body, key);
    toast(t('sales.refundDone', { number: r.creditNoteNumber, amount: fmt.money(r.total) }), 'ok');
    await reload();
    const panel = document.getElementById('sale-work');
    if (panel) {
      mount(panel, h('section', { class: 'panel', id: 'refund-result', role: 'status' },
        h('p', null, h('strong', null, t('sales.refundDone', { number: r.creditNoteNumber, amount: fmt.money(r.total) }))),
        h('button', { type: 'button', id: 'credit-note-pdf', class: 'primary',
          onclick: action(() => openFile(`/api/v1/orders/${order.id}/refunds/${r.id}/credit-note`)) }, t('sales.creditNote'))));
    }
  });
  mount(work, form);
  form.querySelector('input')?.focus();
}

function voidForm(work, order, reload) {
  const key = newKey();
  reasonForm(work, { id: 'void-form', title: t('sales.voidTitle'), titleId: 'void-title', help: t('sales.voidHelp'),
    label: t('sales.voidReason'), name: 'voidReason', saveId: 'void-confirm', saveLabel: t('sales.voidConfirm'), cancelId: 'void-cancel', scroll: false },
  async ({ voidReason }) => {
    await api.idempotent('POST', `/api/v1/orders/${order.id}/void`, { reason: voidReason }, key);
    toast(t('sales.voidDone'), 'ok');
    reload();
  });
}
