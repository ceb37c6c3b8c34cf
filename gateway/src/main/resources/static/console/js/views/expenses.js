// Expenses: what the shop paid (rent, electricity, wages …) for a period, with GST taken out, the receipt photo
// kept with each, and a reversal for a mistake; the categories they post to.
import { api, newKey, openFile } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, card, toast, onSubmit, action, reasonForm } from '../ui.js';
import * as fmt from '../format.js';
import { fillRates } from '../gst.js';

addStrings({
  en: {
    'expenses.title': 'Expenses',
    'expenses.new': 'Record an expense',
    'expenses.from': 'From',
    'expenses.to': 'To',
    'expenses.category': 'Category',
    'expenses.all': 'All categories',
    'expenses.show': 'Show',
    'expenses.total': 'Total paid',
    'expenses.net': 'Before GST',
    'expenses.inputTax': 'Input GST',
    'expenses.none': 'No expenses in these dates.',
    'expenses.col.date': 'Date',
    'expenses.col.paidTo': 'Paid to',
    'expenses.col.mode': 'Paid from',
    'expenses.col.amount': 'Amount',
    'expenses.col.net': 'Before GST',
    'expenses.col.gst': 'GST',
    'expenses.col.reference': 'Reference',
    'expenses.col.receipt': 'Receipt',
    'expenses.view': 'View',
    'expenses.reversed': 'Reversed',
    'expenses.reverse': 'Reverse',
    'expenses.date': 'Date',
    'expenses.amount': 'Amount paid, GST included (₹)',
    'expenses.gstRate': 'GST %',
    'expenses.noGst': 'No GST',
    'expenses.gstAmount': 'or the GST amount on the bill (₹)',
    'expenses.interState': 'Supplier from another state (IGST)',
    'expenses.mode': 'Paid from',
    'expenses.m.CASH': 'Cash drawer',
    'expenses.m.UPI': 'UPI',
    'expenses.m.CARD': 'Card',
    'expenses.m.BANK': 'Bank',
    'expenses.bankAccount': 'Bank account',
    'expenses.bankDefault': 'The shop\'s bank account',
    'expenses.supplierName': 'Paid to',
    'expenses.reference': 'Bill or reference number',
    'expenses.note': 'Note',
    'expenses.receipt': 'Photo or PDF of the bill (up to 2 MB)',
    'expenses.save': 'Save expense',
    'expenses.saved': 'Expense of {amount} saved',
    'expenses.reverseTitle': 'Reverse the expense of {amount} on {date}',
    'expenses.reason': 'Reason',
    'expenses.reverseSave': 'Reverse expense',
    'expenses.reverseDone': 'Expense reversed',
    'expenses.categories': 'Categories',
    'expenses.c.code': 'Code',
    'expenses.c.name': 'Name',
    'expenses.c.account': 'Account',
    'expenses.c.active': 'In use',
    'expenses.c.retire': 'Retire',
    'expenses.c.restore': 'Use again',
    'expenses.c.new': 'Add category',
    'expenses.c.codeHint': 'Capital letters, e.g. SECURITY',
    'expenses.c.accountHint': 'Leave empty to open a new expense account',
    'expenses.c.save': 'Add',
    'expenses.c.saved': 'Category {name} added',
  },
  hi: {
    'expenses.title': 'खर्च',
    'expenses.new': 'खर्च दर्ज करें',
    'expenses.from': 'से',
    'expenses.to': 'तक',
    'expenses.category': 'श्रेणी',
    'expenses.all': 'सभी श्रेणियाँ',
    'expenses.show': 'दिखाएँ',
    'expenses.total': 'कुल भुगतान',
    'expenses.net': 'GST से पहले',
    'expenses.inputTax': 'इनपुट GST',
    'expenses.none': 'इन तारीखों में कोई खर्च नहीं।',
    'expenses.col.date': 'तारीख',
    'expenses.col.paidTo': 'किसे दिया',
    'expenses.col.mode': 'कहाँ से दिया',
    'expenses.col.amount': 'राशि',
    'expenses.col.net': 'GST से पहले',
    'expenses.col.gst': 'GST',
    'expenses.col.reference': 'संदर्भ',
    'expenses.col.receipt': 'रसीद',
    'expenses.view': 'देखें',
    'expenses.reversed': 'उलटा गया',
    'expenses.reverse': 'उलटें',
    'expenses.date': 'तारीख',
    'expenses.amount': 'चुकाई राशि, GST सहित (₹)',
    'expenses.gstRate': 'GST %',
    'expenses.noGst': 'GST नहीं',
    'expenses.gstAmount': 'या बिल पर GST की राशि (₹)',
    'expenses.interState': 'दूसरे राज्य का सप्लायर (IGST)',
    'expenses.mode': 'कहाँ से दिया',
    'expenses.m.CASH': 'गल्ला (नकद)',
    'expenses.m.UPI': 'UPI',
    'expenses.m.CARD': 'कार्ड',
    'expenses.m.BANK': 'बैंक',
    'expenses.bankAccount': 'बैंक खाता',
    'expenses.bankDefault': 'दुकान का बैंक खाता',
    'expenses.supplierName': 'किसे दिया',
    'expenses.reference': 'बिल या संदर्भ नंबर',
    'expenses.note': 'टिप्पणी',
    'expenses.receipt': 'बिल की फ़ोटो या PDF (2 MB तक)',
    'expenses.save': 'खर्च सहेजें',
    'expenses.saved': '{amount} का खर्च सहेजा गया',
    'expenses.reverseTitle': '{date} का {amount} का खर्च उलटें',
    'expenses.reason': 'कारण',
    'expenses.reverseSave': 'खर्च उलटें',
    'expenses.reverseDone': 'खर्च उलटा गया',
    'expenses.categories': 'श्रेणियाँ',
    'expenses.c.code': 'कोड',
    'expenses.c.name': 'नाम',
    'expenses.c.account': 'खाता',
    'expenses.c.active': 'चालू',
    'expenses.c.retire': 'बंद करें',
    'expenses.c.restore': 'फिर चालू करें',
    'expenses.c.new': 'श्रेणी जोड़ें',
    'expenses.c.codeHint': 'अंग्रेज़ी बड़े अक्षर, जैसे SECURITY',
    'expenses.c.accountHint': 'खाली छोड़ें तो नया खर्च खाता खुलेगा',
    'expenses.c.save': 'जोड़ें',
    'expenses.c.saved': 'श्रेणी {name} जोड़ी गई',
  },
});

