// Purchases: suppliers' bills (lines with HSN/GST and input tax, paid now or on credit), one bill in detail,
// and goods returned to the supplier under a debit note.
import { api, newKey } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, pairs, gstColumns, errorBox, toast, onSubmit } from '../ui.js';
import * as fmt from '../format.js';
import { gstRates, fillRates } from '../gst.js';

addStrings({
  en: {
    'purchases.title': 'Purchases',
    'purchases.supplier': 'Supplier',
    'purchases.allSuppliers': 'All suppliers',
    'purchases.new': 'Record a bill',
    'purchases.none': 'No supplier bills yet.',
    'purchases.col.date': 'Bill date',
    'purchases.col.number': 'Bill number',
    'purchases.col.taxable': 'Taxable value',
    'purchases.col.total': 'Total',
    'purchases.col.returns': 'Debit notes',
    'purchases.col.paid': 'Paid at once',
    'purchases.yes': 'Yes',
    'purchases.credit': 'On credit',
    'purchases.billNumber': 'Bill number',
    'purchases.billDate': 'Bill date',
    'purchases.supplyType': 'Supply',
    'purchases.st.auto': 'From the supplier\'s state',
    'purchases.st.INTRA_STATE': 'Within the state (CGST + SGST)',
    'purchases.st.INTER_STATE': 'From another state (IGST)',
    'purchases.lines': 'Items on the bill',
    'purchases.product': 'Product',
    'purchases.pick': 'Choose a product',
    'purchases.qty': 'Quantity',
    'purchases.unitCost': 'Cost per unit before GST (₹)',
    'purchases.gstRate': 'GST %',
    'purchases.batchNo': 'Batch',
    'purchases.expiry': 'Expiry',
    'purchases.location': 'Goes to',
    'purchases.defaultLocation': 'Default location',
    'purchases.addLine': 'Add item',
    'purchases.removeLine': 'Remove item {n}',
    'purchases.billTotal': 'Total printed on the bill (₹)',
    'purchases.billTotalHint': 'Optional: the items must add up to it within ₹1',
    'purchases.paidNow': 'Paid now (₹)',
    'purchases.paidHint': 'Leave empty when the bill is on credit',
    'purchases.mode': 'Paid by',
    'purchases.m.CASH': 'Cash',
    'purchases.m.UPI': 'UPI',
    'purchases.m.BANK': 'Bank',
    'purchases.reference': 'Reference (UTR, cheque, NEFT)',
    'purchases.notes': 'Notes',
    'purchases.save': 'Save bill',
    'purchases.saved': 'Bill {number} saved: {total}',
    'purchases.noSuppliers': 'Add the supplier in Khata first.',
    'purchases.back': 'All bills',
    'purchases.detail': 'Bill {number}',
    'purchases.khata': 'Supplier\'s khata',
    'purchases.l.no': '#',
    'purchases.l.returned': 'Returned',
    'purchases.l.cgst': 'CGST',
    'purchases.l.sgst': 'SGST',
    'purchases.l.igst': 'IGST',
    'purchases.l.total': 'Amount',
    'purchases.inputTax': 'Input tax',
    'purchases.roundOff': 'Round off',
    'purchases.total': 'Total',
    'purchases.recordedAt': 'Recorded',
    'purchases.returns': 'Debit notes',
    'purchases.r.number': 'Debit note',
    'purchases.r.date': 'Date',
    'purchases.r.total': 'Amount',
    'purchases.r.reason': 'Reason',
    'purchases.return': 'Return goods',
    'purchases.returnTitle': 'Return goods to the supplier',
    'purchases.returnQty': 'Return qty of {name} (up to {max})',
    'purchases.returnDate': 'Debit note date',
    'purchases.returnReason': 'Reason',
    'purchases.returnSave': 'Save debit note',
    'purchases.returnDone': 'Debit note {number} for {total}',
    'purchases.returnNothing': 'Enter a quantity for at least one item.',
  },
  hi: {
    'purchases.title': 'खरीद',
    'purchases.supplier': 'सप्लायर',
    'purchases.allSuppliers': 'सभी सप्लायर',
    'purchases.new': 'बिल दर्ज करें',
    'purchases.none': 'अभी सप्लायर का कोई बिल नहीं।',
    'purchases.col.date': 'बिल की तारीख',
    'purchases.col.number': 'बिल नंबर',
    'purchases.col.taxable': 'कर योग्य मूल्य',
    'purchases.col.total': 'कुल',
    'purchases.col.returns': 'डेबिट नोट',
    'purchases.col.paid': 'तुरंत भुगतान',
    'purchases.yes': 'हाँ',
    'purchases.credit': 'उधार',
    'purchases.billNumber': 'बिल नंबर',
    'purchases.billDate': 'बिल की तारीख',
    'purchases.supplyType': 'आपूर्ति',
    'purchases.st.auto': 'सप्लायर के राज्य से',
    'purchases.st.INTRA_STATE': 'राज्य के अंदर (CGST + SGST)',
    'purchases.st.INTER_STATE': 'दूसरे राज्य से (IGST)',
    'purchases.lines': 'बिल का सामान',
    'purchases.product': 'सामान',
    'purchases.pick': 'सामान चुनें',
    'purchases.qty': 'मात्रा',
    'purchases.unitCost': 'GST से पहले प्रति नग दाम (₹)',
    'purchases.gstRate': 'GST %',
    'purchases.batchNo': 'बैच',
    'purchases.expiry': 'एक्सपायरी',
    'purchases.location': 'कहाँ रखें',
    'purchases.defaultLocation': 'मुख्य जगह',
    'purchases.addLine': 'सामान जोड़ें',
    'purchases.removeLine': 'सामान {n} हटाएँ',
    'purchases.billTotal': 'बिल पर छपा कुल (₹)',
    'purchases.billTotalHint': 'वैकल्पिक: सामान का जोड़ इससे ₹1 के अंदर होना चाहिए',
    'purchases.paidNow': 'अभी चुकाया (₹)',
    'purchases.paidHint': 'बिल उधार हो तो खाली छोड़ें',
    'purchases.mode': 'भुगतान का तरीका',
    'purchases.m.CASH': 'नकद',
    'purchases.m.UPI': 'UPI',
    'purchases.m.BANK': 'बैंक',
    'purchases.reference': 'संदर्भ (UTR, चेक, NEFT)',
    'purchases.notes': 'टिप्पणी',
    'purchases.save': 'बिल सहेजें',
    'purchases.saved': 'बिल {number} सहेजा गया: {total}',
    'purchases.noSuppliers': 'पहले खाता में सप्लायर जोड़ें।',
    'purchases.back': 'सारे बिल',
    'purchases.detail': 'बिल {number}',
    'purchases.khata': 'सप्लायर का खाता',
    'purchases.l.no': 'क्र.',
    'purchases.l.returned': 'वापस',
    'purchases.l.cgst': 'CGST',
    'purchases.l.sgst': 'SGST',
    'purchases.l.igst': 'IGST',
    'purchases.l.total': 'राशि',
    'purchases.inputTax': 'इनपुट टैक्स',
    'purchases.roundOff': 'पूर्णांकन',
    'purchases.total': 'कुल',
    'purchases.recordedAt': 'दर्ज किया',
    'purchases.returns': 'डेबिट नोट',
    'purchases.r.number': 'डेबिट नोट',
    'purchases.r.date': 'तारीख',
    'purchases.r.total': 'राशि',
    'purchases.r.reason': 'कारण',
    'purchases.return': 'माल वापसी',
    'purchases.returnTitle': 'सप्लायर को माल वापस करें',
    'purchases.returnQty': '{name} की वापसी मात्रा ({max} तक)',
    'purchases.returnDate': 'डेबिट नोट की तारीख',
    'purchases.returnReason': 'कारण',
    'purchases.returnSave': 'डेबिट नोट सहेजें',
    'purchases.returnDone': 'डेबिट नोट {number}, राशि {total}',
    'purchases.returnNothing': 'कम से कम एक सामान की मात्रा लिखें।',
  },
});

