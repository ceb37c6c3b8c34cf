// Stock: levels by product and location, goods in, adjustments and write-offs, physical counts, transfers
// between locations, low stock, expiring batches, a product's stock ledger and the shop's locations.
// Owners and managers change stock; everyone else gets a read-only look-up. Tabs live in the hash: #/stock?tab=receive.
import { api, newKey, OfflineError } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, toast, errorBox, busy, onSubmit } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'stock.title': 'Stock',
    'stock.tab.levels': 'Stock levels',
    'stock.tab.receive': 'Receive goods',
    'stock.tab.adjust': 'Adjust / write off',
    'stock.tab.count': 'Stock count',
    'stock.tab.transfer': 'Transfer',
    'stock.tab.low': 'Low stock',
    'stock.tab.expiring': 'Expiring',
    'stock.tab.ledger': 'Stock ledger',
    'stock.tab.locations': 'Locations',
    'stock.readOnly': 'Stock look-up: only the owner or a manager can receive, adjust, count or move stock.',
    'stock.product': 'Product',
    'stock.findProduct': 'Find a product (name, SKU or barcode)',
    'stock.chooseProduct': '— choose a product —',
    'stock.matches': '{count} match(es)',
    'stock.location': 'Location',
    'stock.allLocations': 'All locations',
    'stock.default': '{name} (default)',
    'stock.filter': 'Filter by name, SKU or barcode',
    'stock.onHand': 'On hand',
    'stock.reserved': 'Reserved',
    'stock.available': 'Available',
    'stock.expired': 'Expired',
    'stock.sellable': 'Sellable',
    'stock.avgCost': 'Average cost',
    'stock.value': 'Stock value {amount} ({method}, {count} product(s))',
    'stock.levelsNone': 'No stock yet. Receive goods to see them here.',
    'stock.quantity': 'Quantity',
    'stock.unitCost': 'Unit cost (₹)',
    'stock.unitCostHint': 'Cost of one unit before GST',
    'stock.batch': 'Batch number',
    'stock.expiry': 'Expiry date',
    'stock.expiryHint': 'Needed for perishable goods',
    'stock.reasonText': 'Reference (supplier invoice no.)',
    'stock.serials': 'Serial numbers / IMEI, one per line',
    'stock.serialsHint': 'Only for serial-tracked products: one per unit',
    'stock.receiveSave': 'Receive into stock',
    'stock.received': 'Received. {product} at {location}: {onHand} on hand, average cost {cost}.',
    'stock.reason': 'Reason',
    'stock.reason.DAMAGE': 'Damaged',
    'stock.reason.LOSS': 'Lost / stolen',
    'stock.reason.CORRECTION': 'Correction',
    'stock.writeOffQty': 'Quantity to write off',
    'stock.correctionQty': 'Change (+ adds, − removes)',
    'stock.correctionCost': 'Unit cost for added stock (₹)',
    'stock.correctionCostHint': 'Blank: the current average cost',
    'stock.note': 'Note',
    'stock.adjustSave': 'Post adjustment',
    'stock.adjusted': 'Posted: {quantity} of {product}; {onHand} left at {location}.',
    'stock.countLoad': 'List the stock at this location',
    'stock.countIntro': 'Enter what is on the shelf. Only products with a count are posted; the difference from the books is adjusted.',
    'stock.books': 'Books say',
    'stock.counted': 'Counted',
    'stock.countedFor': 'Counted: {product}',
    'stock.countAdd': 'Add to the count',
    'stock.countSave': 'Post the count',
    'stock.countEmpty': 'Enter at least one count.',
    'stock.countPosted': 'Count posted. Value of the difference: {amount}.',
    'stock.difference': 'Difference',
    'stock.expected': 'Expected',
    'stock.valueCol': 'Value',
    'stock.from': 'From location',
    'stock.to': 'To location',
    'stock.batchOptional': 'Batch number (optional)',
    'stock.transferSave': 'Transfer',
    'stock.transferred': 'Transferred {quantity} of {product} from {from} to {to}.',
    'stock.oneLocation': 'The shop has one location. Add a godown or another counter under Locations to transfer stock.',
    'stock.sameLocation': 'Choose two different locations.',
    'stock.category': 'Category',
    'stock.reorderLevel': 'Reorder level',
    'stock.shortBy': 'Short by',
    'stock.lowNone': 'Nothing is below its reorder level.',
    'stock.receiveThis': 'Receive',
    'stock.receiveThisLabel': 'Receive {product}',
    'stock.days': 'Expiring within (days)',
    'stock.show': 'Show',
    'stock.expiringNone': 'No batches expire in that time.',
    'stock.remaining': 'Left',
    'stock.receivedAt': 'Received',
    'stock.status': 'Status',
    'stock.isExpired': 'Expired',
    'stock.daysLeft': '{days} day(s) left',
    'stock.today': 'Expires today',
    'stock.ledgerPick': 'Choose a product to see every movement of its stock.',
    'stock.fromDate': 'From',
    'stock.toDate': 'To',
    'stock.when': 'When',
    'stock.movement': 'Movement',
    'stock.onHandAfter': 'On hand after',
    'stock.valueAfter': 'Value after',
    'stock.batches': 'Batches',
    'stock.why': 'Why',
    'stock.ledgerNone': 'No movements in this period.',
    'stock.more': 'Older movements',
    'stock.mv.OPENING': 'Opening stock',
    'stock.mv.PURCHASE_RECEIPT': 'Goods received',
    'stock.mv.SALE': 'Sale',
    'stock.mv.CUSTOMER_RETURN': 'Customer return',
    'stock.mv.DAMAGE': 'Damaged',
    'stock.mv.LOSS': 'Lost',
    'stock.mv.CORRECTION': 'Correction',
    'stock.mv.TRANSFER_OUT': 'Transfer out',
    'stock.mv.TRANSFER_IN': 'Transfer in',
    'stock.mv.COUNT_ADJUSTMENT': 'Count adjustment',
    'stock.mv.SUPPLIER_RETURN': 'Returned to supplier',
    'stock.code': 'Code',
    'stock.name': 'Name',
    'stock.kind': 'Kind',
    'stock.kind.COUNTER': 'Counter',
    'stock.kind.GODOWN': 'Godown',
    'stock.kind.WAREHOUSE': 'Warehouse',
    'stock.isDefault': 'Default location (sales take stock from here)',
    'stock.defaultBadge': 'Default',
    'stock.locationSave': 'Add location',
    'stock.locationAdded': 'Location added',
    'stock.newLocation': 'New location',
    'stock.method.MOVING_AVERAGE': 'moving average cost',
    'stock.method.FIFO': 'first in, first out',
  },
  hi: {
    'stock.title': 'स्टॉक',
    'stock.tab.levels': 'स्टॉक की स्थिति',
    'stock.tab.receive': 'माल आया',
    'stock.tab.adjust': 'सुधार / बट्टे खाते',
    'stock.tab.count': 'स्टॉक गिनती',
    'stock.tab.transfer': 'स्थानांतरण',
    'stock.tab.low': 'कम स्टॉक',
    'stock.tab.expiring': 'एक्सपायरी',
    'stock.tab.ledger': 'स्टॉक बही',
    'stock.tab.locations': 'जगहें',
    'stock.readOnly': 'स्टॉक देखें: माल लेना, सुधारना, गिनना या इधर-उधर करना सिर्फ़ मालिक या मैनेजर कर सकते हैं।',
    'stock.product': 'सामान',
    'stock.findProduct': 'सामान खोजें (नाम, SKU या बारकोड)',
    'stock.chooseProduct': '— सामान चुनें —',
    'stock.matches': '{count} मिले',
    'stock.location': 'जगह',
    'stock.allLocations': 'सभी जगहें',
    'stock.default': '{name} (मुख्य)',
    'stock.filter': 'नाम, SKU या बारकोड से छाँटें',
    'stock.onHand': 'मौजूद',
    'stock.reserved': 'आरक्षित',
    'stock.available': 'उपलब्ध',
    'stock.expired': 'एक्सपायर',
    'stock.sellable': 'बेचने लायक',
    'stock.avgCost': 'औसत लागत',
    'stock.value': 'स्टॉक का मूल्य {amount} ({method}, {count} सामान)',
    'stock.levelsNone': 'अभी कोई स्टॉक नहीं। माल आने पर यहाँ दिखेगा।',
    'stock.quantity': 'मात्रा',
    'stock.unitCost': 'एक इकाई की लागत (₹)',
    'stock.unitCostHint': 'GST से पहले एक इकाई की लागत',
    'stock.batch': 'बैच नंबर',
    'stock.expiry': 'एक्सपायरी तारीख',
    'stock.expiryHint': 'जल्दी ख़राब होने वाले सामान के लिए ज़रूरी',
    'stock.reasonText': 'संदर्भ (सप्लायर का बिल नंबर)',
    'stock.serials': 'सीरियल नंबर / IMEI, हर पंक्ति में एक',
    'stock.serialsHint': 'सिर्फ़ सीरियल नंबर वाले सामान के लिए: हर इकाई का एक',
    'stock.receiveSave': 'स्टॉक में लें',
    'stock.received': 'माल आ गया। {product}, {location} में: {onHand} मौजूद, औसत लागत {cost}।',
    'stock.reason': 'कारण',
    'stock.reason.DAMAGE': 'ख़राब / टूटा',
    'stock.reason.LOSS': 'खोया / चोरी',
    'stock.reason.CORRECTION': 'सुधार',
    'stock.writeOffQty': 'बट्टे खाते में डालने की मात्रा',
    'stock.correctionQty': 'बदलाव (+ जोड़ें, − घटाएँ)',
    'stock.correctionCost': 'जोड़े गए स्टॉक की इकाई लागत (₹)',
    'stock.correctionCostHint': 'खाली: अभी की औसत लागत',
    'stock.note': 'टिप्पणी',
    'stock.adjustSave': 'सुधार दर्ज करें',
    'stock.adjusted': 'दर्ज हुआ: {product} का {quantity}; {location} में {onHand} बचा।',
    'stock.countLoad': 'इस जगह का स्टॉक दिखाएँ',
    'stock.countIntro': 'शेल्फ़ पर जितना है वह लिखें। सिर्फ़ गिने गए सामान दर्ज होंगे; बही से अंतर का सुधार हो जाएगा।',
    'stock.books': 'बही में',
    'stock.counted': 'गिना',
    'stock.countedFor': 'गिना: {product}',
    'stock.countAdd': 'गिनती में जोड़ें',
    'stock.countSave': 'गिनती दर्ज करें',
    'stock.countEmpty': 'कम से कम एक गिनती लिखें।',
    'stock.countPosted': 'गिनती दर्ज हुई। अंतर का मूल्य: {amount}।',
    'stock.difference': 'अंतर',
    'stock.expected': 'अपेक्षित',
    'stock.valueCol': 'मूल्य',
    'stock.from': 'कहाँ से',
    'stock.to': 'कहाँ तक',
    'stock.batchOptional': 'बैच नंबर (ज़रूरी नहीं)',
    'stock.transferSave': 'भेजें',
    'stock.transferred': '{product} का {quantity}, {from} से {to} भेजा गया।',
    'stock.oneLocation': 'दुकान की एक ही जगह है। स्टॉक भेजने के लिए "जगहें" में गोदाम या दूसरा काउंटर जोड़ें।',
    'stock.sameLocation': 'दो अलग जगहें चुनें।',
    'stock.category': 'श्रेणी',
    'stock.reorderLevel': 'रीऑर्डर स्तर',
    'stock.shortBy': 'कमी',
    'stock.lowNone': 'कोई सामान रीऑर्डर स्तर से नीचे नहीं है।',
    'stock.receiveThis': 'माल लें',
    'stock.receiveThisLabel': '{product} का माल लें',
    'stock.days': 'कितने दिन में एक्सपायर',
    'stock.show': 'दिखाएँ',
    'stock.expiringNone': 'इतने दिनों में कोई बैच एक्सपायर नहीं हो रहा।',
    'stock.remaining': 'बचा',
    'stock.receivedAt': 'आया',
    'stock.status': 'स्थिति',
    'stock.isExpired': 'एक्सपायर',
    'stock.daysLeft': '{days} दिन बाकी',
    'stock.today': 'आज एक्सपायर',
    'stock.ledgerPick': 'स्टॉक की हर आवाजाही देखने के लिए सामान चुनें।',
    'stock.fromDate': 'से',
    'stock.toDate': 'तक',
    'stock.when': 'कब',
    'stock.movement': 'आवाजाही',
    'stock.onHandAfter': 'बाद में मौजूद',
    'stock.valueAfter': 'बाद में मूल्य',
    'stock.batches': 'बैच',
    'stock.why': 'क्यों',
    'stock.ledgerNone': 'इस अवधि में कोई आवाजाही नहीं।',
    'stock.more': 'पुरानी आवाजाही',
    'stock.mv.OPENING': 'शुरुआती स्टॉक',
    'stock.mv.PURCHASE_RECEIPT': 'माल आया',
    'stock.mv.SALE': 'बिक्री',
    'stock.mv.CUSTOMER_RETURN': 'ग्राहक वापसी',
    'stock.mv.DAMAGE': 'ख़राब',
    'stock.mv.LOSS': 'खोया',
    'stock.mv.CORRECTION': 'सुधार',
    'stock.mv.TRANSFER_OUT': 'बाहर भेजा',
    'stock.mv.TRANSFER_IN': 'अंदर आया',
    'stock.mv.COUNT_ADJUSTMENT': 'गिनती सुधार',
    'stock.mv.SUPPLIER_RETURN': 'सप्लायर को वापस',
    'stock.code': 'कोड',
    'stock.name': 'नाम',
    'stock.kind': 'प्रकार',
    'stock.kind.COUNTER': 'काउंटर',
    'stock.kind.GODOWN': 'गोदाम',
    'stock.kind.WAREHOUSE': 'वेयरहाउस',
    'stock.isDefault': 'मुख्य जगह (बिक्री यहीं से होती है)',
    'stock.defaultBadge': 'मुख्य',
    'stock.locationSave': 'जगह जोड़ें',
    'stock.locationAdded': 'जगह जुड़ गई',
    'stock.newLocation': 'नई जगह',
    'stock.method.MOVING_AVERAGE': 'चलती औसत लागत',
    'stock.method.FIFO': 'पहले आया, पहले गया',
  },
});

