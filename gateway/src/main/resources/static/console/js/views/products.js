// Products: search the catalog, create and edit products (owner or manager), archive, price history,
// categories, price-list import and export, and printable shelf labels.
//   #/products                         the list (q, categoryId, active, page in the hash)
//   #/products?id=new | id=<uuid>      the editor
//   #/products?labels=1[&id=<uuid>]    shelf labels for the listed products (or one product)
import { api, request, download } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, modal, toast, errorBox, busy, problemText, onSubmit, action } from '../ui.js';
import * as fmt from '../format.js';
import { gstRates } from '../gst.js';

addStrings({
  en: {
    'products.title': 'Products',
    'products.new': 'New product',
    'products.import': 'Import price list',
    'products.exportCsv': 'Export CSV',
    'products.exportXlsx': 'Export Excel',
    'products.labels': 'Shelf labels',
    'products.categories': 'Categories',
    'products.search': 'Name, SKU or barcode',
    'products.category': 'Category',
    'products.anyCategory': 'All categories',
    'products.noCategory': 'No category',
    'products.state': 'Show',
    'products.active': 'Active',
    'products.archived': 'Archived',
    'products.all': 'All',
    'products.find': 'Search',
    'products.count': '{count} product(s)',
    'products.page': 'Page {page} of {pages}',
    'products.prev': 'Previous',
    'products.next': 'Next',
    'products.none': 'No products match. Create one, or import a price list.',
    'products.sku': 'SKU',
    'products.name': 'Name',
    'products.barcode': 'Barcode',
    'products.description': 'Description',
    'products.hsn': 'HSN code',
    'products.gstRate': 'GST rate',
    'products.bySchedule': 'As per the HSN schedule',
    'products.byScheduleRate': 'As per the HSN schedule ({rate})',
    'products.keepRate': 'Keep the current rate',
    'products.rateFrom': 'New GST rate applies from',
    'products.rateFromHint': 'Today or later; sales before that date keep the old rate.',
    'products.schedule': 'Schedule: {rate} from {from} — {description}',
    'products.noSchedule': 'The schedule has no rate for this HSN code; choose the rate.',
    'products.sellingPrice': 'Selling price (₹)',
    'products.mrp': 'MRP (₹)',
    'products.costPrice': 'Cost price (₹)',
    'products.taxInclusive': 'Prices include GST',
    'products.unit': 'Unit',
    'products.reorderLevel': 'Reorder level',
    'products.perishable': 'Perishable (has expiry dates)',
    'products.serialTracked': 'Serial numbers (IMEI) tracked',
    'products.status': 'Status',
    'products.price': 'Price',
    'products.gst': 'GST',
    'products.save': 'Save product',
    'products.back': 'Back to the list',
    'products.edit': 'Edit product',
    'products.view': 'Product',
    'products.archive': 'Archive',
    'products.unarchive': 'Bring back',
    'products.archiveConfirm': 'Archive {name}? It will no longer be sold, received or counted.',
    'products.archivedOn': 'Archived on {date}',
    'products.created': 'Product created',
    'products.stale': 'Someone else changed this product meanwhile. The page shows the latest version; make your change again.',
    'products.history': 'Price history',
    'products.historyNone': 'No price changes yet.',
    'products.when': 'When',
    'products.by': 'By',
    'products.cause': 'How',
    'products.stockLink': 'Stock and movements',
    'products.labelOne': 'Print a shelf label',
    'products.readOnly': 'You can look up products; only the owner or a manager can change them.',
    'products.importTitle': 'Import a price list',
    'products.importFile': 'CSV or Excel (XLSX) file',
    'products.importHint': 'Columns: sku, name, barcode, category ("Groceries > Staples"), hsn, gst_rate, selling_price, mrp, cost_price, tax_inclusive, unit, reorder_level, perishable. Rows are matched by SKU; blank cells keep the current value.',
    'products.importSubmit': 'Import',
    'products.importDone': '{rows} row(s): {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected',
    'products.ignored': 'Columns not used: {columns}',
    'products.row': 'Row',
    'products.errors': 'Problems',
    'products.rejectedRows': 'Rejected rows',
    'products.downloadRejected': 'Download the rejected rows to fix',
    'products.chooseFile': 'Choose a file first.',
    'products.catTitle': 'Categories',
    'products.catName': 'New category name',
    'products.catParent': 'Under',
    'products.catTop': '(top level)',
    'products.catSave': 'Add category',
    'products.catNone': 'No categories yet.',
    'products.catPath': 'Category',
    'products.catAdded': 'Category added',
    'products.labelsTitle': 'Shelf labels',
    'products.labelsPrint': 'Print',
    'products.labelsNone': 'No products to label.',
    'products.labelsCount': '{count} label(s)',
    'products.labelsMore': 'Only the first {count} products are shown; narrow the search to print the rest.',
    'products.mrpLabel': 'MRP {amount}',
    'products.perUnit': 'per {unit}',
    'products.inclTax': 'incl. of all taxes',
  },
  hi: {
    'products.title': 'सामान',
    'products.new': 'नया सामान',
    'products.import': 'रेट लिस्ट इम्पोर्ट करें',
    'products.exportCsv': 'CSV निर्यात',
    'products.exportXlsx': 'Excel निर्यात',
    'products.labels': 'शेल्फ़ लेबल',
    'products.categories': 'श्रेणियाँ',
    'products.search': 'नाम, SKU या बारकोड',
    'products.category': 'श्रेणी',
    'products.anyCategory': 'सभी श्रेणियाँ',
    'products.noCategory': 'कोई श्रेणी नहीं',
    'products.state': 'दिखाएँ',
    'products.active': 'चालू',
    'products.archived': 'बंद किए हुए',
    'products.all': 'सभी',
    'products.find': 'खोजें',
    'products.count': '{count} सामान',
    'products.page': 'पेज {page} / {pages}',
    'products.prev': 'पिछला',
    'products.next': 'अगला',
    'products.none': 'कोई सामान नहीं मिला। नया बनाएँ या रेट लिस्ट इम्पोर्ट करें।',
    'products.sku': 'SKU',
    'products.name': 'नाम',
    'products.barcode': 'बारकोड',
    'products.description': 'विवरण',
    'products.hsn': 'HSN कोड',
    'products.gstRate': 'GST दर',
    'products.bySchedule': 'HSN सूची के अनुसार',
    'products.byScheduleRate': 'HSN सूची के अनुसार ({rate})',
    'products.keepRate': 'अभी की दर रखें',
    'products.rateFrom': 'नई GST दर इस तारीख से',
    'products.rateFromHint': 'आज या आगे की तारीख; उससे पहले की बिक्री पर पुरानी दर ही रहेगी।',
    'products.schedule': 'सूची: {rate}, {from} से — {description}',
    'products.noSchedule': 'इस HSN कोड की दर सूची में नहीं है; दर चुनें।',
    'products.sellingPrice': 'बिक्री मूल्य (₹)',
    'products.mrp': 'MRP (₹)',
    'products.costPrice': 'लागत मूल्य (₹)',
    'products.taxInclusive': 'दाम में GST शामिल है',
    'products.unit': 'इकाई',
    'products.reorderLevel': 'रीऑर्डर स्तर',
    'products.perishable': 'जल्दी ख़राब होने वाला (एक्सपायरी तारीख वाला)',
    'products.serialTracked': 'सीरियल नंबर (IMEI) वाला',
    'products.status': 'स्थिति',
    'products.price': 'दाम',
    'products.gst': 'GST',
    'products.save': 'सामान सहेजें',
    'products.back': 'सूची पर वापस',
    'products.edit': 'सामान बदलें',
    'products.view': 'सामान',
    'products.archive': 'बंद करें',
    'products.unarchive': 'फिर चालू करें',
    'products.archiveConfirm': '{name} बंद करें? फिर यह न बिकेगा, न आएगा, न गिना जाएगा।',
    'products.archivedOn': '{date} को बंद किया गया',
    'products.created': 'सामान बन गया',
    'products.stale': 'इस बीच किसी और ने यह सामान बदल दिया। पेज पर नया रूप दिख रहा है; अपना बदलाव फिर से करें।',
    'products.history': 'दाम का इतिहास',
    'products.historyNone': 'अभी तक दाम नहीं बदले।',
    'products.when': 'कब',
    'products.by': 'किसने',
    'products.cause': 'कैसे',
    'products.stockLink': 'स्टॉक और आवाजाही',
    'products.labelOne': 'शेल्फ़ लेबल छापें',
    'products.readOnly': 'आप सामान देख सकते हैं; बदलाव सिर्फ़ मालिक या मैनेजर कर सकते हैं।',
    'products.importTitle': 'रेट लिस्ट इम्पोर्ट करें',
    'products.importFile': 'CSV या Excel (XLSX) फ़ाइल',
    'products.importHint': 'कॉलम: sku, name, barcode, category ("Groceries > Staples"), hsn, gst_rate, selling_price, mrp, cost_price, tax_inclusive, unit, reorder_level, perishable। पंक्तियाँ SKU से मिलाई जाती हैं; खाली खाने में पुराना मान बना रहता है।',
    'products.importSubmit': 'इम्पोर्ट करें',
    'products.importDone': '{rows} पंक्तियाँ: {created} नए, {updated} बदले, {unchanged} बिना बदलाव, {rejected} अस्वीकार',
    'products.ignored': 'इन कॉलम का उपयोग नहीं हुआ: {columns}',
    'products.row': 'पंक्ति',
    'products.errors': 'गड़बड़ी',
    'products.rejectedRows': 'अस्वीकार पंक्तियाँ',
    'products.downloadRejected': 'अस्वीकार पंक्तियाँ सुधारने के लिए डाउनलोड करें',
    'products.chooseFile': 'पहले फ़ाइल चुनें।',
    'products.catTitle': 'श्रेणियाँ',
    'products.catName': 'नई श्रेणी का नाम',
    'products.catParent': 'किसके अंदर',
    'products.catTop': '(सबसे ऊपर)',
    'products.catSave': 'श्रेणी जोड़ें',
    'products.catNone': 'अभी कोई श्रेणी नहीं।',
    'products.catPath': 'श्रेणी',
    'products.catAdded': 'श्रेणी जुड़ गई',
    'products.labelsTitle': 'शेल्फ़ लेबल',
    'products.labelsPrint': 'छापें',
    'products.labelsNone': 'लेबल के लिए कोई सामान नहीं।',
    'products.labelsCount': '{count} लेबल',
    'products.labelsMore': 'सिर्फ़ पहले {count} सामान दिखाए गए हैं; बाकी के लिए खोज छोटी करें।',
    'products.mrpLabel': 'MRP {amount}',
    'products.perUnit': 'प्रति {unit}',
    'products.inclTax': 'सभी कर सहित',
  },
});

