// The counter (POS): scan or search, a cart with quantities and line discounts, the customer by phone (balance and
// credit left), split tenders with the change due, and the sale placed with `Prefer: wait` so the cashier sees it
// CONFIRMED (with its invoice number) or REJECTED. Prices, GST and the rupee rounding come from the API's quote,
// never from arithmetic here. When the network is down the sale is queued in the browser with its Idempotency-Key
// and sent when it returns (offline.js).
import { api, request, newKey, openFile, ApiError, OfflineError } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, toast, problemText, errorBox, busy, modal } from '../ui.js';
import { money, qty } from '../format.js';
import * as offline from '../offline.js';

addStrings({
  en: {
    'counter.title': 'Counter',
    'counter.scan': 'Scan a barcode or type a name',
    'counter.scanHint': 'Enter adds the first match · ↓ ↑ to choose · F2 comes back here · F9 pays',
    'counter.noMatch': 'No product matches "{text}"',
    'counter.cart': 'Cart',
    'counter.empty': 'Scan or search a product to start a sale.',
    'counter.item': 'Item',
    'counter.qty': 'Qty',
    'counter.price': 'Price',
    'counter.discountPct': 'Disc. %',
    'counter.amount': 'Amount',
    'counter.remove': 'Remove {name}',
    'counter.customer': 'Customer mobile (optional)',
    'counter.customerName': 'Customer name',
    'counter.customerFound': '{name}: owes {due}',
    'counter.creditLeft': 'credit left {amount}',
    'counter.noLimit': 'no credit limit',
    'counter.newCustomer': 'New customer: their khata starts with this sale',
    'counter.gross': 'Gross',
    'counter.discount': 'Discount',
    'counter.taxable': 'Taxable value',
    'counter.cgst': 'CGST',
    'counter.sgst': 'SGST',
    'counter.igst': 'IGST',
    'counter.roundOff': 'Round-off',
    'counter.total': 'Total',
    'counter.estimate': 'Estimate (offline): the total is fixed when the sale is sent',
    'counter.tenders': 'Payment',
    'counter.tenderType': 'Tender',
    'counter.tenderAmount': 'Amount',
    'counter.reference': 'Reference (UTR, card slip)',
    'counter.addTender': 'Add a tender',
    'counter.exact': 'Rest',
    'counter.due': 'Still due',
    'counter.changeDue': 'Change due',
    'counter.pay': 'Complete sale (F9)',
    'counter.clear': 'New sale',
    'counter.placing': 'Waiting for the stock check…',
    'counter.confirmed': 'Sale confirmed · {invoice}',
    'counter.rejected': 'Sale refused: {reason}',
    'counter.pending': 'The sale is still being checked; see it under Sales.',
    'counter.queued': 'No network: the sale is kept on this device and will be sent when the network returns.',
    'counter.receipt58': 'Receipt 58 mm',
    'counter.receipt80': 'Receipt 80 mm',
    'counter.print': 'Print',
    'counter.invoice': 'Invoice PDF',
    'counter.openSale': 'Refund or void…',
    'counter.queue': 'Waiting to be sent',
    'counter.failed': 'Refused when sent',
    'counter.dismiss': 'Dismiss',
    'counter.sent': 'A queued sale was sent: {status} {invoice}',
    'counter.creditOverride': 'Allow beyond the credit limit (owner/manager)',
    'counter.badLine': '{name}: enter a quantity above 0 (up to 3 decimals) and a discount of at most 100 %',
    'counter.upiQr': 'Show UPI QR for {amount}',
    'counter.upiQrTitle': 'Scan to pay {amount} by UPI',
    'counter.upiQrAlt': 'UPI QR code to pay {amount} to the shop',
    'tender.CASH': 'Cash', 'tender.UPI': 'UPI', 'tender.CARD': 'Card', 'tender.CREDIT': 'Khata (credit)', 'tender.LOYALTY': 'Loyalty points',
  },
  hi: {
    'counter.title': 'काउंटर',
    'counter.scan': 'बारकोड स्कैन करें या नाम लिखें',
    'counter.scanHint': 'Enter पहला सामान जोड़ता है · ↓ ↑ से चुनें · F2 यहाँ लौटाता है · F9 भुगतान',
    'counter.noMatch': '"{text}" से कोई सामान नहीं मिला',
    'counter.cart': 'बिल',
    'counter.empty': 'बिक्री शुरू करने के लिए सामान स्कैन करें या खोजें।',
    'counter.item': 'सामान',
    'counter.qty': 'मात्रा',
    'counter.price': 'दाम',
    'counter.discountPct': 'छूट %',
    'counter.amount': 'राशि',
    'counter.remove': '{name} हटाएँ',
    'counter.customer': 'ग्राहक का मोबाइल (वैकल्पिक)',
    'counter.customerName': 'ग्राहक का नाम',
    'counter.customerFound': '{name}: बकाया {due}',
    'counter.creditLeft': 'उधार सीमा में बचा {amount}',
    'counter.noLimit': 'उधार सीमा नहीं',
    'counter.newCustomer': 'नया ग्राहक: खाता इसी बिक्री से शुरू होगा',
    'counter.gross': 'कुल दाम',
    'counter.discount': 'छूट',
    'counter.taxable': 'कर योग्य मूल्य',
    'counter.cgst': 'CGST',
    'counter.sgst': 'SGST',
    'counter.igst': 'IGST',
    'counter.roundOff': 'राउंड ऑफ़',
    'counter.total': 'कुल',
    'counter.estimate': 'अनुमान (ऑफ़लाइन): कुल राशि बिक्री भेजने पर तय होगी',
    'counter.tenders': 'भुगतान',
    'counter.tenderType': 'भुगतान का तरीका',
    'counter.tenderAmount': 'राशि',
    'counter.reference': 'संदर्भ (UTR, कार्ड स्लिप)',
    'counter.addTender': 'एक और भुगतान',
    'counter.exact': 'बाकी',
    'counter.due': 'अभी बाकी',
    'counter.changeDue': 'लौटाने हैं',
    'counter.pay': 'बिक्री पूरी करें (F9)',
    'counter.clear': 'नई बिक्री',
    'counter.placing': 'स्टॉक की जाँच हो रही है…',
    'counter.confirmed': 'बिक्री पक्की · {invoice}',
    'counter.rejected': 'बिक्री नहीं हुई: {reason}',
    'counter.pending': 'बिक्री की जाँच जारी है; बिक्री पेज पर देखें।',
    'counter.queued': 'नेटवर्क नहीं है: बिक्री इसी डिवाइस पर रखी है और नेटवर्क लौटते ही भेजी जाएगी।',
    'counter.receipt58': 'रसीद 58 mm',
    'counter.receipt80': 'रसीद 80 mm',
    'counter.print': 'प्रिंट',
    'counter.invoice': 'बिल PDF',
    'counter.openSale': 'वापसी या रद्द…',
    'counter.queue': 'भेजी जानी बाकी',
    'counter.failed': 'भेजने पर अस्वीकार',
    'counter.dismiss': 'हटाएँ',
    'counter.sent': 'रुकी हुई बिक्री भेजी गई: {status} {invoice}',
    'counter.creditOverride': 'उधार सीमा से ऊपर अनुमति दें (मालिक/मैनेजर)',
    'counter.badLine': '{name}: 0 से अधिक मात्रा (3 दशमलव तक) और अधिकतम 100 % छूट लिखें',
    'counter.upiQr': '{amount} का UPI QR दिखाएँ',
    'counter.upiQrTitle': 'UPI से {amount} भुगतान के लिए स्कैन करें',
    'counter.upiQrAlt': 'दुकान को {amount} भुगतान का UPI QR कोड',
    'tender.CASH': 'नकद', 'tender.UPI': 'UPI', 'tender.CARD': 'कार्ड', 'tender.CREDIT': 'खाता (उधार)', 'tender.LOYALTY': 'लॉयल्टी पॉइंट',
  },
});