const BASE = '/api/v1/accounting/purchase-bills';

async function suppliers() {
  const page = await api.get('/api/v1/accounting/parties', { kind: 'SUPPLIER', size: 200 });
  return page.items;
}

async function productNames() {
  const list = await api.get('/api/v1/products', { size: 500 }).catch(() => []);
  return list;
}

export default async function render(root, ctx) {
  if (ctx.params.id) return billPage(root, ctx, ctx.params.id);
  return listPage(root, ctx);
}

async function listPage(root, ctx) {
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const [sups, bills] = await Promise.all([suppliers(), api.get(BASE, { supplierId: ctx.params.supplierId, size: 200 })]);
  const work = h('div', { id: 'purchase-work' });
  const filter = h('form', { id: 'purchase-filter', class: 'row' },
    field(t('purchases.supplier'), { name: 'supplierId', as: 'select', value: ctx.params.supplierId || '',
      options: [['', t('purchases.allSuppliers')], ...sups.map((s) => [s.id, s.name])],
      onchange: (e) => ctx.navigate('purchases', e.target.value ? { supplierId: e.target.value } : undefined) }));
  filter.addEventListener('submit', (e) => e.preventDefault());
  mount(root, pageHeader(t('purchases.title'),
    writer && h('button', { type: 'button', class: 'primary', id: 'purchase-new', onclick: () => billForm(work, ctx, sups) }, t('purchases.new'))),
  work, filter,
  table([
    { key: 'billDate', label: t('purchases.col.date'), kind: 'date' },
    { key: 'billNumber', label: t('purchases.col.number'), render: (b) => h('a', { href: `#/purchases?id=${b.id}` }, b.billNumber) },
    { key: 'supplierName', label: t('purchases.supplier') },
    { key: 'taxableValue', label: t('purchases.col.taxable'), kind: 'money' },
    { key: 'total', label: t('purchases.col.total'), kind: 'money' },
    { key: 'paidPaymentId', label: t('purchases.col.paid'), render: (b) => (b.paidPaymentId ? t('purchases.yes') : h('span', { class: 'badge warn' }, t('purchases.credit'))) },
    { key: 'returns', label: t('purchases.col.returns'), render: (b) => (b.returns || []).map((r) => r.debitNoteNumber).join(', ') },
  ], bills, { id: 'purchase-table', empty: t('purchases.none'), onRow: (b) => ctx.navigate('purchases', { id: b.id }) }));
}