const BASE = '/api/v1/accounting';

export default async function render(root, ctx) {
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const today = fmt.today();
  const from = ctx.params.from || `${today.slice(0, 8)}01`;
  const to = ctx.params.to || today;
  const [categories, list, banks] = await Promise.all([
    api.get(`${BASE}/expense-categories`),
    api.get(`${BASE}/expenses`, { from, to, category: ctx.params.category }),
    writer ? api.get(`${BASE}/bank-accounts`).catch(() => []) : [],
  ]);
  const reload = () => render(root, ctx);
  const work = h('div', { id: 'expense-work' });
  const filter = h('form', { id: 'expense-filter', class: 'row' },
    field(t('expenses.from'), { name: 'from', type: 'date', value: from, required: true }),
    field(t('expenses.to'), { name: 'to', type: 'date', value: to, required: true }),
    field(t('expenses.category'), { name: 'category', as: 'select', value: ctx.params.category || '',
      options: [['', t('expenses.all')], ...categories.map((c) => [c.code, c.name])] }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'expense-show' }, t('expenses.show'))));
  onSubmit(filter, null, (values) => ctx.navigate('expenses', values));

  const rows = table([
    { key: 'date', label: t('expenses.col.date'), kind: 'date' },
    { key: 'categoryName', label: t('expenses.category') },
    { key: 'supplierName', label: t('expenses.col.paidTo'), render: (x) => [x.supplierName, x.note && h('small', { class: 'muted' }, ` ${x.note}`)] },
    { key: 'mode', label: t('expenses.col.mode'), render: (x) => `${t(`expenses.m.${x.mode}`)}${x.paidFrom ? ` · ${x.paidFrom}` : ''}` },
    { key: 'reference', label: t('expenses.col.reference') },
    { key: 'netAmount', label: t('expenses.col.net'), kind: 'money' },
    { key: 'gstRate', label: t('expenses.col.gst'), render: (x) => (Number(x.gstRate) ? `${fmt.qty(x.gstRate)} %` : '') },
    { key: 'amount', label: t('expenses.col.amount'), kind: 'money' },
    { key: 'receipt', label: t('expenses.col.receipt'), render: (x) => x.receipt && h('button', { type: 'button', class: 'link', id: `expense-receipt-${x.id}`,
      onclick: action(() => openFile(`${BASE}/expenses/${x.id}/receipt`)) }, t('expenses.view')) },
    { key: 'reversal', label: t('expenses.reverse'), render: (x) => (x.reversal
      ? h('span', { class: 'badge warn', title: x.reversal.reason || '' }, `${t('expenses.reversed')} ${fmt.date(x.reversal.date)}`)
      : writer && h('button', { type: 'button', class: 'link', id: `expense-reverse-${x.id}`, onclick: () => reversalForm(work, x, reload) }, t('expenses.reverse'))) },
  ], list.expenses, { id: 'expense-table', empty: t('expenses.none') });

  mount(root,
    pageHeader(t('expenses.title'),
      writer && h('button', { type: 'button', class: 'primary', id: 'expense-new', onclick: () => expenseForm(work, categories, banks, reload) }, t('expenses.new'))),
    work, filter,
    h('div', { class: 'grid' },
      card(t('expenses.total'), fmt.money(list.total), null, 'expense-total'),
      card(t('expenses.net'), fmt.money(list.netTotal), null, 'expense-net'),
      card(t('expenses.inputTax'), fmt.money(list.inputTax), null, 'expense-tax')),
    rows,
    categoriesPanel(categories, writer, reload));
}

