// Khata: customers and suppliers with their balances; one party's statement (running balance, ageing, PDF),
// payments received or made and their reversal, SMS reminders to customers who owe.
import { api, newKey, download } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, formValues, table, pageHeader, card, pairs, errorBox, busy, toast, onSubmit, action, reasonForm } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'khata.title': 'Khata',
    'khata.customers': 'Customers',
    'khata.suppliers': 'Suppliers',
    'khata.search': 'Search name, phone or GSTIN',
    'khata.sort': 'Order',
    'khata.sortName': 'By name',
    'khata.sortDue': 'Largest balance first',
    'khata.find': 'Search',
    'khata.new': 'Add party',
    'khata.none': 'No parties yet.',
    'khata.total': '{count} in all',
    'khata.col.name': 'Name',
    'khata.col.phone': 'Phone',
    'khata.col.gstin': 'GSTIN',
    'khata.col.limit': 'Credit limit',
    'khata.col.due': 'Due',
    'khata.col.advance': 'Advance',
    'khata.kind': 'Type',
    'khata.k.CUSTOMER': 'Customer',
    'khata.k.SUPPLIER': 'Supplier',
    'khata.name': 'Name',
    'khata.phone': 'Mobile number',
    'khata.gstin': 'GSTIN',
    'khata.stateCode': 'State code (2 digits)',
    'khata.address': 'Address',
    'khata.creditLimit': 'Credit limit (₹)',
    'khata.openingBalance': 'Opening balance (₹)',
    'khata.openingHint': 'What was owed when the books started; negative for an advance',
    'khata.openingDate': 'Opening balance date',
    'khata.notes': 'Notes',
    'khata.clearLimit': 'Remove the credit limit',
    'khata.save': 'Save',
    'khata.created': '{name} added',
    'khata.back': 'All parties',
    'khata.edit': 'Edit details',
    'khata.balance': 'Balance',
    'khata.due': 'Due',
    'khata.advance': 'Advance',
    'khata.available': 'Credit left',
    'khata.noLimit': 'No limit',
    'khata.statement': 'Statement',
    'khata.from': 'From',
    'khata.to': 'To',
    'khata.show': 'Show',
    'khata.pdf': 'Download PDF',
    'khata.opening': 'Brought forward',
    'khata.closing': 'Closing balance',
    'khata.s.date': 'Date',
    'khata.s.type': 'Entry',
    'khata.s.narration': 'Details',
    'khata.s.debit': 'Debit',
    'khata.s.credit': 'Credit',
    'khata.s.balance': 'Balance',
    'khata.lt.OPENING_BALANCE': 'Opening balance',
    'khata.lt.SALE': 'Sale',
    'khata.lt.REFUND': 'Refund',
    'khata.lt.VOID': 'Void',
    'khata.lt.COLLECTION': 'Payment received',
    'khata.lt.PAYMENT': 'Payment made',
    'khata.lt.REVERSAL': 'Reversal',
    'khata.lt.OTHER': 'Other',
    'khata.ageing': 'Ageing as of {date}',
    'khata.a0': '0–30 days',
    'khata.a31': '31–60 days',
    'khata.a61': '61–90 days',
    'khata.a90': 'Over 90 days',
    'khata.received': 'Payment received',
    'khata.made': 'Payment made',
    'khata.amount': 'Amount (₹)',
    'khata.mode': 'Paid by',
    'khata.m.CASH': 'Cash',
    'khata.m.UPI': 'UPI',
    'khata.m.CARD': 'Card',
    'khata.m.BANK': 'Bank (NEFT/cheque)',
    'khata.reference': 'Reference (UPI UTR, cheque, NEFT)',
    'khata.date': 'Date',
    'khata.note': 'Note',
    'khata.bankAccount': 'Bank account',
    'khata.bankDefault': 'The shop\'s bank account',
    'khata.paySave': 'Record payment',
    'khata.paid': 'Recorded. Balance now {balance}',
    'khata.payments': 'Payments',
    'khata.p.date': 'Date',
    'khata.p.direction': 'Kind',
    'khata.p.mode': 'Mode',
    'khata.p.amount': 'Amount',
    'khata.p.reference': 'Reference',
    'khata.dir.RECEIVED': 'Received',
    'khata.dir.MADE': 'Paid',
    'khata.reversed': 'Reversed',
    'khata.isReversal': 'Reversal',
    'khata.reverse': 'Reverse',
    'khata.reverseTitle': 'Reverse the payment of {amount} on {date}',
    'khata.reverseReason': 'Reason',
    'khata.reverseSave': 'Reverse payment',
    'khata.reverseDone': 'Payment reversed',
    'khata.reminders': 'Reminders',
    'khata.remind': 'Send SMS reminder',
    'khata.reminded': 'Reminder sent to {phone}',
    'khata.r.sentAt': 'Sent',
    'khata.r.amount': 'Amount due',
    'khata.r.message': 'Message',
    'khata.noneYet': 'None yet.',
  },
  hi: {
    'khata.title': 'खाता',
    'khata.customers': 'ग्राहक',
    'khata.suppliers': 'सप्लायर',
    'khata.search': 'नाम, फ़ोन या GSTIN खोजें',
    'khata.sort': 'क्रम',
    'khata.sortName': 'नाम से',
    'khata.sortDue': 'सबसे बड़ा बकाया पहले',
    'khata.find': 'खोजें',
    'khata.new': 'नया खाता जोड़ें',
    'khata.none': 'अभी कोई खाता नहीं।',
    'khata.total': 'कुल {count}',
    'khata.col.name': 'नाम',
    'khata.col.phone': 'फ़ोन',
    'khata.col.gstin': 'GSTIN',
    'khata.col.limit': 'उधार सीमा',
    'khata.col.due': 'बकाया',
    'khata.col.advance': 'अग्रिम',
    'khata.kind': 'प्रकार',
    'khata.k.CUSTOMER': 'ग्राहक',
    'khata.k.SUPPLIER': 'सप्लायर',
    'khata.name': 'नाम',
    'khata.phone': 'मोबाइल नंबर',
    'khata.gstin': 'GSTIN',
    'khata.stateCode': 'राज्य कोड (2 अंक)',
    'khata.address': 'पता',
    'khata.creditLimit': 'उधार सीमा (₹)',
    'khata.openingBalance': 'शुरुआती बकाया (₹)',
    'khata.openingHint': 'खाता शुरू होते समय का बकाया; अग्रिम हो तो ऋण (−) में',
    'khata.openingDate': 'शुरुआती बकाया की तारीख',
    'khata.notes': 'टिप्पणी',
    'khata.clearLimit': 'उधार सीमा हटाएँ',
    'khata.save': 'सहेजें',
    'khata.created': '{name} जोड़ा गया',
    'khata.back': 'सारे खाते',
    'khata.edit': 'विवरण बदलें',
    'khata.balance': 'शेष',
    'khata.due': 'बकाया',
    'khata.advance': 'अग्रिम',
    'khata.available': 'बची उधार सीमा',
    'khata.noLimit': 'कोई सीमा नहीं',
    'khata.statement': 'खाता विवरण',
    'khata.from': 'से',
    'khata.to': 'तक',
    'khata.show': 'दिखाएँ',
    'khata.pdf': 'PDF डाउनलोड करें',
    'khata.opening': 'पिछला शेष',
    'khata.closing': 'अंतिम शेष',
    'khata.s.date': 'तारीख',
    'khata.s.type': 'एंट्री',
    'khata.s.narration': 'विवरण',
    'khata.s.debit': 'नामे',
    'khata.s.credit': 'जमा',
    'khata.s.balance': 'शेष',
    'khata.lt.OPENING_BALANCE': 'शुरुआती बकाया',
    'khata.lt.SALE': 'बिक्री',
    'khata.lt.REFUND': 'वापसी',
    'khata.lt.VOID': 'निरस्त',
    'khata.lt.COLLECTION': 'भुगतान मिला',
    'khata.lt.PAYMENT': 'भुगतान किया',
    'khata.lt.REVERSAL': 'उलटी एंट्री',
    'khata.lt.OTHER': 'अन्य',
    'khata.ageing': '{date} तक बकाया की उम्र',
    'khata.a0': '0–30 दिन',
    'khata.a31': '31–60 दिन',
    'khata.a61': '61–90 दिन',
    'khata.a90': '90 दिन से ज़्यादा',
    'khata.received': 'भुगतान मिला',
    'khata.made': 'भुगतान किया',
    'khata.amount': 'राशि (₹)',
    'khata.mode': 'भुगतान का तरीका',
    'khata.m.CASH': 'नकद',
    'khata.m.UPI': 'UPI',
    'khata.m.CARD': 'कार्ड',
    'khata.m.BANK': 'बैंक (NEFT/चेक)',
    'khata.reference': 'संदर्भ (UPI UTR, चेक, NEFT)',
    'khata.date': 'तारीख',
    'khata.note': 'टिप्पणी',
    'khata.bankAccount': 'बैंक खाता',
    'khata.bankDefault': 'दुकान का बैंक खाता',
    'khata.paySave': 'भुगतान दर्ज करें',
    'khata.paid': 'दर्ज हुआ। अब शेष {balance}',
    'khata.payments': 'भुगतान',
    'khata.p.date': 'तारीख',
    'khata.p.direction': 'प्रकार',
    'khata.p.mode': 'तरीका',
    'khata.p.amount': 'राशि',
    'khata.p.reference': 'संदर्भ',
    'khata.dir.RECEIVED': 'मिला',
    'khata.dir.MADE': 'दिया',
    'khata.reversed': 'उलटा गया',
    'khata.isReversal': 'उलटी एंट्री',
    'khata.reverse': 'उलटें',
    'khata.reverseTitle': '{date} का {amount} का भुगतान उलटें',
    'khata.reverseReason': 'कारण',
    'khata.reverseSave': 'भुगतान उलटें',
    'khata.reverseDone': 'भुगतान उलटा गया',
    'khata.reminders': 'याद दिलाने के SMS',
    'khata.remind': 'SMS से याद दिलाएँ',
    'khata.reminded': '{phone} पर याद दिलाने का SMS भेजा गया',
    'khata.r.sentAt': 'भेजा',
    'khata.r.amount': 'बकाया राशि',
    'khata.r.message': 'संदेश',
    'khata.noneYet': 'अभी कोई नहीं।',
  },
});