async function billForm(work, ctx, sups) {
  if (sups.length === 0) { mount(work, h('p', { class: 'error', role: 'alert' }, t('purchases.noSuppliers'))); return; }
  const [products, locations, todaysRates] = await Promise.all([productNames(), api.get('/api/v1/inventory/locations').catch(() => []),
    gstRates(fmt.today()).catch(() => [])]);
  // a line's rate is one in force on the bill date (12 % and 28 % for a bill from before 22-09-2025)
  let rateDate = fmt.today();
  const key = newKey();
  const error = h('div');
  const linesBox = h('div', { id: 'purchase-lines' });
  let seq = 0;
  const productOptions = [['', t('purchases.pick')], ...products.filter((p) => p.active !== false).map((p) => [p.id, `${p.name} · ${p.sku}`])];
  const locationOptions = [['', t('purchases.defaultLocation')], ...locations.map((l) => [l.id, l.name || l.code])];
  const addLine = () => {
    const n = ++seq;
    const row = h('div', { class: 'row line-row', dataset: { line: String(n) } },
      h('div', { class: 'field wide' }, h('label', { for: `pl-product-${n}` }, t('purchases.product')),
        h('select', { id: `pl-product-${n}`, name: `product-${n}`, required: true, onchange: (e) => {
          const p = products.find((x) => x.id === e.target.value);
          if (p) {
            row.querySelector(`#pl-rate-${n}`).value = String(Number(p.gstRate));
            if (p.costPrice && !row.querySelector(`#pl-cost-${n}`).value) row.querySelector(`#pl-cost-${n}`).value = p.costPrice;
          }
        } }, productOptions.map(([v, l]) => h('option', { value: v }, l)))),
      field(t('purchases.qty'), { id: `pl-qty-${n}`, name: `qty-${n}`, inputmode: 'decimal', required: true }),
      field(t('purchases.unitCost'), { id: `pl-cost-${n}`, name: `cost-${n}`, inputmode: 'decimal', required: true }),
      field(t('purchases.gstRate'), { id: `pl-rate-${n}`, name: `rate-${n}`, as: 'select', value: '5', options: todaysRates.map((r) => [r, `${r} %`]) }),
      field(t('purchases.batchNo'), { id: `pl-batch-${n}`, name: `batch-${n}`, maxlength: '40' }),
      field(t('purchases.expiry'), { id: `pl-expiry-${n}`, name: `expiry-${n}`, type: 'date' }),
      locations.length > 1 ? field(t('purchases.location'), { id: `pl-location-${n}`, name: `location-${n}`, as: 'select', options: locationOptions }) : null,
      h('div', { class: 'field' }, h('button', { type: 'button', class: 'icon', id: `pl-remove-${n}`, 'aria-label': t('purchases.removeLine', { n }),
        onclick: () => { if (linesBox.children.length > 1) row.remove(); } }, '×')));
    linesBox.append(row);
    if (rateDate !== fmt.today()) fillRates(row.querySelector(`#pl-rate-${n}`), rateDate);
    return row;
  };
  const form = h('form', { id: 'purchase-form', class: 'panel' },
    h('h2', null, t('purchases.new')),
    h('div', { class: 'row' },
      field(t('purchases.supplier'), { name: 'supplierId', as: 'select', required: true, value: ctx.params.supplierId || '', options: [['', '—'], ...sups.map((s) => [s.id, s.name])] }),
      field(t('purchases.billNumber'), { name: 'billNumber', required: true, maxlength: '40' }),
      field(t('purchases.billDate'), { name: 'billDate', type: 'date', required: true, value: fmt.today(), max: fmt.today(),
        onchange: (e) => {
          if (!e.target.value) return;
          rateDate = e.target.value;
          linesBox.querySelectorAll('select[name^="rate-"]').forEach((select) => fillRates(select, rateDate));
        } }),
      field(t('purchases.supplyType'), { name: 'supplyType', as: 'select', options: [['', t('purchases.st.auto')], ['INTRA_STATE', t('purchases.st.INTRA_STATE')], ['INTER_STATE', t('purchases.st.INTER_STATE')]] })),
    h('fieldset', { class: 'plain' }, h('legend', null, t('purchases.lines')), linesBox,
      h('button', { type: 'button', id: 'purchase-line-add', onclick: () => addLine().querySelector('select')?.focus() }, t('purchases.addLine'))),
    h('div', { class: 'row' },
      field(t('purchases.billTotal'), { name: 'billTotal', inputmode: 'decimal', hint: t('purchases.billTotalHint') }),
      field(t('purchases.paidNow'), { name: 'paidAmount', inputmode: 'decimal', hint: t('purchases.paidHint') }),
      field(t('purchases.mode'), { name: 'paidMode', as: 'select', value: 'CASH', options: ['CASH', 'UPI', 'BANK'].map((m) => [m, t(`purchases.m.${m}`)]) }),
      field(t('purchases.reference'), { name: 'paidReference', maxlength: '64' })),
    field(t('purchases.notes'), { name: 'notes', maxlength: '500' }),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', id: 'purchase-save' }, t('purchases.save')),
      h('button', { type: 'button', id: 'purchase-cancel', onclick: () => mount(work) }, t('app.cancel'))));
  addLine();
  onSubmit(form, error, async (v) => {
    const lines = [...linesBox.children].map((row) => {
      const n = row.dataset.line;
      return { productId: v[`product-${n}`], quantity: v[`qty-${n}`], unitCost: v[`cost-${n}`], gstRate: v[`rate-${n}`],
        batchNo: v[`batch-${n}`], expiryDate: v[`expiry-${n}`], locationId: v[`location-${n}`] };
    });
    const body = { supplierId: v.supplierId, billNumber: v.billNumber, billDate: v.billDate, supplyType: v.supplyType, lines,
      billTotal: v.billTotal, notes: v.notes,
      paidNow: v.paidAmount ? { amount: v.paidAmount, mode: v.paidMode, reference: v.paidReference } : undefined };
    const bill = await api.idempotent('POST', BASE, body, key);
    toast(t('purchases.saved', { number: bill.billNumber, total: fmt.money(bill.total) }), 'ok');
    ctx.navigate('purchases', { id: bill.id });
  });
  mount(work, form);
  form.elements.supplierId.focus();
}