const TENDERS = ['CASH', 'UPI', 'CARD', 'CREDIT', 'LOYALTY'];
const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
const QTY = /^\d{1,9}(\.\d{1,3})?$/;

/** "96.5" → 9650 paise; null when not a plain amount. Only used for the change due and the still-due figure. */
export function paise(text) {
  const s = String(text ?? '').trim();
  if (!DECIMAL.test(s)) return null;
  const [r, p = ''] = s.split('.');
  return Number(r) * 100 + Number((p + '00').slice(0, 2));
}
export function rupees(p) {
  const sign = p < 0 ? '-' : '';
  const a = Math.abs(p);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

export default async function render(root, ctx) {
  const sale = {
    lines: [], // {product, quantity: '1', discountPercent: ''}
    customer: { phone: '', name: '', balance: null },
    tenders: [{ type: 'CASH', amount: '', reference: '' }],
    quote: null, quoteError: null, estimate: false,
    key: newKey(), // one key per sale: a retried Pay is the same request
    result: null,
    creditOverride: false,
  };
  let products = [];
  let matches = [];
  let selected = 0;

  const scan = h('input', { id: 'scan', type: 'search', autocomplete: 'off', 'aria-describedby': 'scan-hint',
    'aria-controls': 'scan-results', placeholder: t('counter.scan'), enterkeyhint: 'enter' });
  const results = h('ul', { id: 'scan-results', class: 'results', role: 'listbox', hidden: true });
  const cartBox = h('div', { id: 'cart' });
  const customerBox = h('div', { id: 'customer' });
  const totalsBox = h('div', { id: 'totals', class: 'totals', 'aria-live': 'polite' });
  const tendersBox = h('div', { id: 'tenders' });
  const resultBox = h('div', { id: 'sale-result', 'aria-live': 'assertive' });
  const queueBox = h('div', { id: 'queue' });
  const payButton = h('button', { type: 'button', id: 'pay', class: 'primary big', onclick: () => pay() }, t('counter.pay'));

  mount(root,
    h('header', { class: 'page-header' }, h('h1', { tabindex: '-1' }, t('counter.title')),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'new-sale', onclick: () => reset() }, t('counter.clear')))),
    queueBox,
    h('div', { class: 'counter' },
      h('section', { 'aria-label': t('counter.cart') },
        h('div', { class: 'scan field' }, h('label', { for: 'scan' }, t('counter.scan')), scan,
          h('small', { id: 'scan-hint' }, t('counter.scanHint'))),
        results, cartBox, customerBox),
      h('section', { class: 'panel', 'aria-label': t('counter.tenders') }, totalsBox, tendersBox, payButton, resultBox)));

  // ---- products: loaded once for quick search (and for selling while the network is down); until they are here
  // a scan or a typed name is looked up through the API, so nothing typed early is lost
  let loaded = false;
  const productsLoaded = api.get('/api/v1/products', { active: true, size: 500 })
    .then((list) => { products = list; loaded = true; }, (e) => { if (!(e instanceof OfflineError)) toast(problemText(e), 'error'); });

  function localMatches(text) {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    const exact = products.filter((p) => p.barcode && p.barcode.toLowerCase() === q || p.sku.toLowerCase() === q);
    if (exact.length) return exact;
    return products.filter((p) => p.name.toLowerCase().startsWith(q) || p.name.toLowerCase().includes(` ${q}`)
      || p.sku.toLowerCase().startsWith(q) || (p.barcode || '').startsWith(q)).slice(0, 20);
  }

  async function search(text) {
    matches = localMatches(text);
    if (matches.length === 0 && (text.trim().length >= 2 || !loaded) && offline.isOnline()) {
      try { matches = await api.get('/api/v1/products', { q: text.trim(), active: true, size: 20 }); } catch { matches = []; }
    }
    selected = 0;
    drawResults(text);
  }

  function drawResults(text) {
    if (!text.trim()) { results.hidden = true; return; }
    results.hidden = false;
    if (matches.length === 0) { mount(results, h('li', { class: 'muted' }, t('counter.noMatch', { text }))); return; }
    mount(results, matches.map((p, i) => h('li', { role: 'option', 'aria-selected': i === selected ? 'true' : 'false' },
      h('button', { type: 'button', class: 'result', tabindex: '-1', dataset: { id: p.id }, onclick: () => add(p) },
        h('span', null, p.name, h('small', { class: 'muted' }, ` · ${p.sku}${p.barcode ? ` · ${p.barcode}` : ''}`)),
        h('span', null, money(p.sellingPrice))))));
  }

  scan.addEventListener('input', () => search(scan.value));
  scan.addEventListener('keydown', async (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!matches.length) return;
      selected = (selected + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      drawResults(scan.value);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!matches.length) await search(scan.value);
      if (matches[selected]) add(matches[selected]);
    } else if (e.key === 'Escape') {
      scan.value = ''; results.hidden = true;
    }
  });

  function add(product) {
    const line = sale.lines.find((l) => l.product.id === product.id && !l.discountPercent);
    if (line) line.quantity = String(Number(line.quantity) + 1);
    else sale.lines.push({ product, quantity: '1', discountPercent: '' });
    scan.value = '';
    results.hidden = true;
    matches = [];
    changed();
    scan.focus();
  }

  // ---- cart
  function drawCart() {
    if (sale.lines.length === 0) { mount(cartBox, h('p', { class: 'empty' }, t('counter.empty'))); return; }
    const quoted = sale.quote?.lines || [];
    mount(cartBox, h('div', { class: 'table-wrap cart' }, h('table', { id: 'cart-table' },
      h('caption', { class: 'sr-only' }, t('counter.cart')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('counter.item')), h('th', { scope: 'col', class: 'num' }, t('counter.qty')),
        h('th', { scope: 'col', class: 'num' }, t('counter.price')), h('th', { scope: 'col', class: 'num' }, t('counter.discountPct')),
        h('th', { scope: 'col', class: 'num' }, t('counter.amount')), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('counter.remove', { name: '' }))))),
      h('tbody', null, sale.lines.map((l, i) => h('tr', { dataset: { product: l.product.id } },
        h('td', null, l.product.name, h('br'), h('small', { class: 'muted' }, `HSN ${l.product.hsn || '—'} · GST ${qty(l.product.gstRate)} %`)),
        h('td', { class: 'num' }, h('input', { id: `qty-${i}`, 'aria-label': `${t('counter.qty')} ${l.product.name}`, inputmode: 'decimal',
          value: l.quantity, onchange: (e) => { l.quantity = e.target.value.trim(); changed(); } })),
        h('td', { class: 'num' }, money(l.product.sellingPrice)),
        h('td', { class: 'num' }, h('input', { id: `disc-${i}`, 'aria-label': `${t('counter.discountPct')} ${l.product.name}`, inputmode: 'decimal',
          value: l.discountPercent, onchange: (e) => { l.discountPercent = e.target.value.trim(); changed(); } })),
        h('td', { class: 'num', id: `line-total-${i}` }, quoted[i] ? money(quoted[i].lineTotal) : ''),
        h('td', null, h('button', { type: 'button', class: 'icon', 'aria-label': t('counter.remove', { name: l.product.name }),
          onclick: () => { sale.lines.splice(i, 1); changed(); } }, '×'))))))));
  }

  // ---- customer
  let lookup = null;
  function drawCustomer() {
    const phone = field(t('counter.customer'), { name: 'customerPhone', id: 'customer-phone', type: 'tel', inputmode: 'tel',
      autocomplete: 'off', value: sale.customer.phone });
    const name = field(t('counter.customerName'), { name: 'customerName', id: 'customer-name', value: sale.customer.name });
    const info = h('p', { id: 'customer-info', class: 'note', 'aria-live': 'polite' }, customerText());
    phone.querySelector('input').addEventListener('change', async (e) => {
      sale.customer.phone = e.target.value.trim();
      sale.customer.balance = null;
      if (sale.customer.phone.length >= 10) {
        const mine = lookup = api.get('/api/v1/accounting/parties/balance', { phone: sale.customer.phone });
        try {
          const b = await mine;
          if (lookup === mine) { sale.customer.balance = b; if (!sale.customer.name) sale.customer.name = b.name || ''; }
        } catch (err) {
          if (lookup === mine) sale.customer.balance = err instanceof ApiError && err.status === 404 ? 'new' : null;
        }
      }
      drawCustomer();
      changed();
    });
    name.querySelector('input').addEventListener('change', (e) => { sale.customer.name = e.target.value.trim(); });
    mount(customerBox, h('div', { class: 'row' }, phone, name), info);
  }

  function customerText() {
    const b = sale.customer.balance;
    if (b === 'new') return t('counter.newCustomer');
    if (!b) return '';
    return `${t('counter.customerFound', { name: b.name || b.phone, due: money(b.due) })} · ${
      b.creditLimit && Number(b.creditLimit) > 0 ? t('counter.creditLeft', { amount: money(b.availableCredit) }) : t('counter.noLimit')}`;
  }

  // ---- quote (the API prices the cart: GST per line, discounts before tax, total rounded to the rupee)
  let quoteTimer = null;
  let quoteSeq = 0;
  function requestBody(withTenders) {
    const body = {
      lines: sale.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity,
        ...(l.discountPercent ? { discountPercent: l.discountPercent } : {}) })),
    };
    if (sale.customer.phone || sale.customer.name) {
      body.customer = { ...(sale.customer.phone ? { phone: sale.customer.phone } : {}), ...(sale.customer.name ? { name: sale.customer.name } : {}) };
    }
    if (withTenders) {
      body.tenders = sale.tenders.filter((x) => paise(x.amount) > 0).map((x) => ({ type: x.type, amount: x.amount,
        ...(x.reference ? { reference: x.reference } : {}) }));
      if (body.tenders.length === 0) delete body.tenders;
      if (sale.creditOverride) body.creditOverride = true;
    }
    return body;
  }

  function changed() {
    sale.result = null;
    drawCart();
    drawTotals();
    drawTenders();
    mount(resultBox);
    clearTimeout(quoteTimer);
    if (sale.lines.length === 0) { sale.quote = null; sale.quoteError = null; drawTotals(); return; }
    const bad = sale.lines.find((l) => !QTY.test(l.quantity) || Number(l.quantity) <= 0
      || (l.discountPercent && (!QTY.test(l.discountPercent) || Number(l.discountPercent) > 100)));
    if (bad) {
      sale.quote = null;
      sale.quoteError = new Error(t('counter.badLine', { name: bad.product.name }));
      drawTotals(); drawTenders();
      return;
    }
    quoteTimer = setTimeout(quote, 200);
  }

  async function quote() {
    const seq = ++quoteSeq;
    try {
      const q = await api.post('/api/v1/orders/quote', requestBody(false));
      if (seq !== quoteSeq) return;
      sale.quote = q; sale.quoteError = null; sale.estimate = false;
    } catch (e) {
      if (seq !== quoteSeq) return;
      sale.quote = null;
      if (e instanceof OfflineError) { sale.estimate = true; sale.quoteError = null; } else { sale.quoteError = e; }
    }
    drawCart();
    drawTotals();
    drawTenders();
  }

  /** Offline only: the sum of shelf prices less line discounts, to the rupee; shown as an estimate. */
  function estimatePaise() {
    let sum = 0;
    for (const l of sale.lines) {
      const price = paise(l.product.sellingPrice) ?? 0;
      const q = Number(l.quantity) || 0;
      const gross = Math.round(price * q);
      const disc = Math.round(gross * (Number(l.discountPercent) || 0) / 100);
      const net = gross - disc;
      sum += l.product.taxInclusive ? net : Math.round(net * (1 + Number(l.product.gstRate || 0) / 100));
    }
    return Math.round(sum / 100) * 100;
  }

  function totalPaise() {
    if (sale.quote) return paise(sale.quote.total);
    if (sale.estimate) return estimatePaise();
    return null;
  }

  function drawTotals() {
    if (sale.lines.length === 0) { mount(totalsBox); return; }
    if (sale.quoteError) { mount(totalsBox, errorBox(sale.quoteError)); return; }
    const q = sale.quote;
    if (!q) {
      mount(totalsBox, sale.estimate
        ? [h('p', { class: 'warn' }, t('counter.estimate')), h('p', { class: 'grand', id: 'total' }, money(rupees(estimatePaise())))]
        : h('p', { class: 'muted' }, t('app.loading')));
      return;
    }
    const row = (label, value, id) => [h('dt', null, label), h('dd', { id }, money(value))];
    mount(totalsBox, h('dl', null,
      row(t('counter.gross'), q.gross, 'total-gross'),
      Number(q.discount) ? row(t('counter.discount'), `-${q.discount}`, 'total-discount') : null,
      row(t('counter.taxable'), q.taxableValue, 'total-taxable'),
      Number(q.igst) ? row(t('counter.igst'), q.igst, 'total-igst') : [row(t('counter.cgst'), q.cgst, 'total-cgst'), row(t('counter.sgst'), q.sgst, 'total-sgst')],
      Number(q.roundOff) ? row(t('counter.roundOff'), q.roundOff, 'total-round-off') : null,
      h('dt', { class: 'grand' }, t('counter.total')), h('dd', { class: 'grand', id: 'total' }, money(q.total))));
  }

  // ---- tenders and change due
  function drawTenders() {
    const rows = sale.tenders.map((x, i) => h('div', { class: 'tender-row' },
      h('select', { id: `tender-type-${i}`, 'aria-label': t('counter.tenderType'), onchange: (e) => { x.type = e.target.value; drawTenders(); } },
        TENDERS.map((ty) => h('option', { value: ty, selected: ty === x.type }, t(`tender.${ty}`)))),
      h('input', { id: `tender-amount-${i}`, 'aria-label': `${t('counter.tenderAmount')} ${t(`tender.${x.type}`)}`, inputmode: 'decimal',
        value: x.amount, placeholder: '0.00', oninput: (e) => { x.amount = e.target.value.trim(); drawChange(); } }),
      h('input', { id: `tender-ref-${i}`, 'aria-label': t('counter.reference'), value: x.reference, placeholder: t('counter.reference'),
        hidden: x.type === 'CASH' || x.type === 'CREDIT' || x.type === 'LOYALTY', oninput: (e) => { x.reference = e.target.value.trim(); } }),
      h('button', { type: 'button', id: `tender-rest-${i}`, onclick: () => {
        const others = sale.tenders.reduce((s, y, j) => s + (j === i ? 0 : paise(y.amount) ?? 0), 0);
        const t0 = totalPaise();
        if (t0 !== null) { x.amount = rupees(Math.max(0, t0 - others)); drawTenders(); }
      } }, t('counter.exact'))));
    const change = h('p', { id: 'change-due', class: 'change', 'aria-live': 'polite' });
    const due = h('p', { id: 'still-due', class: 'warn', 'aria-live': 'polite' });
    function drawChange() {
      const t0 = totalPaise();
      const g = sale.tenders.reduce((s, x) => s + (paise(x.amount) ?? 0), 0);
      const c = sale.tenders.filter((x) => x.type === 'CASH').reduce((s, x) => s + (paise(x.amount) ?? 0), 0);
      change.textContent = t0 !== null && g > t0 && c > 0 ? `${t('counter.changeDue')}: ${money(rupees(Math.min(c, g - t0)))}` : '';
      due.textContent = t0 !== null && g > 0 && g < t0 ? `${t('counter.due')}: ${money(rupees(t0 - g))}` : '';
    }
    const upi = sale.tenders.filter((x) => x.type === 'UPI').reduce((s, x) => s + (paise(x.amount) ?? 0), 0);
    const upiButton = upi > 0 ? h('button', { type: 'button', id: 'upi-qr', onclick: (e) => showUpiQr(e.target, rupees(upi)) },
      t('counter.upiQr', { amount: money(rupees(upi)) })) : null;
    const creditUsed = sale.tenders.some((x) => x.type === 'CREDIT');
    mount(tendersBox, h('h2', null, t('counter.tenders')), rows,
      h('button', { type: 'button', id: 'add-tender', class: 'link', onclick: () => { sale.tenders.push({ type: 'UPI', amount: '', reference: '' }); drawTenders(); } },
        t('counter.addTender')),
      upiButton,
      creditUsed && ctx.has('OWNER', 'MANAGER') ? h('label', { class: 'note' }, h('input', { type: 'checkbox', id: 'credit-override',
        checked: sale.creditOverride, onchange: (e) => { sale.creditOverride = e.target.checked; } }), ` ${t('counter.creditOverride')}`) : null,
      due, change);
    drawChange();
    payButton.disabled = sale.lines.length === 0 || (!sale.quote && !sale.estimate);
  }

  /** The shop's UPI QR for the amount, large enough for the customer's phone to scan across the counter. */
  async function showUpiQr(button, amount) {
    try {
      const res = await busy(button, () => request('GET', '/api/v1/orders/upi-qr', { query: { amount }, raw: true, headers: { Accept: 'image/png' } }));
      const src = URL.createObjectURL(await res.blob());
      const { dialog } = modal(t('counter.upiQrTitle', { amount: money(amount) }),
        h('div', { class: 'upi-qr' }, h('img', { src, id: 'upi-qr-image', alt: t('counter.upiQrAlt', { amount: money(amount) }), width: 280, height: 280 }),
          h('p', { class: 'grand' }, money(amount))));
      dialog.addEventListener('close', () => URL.revokeObjectURL(src));
    } catch (e) {
      toast(problemText(e), 'error');
    }
  }

  // ---- placing the sale
  async function pay() {
    if (sale.lines.length === 0 || payButton.disabled) return;
    const body = requestBody(true);
    mount(resultBox, h('p', { class: 'muted' }, t('counter.placing')));
    try {
      const order = await busy(payButton, () => api.idempotent('POST', '/api/v1/orders', body, sale.key, { Prefer: 'wait=10' }));
      showResult(order);
    } catch (e) {
      if (e instanceof OfflineError) {
        offline.setOnline(false);
        await offline.enqueue(ctx.me.activeShopId, body, sale.key, {
          lines: sale.lines.map((l) => `${qty(l.quantity)} × ${l.product.name}`).join(', '),
          total: rupees(totalPaise() ?? 0),
        });
        const done = h('p', { class: 'warn', id: 'sale-queued', role: 'status' }, t('counter.queued'));
        reset();
        mount(resultBox, done);
        drawQueue();
        return;
      }
      mount(resultBox, errorBox(e));
    }
  }

  function showResult(order) {
    sale.result = order;
    if (order.status === 'CONFIRMED') {
      const receipt = h('pre', { class: 'receipt print-area', id: 'receipt', hidden: true });
      const showReceipt = async (width) => {
        try {
          receipt.textContent = await api.get(`/api/v1/orders/${order.id}/receipt`, { width }, { headers: { Accept: 'text/plain' } });
          receipt.hidden = false;
        } catch (e) { toast(problemText(e), 'error'); }
      };
      const change = paise(order.change) > 0 ? h('p', { class: 'change', id: 'result-change' }, `${t('counter.changeDue')}: ${money(order.change)}`) : null;
      mount(resultBox, h('div', { class: 'panel', id: 'sale-confirmed' },
        h('p', { class: 'ok', role: 'status' }, h('strong', null, t('counter.confirmed', { invoice: order.invoiceNumber || '' }))),
        h('p', { class: 'grand' }, money(order.total)), change,
        h('div', { class: 'row no-print' },
          h('button', { type: 'button', id: 'receipt-58', onclick: () => showReceipt(58) }, t('counter.receipt58')),
          h('button', { type: 'button', id: 'receipt-80', onclick: () => showReceipt(80) }, t('counter.receipt80')),
          h('button', { type: 'button', id: 'receipt-print', onclick: () => {
            document.body.classList.add('printing-receipt');
            window.print();
            document.body.classList.remove('printing-receipt');
          } }, t('counter.print')),
          h('button', { type: 'button', id: 'invoice-pdf', onclick: () => openFile(`/api/v1/orders/${order.id}/invoice`).catch((e) => toast(problemText(e), 'error')) },
            t('counter.invoice')),
          h('a', { href: `#/sales?id=${order.id}`, id: 'open-sale' }, t('counter.openSale'))),
        receipt));
      clearCart();
    } else if (order.status === 'REJECTED') {
      mount(resultBox, h('div', { class: 'error', role: 'alert', id: 'sale-rejected' }, t('counter.rejected', { reason: order.reason || '' })));
      sale.key = newKey(); // the cart may be changed and tried again: that is a new sale
    } else {
      mount(resultBox, h('p', { class: 'warn', id: 'sale-pending' }, t('counter.pending'), ' ', h('a', { href: `#/sales?id=${order.id}` }, order.id)));
      clearCart();
    }
  }

  function clearCart() {
    sale.lines = [];
    sale.customer = { phone: '', name: '', balance: null };
    sale.tenders = [{ type: 'CASH', amount: '', reference: '' }];
    sale.quote = null; sale.quoteError = null; sale.estimate = false; sale.creditOverride = false;
    sale.key = newKey();
    drawCart(); drawCustomer(); drawTotals(); drawTenders();
  }

  function reset() {
    clearCart();
    mount(resultBox);
    scan.focus();
  }

  // ---- the queue of sales kept while offline
  async function drawQueue() {
    let items = [];
    try { items = (await offline.all()).filter((i) => i.shopId === ctx.me.activeShopId); } catch { /* no IndexedDB */ }
    if (items.length === 0) { mount(queueBox); return; }
    const queued = items.filter((i) => i.state === 'queued');
    const failed = items.filter((i) => i.state === 'failed');
    mount(queueBox, h('section', { class: 'queue', id: 'sale-queue', 'aria-live': 'polite' },
      queued.length ? [h('h2', null, `${t('counter.queue')} (${queued.length})`),
        h('ul', null, queued.map((i) => h('li', { dataset: { key: i.key } }, `${i.summary?.lines || ''} · ${money(i.summary?.total)}`)))] : null,
      failed.length ? [h('h2', null, t('counter.failed')), h('ul', null, failed.map((i) => h('li', { dataset: { key: i.key } },
        `${i.summary?.lines || ''}: ${i.problem?.detail || i.problem?.title || ''} `,
        h('button', { type: 'button', class: 'link', onclick: () => offline.remove(i.key).then(drawQueue) }, t('counter.dismiss')))))] : null));
  }

  const unsettle = offline.onSettled((item, order) => {
    if (order) toast(t('counter.sent', { status: order.status, invoice: order.invoiceNumber || '' }), order.status === 'REJECTED' ? 'error' : 'ok');
    drawQueue();
  });
  const unwatch = offline.watch(() => { drawQueue(); if (sale.estimate && offline.isOnline() && sale.lines.length) quote(); });

  const keys = (e) => {
    if (e.key === 'F2') { e.preventDefault(); scan.focus(); }
    if (e.key === 'F9') { e.preventDefault(); pay(); }
  };
  document.addEventListener('keydown', keys);

  drawCart(); drawCustomer(); drawTotals(); drawTenders(); drawQueue();
  scan.focus();
  return () => { document.removeEventListener('keydown', keys); unsettle(); unwatch(); };
}