function expenseForm(work, categories, banks, reload) {
  let key = newKey();
  const noGst = { first: [['', t('expenses.noGst')]] };
  const error = h('div');
  const bankField = banks.length > 1 ? field(t('expenses.bankAccount'), { name: 'bankAccount', as: 'select',
    options: [['', t('expenses.bankDefault')], ...banks.map((b) => [b.accountCode, `${b.name} (${b.bankName} …${b.last4})`])] }) : null;
  const form = h('form', { id: 'expense-form', class: 'panel' },
    h('h2', null, t('expenses.new')),
    h('div', { class: 'row' },
      field(t('expenses.date'), { name: 'date', type: 'date', value: fmt.today(), max: fmt.today(), required: true,
        // the rates offered are the ones in force on the day the expense was paid
        onchange: (e) => { if (e.target.value) fillRates(form.querySelector('select[name="gstRate"]'), e.target.value, noGst); } }),
      field(t('expenses.category'), { name: 'category', as: 'select', required: true,
        options: categories.filter((c) => c.active).map((c) => [c.code, c.name]) }),
      field(t('expenses.amount'), { name: 'amount', inputmode: 'decimal', required: true, pattern: '[0-9]+(\\.[0-9]{1,2})?' })),
    h('div', { class: 'row' },
      field(t('expenses.gstRate'), { name: 'gstRate', as: 'select', options: noGst.first }),
      field(t('expenses.gstAmount'), { name: 'gstAmount', inputmode: 'decimal' }),
      h('div', { class: 'field' }, h('label', { for: 'f-interState' }, t('expenses.interState')),
        h('input', { type: 'checkbox', name: 'interState', id: 'f-interState' }))),
    h('div', { class: 'row' },
      field(t('expenses.mode'), { name: 'mode', as: 'select', value: 'CASH', options: ['CASH', 'UPI', 'CARD', 'BANK'].map((m) => [m, t(`expenses.m.${m}`)]) }),
      bankField,
      field(t('expenses.supplierName'), { name: 'supplierName', maxlength: '120' }),
      field(t('expenses.reference'), { name: 'reference', maxlength: '64' })),
    field(t('expenses.note'), { name: 'note', maxlength: '200' }),
    field(t('expenses.receipt'), { name: 'receipt', type: 'file', accept: 'image/jpeg,image/png,application/pdf' }),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', id: 'expense-save' }, t('expenses.save')),
      h('button', { type: 'button', id: 'expense-cancel', onclick: () => mount(work) }, t('app.cancel'))));
  const sync = () => { if (bankField) bankField.hidden = form.elements.mode.value === 'CASH'; };
  form.elements.mode.addEventListener('change', sync);
  sync();
  onSubmit(form, error, async ({ receipt, ...body }) => {
    if (!body.interState) delete body.interState;
    if (body.mode === 'CASH') delete body.bankAccount;
    let payload = body;
    if (receipt) {
      payload = new FormData();
      payload.append('expense', new Blob([JSON.stringify(body)], { type: 'application/json' }));
      payload.append('receipt', receipt, receipt.name);
    }
    const x = await api.idempotent('POST', `${BASE}/expenses`, payload, key);
    key = newKey();
    toast(t('expenses.saved', { amount: fmt.money(x.amount) }), 'ok');
    reload();
  });
  mount(work, form);
  fillRates(form.querySelector('select[name="gstRate"]'), fmt.today(), noGst);
  form.elements.date.focus();
}