const BASE = '/api/v1/accounting';
const MODES = ['CASH', 'UPI', 'CARD', 'BANK'];

/** The start of the financial year (April) that contains the date. */
function yearStart(iso) {
  const [y, m] = iso.split('-').map(Number);
  return `${m >= 4 ? y : y - 1}-04-01`;
}

export default async function render(root, ctx) {
  if (ctx.params.id) return partyPage(root, ctx, ctx.params.id);
  return listPage(root, ctx);
}

async function listPage(root, ctx) {
  const kind = ctx.params.kind === 'SUPPLIER' ? 'SUPPLIER' : 'CUSTOMER';
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const work = h('div', { id: 'khata-work' });
  const results = h('div', { id: 'khata-results' });
  const tabs = h('div', { class: 'tabs', role: 'tablist' }, ['CUSTOMER', 'SUPPLIER'].map((k) => h('button', {
    type: 'button', role: 'tab', id: `khata-tab-${k === 'CUSTOMER' ? 'customers' : 'suppliers'}`, 'aria-selected': String(k === kind),
    onclick: () => ctx.navigate('khata', { kind: k }),
  }, t(k === 'CUSTOMER' ? 'khata.customers' : 'khata.suppliers'))));
  const search = h('form', { id: 'khata-search', class: 'row', role: 'search' },
    field(t('khata.search'), { name: 'q', type: 'search', value: ctx.params.q || '' }),
    field(t('khata.sort'), { name: 'sort', as: 'select', value: ctx.params.sort || 'NAME', options: [['NAME', t('khata.sortName')], ['DUE', t('khata.sortDue')]] }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'khata-find' }, t('khata.find'))));
  onSubmit(search, null, (values) => ctx.navigate('khata', { kind, ...values }));
  mount(root, pageHeader(t('khata.title'),
    writer && h('button', { type: 'button', class: 'primary', id: 'party-new', onclick: () => partyForm(work, ctx, { kind }, (p) => ctx.navigate('khata', { id: p.id })) }, t('khata.new'))),
  tabs, work, search, results);

  let page = 0;
  let rows = [];
  const load = async (button) => {
    try {
      const got = await busy(button, () => api.get(`${BASE}/parties`, { kind, q: ctx.params.q, sort: ctx.params.sort, page, size: 50 }));
      rows = rows.concat(got.items);
      mount(results,
        h('p', { class: 'muted' }, t('khata.total', { count: got.total })),
        table([
          { key: 'name', label: t('khata.col.name'), render: (p) => h('a', { href: `#/khata?id=${p.id}` }, p.name) },
          { key: 'phone', label: t('khata.col.phone') },
          { key: 'gstin', label: t('khata.col.gstin') },
          { key: 'creditLimit', label: t('khata.col.limit'), kind: 'money' },
          { key: 'due', label: t('khata.col.due'), kind: 'money', render: (p) => (Number(p.due) > 0 ? h('strong', null, fmt.money(p.due)) : fmt.money(p.due)) },
          { key: 'advance', label: t('khata.col.advance'), kind: 'money' },
        ], rows, { id: 'party-table', empty: t('khata.none'), onRow: (p) => ctx.navigate('khata', { id: p.id }) }),
        rows.length < got.total && h('button', { type: 'button', id: 'khata-more', onclick: (e) => { page += 1; load(e.target); } }, t('app.more')));
    } catch (e) { mount(results, errorBox(e)); }
  };
  await load();
}