const PAGE_SIZE = 50;
const UNITS = ['PCS', 'KG', 'G', 'LTR', 'ML', 'PKT', 'BOX', 'DOZ', 'MTR', 'PAIR', 'SET'];

const sameNumber = (a, b) => a != null && b != null && a !== '' && b !== '' && Number(a) === Number(b);

export default async function render(root, ctx) {
  const canWrite = ctx.has('OWNER', 'MANAGER');
  const categories = await api.get('/api/v1/categories').catch(() => []);
  if (ctx.params.labels) return labelsView(root, ctx);
  if (ctx.params.id) return editor(root, ctx, canWrite, categories);
  return list(root, ctx, canWrite, categories);
}

function categoryOptions(categories, first) {
  return [['', first], ...categories.map((c) => [c.id, c.path])];
}

/** The search of the hash (q, categoryId, active, page) as the API's query. */
function searchQuery(params) {
  const active = params.active ?? 'true';
  return {
    q: params.q || undefined,
    categoryId: params.categoryId || undefined,
    active: active === 'all' ? undefined : active,
  };
}

async function fetchPage(query, page, size) {
  const res = await request('GET', '/api/v1/products', { query: { ...query, page, size }, raw: true });
  const rows = await res.json();
  const total = Number(res.headers.get('X-Total-Count') ?? rows.length);
  return { rows, total };
}