const WRITE_TABS = ['levels', 'receive', 'adjust', 'count', 'transfer', 'low', 'expiring', 'ledger', 'locations'];
const READ_TABS = ['levels', 'low', 'expiring', 'ledger'];
// a cashier looks stock up; batches (with their costs) and the ledger are the back office's books (the API says 403)
const LOOKUP_TABS = ['levels', 'low'];

/** Every product of the shop (archived too, for old movements), by id. */
async function loadProducts() {
  const byId = new Map();
  for (let page = 0; page < 20; page++) {
    const rows = await api.get('/api/v1/products', { page, size: 500 });
    rows.forEach((p) => byId.set(p.id, p));
    if (rows.length < 500) break;
  }
  return byId;
}

export default async function render(root, ctx) {
  const canWrite = ctx.has('OWNER', 'MANAGER');
  const books = canWrite || ctx.has('AUDITOR');
  const tabs = canWrite ? WRITE_TABS : books ? READ_TABS : LOOKUP_TABS;
  const tab = tabs.includes(ctx.params.tab) ? ctx.params.tab : 'levels';
  const [locations, products] = await Promise.all([api.get('/api/v1/inventory/locations'), loadProducts()]);
  const s = {
    ctx, canWrite, books, locations, products,
    productName: (id) => { const p = products.get(id); return p ? p.name : id; },
    locationName: (id) => locations.find((l) => l.id === id)?.name || (id ? id.slice(0, 8) : ''),
  };

  const panel = h('section', { class: 'panel', id: `stock-${tab}`, role: 'tabpanel', 'aria-labelledby': `stock-tab-${tab}` });
  const tabBar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('stock.title') }, tabs.map((name) =>
    h('button', { type: 'button', role: 'tab', id: `stock-tab-${name}`, 'aria-selected': String(name === tab),
      'aria-controls': `stock-${tab}`, tabindex: name === tab ? '0' : '-1',
      onclick: () => ctx.navigate('stock', { tab: name }),
      onkeydown: (e) => {
        const i = tabs.indexOf(name);
        const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : null;
        if (next) { e.preventDefault(); ctx.navigate('stock', { tab: next }); }
      } }, t(`stock.tab.${name}`))));
  mount(root, pageHeader(t('stock.title')), !canWrite && h('p', { class: 'muted', id: 'stock-readonly' }, t('stock.readOnly')), tabBar, panel);
  const views = { levels, receive, adjust, count, transfer, low, expiring, ledger, locations: locationsTab };
  await views[tab](panel, s);
}