/** The add/edit form of a party; existing = a Party to edit, or {kind} for a new one. */
function partyForm(work, ctx, existing, done) {
  const editing = !!existing.id;
  const error = h('div');
  const v = existing;
  const form = h('form', { id: 'party-form', class: 'panel' },
    h('h2', null, editing ? `${t('khata.edit')}: ${v.name}` : t('khata.new')),
    h('div', { class: 'row' },
      editing ? null : field(t('khata.kind'), { name: 'kind', as: 'select', value: v.kind, options: [['CUSTOMER', t('khata.k.CUSTOMER')], ['SUPPLIER', t('khata.k.SUPPLIER')]] }),
      field(t('khata.name'), { name: 'name', required: true, maxlength: '120', value: v.name || '' }),
      field(t('khata.phone'), { name: 'phone', type: 'tel', inputmode: 'tel', value: v.phone || '' }),
      field(t('khata.gstin'), { name: 'gstin', maxlength: '15', value: v.gstin || '' }),
      field(t('khata.stateCode'), { name: 'stateCode', inputmode: 'numeric', maxlength: '2', pattern: '[0-9]{2}', value: v.stateCode || '' })),
    field(t('khata.address'), { name: 'address', value: v.address || '' }),
    h('div', { class: 'row' },
      field(t('khata.creditLimit'), { name: 'creditLimit', inputmode: 'decimal', value: v.creditLimit || '' }),
      field(t('khata.openingBalance'), { name: 'openingBalance', inputmode: 'decimal', value: v.openingBalance || '', hint: t('khata.openingHint') }),
      editing ? null : field(t('khata.openingDate'), { name: 'openingDate', type: 'date', max: fmt.today() })),
    editing && v.creditLimit ? h('label', null, h('input', { type: 'checkbox', name: 'clearCreditLimit', id: 'f-clearCreditLimit' }), ' ', t('khata.clearLimit')) : null,
    field(t('khata.notes'), { name: 'notes', as: 'textarea', rows: '2', value: v.notes || '' }),
    error,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', id: 'party-save' }, t('khata.save')),
      h('button', { type: 'button', id: 'party-cancel', onclick: () => mount(work) }, t('app.cancel'))));
  const key = newKey();
  onSubmit(form, error, async (body) => {
    let saved;
    if (editing) {
      // absent fields stay; an empty string clears one
      for (const name of ['phone', 'gstin', 'stateCode', 'address', 'notes']) if (!(name in body) && v[name]) body[name] = '';
      if (!body.clearCreditLimit) delete body.clearCreditLimit;
      saved = await api.patch(`${BASE}/parties/${v.id}`, body, { headers: { 'If-Match': `W/"${v.version}"` } });
    } else {
      saved = await api.idempotent('POST', `${BASE}/parties`, body, key);
      toast(t('khata.created', { name: saved.name }), 'ok');
    }
    done(saved);
  });
  mount(work, form);
  form.querySelector('input')?.focus();
}