async function billPage(root, ctx, id) {
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const [bill, products] = await Promise.all([api.get(`${BASE}/${encodeURIComponent(id)}`), productNames()]);
  const names = new Map(products.map((p) => [p.id, p]));
  const nameOf = (pid) => names.get(pid)?.name || pid;
  const work = h('div', { id: 'purchase-work' });
  const returnsBox = h('div', { id: 'purchase-returns' });
  const reload = () => billPage(root, ctx, id);
  const open = bill.lines.map((l) => ({ line: l, max: Number(l.quantity) - Number(l.returnedQuantity || 0) })).filter((x) => x.max > 0);
  const nonZero = (x) => x !== null && x !== undefined && Number(x) !== 0;

  mount(root, h('section', { id: 'purchase-detail' },
    pageHeader(t('purchases.detail', { number: bill.billNumber }),
      h('button', { type: 'button', id: 'purchase-back', onclick: () => ctx.navigate('purchases') }, t('purchases.back')),
      h('button', { type: 'button', id: 'purchase-khata', onclick: () => ctx.navigate('khata', { id: bill.supplierId }) }, t('purchases.khata')),
      writer && open.length > 0 && h('button', { type: 'button', class: 'primary', id: 'purchase-return', onclick: () => returnForm(work, bill, open, nameOf, reload) }, t('purchases.return'))),
    h('div', { class: 'split' },
      h('section', { class: 'panel' }, pairs([
        [t('purchases.supplier'), bill.supplierName], [t('purchases.billDate'), fmt.date(bill.billDate)],
        [t('purchases.supplyType'), bill.supplyType && t(`purchases.st.${bill.supplyType}`)],
        [t('purchases.col.paid'), bill.paidPaymentId ? t('purchases.yes') : t('purchases.credit')],
        [t('purchases.notes'), bill.notes], [t('purchases.recordedAt'), fmt.dateTime(bill.createdAt)]])),
      h('section', { class: 'panel totals' }, h('dl', null,
        h('dt', null, t('purchases.col.taxable')), h('dd', null, fmt.money(bill.taxableValue)),
        nonZero(bill.cgst) && [h('dt', null, `${t('purchases.inputTax')} CGST`), h('dd', null, fmt.money(bill.cgst))],
        nonZero(bill.sgst) && [h('dt', null, `${t('purchases.inputTax')} SGST`), h('dd', null, fmt.money(bill.sgst))],
        nonZero(bill.igst) && [h('dt', null, `${t('purchases.inputTax')} IGST`), h('dd', null, fmt.money(bill.igst))],
        nonZero(bill.roundOff) && [h('dt', null, t('purchases.roundOff')), h('dd', null, fmt.money(bill.roundOff))],
        h('dt', null, t('purchases.total')), h('dd', { class: 'grand', id: 'purchase-total' }, fmt.money(bill.total))))),
    work,
    table([
      { key: 'lineNo', label: t('purchases.l.no') },
      { key: 'productId', label: t('purchases.product'), render: (l) => [nameOf(l.productId), names.get(l.productId)?.hsn ? h('small', { class: 'muted' }, ` HSN ${names.get(l.productId).hsn}`) : null] },
      { key: 'quantity', label: t('purchases.qty'), kind: 'qty' },
      { key: 'returnedQuantity', label: t('purchases.l.returned'), kind: 'qty' },
      { key: 'unitCost', label: t('purchases.unitCost'), kind: 'money' },
      { key: 'gstRate', label: t('purchases.gstRate'), kind: 'qty' },
      ...gstColumns({ taxable: t('purchases.col.taxable'),
        cgst: t('purchases.l.cgst'), sgst: t('purchases.l.sgst'), igst: t('purchases.l.igst'), total: t('purchases.l.total') }, 'total'),
      { key: 'batchNo', label: t('purchases.batchNo'), render: (l) => [l.batchNo, l.expiryDate && ` · ${fmt.date(l.expiryDate)}`] },
    ], bill.lines, { id: 'purchase-lines-table', caption: t('purchases.lines') }),
    h('section', { class: 'panel' }, h('h2', null, t('purchases.returns')), returnsBox)));

  if ((bill.returns || []).length === 0) { mount(returnsBox, h('p', { class: 'empty' }, t('app.none'))); return; }
  const notes = await Promise.all(bill.returns.map((r) => api.get(`${BASE}/${bill.id}/returns/${r.id}`).catch(() => ({ ...r, lines: [] }))));
  mount(returnsBox, table([
    { key: 'debitNoteNumber', label: t('purchases.r.number') },
    { key: 'date', label: t('purchases.r.date'), kind: 'date' },
    { key: 'lines', label: t('purchases.lines'), render: (r) => (r.lines || []).map((l) => `${nameOf(l.productId)} × ${fmt.qty(l.quantity)}`).join('; ') },
    { key: 'reason', label: t('purchases.r.reason') },
    { key: 'total', label: t('purchases.r.total'), kind: 'money' },
  ], notes, { id: 'debit-notes' }));
}