// ---- shared controls -------------------------------------------------------------------------------------------

function locationOptions(s, all) {
  const opts = s.locations.filter((l) => l.active !== false)
    .map((l) => [l.id, l.isDefault ? t('stock.default', { name: l.name }) : l.name]);
  return all ? [['', t('stock.allLocations')], ...opts] : opts;
}

function defaultLocation(s) {
  return (s.locations.find((l) => l.isDefault) || s.locations[0])?.id || '';
}

const matches = (p, q) => !q || [p.name, p.sku, p.barcode].some((x) => x && x.toLowerCase().includes(q));

/**
 * A product chooser: a search box that narrows a select of the shop's products. The select has id f-<name>
 * (default f-productId) so the form reads it with the other fields.
 */
function productPicker(s, { name = 'productId', selected = '', activeOnly = true, onChange } = {}) {
  const all = [...s.products.values()].filter((p) => !activeOnly || p.active || p.id === selected)
    .sort((a, b) => a.name.localeCompare(b.name));
  const count = h('small', { id: `f-${name}-count`, 'aria-live': 'polite' });
  const search = h('input', { type: 'search', id: `f-${name}-q`, autocomplete: 'off', 'aria-describedby': `f-${name}-count` });
  const select = h('select', { id: `f-${name}`, name, required: true });
  const fill = () => {
    const q = search.value.trim().toLowerCase();
    const keep = select.value || selected;
    const found = all.filter((p) => matches(p, q) || p.id === keep).slice(0, 300);
    select.replaceChildren(h('option', { value: '' }, t('stock.chooseProduct')),
      ...found.map((p) => h('option', { value: p.id, selected: p.id === keep }, `${p.name} · ${p.sku}${p.unit ? ` · ${p.unit}` : ''}`)));
    // a unique match (a scanned barcode, a typed SKU) is chosen at once
    const exact = q && found.filter((p) => matches(p, q));
    if (exact && exact.length === 1 && select.value !== exact[0].id) { select.value = exact[0].id; onChange?.(exact[0]); }
    count.textContent = q ? t('stock.matches', { count: exact.length }) : '';
  };
  search.addEventListener('input', fill);
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); select.focus(); } });
  select.addEventListener('change', () => onChange?.(s.products.get(select.value)));
  fill();
  if (selected && s.products.get(selected)) queueMicrotask(() => onChange?.(s.products.get(selected)));
  return h('div', { class: 'picker row' },
    h('div', { class: 'field' }, h('label', { for: search.id }, t('stock.findProduct')), search, count),
    h('div', { class: 'field' }, h('label', { for: select.id }, t('stock.product')), select));
}