async function partyPage(root, ctx, id) {
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const party = await api.get(`${BASE}/parties/${encodeURIComponent(id)}`);
  const customer = party.kind === 'CUSTOMER';
  const [balance, banks] = await Promise.all([
    api.get(`${BASE}/parties/${party.id}/balance`).catch(() => null),
    writer ? api.get(`${BASE}/bank-accounts`).catch(() => []) : [],
  ]);
  const reload = () => partyPage(root, ctx, id);
  const work = h('div', { id: 'party-work' });
  const statementBox = h('div', { id: 'statement-out' });
  const paymentsBox = h('div', { id: 'payments-out' });
  const remindersBox = h('div', { id: 'reminders-out' });

  const header = pageHeader(`${party.name} · ${t(`khata.k.${party.kind}`)}`,
    h('button', { type: 'button', id: 'party-back', onclick: () => ctx.navigate('khata', { kind: party.kind }) }, t('khata.back')),
    writer && h('button', { type: 'button', id: 'party-edit', onclick: () => partyForm(work, ctx, party, () => reload()) }, t('khata.edit')),
    writer && customer && h('button', { type: 'button', id: 'reminder-send', disabled: !(Number(party.due) > 0 && party.phone), onclick: action(async () => {
      const r = await api.post(`${BASE}/parties/${party.id}/reminders`);
      toast(t('khata.reminded', { phone: r.phone }), 'ok');
      loadReminders();
    }) }, t('khata.remind')));

  const figures = h('div', { class: 'grid' },
    card(t('khata.due'), fmt.money(party.due), null, 'party-due'),
    card(t('khata.advance'), fmt.money(party.advance), null, 'party-advance'),
    card(t('khata.col.limit'), party.creditLimit ? fmt.money(party.creditLimit) : t('khata.noLimit'),
      balance?.availableCredit ? `${t('khata.available')}: ${fmt.money(balance.availableCredit)}` : null, 'party-limit'));
  const facts = h('section', { class: 'panel' }, pairs([
    [t('khata.phone'), party.phone], [t('khata.gstin'), party.gstin],
    [t('khata.stateCode'), party.stateCode && `${party.stateCode} ${party.stateName || ''}`], [t('khata.address'), party.address],
    [t('khata.openingBalance'), party.openingBalance && `${fmt.money(party.openingBalance)} · ${fmt.date(party.openingDate)}`],
    [t('khata.notes'), party.notes]]));

  // statement
  const today = fmt.today();
  const stForm = h('form', { id: 'statement-form', class: 'row' },
    field(t('khata.from'), { name: 'from', type: 'date', value: yearStart(today), required: true }),
    field(t('khata.to'), { name: 'to', type: 'date', value: today, required: true }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'statement-show' }, t('khata.show'))),
    h('div', { class: 'field' }, h('button', { type: 'button', id: 'statement-pdf', onclick: action(() =>
      download(`${BASE}/parties/${party.id}/statement.pdf`, formValues(stForm), 'statement.pdf')) }, t('khata.pdf'))));
  const loadStatement = async () => {
    try {
      const s = await api.get(`${BASE}/parties/${party.id}/statement`, formValues(stForm));
      const a = s.ageing;
      mount(statementBox,
        h('p', null, `${t('khata.opening')}: `, h('strong', null, fmt.money(s.statement.openingBalance))),
        table([
          { key: 'date', label: t('khata.s.date'), kind: 'date' },
          { key: 'type', label: t('khata.s.type'), render: (l) => t(`khata.lt.${l.type}`) },
          { key: 'narration', label: t('khata.s.narration') },
          { key: 'debit', label: t('khata.s.debit'), kind: 'money', render: (l) => (Number(l.debit) ? fmt.money(l.debit) : '') },
          { key: 'credit', label: t('khata.s.credit'), kind: 'money', render: (l) => (Number(l.credit) ? fmt.money(l.credit) : '') },
          { key: 'balance', label: t('khata.s.balance'), kind: 'money' },
        ], s.statement.lines, { id: 'statement-table', empty: t('khata.noneYet') }),
        h('p', null, `${t('khata.s.debit')}: ${fmt.money(s.statement.totalDebits)} · ${t('khata.s.credit')}: ${fmt.money(s.statement.totalCredits)} · ${t('khata.closing')}: `,
          h('strong', { id: 'statement-closing' }, fmt.money(s.statement.closingBalance))),
        a && h('h3', null, t('khata.ageing', { date: fmt.date(a.asOf) })),
        a && h('div', { class: 'grid', id: 'ageing' },
          card(t('khata.a0'), fmt.money(a.days0To30)), card(t('khata.a31'), fmt.money(a.days31To60)),
          card(t('khata.a61'), fmt.money(a.days61To90)), card(t('khata.a90'), fmt.money(a.over90Days)),
          card(t('khata.due'), fmt.money(a.totalDue)), card(t('khata.advance'), fmt.money(a.advance))));
    } catch (e) { mount(statementBox, errorBox(e)); }
  };
  onSubmit(stForm, null, () => loadStatement());

  // payments
  const canPay = !ctx.readOnly && (customer ? ctx.has('OWNER', 'MANAGER', 'CASHIER') : ctx.has('OWNER', 'MANAGER'));
  const payForm = canPay ? paymentForm(party, banks, reload) : null;
  const loadPayments = async () => {
    try {
      const list = await api.get(`${BASE}/parties/${party.id}/payments`);
      mount(paymentsBox, table([
        { key: 'date', label: t('khata.p.date'), kind: 'date' },
        { key: 'direction', label: t('khata.p.direction'), render: (p) => t(`khata.dir.${p.direction}`) },
        { key: 'mode', label: t('khata.p.mode'), render: (p) => t(`khata.m.${p.mode}`) },
        { key: 'reference', label: t('khata.p.reference'), render: (p) => [p.reference, p.note].filter(Boolean).join(' · ') },
        { key: 'amount', label: t('khata.p.amount'), kind: 'money' },
        { key: 'id', label: t('khata.s.type'), render: (p) => {
          if (p.reversalOf) return h('span', { class: 'badge' }, t('khata.isReversal'));
          if (p.reversedBy) return h('span', { class: 'badge warn' }, t('khata.reversed'));
          return writer ? h('button', { type: 'button', class: 'link', id: `payment-reverse-${p.id}`, onclick: () => reversalForm(work, p, reload) }, t('khata.reverse')) : '';
        } },
      ], list.slice().reverse(), { id: 'payments-table', empty: t('khata.noneYet') }));
    } catch (e) { mount(paymentsBox, errorBox(e)); }
  };
  const loadReminders = async () => {
    if (!customer) return;
    try {
      const list = await api.get(`${BASE}/parties/${party.id}/reminders`);
      mount(remindersBox, table([
        { key: 'sentAt', label: t('khata.r.sentAt'), kind: 'datetime' },
        { key: 'amountDue', label: t('khata.r.amount'), kind: 'money' },
        { key: 'message', label: t('khata.r.message') },
      ], list, { id: 'reminders-table', empty: t('khata.noneYet') }));
    } catch (e) { mount(remindersBox, errorBox(e)); }
  };

  mount(root, header, figures, work,
    h('div', { class: 'split' }, facts, payForm),
    h('section', { class: 'panel', id: 'statement' }, h('h2', null, t('khata.statement')), stForm, statementBox),
    h('section', { class: 'panel' }, h('h2', null, t('khata.payments')), paymentsBox),
    customer && h('section', { class: 'panel' }, h('h2', null, t('khata.reminders')), remindersBox));
  await Promise.all([loadStatement(), loadPayments(), loadReminders()]);
}