function reversalForm(work, x, reload) {
  const key = newKey();
  reasonForm(work, { id: 'expense-reversal-form', title: t('expenses.reverseTitle', { amount: fmt.money(x.amount), date: fmt.date(x.date) }),
    label: t('expenses.reason'), saveId: 'expense-reversal-save', saveLabel: t('expenses.reverseSave'), cancelId: 'expense-reversal-cancel' },
  async (values) => {
    await api.idempotent('POST', `${BASE}/expenses/${x.id}/reversal`, values, key);
    toast(t('expenses.reverseDone'), 'ok');
    reload();
  });
}

function categoriesPanel(categories, writer, reload) {
  const error = h('div');
  const form = writer ? h('form', { id: 'category-form', class: 'row' },
    field(t('expenses.c.code'), { name: 'code', required: true, pattern: '[A-Z][A-Z0-9_]*', maxlength: '32', hint: t('expenses.c.codeHint') }),
    field(t('expenses.c.name'), { name: 'name', required: true, maxlength: '80' }),
    field(t('expenses.c.account'), { name: 'accountCode', inputmode: 'numeric', maxlength: '6', hint: t('expenses.c.accountHint') }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'category-save' }, t('expenses.c.save')))) : null;
  if (form) {
    onSubmit(form, error, async (values) => {
      const c = await api.post(`${BASE}/expense-categories`, values);
      toast(t('expenses.c.saved', { name: c.name }), 'ok');
      reload();
    });
  }
  const toggle = (c) => action(async () => {
    await api.patch(`${BASE}/expense-categories/${c.id}`, { active: !c.active });
    reload();
  });
  return h('details', { class: 'panel', id: 'expense-categories' }, h('summary', null, t('expenses.categories')),
    table([
      { key: 'code', label: t('expenses.c.code') },
      { key: 'name', label: t('expenses.c.name') },
      { key: 'accountCode', label: t('expenses.c.account'), render: (c) => `${c.accountCode} ${c.accountName || ''}` },
      { key: 'active', label: t('expenses.c.active'), render: (c) => (writer
        ? h('button', { type: 'button', class: 'link', id: `category-toggle-${c.code}`, onclick: toggle(c) }, c.active ? t('expenses.c.retire') : t('expenses.c.restore'))
        : (c.active ? '✓' : '—')) },
    ], categories, { id: 'category-table' }),
    writer && h('h3', null, t('expenses.c.new')), form, error);
}