/** A write with an Idempotency-Key that stays the same while the same attempt is retried after a network failure. */
function keyed(form) {
  form.dataset.key = newKey();
  return async (method, path, body) => {
    try {
      const answer = await api.idempotent(method, path, body, form.dataset.key);
      form.dataset.key = newKey();
      return answer;
    } catch (e) {
      if (!(e instanceof OfflineError) && !(e.status >= 500)) form.dataset.key = newKey();
      throw e;
    }
  };
}

/** Says in a toast and in the form's result slot that a write went through. */
function done(result, message) {
  toast(message, 'ok');
  mount(result, h('p', { class: 'ok', role: 'status' }, message));
}

function lines(text) {
  return (text || '').split(/[\n,]+/).map((x) => x.trim()).filter(Boolean);
}

function movementLabel(m) {
  const key = `stock.mv.${m}`;
  const label = t(key);
  return label === key ? m : label;
}

// ---- levels ----------------------------------------------------------------------------------------------------

async function levels(panel, s) {
  const loc = field(t('stock.location'), { name: 'locationId', id: 'f-level-location', as: 'select', value: s.ctx.params.locationId || '', options: locationOptions(s, true) });
  const q = field(t('stock.filter'), { name: 'q', id: 'f-level-q', type: 'search', autocomplete: 'off' });
  const out = h('div', { id: 'stock-levels-table' }, h('p', { class: 'loading' }, t('app.loading')));
  const value = h('p', { class: 'muted', id: 'stock-value' });
  mount(panel, h('form', { class: 'row', id: 'levels-form', role: 'search', onsubmit: (e) => e.preventDefault() }, q, loc), value, out);
  let rows = [];
  const draw = () => {
    const text = panel.querySelector('#f-level-q').value.trim().toLowerCase();
    const shown = rows.filter((r) => { const p = s.products.get(r.productId); return p ? matches(p, text) : !text; });
    mount(out, table([
      { key: 'product', label: t('stock.product'), render: (r) => {
        const p = s.products.get(r.productId);
        return h('span', null, p ? p.name : r.productId, p ? h('small', { class: 'muted' }, ` · ${p.sku}`) : null);
      } },
      { key: 'location', label: t('stock.location'), render: (r) => s.locationName(r.locationId) },
      { key: 'onHand', label: t('stock.onHand'), kind: 'qty' },
      { key: 'reserved', label: t('stock.reserved'), kind: 'qty' },
      { key: 'expired', label: t('stock.expired'), kind: 'qty' },
      { key: 'sellable', label: t('stock.sellable'), kind: 'qty' },
      s.canWrite || s.ctx.has('AUDITOR') ? { key: 'averageCost', label: t('stock.avgCost'), kind: 'money' } : null,
    ].filter(Boolean), shown, {
      id: 'levels-table', empty: t('stock.levelsNone'),
      onRow: s.books ? (r) => s.ctx.navigate('stock', { tab: 'ledger', productId: r.productId, ...(r.locationId ? { locationId: r.locationId } : {}) }) : null,
    }));
  };
  const load = async () => {
    const locationId = panel.querySelector('#f-level-location').value || undefined;
    try {
      rows = await api.get('/api/v1/inventory/stock', { locationId });
      rows.sort((a, b) => s.productName(a.productId).localeCompare(s.productName(b.productId)));
      draw();
    } catch (e) { mount(out, errorBox(e)); }
    if (s.canWrite || s.ctx.has('AUDITOR')) {
      api.get('/api/v1/inventory/valuation', { locationId }).then((v) => {
        value.textContent = t('stock.value', { amount: fmt.money(v.totalValue), method: t(`stock.method.${v.method}`), count: (v.products || []).length });
      }).catch(() => { value.textContent = ''; });
    }
  };
  panel.querySelector('#f-level-q').addEventListener('input', draw);
  panel.querySelector('#f-level-location').addEventListener('change', load);
  await load();
}