function paymentForm(party, banks, reload) {
  const customer = party.kind === 'CUSTOMER';
  let key = newKey();
  const error = h('div');
  const bankField = banks.length > 1 ? field(t('khata.bankAccount'), { name: 'bankAccountId', as: 'select',
    options: [['', t('khata.bankDefault')], ...banks.map((b) => [b.id, `${b.name} (${b.bankName} …${b.last4})`])] }) : null;
  const form = h('form', { id: 'payment-form', class: 'panel' },
    h('h2', null, t(customer ? 'khata.received' : 'khata.made')),
    h('div', { class: 'row' },
      field(t('khata.amount'), { name: 'amount', inputmode: 'decimal', required: true, pattern: '[0-9]+(\\.[0-9]{1,2})?' }),
      field(t('khata.mode'), { name: 'mode', as: 'select', value: 'CASH', options: MODES.map((m) => [m, t(`khata.m.${m}`)]) })),
    field(t('khata.reference'), { name: 'reference', maxlength: '64' }),
    h('div', { class: 'row' },
      field(t('khata.date'), { name: 'date', type: 'date', max: fmt.today() }),
      field(t('khata.note'), { name: 'note', maxlength: '200' })),
    bankField,
    error,
    h('button', { type: 'submit', class: 'primary', id: 'payment-save' }, t('khata.paySave')));
  const sync = () => { if (bankField) bankField.hidden = form.elements.mode.value !== 'BANK'; };
  form.elements.mode.addEventListener('change', sync);
  sync();
  onSubmit(form, error, async (body) => {
    if (body.mode !== 'BANK') delete body.bankAccountId;
    const path = `${BASE}/parties/${party.id}/${customer ? 'collections' : 'payments'}`;
    const p = await api.idempotent('POST', path, body, key);
    key = newKey();
    toast(t('khata.paid', { balance: fmt.money(p.balanceAfter) }), 'ok');
    reload();
  });
  return form;
}

function reversalForm(work, payment, reload) {
  const key = newKey();
  reasonForm(work, { id: 'reversal-form', title: t('khata.reverseTitle', { amount: fmt.money(payment.amount), date: fmt.date(payment.date) }),
    label: t('khata.reverseReason'), saveId: 'reversal-save', saveLabel: t('khata.reverseSave'), cancelId: 'reversal-cancel' },
  async (values) => {
    await api.idempotent('POST', `${BASE}/payments/${payment.id}/reversal`, values, key);
    toast(t('khata.reverseDone'), 'ok');
    reload();
  });
}