function returnForm(work, bill, open, nameOf, reload) {
  const key = newKey();
  const error = h('div');
  const form = h('form', { id: 'purchase-return-form', class: 'panel' },
    h('h2', null, t('purchases.returnTitle')),
    open.map(({ line, max }) => field(t('purchases.returnQty', { name: nameOf(line.productId), max: fmt.qty(max) }),
      { name: `ret-${line.lineNo}`, type: 'number', min: '0', max: String(max), step: 'any', inputmode: 'decimal' })),
    h('div', { class: 'row' },
      field(t('purchases.returnDate'), { name: 'date', type: 'date', value: fmt.today(), min: bill.billDate, max: fmt.today() }),
      field(t('purchases.returnReason'), { name: 'reason', maxlength: '200' })),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', id: 'purchase-return-save' }, t('purchases.returnSave')),
      h('button', { type: 'button', id: 'purchase-return-cancel', onclick: () => mount(work) }, t('app.cancel'))));
  onSubmit(form, error, async (v) => {
    const lines = open.filter(({ line }) => Number(v[`ret-${line.lineNo}`] || 0) > 0).map(({ line }) => ({ lineNo: line.lineNo, quantity: v[`ret-${line.lineNo}`] }));
    if (lines.length === 0) { mount(error, errorBox(t('purchases.returnNothing'))); return; }
    const r = await api.idempotent('POST', `${BASE}/${bill.id}/returns`, { date: v.date, reason: v.reason, lines }, key);
    toast(t('purchases.returnDone', { number: r.debitNoteNumber, total: fmt.money(r.total) }), 'ok');
    reload();
  });
  mount(work, form);
  form.querySelector('input')?.focus();
}