// ---- receive ---------------------------------------------------------------------------------------------------

async function receive(panel, s) {
  const result = h('div', { id: 'receive-result', 'aria-live': 'polite' });
  const costInput = () => form.elements.unitCost;
  const serialBox = h('div', { hidden: true }, field(t('stock.serials'), { name: 'serials', as: 'textarea', rows: 3, hint: t('stock.serialsHint') }));
  const expiryHint = h('small', { class: 'warn', id: 'receive-expiry-note', hidden: true }, t('stock.expiryHint'));
  const form = h('form', { id: 'receive-form' },
    productPicker(s, { selected: s.ctx.params.productId || '', onChange: (p) => {
      if (p && p.costPrice != null && !costInput().value) costInput().value = p.costPrice;
      serialBox.hidden = !p?.serialTracked;
      expiryHint.hidden = !p?.perishable;
      form.elements.expiryDate.required = !!p?.perishable;
    } }),
    h('div', { class: 'row' },
      field(t('stock.location'), { name: 'locationId', as: 'select', value: defaultLocation(s), options: locationOptions(s) }),
      field(t('stock.quantity'), { name: 'quantity', required: true, inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,3})?', autocomplete: 'off' }),
      field(t('stock.unitCost'), { name: 'unitCost', required: true, inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,4})?', hint: t('stock.unitCostHint'), autocomplete: 'off' })),
    h('div', { class: 'row' },
      field(t('stock.batch'), { name: 'batchNo', maxlength: 40, autocomplete: 'off' }),
      h('div', { class: 'field' }, h('label', { for: 'f-expiryDate' }, t('stock.expiry')), h('input', { type: 'date', id: 'f-expiryDate', name: 'expiryDate', 'aria-describedby': 'receive-expiry-note' }), expiryHint),
      field(t('stock.reasonText'), { name: 'reason', maxlength: 200 })),
    serialBox,
    h('button', { type: 'submit', class: 'primary', id: 'receive-save' }, t('stock.receiveSave')),
    result);
  const send = keyed(form);
  onSubmit(form, result, async (v) => {
    const body = { productId: v.productId, locationId: v.locationId, quantity: v.quantity, unitCost: v.unitCost,
      batchNo: v.batchNo, expiryDate: v.expiryDate, reason: v.reason, serials: serialBox.hidden ? undefined : lines(v.serials) };
    const level = await send('POST', '/api/v1/inventory/receipts', body);
    done(result, t('stock.received', { product: s.productName(level.productId), location: s.locationName(level.locationId),
      onHand: fmt.qty(level.onHand), cost: fmt.money(level.averageCost) }));
    for (const n of ['quantity', 'batchNo', 'expiryDate', 'serials']) if (form.elements[n]) form.elements[n].value = '';
    form.elements.quantity.focus();
  });
  mount(panel, form);
}

// ---- adjust ----------------------------------------------------------------------------------------------------

async function adjust(panel, s) {
  const result = h('div', { id: 'adjust-result', 'aria-live': 'polite' });
  const qtyLabel = h('label', { for: 'f-quantity' }, t('stock.writeOffQty'));
  const costField = field(t('stock.correctionCost'), { name: 'unitCost', inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,4})?', hint: t('stock.correctionCostHint') });
  const form = h('form', { id: 'adjust-form' },
    productPicker(s, { selected: s.ctx.params.productId || '' }),
    h('div', { class: 'row' },
      field(t('stock.location'), { name: 'locationId', as: 'select', value: defaultLocation(s), options: locationOptions(s) }),
      field(t('stock.reason'), { name: 'reason', as: 'select', value: 'DAMAGE',
        options: ['DAMAGE', 'LOSS', 'CORRECTION'].map((r) => [r, t(`stock.reason.${r}`)]) }),
      h('div', { class: 'field' }, qtyLabel, h('input', { id: 'f-quantity', name: 'quantity', required: true, inputmode: 'decimal', autocomplete: 'off', pattern: '[0-9]+(\\.[0-9]{1,3})?' })),
      costField),
    h('div', { class: 'row' },
      field(t('stock.batchOptional'), { name: 'batchNo', maxlength: 40 }),
      field(t('stock.note'), { name: 'note', maxlength: 200 })),
    h('button', { type: 'submit', class: 'primary', id: 'adjust-save' }, t('stock.adjustSave')),
    result);
  const reason = form.elements.reason;
  const onReason = () => {
    const correction = reason.value === 'CORRECTION';
    qtyLabel.textContent = correction ? t('stock.correctionQty') : t('stock.writeOffQty');
    form.elements.quantity.pattern = correction ? '[+\\-−]?[0-9]+(\\.[0-9]{1,3})?' : '[\\-−]?[0-9]+(\\.[0-9]{1,3})?';
    costField.hidden = !correction;
    form.elements.unitCost.disabled = !correction;
  };
  reason.addEventListener('change', onReason);
  onReason();
  const send = keyed(form);
  onSubmit(form, result, async (v) => {
    // damage and loss take stock away: "2" written off is the change −2; a correction is signed as typed
    let quantity = (v.quantity || '').replace('−', '-').replace(/^\+/, '');
    if (v.reason !== 'CORRECTION' && !quantity.startsWith('-')) quantity = `-${quantity}`;
    const body = { productId: v.productId, locationId: v.locationId, reason: v.reason, quantity,
      unitCost: v.reason === 'CORRECTION' ? v.unitCost : undefined, batchNo: v.batchNo, note: v.note };
    const m = await send('POST', '/api/v1/inventory/adjustments', body);
    done(result, t('stock.adjusted', { quantity: fmt.qty(m.quantity), product: s.productName(m.productId), onHand: fmt.qty(m.onHand), location: s.locationName(m.locationId) }));
    form.elements.quantity.value = '';
    form.elements.note.value = '';
  });
  mount(panel, form);
}

// ---- count -----------------------------------------------------------------------------------------------------

async function count(panel, s) {
  const result = h('div', { id: 'count-result', 'aria-live': 'polite' });
  const body = h('tbody', { id: 'count-lines' });
  const listed = new Map(); // productId → on hand in the books at the location
  const addLine = (productId, onHand) => {
    if (listed.has(productId)) { document.getElementById(`count-${productId}`)?.focus(); return; }
    listed.set(productId, onHand);
    const name = s.productName(productId);
    body.append(h('tr', null,
      h('td', null, name),
      h('td', { class: 'num' }, onHand == null ? '—' : fmt.qty(onHand)),
      h('td', { class: 'num' }, h('input', { id: `count-${productId}`, name: `counted-${productId}`, dataset: { productId },
        inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,3})?', autocomplete: 'off', class: 'count-input', 'aria-label': t('stock.countedFor', { product: name }) }))));
  };
  const locSelect = field(t('stock.location'), { name: 'locationId', id: 'f-count-location', as: 'select', value: defaultLocation(s), options: locationOptions(s) });
  const load = async (button) => {
    const locationId = panel.querySelector('#f-count-location').value;
    body.replaceChildren();
    listed.clear();
    try {
      const rows = await busy(button, () => api.get('/api/v1/inventory/stock', { locationId }));
      rows.sort((a, b) => s.productName(a.productId).localeCompare(s.productName(b.productId)))
        .forEach((r) => addLine(r.productId, r.onHand));
    } catch (e) { mount(result, errorBox(e)); }
  };
  const picker = productPicker(s, { name: 'countProduct' });
  picker.querySelector('select').required = false;
  const form = h('form', { id: 'count-form' },
    h('p', { class: 'muted' }, t('stock.countIntro')),
    h('div', { class: 'row' }, locSelect,
      h('div', { class: 'field' }, h('button', { type: 'button', id: 'count-load', onclick: (e) => load(e.currentTarget) }, t('stock.countLoad')))),
    h('div', { class: 'table-wrap' }, h('table', { id: 'count-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('stock.product')), h('th', { scope: 'col', class: 'num' }, t('stock.books')), h('th', { scope: 'col', class: 'num' }, t('stock.counted')))),
      body)),
    h('div', { class: 'row count-add' }, picker,
      h('div', { class: 'field' }, h('button', { type: 'button', id: 'count-add', onclick: () => {
        const id = picker.querySelector('select').value;
        if (!id) return;
        const locationId = panel.querySelector('#f-count-location').value;
        api.get('/api/v1/inventory/stock', { productId: id, locationId }).then((r) => r[0]?.onHand ?? '0', () => null)
          .then((onHand) => { addLine(id, onHand); document.getElementById(`count-${id}`)?.focus(); });
      } }, t('stock.countAdd')))),
    field(t('stock.note'), { name: 'note', maxlength: 200 }),
    h('button', { type: 'submit', class: 'primary', id: 'count-save' }, t('stock.countSave')),
    result);
  locSelect.querySelector('select').addEventListener('change', () => load());
  const send = keyed(form);
  onSubmit(form, result, async () => {
    const countLines = [...body.querySelectorAll('input.count-input')].filter((i) => i.value.trim() !== '')
      .map((i) => ({ productId: i.dataset.productId, counted: i.value.trim() }));
    if (countLines.length === 0) { mount(result, errorBox(t('stock.countEmpty'))); return; }
    const payload = { locationId: panel.querySelector('#f-count-location').value, lines: countLines, note: form.elements.note.value.trim() || undefined };
    const posted = await send('POST', '/api/v1/inventory/counts', payload);
    done(result, t('stock.countPosted', { amount: fmt.money(posted.valueDifference) }));
    result.append(table([
      { key: 'productId', label: t('stock.product'), render: (l) => s.productName(l.productId) },
      { key: 'expected', label: t('stock.expected'), kind: 'qty' },
      { key: 'counted', label: t('stock.counted'), kind: 'qty' },
      { key: 'difference', label: t('stock.difference'), kind: 'qty' },
      { key: 'value', label: t('stock.valueCol'), kind: 'money' },
    ], posted.lines, { id: 'count-posted' }));
    await load();
  });
  mount(panel, form);
  await load();
}

// ---- transfer --------------------------------------------------------------------------------------------------

async function transfer(panel, s) {
  const active = s.locations.filter((l) => l.active !== false);
  if (active.length < 2) {
    mount(panel, h('p', { class: 'muted', id: 'transfer-one-location' }, t('stock.oneLocation')),
      h('button', { type: 'button', id: 'transfer-add-location', onclick: () => s.ctx.navigate('stock', { tab: 'locations' }) }, t('stock.tab.locations')));
    return;
  }
  const result = h('div', { id: 'transfer-result', 'aria-live': 'polite' });
  const from = active.find((l) => !l.isDefault) || active[0];
  const to = active.find((l) => l.id !== from.id);
  const form = h('form', { id: 'transfer-form' },
    h('div', { class: 'row' },
      field(t('stock.from'), { name: 'fromLocationId', as: 'select', value: from.id, options: locationOptions(s) }),
      field(t('stock.to'), { name: 'toLocationId', as: 'select', value: to.id, options: locationOptions(s) })),
    productPicker(s, { selected: s.ctx.params.productId || '' }),
    h('div', { class: 'row' },
      field(t('stock.quantity'), { name: 'quantity', required: true, inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,3})?', autocomplete: 'off' }),
      field(t('stock.batchOptional'), { name: 'batchNo', maxlength: 40 }),
      field(t('stock.note'), { name: 'note', maxlength: 200 })),
    h('button', { type: 'submit', class: 'primary', id: 'transfer-save' }, t('stock.transferSave')),
    result);
  const send = keyed(form);
  onSubmit(form, result, async (v) => {
    if (v.fromLocationId === v.toLocationId) { mount(result, errorBox(t('stock.sameLocation'))); return; }
    const body = { fromLocationId: v.fromLocationId, toLocationId: v.toLocationId, note: v.note,
      lines: [{ productId: v.productId, quantity: v.quantity, batchNo: v.batchNo }] };
    await send('POST', '/api/v1/inventory/transfers', body);
    done(result, t('stock.transferred', { quantity: fmt.qty(v.quantity), product: s.productName(v.productId), from: s.locationName(v.fromLocationId), to: s.locationName(v.toLocationId) }));
    form.elements.quantity.value = '';
  });
  mount(panel, form);
}

// ---- low stock -------------------------------------------------------------------------------------------------

async function low(panel, s) {
  mount(panel, h('p', { class: 'loading' }, t('app.loading')));
  try {
    const rows = await api.get('/api/v1/inventory/low-stock');
    mount(panel, table([
      { key: 'sku', label: 'SKU' },
      { key: 'name', label: t('stock.product') },
      { key: 'categoryPath', label: t('stock.category') },
      { key: 'onHand', label: t('stock.onHand'), kind: 'qty' },
      { key: 'reserved', label: t('stock.reserved'), kind: 'qty' },
      { key: 'expired', label: t('stock.expired'), kind: 'qty' },
      { key: 'available', label: t('stock.available'), kind: 'qty' },
      { key: 'reorderLevel', label: t('stock.reorderLevel'), kind: 'qty' },
      { key: 'shortBy', label: t('stock.shortBy'), kind: 'qty', render: (r) => h('span', { class: 'badge danger' }, fmt.qty(r.shortBy)) },
      s.canWrite ? { key: 'action', label: '', render: (r) => h('button', { type: 'button', class: 'link', id: `low-receive-${r.productId}`,
        'aria-label': t('stock.receiveThisLabel', { product: r.name }),
        onclick: () => s.ctx.navigate('stock', { tab: 'receive', productId: r.productId }) }, t('stock.receiveThis')) } : null,
    ].filter(Boolean), rows, { id: 'low-table', empty: t('stock.lowNone') }));
  } catch (e) { mount(panel, errorBox(e)); }
}

// ---- expiring --------------------------------------------------------------------------------------------------

async function expiring(panel, s) {
  const days = /^\d+$/.test(s.ctx.params.days || '') ? s.ctx.params.days : '30';
  const out = h('div', { id: 'expiring-out' });
  const form = h('form', { class: 'row', id: 'expiring-form' },
    field(t('stock.days'), { name: 'days', id: 'f-expiring-days', type: 'number', min: 0, max: 3650, value: days }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'expiring-show' }, t('stock.show'))));
  onSubmit(form, null, (v) => s.ctx.navigate('stock', { tab: 'expiring', days: v.days || '30' }));
  mount(panel, form, out, h('p', null, h('a', { href: '#/reports?report=stock-expiring', id: 'expiring-report-link' }, t('nav.reports'))));
  try {
    const rows = await api.get('/api/v1/inventory/batches', { expiringWithinDays: days });
    const today = fmt.today();
    const left = (iso) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000);
    mount(out, table([
      { key: 'product', label: t('stock.product'), render: (b) => s.productName(b.productId) },
      { key: 'location', label: t('stock.location'), render: (b) => s.locationName(b.locationId) },
      { key: 'batchNo', label: t('stock.batch') },
      { key: 'expiryDate', label: t('stock.expiry'), kind: 'date' },
      { key: 'status', label: t('stock.status'), render: (b) => {
        if (b.expired) return h('span', { class: 'badge danger' }, t('stock.isExpired'));
        if (!b.expiryDate) return '';
        const d = left(b.expiryDate);
        return h('span', { class: d <= 7 ? 'badge warn' : 'badge' }, d === 0 ? t('stock.today') : t('stock.daysLeft', { days: d }));
      } },
      { key: 'remaining', label: t('stock.remaining'), kind: 'qty' },
      s.canWrite || s.ctx.has('AUDITOR') ? { key: 'unitCost', label: t('stock.unitCost'), kind: 'money' } : null,
      { key: 'receivedAt', label: t('stock.receivedAt'), kind: 'date' },
    ].filter(Boolean), rows, { id: 'expiring-table', empty: t('stock.expiringNone') }));
  } catch (e) { mount(out, errorBox(e)); }
}

// ---- ledger ----------------------------------------------------------------------------------------------------

const LEDGER_PAGE = 100;

async function ledger(panel, s) {
  const p = s.ctx.params;
  const out = h('div', { id: 'ledger-out' });
  const form = h('form', { id: 'ledger-form' },
    productPicker(s, { selected: p.productId || '', activeOnly: false }),
    h('div', { class: 'row' },
      field(t('stock.location'), { name: 'locationId', id: 'f-ledger-location', as: 'select', value: p.locationId || '', options: locationOptions(s, true) }),
      field(t('stock.fromDate'), { name: 'from', type: 'date', value: p.from || '' }),
      field(t('stock.toDate'), { name: 'to', type: 'date', value: p.to || '' }),
      h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary', id: 'ledger-show' }, t('stock.show')))));
  onSubmit(form, null, (v) => s.ctx.navigate('stock',
    Object.fromEntries(Object.entries({ tab: 'ledger', productId: v.productId, locationId: v.locationId, from: v.from, to: v.to }).filter(([, x]) => x))));
  mount(panel, form, out);
  if (!p.productId) { mount(out, h('p', { class: 'empty' }, t('stock.ledgerPick'))); return; }

  const entries = [];
  const more = h('button', { type: 'button', id: 'ledger-more', hidden: true }, t('stock.more'));
  const box = h('div');
  mount(out, box, more);
  const draw = () => mount(box, table([
    { key: 'createdAt', label: t('stock.when'), kind: 'datetime' },
    { key: 'movement', label: t('stock.movement'), render: (r) => movementLabel(r.movement) },
    { key: 'location', label: t('stock.location'), render: (r) => s.locationName(r.locationId) },
    { key: 'quantity', label: t('stock.quantity'), kind: 'qty', render: (r) => h('span', { class: String(r.quantity).startsWith('-') ? 'warn' : 'ok' },
      String(r.quantity).startsWith('-') ? fmt.qty(r.quantity) : `+${fmt.qty(r.quantity)}`) },
    { key: 'unitCost', label: t('stock.unitCost'), kind: 'money' },
    { key: 'onHandAfter', label: t('stock.onHandAfter'), kind: 'qty' },
    s.canWrite || s.ctx.has('AUDITOR') ? { key: 'valueAfter', label: t('stock.valueAfter'), kind: 'money' } : null,
    { key: 'lots', label: t('stock.batches'), render: (r) => (r.lots || []).filter((l) => l.batchNo || l.expiryDate)
      .map((l) => [l.batchNo, l.expiryDate && fmt.date(l.expiryDate)].filter(Boolean).join(' · ')).join('; ') },
    { key: 'reason', label: t('stock.why'), render: (r) => [r.reason, (r.serials || []).join(', ')].filter(Boolean).join(' — ') },
  ].filter(Boolean), entries, { id: 'ledger-table', empty: t('stock.ledgerNone') }));
  const page = async (beforeId) => {
    try {
      const rows = await api.get('/api/v1/inventory/ledger', { productId: p.productId, locationId: p.locationId, from: p.from, to: p.to, beforeId, limit: LEDGER_PAGE });
      entries.push(...rows);
      draw();
      more.hidden = rows.length < LEDGER_PAGE;
    } catch (e) { mount(box, errorBox(e)); more.hidden = true; }
  };
  more.addEventListener('click', (e) => busy(e.currentTarget, () => page(entries[entries.length - 1]?.id)));
  await page();
}

// ---- locations -------------------------------------------------------------------------------------------------

async function locationsTab(panel, s) {
  const list = h('div', { id: 'locations-list' });
  const draw = () => mount(list, table([
    { key: 'code', label: t('stock.code') },
    { key: 'name', label: t('stock.name') },
    { key: 'kind', label: t('stock.kind'), render: (l) => t(`stock.kind.${l.kind}`) },
    { key: 'isDefault', label: '', render: (l) => (l.isDefault ? h('span', { class: 'badge ok' }, t('stock.defaultBadge')) : '') },
  ], s.locations, { id: 'locations-table' }));
  const error = h('div');
  const form = h('form', { id: 'location-form' },
    h('h2', null, t('stock.newLocation')),
    h('div', { class: 'row' },
      field(t('stock.code'), { name: 'code', id: 'f-location-code', required: true, maxlength: 20, autocomplete: 'off' }),
      field(t('stock.name'), { name: 'name', id: 'f-location-name', required: true, maxlength: 80 }),
      field(t('stock.kind'), { name: 'kind', id: 'f-location-kind', as: 'select', value: 'GODOWN', options: ['COUNTER', 'GODOWN', 'WAREHOUSE'].map((k) => [k, t(`stock.kind.${k}`)]) })),
    h('div', { class: 'field check' }, h('label', { for: 'f-location-default' }, h('input', { type: 'checkbox', id: 'f-location-default', name: 'isDefault' }), ' ', t('stock.isDefault'))),
    h('button', { type: 'submit', class: 'primary', id: 'location-save' }, t('stock.locationSave')),
    error);
  onSubmit(form, error, async (v) => {
    await api.post('/api/v1/inventory/locations', { code: v.code, name: v.name, kind: v.kind, isDefault: v.isDefault });
    toast(t('stock.locationAdded'), 'ok');
    s.locations.splice(0, s.locations.length, ...(await api.get('/api/v1/inventory/locations')));
    draw();
    form.reset();
  });
  draw();
  mount(panel, list, h('hr'), form);
}