// ---- the list --------------------------------------------------------------------------------------------------

async function list(root, ctx, canWrite, categories) {
  const params = ctx.params;
  const page = Math.max(0, Number(params.page) || 0);
  const query = searchQuery(params);

  const form = h('form', { id: 'product-search-form', class: 'row', role: 'search' },
    field(t('products.search'), { name: 'q', type: 'search', value: params.q || '', autocomplete: 'off' }),
    field(t('products.category'), { name: 'categoryId', as: 'select', value: params.categoryId || '', options: categoryOptions(categories, t('products.anyCategory')) }),
    field(t('products.state'), { name: 'active', as: 'select', value: params.active ?? 'true',
      options: [['true', t('products.active')], ['false', t('products.archived')], ['all', t('products.all')]] }),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary', id: 'product-search' }, t('products.find'))));
  onSubmit(form, null, (v) => ctx.navigate('products', clean({ q: v.q, categoryId: v.categoryId, active: v.active === 'true' ? undefined : v.active })));

  const exportAs = (format) => action(() => download('/api/v1/products/export', { format, ...query }, `products.${format}`));
  const actions = [
    canWrite && h('button', { type: 'button', class: 'primary', id: 'product-new', onclick: () => ctx.navigate('products', { id: 'new' }) }, t('products.new')),
    canWrite && h('button', { type: 'button', id: 'product-import', onclick: () => importDialog(() => list(root, ctx, canWrite, categories)) }, t('products.import')),
    h('button', { type: 'button', id: 'product-export-csv', onclick: exportAs('csv') }, t('products.exportCsv')),
    h('button', { type: 'button', id: 'product-export-xlsx', onclick: exportAs('xlsx') }, t('products.exportXlsx')),
    h('button', { type: 'button', id: 'product-labels', onclick: () => ctx.navigate('products', clean({ labels: '1', q: params.q, categoryId: params.categoryId, active: params.active })) }, t('products.labels')),
    h('button', { type: 'button', id: 'category-manage', onclick: () => categoriesDialog(categories, canWrite, () => list(root, ctx, canWrite, categories)) }, t('products.categories')),
  ];
  const results = h('div', { id: 'product-results' }, h('p', { class: 'loading' }, t('app.loading')));
  mount(root, pageHeader(t('products.title'), ...actions),
    !canWrite && h('p', { class: 'muted', id: 'products-readonly' }, t('products.readOnly')),
    h('section', { class: 'panel' }, form), results);

  try {
    const { rows, total } = await fetchPage(query, page, PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const go = (p) => ctx.navigate('products', clean({ ...params, page: p ? String(p) : undefined }));
    mount(results,
      h('p', { class: 'muted', id: 'product-count' }, t('products.count', { count: fmt.qty(total) })),
      table([
        { key: 'sku', label: t('products.sku') },
        { key: 'name', label: t('products.name'), render: (p) => h('a', { href: `#/products?id=${p.id}` }, p.name) },
        { key: 'categoryPath', label: t('products.category') },
        { key: 'barcode', label: t('products.barcode') },
        { key: 'hsn', label: t('products.hsn') },
        { key: 'gstRate', label: t('products.gst'), kind: 'pct' },
        { key: 'sellingPrice', label: t('products.price'), kind: 'money' },
        { key: 'mrp', label: t('products.mrp'), kind: 'money' },
        { key: 'unit', label: t('products.unit') },
        { key: 'active', label: t('products.status'), render: (p) => (p.active
          ? h('span', { class: 'badge ok' }, t('products.active')) : h('span', { class: 'badge' }, t('products.archived'))) },
      ], rows, { id: 'product-table', empty: t('products.none'), onRow: (p) => ctx.navigate('products', { id: p.id }) }),
      pages > 1 && h('nav', { class: 'row', 'aria-label': t('products.page', { page: page + 1, pages }) },
        h('button', { type: 'button', id: 'product-prev', disabled: page === 0, onclick: () => go(page - 1) }, t('products.prev')),
        h('span', { class: 'muted' }, t('products.page', { page: page + 1, pages })),
        h('button', { type: 'button', id: 'product-next', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, t('products.next'))));
  } catch (e) {
    mount(results, errorBox(e));
  }
}

function clean(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

// ---- the editor ------------------------------------------------------------------------------------------------

async function editor(root, ctx, canWrite, categories) {
  const isNew = ctx.params.id === 'new';
  if (isNew && !canWrite) { ctx.navigate('products'); return; }
  let product = isNew ? null : await api.get(`/api/v1/products/${encodeURIComponent(ctx.params.id)}`);
  const error = h('div', { id: 'product-error' });
  const side = h('div', { id: 'product-side' });
  // the rates in force today, from the catalog (a product keeps showing its own rate, even one no longer in force)
  const GST_RATES = await gstRates(fmt.today()).catch(() => []);

  const draw = () => {
    const p = product || { taxInclusive: true, unit: 'PCS', active: true };
    const rateOptions = [['', isNew ? t('products.bySchedule') : t('products.keepRate')],
      ...GST_RATES.map((r) => [r, fmt.pct(r)])];
    const currentRate = p.gstRate != null ? (GST_RATES.find((r) => sameNumber(r, p.gstRate)) ?? String(p.gstRate)) : '';
    if (currentRate && !GST_RATES.includes(currentRate)) rateOptions.push([currentRate, fmt.pct(currentRate)]);
    const units = UNITS.includes(p.unit) || !p.unit ? UNITS : [...UNITS, p.unit];
    const scheduleNote = h('p', { class: 'note', id: 'product-schedule', 'aria-live': 'polite' });

    const form = h('form', { id: 'product-form', novalidate: false },
      h('fieldset', { disabled: !canWrite },
        h('legend', { class: 'sr-only' }, isNew ? t('products.new') : t('products.edit')),
        h('div', { class: 'row' },
          field(t('products.sku'), { name: 'sku', required: true, maxlength: 64, value: p.sku || '', autocomplete: 'off' }),
          field(t('products.barcode'), { name: 'barcode', maxlength: 64, value: p.barcode || '', autocomplete: 'off' })),
        field(t('products.name'), { name: 'name', required: true, maxlength: 200, value: p.name || '' }),
        field(t('products.description'), { name: 'description', as: 'textarea', rows: 2, maxlength: 2000, value: p.description || '' }),
        h('div', { class: 'row' },
          field(t('products.category'), { name: 'categoryId', as: 'select', value: p.categoryId || '', options: categoryOptions(categories, t('products.noCategory')) }),
          field(t('products.unit'), { name: 'unit', as: 'select', value: p.unit || 'PCS', options: units.map((u) => [u, u]) })),
        h('div', { class: 'row' },
          field(t('products.hsn'), { name: 'hsn', inputmode: 'numeric', pattern: '[0-9]{4,8}', maxlength: 8, value: p.hsn || '', autocomplete: 'off' }),
          field(t('products.gstRate'), { name: 'gstRate', as: 'select', value: isNew ? '' : currentRate, options: rateOptions }),
          !isNew && field(t('products.rateFrom'), { name: 'gstRateEffectiveFrom', type: 'date', min: fmt.today(), hint: t('products.rateFromHint') })),
        scheduleNote,
        h('div', { class: 'row' },
          field(t('products.sellingPrice'), { name: 'sellingPrice', required: true, inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,2})?', value: p.sellingPrice ?? '' }),
          field(t('products.mrp'), { name: 'mrp', inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,2})?', value: p.mrp ?? '' }),
          field(t('products.costPrice'), { name: 'costPrice', inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,2})?', value: p.costPrice ?? '' }),
          field(t('products.reorderLevel'), { name: 'reorderLevel', inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]{1,3})?', value: p.reorderLevel ?? '' })),
        checkbox('taxInclusive', t('products.taxInclusive'), p.taxInclusive !== false),
        checkbox('perishable', t('products.perishable'), !!p.perishable),
        checkbox('serialTracked', t('products.serialTracked'), !!p.serialTracked)),
      canWrite && h('div', { class: 'row form-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'product-save' }, t('products.save')),
        h('button', { type: 'button', id: 'product-cancel', onclick: () => ctx.navigate('products') }, t('app.cancel'))));

    const hsnInput = form.elements.hsn;
    const rateSelect = form.elements.gstRate;
    let lookup = 0;
    const showSchedule = async () => {
      const hsn = hsnInput.value.trim();
      const seq = ++lookup;
      if (!/^[0-9]{4,8}$/.test(hsn)) { scheduleNote.textContent = ''; return; }
      try {
        const answer = await api.get('/api/v1/products/tax-rates', { hsn });
        if (seq !== lookup) return;
        if (answer.rate) {
          scheduleNote.textContent = t('products.schedule', { rate: fmt.pct(answer.rate.rate), from: fmt.date(answer.rate.effectiveFrom), description: answer.rate.description || '' });
          if (isNew) rateSelect.options[0].textContent = t('products.byScheduleRate', { rate: fmt.pct(answer.rate.rate) });
        } else {
          scheduleNote.textContent = t('products.noSchedule');
          if (isNew) rateSelect.options[0].textContent = t('products.bySchedule');
        }
      } catch { if (seq === lookup) scheduleNote.textContent = ''; }
    };
    hsnInput.addEventListener('change', showSchedule);
    if (p.hsn) showSchedule();

    onSubmit(form, error, async (body) => {
      if (isNew) {
        const created = await api.post('/api/v1/products', body);
        toast(t('products.created'), 'ok');
        ctx.navigate('products', { id: created.id });
        return;
      }
      try {
        product = await api.put(`/api/v1/products/${product.id}`, body, { headers: { 'If-Match': `"${product.version}"` } });
        toast(t('app.saved'), 'ok');
        draw();
      } catch (err) {
        if (err.status !== 412) throw err;
        await stale();
      }
    });

    const title = isNew ? t('products.new') : (p.name || t('products.view'));
    const actions = [
      h('button', { type: 'button', id: 'product-back', onclick: () => ctx.navigate('products') }, t('products.back')),
      !isNew && h('button', { type: 'button', id: 'product-label', onclick: () => ctx.navigate('products', { labels: '1', id: p.id }) }, t('products.labelOne')),
      !isNew && canWrite && (p.active
        ? h('button', { type: 'button', class: 'danger', id: 'product-archive', onclick: (e) => setActive(e.currentTarget, false) }, t('products.archive'))
        : h('button', { type: 'button', id: 'product-unarchive', onclick: (e) => setActive(e.currentTarget, true) }, t('products.unarchive'))),
    ];
    mount(root, pageHeader(title, ...actions),
      !isNew && !p.active && h('p', { class: 'badge warn', id: 'product-archived' }, t('products.archivedOn', { date: fmt.date(p.archivedAt) })),
      !canWrite && h('p', { class: 'muted' }, t('products.readOnly')),
      h('div', { class: 'product-edit' }, h('section', { class: 'panel', 'aria-label': title }, error, form), side));
    if (!isNew) drawSide();
  };

  /** Someone else changed the product meanwhile: show theirs and say so. */
  async function stale() {
    product = await api.get(`/api/v1/products/${product.id}`).catch(() => product);
    draw();
    mount(error, errorBox(t('products.stale')));
  }

  async function setActive(button, active) {
    if (!active && !window.confirm(t('products.archiveConfirm', { name: product.name }))) return;
    try {
      product = await busy(button, () => api.post(`/api/v1/products/${product.id}/${active ? 'unarchive' : 'archive'}`, undefined,
        { headers: { 'If-Match': `"${product.version}"` } }));
      toast(t('app.saved'), 'ok');
      draw();
    } catch (err) {
      if (err.status === 412) await stale();
      else toast(problemText(err), 'error');
    }
  }

  async function drawSide() {
    mount(side, h('section', { class: 'panel', 'aria-labelledby': 'price-history-title' },
      h('h2', { id: 'price-history-title' }, t('products.history')), h('p', { class: 'loading' }, t('app.loading'))),
    h('p', null, h('a', { href: `#/stock?tab=ledger&productId=${encodeURIComponent(product.id)}`, id: 'product-stock-link' }, t('products.stockLink'))));
    try {
      const history = await api.get(`/api/v1/products/${product.id}/price-history`);
      const change = (oldKey, newKey) => (row) => (row[oldKey] == null || sameNumber(row[oldKey], row[newKey])
        ? fmt.money(row[newKey])
        : h('span', null, h('del', null, fmt.money(row[oldKey])), ' → ', fmt.money(row[newKey])));
      side.firstChild.replaceChildren(h('h2', { id: 'price-history-title' }, t('products.history')),
        table([
          { key: 'changedAt', label: t('products.when'), kind: 'datetime' },
          { key: 'sellingPrice', label: t('products.price'), kind: 'money', render: change('oldSellingPrice', 'sellingPrice') },
          { key: 'mrp', label: t('products.mrp'), kind: 'money', render: change('oldMrp', 'mrp') },
          { key: 'costPrice', label: t('products.costPrice'), kind: 'money', render: change('oldCostPrice', 'costPrice') },
        ], history, { id: 'price-history', empty: t('products.historyNone') }));
    } catch (e) {
      side.firstChild.replaceChildren(h('h2', { id: 'price-history-title' }, t('products.history')), errorBox(e));
    }
  }

  draw();
}

function checkbox(name, label, checked) {
  const id = `f-${name}`;
  return h('div', { class: 'field check' }, h('label', { for: id }, h('input', { type: 'checkbox', id, name, checked }), ' ', label));
}

// ---- import ----------------------------------------------------------------------------------------------------

function importDialog(refresh) {
  let imported = false;
  const onDone = () => { if (imported) { imported = false; refresh(); } };
  const { dialog } = modal(t('products.importTitle'), (close) => {
    const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
    const form = h('form', { id: 'import-form' },
      field(t('products.importFile'), { name: 'file', type: 'file', required: true,
        accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hint: t('products.importHint') }),
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'primary', id: 'import-submit' }, t('products.importSubmit')),
        h('button', { type: 'button', id: 'import-close', onclick: () => { close(); onDone(); } }, t('app.close'))),
      result);
    onSubmit(form, result, async ({ file }) => {
      if (!file) { mount(result, errorBox(t('products.chooseFile'))); return; }
      const data = new FormData();
      data.append('file', file, file.name);
      const report = await api.post('/api/v1/products/imports', data);
      imported = true;
      mount(result, importReport(report));
    });
    return form;
  });
  dialog.addEventListener('close', onDone);
}

function importReport(r) {
  const rejections = r.rejections || [];
  return h('div', null,
    h('p', { class: r.rejected ? 'warn' : 'ok', id: 'import-summary', role: 'status' }, t('products.importDone', {
      rows: fmt.qty(r.rows), created: fmt.qty(r.created), updated: fmt.qty(r.updated), unchanged: fmt.qty(r.unchanged), rejected: fmt.qty(r.rejected),
    })),
    r.ignoredColumns?.length ? h('p', { class: 'muted' }, t('products.ignored', { columns: r.ignoredColumns.join(', ') })) : null,
    rejections.length ? [
      table([
        { key: 'row', label: t('products.row'), kind: 'qty' },
        { key: 'sku', label: t('products.sku') },
        { key: 'errors', label: t('products.errors'), render: (row) => h('ul', { class: 'plain' },
          (row.errors || []).map((x) => h('li', null, x.field ? `${x.field}: ${x.message ?? ''}` : (x.message ?? String(x))))) },
      ], rejections, { id: 'import-rejections-table', caption: t('products.rejectedRows') }),
      h('button', { type: 'button', id: 'import-rejections', onclick: action(() => download(r.rejectionsUrl || `/api/v1/products/imports/${r.id}/rejections`,
        r.rejectionsUrl && r.rejectionsUrl.includes('format=') ? undefined : { format: 'csv' }, `rejected-rows-${r.id}.csv`)) }, t('products.downloadRejected')),
    ] : null);
}

// ---- categories ------------------------------------------------------------------------------------------------

function categoriesDialog(categories, canWrite, refresh) {
  let changed = false;
  const onChanged = () => { if (changed) { changed = false; refresh(); } };
  const { dialog } = modal(t('products.catTitle'), () => {
    const listBox = h('div', { id: 'category-list' });
    const error = h('div');
    const drawList = (cats) => mount(listBox, table([{ key: 'path', label: t('products.catPath') }], cats, { id: 'category-table', empty: t('products.catNone') }));
    drawList(categories);
    if (!canWrite) return h('div', null, listBox);
    const parent = field(t('products.catParent'), { name: 'parentId', id: 'f-category-parent', as: 'select',
      options: [['', t('products.catTop')], ...categories.map((c) => [c.id, c.path])] });
    const form = h('form', { id: 'category-form' },
      h('div', { class: 'row' },
        field(t('products.catName'), { name: 'name', id: 'f-category-name', required: true, maxlength: 60 }),
        parent,
        h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary', id: 'category-save' }, t('products.catSave')))),
      error);
    onSubmit(form, error, async (v) => {
      await api.post('/api/v1/categories', { name: v.name, parentId: v.parentId || null });
      changed = true;
      toast(t('products.catAdded'), 'ok');
      const cats = await api.get('/api/v1/categories');
      categories.splice(0, categories.length, ...cats);
      drawList(cats);
      const select = form.querySelector('#f-category-parent');
      select.replaceChildren(...[['', t('products.catTop')], ...cats.map((c) => [c.id, c.path])].map(([value, text]) => h('option', { value }, text)));
      form.elements.name.value = '';
      form.elements.name.focus();
    });
    return h('div', null, form, listBox);
  });
  dialog.addEventListener('close', onChanged);
}

// ---- shelf labels ----------------------------------------------------------------------------------------------

const LABEL_LIMIT = 500;

async function labelsView(root, ctx) {
  const params = ctx.params;
  const back = () => (params.id ? ctx.navigate('products', { id: params.id }) : ctx.navigate('products', clean({ q: params.q, categoryId: params.categoryId, active: params.active })));
  const grid = h('div', { class: 'labels', id: 'labels' }, h('p', { class: 'loading' }, t('app.loading')));
  const info = h('p', { class: 'muted no-print', id: 'labels-count' });
  mount(root,
    h('div', { class: 'no-print' }, pageHeader(t('products.labelsTitle'),
      h('button', { type: 'button', class: 'primary', id: 'labels-print', onclick: () => window.print() }, t('products.labelsPrint')),
      h('button', { type: 'button', id: 'labels-back', onclick: back }, t('products.back')))),
    info, grid);
  let rows;
  let total;
  try {
    if (params.id) {
      rows = [await api.get(`/api/v1/products/${encodeURIComponent(params.id)}`)];
      total = 1;
    } else {
      ({ rows, total } = await fetchPage(searchQuery(params), 0, LABEL_LIMIT));
    }
  } catch (e) {
    mount(grid, errorBox(e));
    return undefined;
  }
  info.textContent = total > rows.length ? `${t('products.labelsCount', { count: rows.length })} · ${t('products.labelsMore', { count: rows.length })}`
    : t('products.labelsCount', { count: rows.length });
  if (rows.length === 0) { mount(grid, h('p', { class: 'empty' }, t('products.labelsNone'))); return undefined; }
  mount(grid, rows.map(label));
  return undefined;
}

function label(p) {
  const showMrp = p.mrp != null && p.mrp !== '' && !sameNumber(p.mrp, p.sellingPrice);
  return h('article', { class: 'shelf-label', 'aria-label': p.name },
    h('p', { class: 'label-name' }, p.name),
    h('p', { class: 'label-price' }, fmt.money(p.sellingPrice), p.unit && p.unit !== 'PCS' ? h('small', null, ` ${t('products.perUnit', { unit: p.unit })}`) : null),
    h('p', { class: 'label-mrp' }, p.mrp != null && p.mrp !== ''
      ? (showMrp ? h('del', null, t('products.mrpLabel', { amount: fmt.money(p.mrp) })) : t('products.mrpLabel', { amount: fmt.money(p.mrp) }))
      : null, p.taxInclusive ? h('small', null, ` ${t('products.inclTax')}`) : null),
    p.barcode ? [ean13(p.barcode), h('p', { class: 'label-code' }, p.barcode)] : h('p', { class: 'label-code' }, p.sku));
}

// EAN-13 bars (digits 0-9, first digit picks the left half's parity); other codes are printed as text only.
const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];
const flip = (bits) => bits.replace(/./g, (b) => (b === '1' ? '0' : '1'));

function ean13(code) {
  if (!/^[0-9]{13}$/.test(code)) return null;
  const d = code.split('').map(Number);
  const check = (10 - (d.slice(0, 12).reduce((s, x, i) => s + x * (i % 2 ? 3 : 1), 0) % 10)) % 10;
  if (check !== d[12]) return null;
  let bits = '101';
  for (let i = 1; i <= 6; i++) {
    const l = L[d[i]];
    bits += PARITY[d[0]][i - 1] === 'L' ? l : flip(l).split('').reverse().join('');
  }
  bits += '01010';
  for (let i = 7; i <= 12; i++) bits += flip(L[d[i]]);
  bits += '101';
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${bits.length + 14} 40`);
  svg.setAttribute('class', 'barcode');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', code);
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] !== '1') continue;
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('x', String(i + 7));
    r.setAttribute('y', '0');
    r.setAttribute('width', '1');
    r.setAttribute('height', '40');
    svg.append(r);
  }
  return svg;
}
