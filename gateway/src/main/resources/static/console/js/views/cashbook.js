// Cash book: cash in hand for a day (opening, every movement in and out, closing) and the day close with the
// counted drawer cash (expected, counted, variance); the closes of the last month.
import { api, newKey } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, table, pageHeader, card, toast, onSubmit } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'cashbook.title': 'Cash book',
    'cashbook.date': 'Day',
    'cashbook.show': 'Show',
    'cashbook.prev': 'Previous day',
    'cashbook.next': 'Next day',
    'cashbook.today': 'Today',
    'cashbook.opening': 'Opening cash',
    'cashbook.in': 'Cash in',
    'cashbook.out': 'Cash out',
    'cashbook.closing': 'Cash in the book',
    'cashbook.movements': 'Movements',
    'cashbook.none': 'No cash moved on this day.',
    'cashbook.col.time': 'Time',
    'cashbook.col.narration': 'Details',
    'cashbook.col.source': 'From',
    'cashbook.col.in': 'In',
    'cashbook.col.out': 'Out',
    'cashbook.col.balance': 'Balance',
    'cashbook.afterClose': 'After the close',
    'cashbook.close': 'Close the day',
    'cashbook.closeHelp': 'Count the cash in the drawer and enter it. A shortage or excess is posted to cash short/over and the day is closed: no more cash entries by hand on it.',
    'cashbook.counted': 'Cash counted in the drawer (₹)',
    'cashbook.note': 'Note',
    'cashbook.closeSave': 'Close the day',
    'cashbook.closed': 'Day closed',
    'cashbook.closedOn': 'Closed by {by} at {at}',
    'cashbook.closedBy': 'Closed by',
    'cashbook.expected': 'Expected',
    'cashbook.countedShort': 'Counted',
    'cashbook.variance': 'Variance',
    'cashbook.short': 'Short',
    'cashbook.over': 'Over',
    'cashbook.exact': 'Exact',
    'cashbook.history': 'Days closed in the last 30 days',
    'cashbook.future': 'A day that has not come cannot be closed.',
  },
  hi: {
    'cashbook.title': 'रोकड़ बही',
    'cashbook.date': 'दिन',
    'cashbook.show': 'दिखाएँ',
    'cashbook.prev': 'पिछला दिन',
    'cashbook.next': 'अगला दिन',
    'cashbook.today': 'आज',
    'cashbook.opening': 'शुरुआती नकद',
    'cashbook.in': 'नकद आया',
    'cashbook.out': 'नकद गया',
    'cashbook.closing': 'बही में नकद',
    'cashbook.movements': 'लेन-देन',
    'cashbook.none': 'इस दिन कोई नकद लेन-देन नहीं।',
    'cashbook.col.time': 'समय',
    'cashbook.col.narration': 'विवरण',
    'cashbook.col.source': 'स्रोत',
    'cashbook.col.in': 'आया',
    'cashbook.col.out': 'गया',
    'cashbook.col.balance': 'शेष',
    'cashbook.afterClose': 'बंद करने के बाद',
    'cashbook.close': 'दिन बंद करें',
    'cashbook.closeHelp': 'गल्ले का नकद गिनकर लिखें। कमी या ज़्यादा नकद, नकद कमी/अधिकता खाते में जाएगा और दिन बंद होगा: उस दिन की हाथ से नकद एंट्री नहीं होगी।',
    'cashbook.counted': 'गल्ले में गिना नकद (₹)',
    'cashbook.note': 'टिप्पणी',
    'cashbook.closeSave': 'दिन बंद करें',
    'cashbook.closed': 'दिन बंद हुआ',
    'cashbook.closedOn': '{by} ने {at} पर बंद किया',
    'cashbook.closedBy': 'बंद करने वाले',
    'cashbook.expected': 'होना चाहिए',
    'cashbook.countedShort': 'गिना',
    'cashbook.variance': 'अंतर',
    'cashbook.short': 'कमी',
    'cashbook.over': 'ज़्यादा',
    'cashbook.exact': 'बराबर',
    'cashbook.history': 'पिछले 30 दिनों में बंद हुए दिन',
    'cashbook.future': 'जो दिन अभी आया नहीं, वह बंद नहीं हो सकता।',
  },
});

const BASE = '/api/v1/accounting/cash-book';

function variance(v) {
  const n = Number(v);
  if (n < 0) return h('span', { class: 'variance-short' }, `${t('cashbook.short')} ${fmt.money(v)}`);
  if (n > 0) return h('span', { class: 'variance-over' }, `${t('cashbook.over')} ${fmt.money(v)}`);
  return h('span', { class: 'badge ok' }, t('cashbook.exact'));
}

async function memberNames(ctx) {
  try {
    const list = await api.get(`/api/v1/shops/${ctx.me.activeShopId}/members`);
    return new Map(list.map((m) => [m.userId, m.name || m.email || m.userId]));
  } catch { return new Map(); }
}

export default async function render(root, ctx) {
  const today = fmt.today();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(ctx.params.date || '') ? ctx.params.date : today;
  const [day, closes, names] = await Promise.all([
    api.get(BASE, { date }),
    api.get(`${BASE}/closes`, { from: fmt.addDays(today, -30), to: today }).catch(() => []),
    memberNames(ctx),
  ]);
  const writer = !ctx.readOnly && ctx.has('OWNER', 'MANAGER');
  const go = (d) => ctx.navigate('cashbook', { date: d });
  const picker = h('form', { id: 'cashbook-form', class: 'row' },
    field(t('cashbook.date'), { name: 'date', type: 'date', value: date, max: today, required: true }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'cashbook-show' }, t('cashbook.show'))),
    h('div', { class: 'field' }, h('div', { class: 'inline-actions' },
      h('button', { type: 'button', id: 'cashbook-prev', onclick: () => go(fmt.addDays(date, -1)) }, `← ${t('cashbook.prev')}`),
      h('button', { type: 'button', id: 'cashbook-next', disabled: date >= today, onclick: () => go(fmt.addDays(date, 1)) }, `${t('cashbook.next')} →`),
      date !== today && h('button', { type: 'button', id: 'cashbook-today', onclick: () => go(today) }, t('cashbook.today')))));
  onSubmit(picker, null, (values) => go(values.date));

  const c = day.close;
  let closeBox = null;
  if (c) {
    closeBox = h('section', { class: 'panel', id: 'dayclose-result' }, h('h2', null, t('cashbook.closed')),
      h('div', { class: 'grid' },
        card(t('cashbook.expected'), fmt.money(c.expected)),
        card(t('cashbook.countedShort'), fmt.money(c.counted)),
        card(t('cashbook.variance'), variance(c.variance))),
      h('p', { class: 'muted' }, t('cashbook.closedOn', { by: names.get(c.closedBy) || c.closedBy, at: fmt.dateTime(c.closedAt) }), c.note ? ` · ${c.note}` : ''));
  } else if (writer && date <= today) {
    const key = newKey();
    const error = h('div');
    const form = h('form', { id: 'dayclose-form', class: 'panel' },
      h('h2', null, t('cashbook.close')),
      h('p', { class: 'muted' }, t('cashbook.closeHelp')),
      h('div', { class: 'row' },
        field(t('cashbook.counted'), { name: 'counted', inputmode: 'decimal', required: true, pattern: '[0-9]+(\\.[0-9]{1,2})?' }),
        field(t('cashbook.note'), { name: 'note', maxlength: '200' })),
      error,
      h('button', { type: 'submit', class: 'primary', id: 'dayclose-save' }, t('cashbook.closeSave')));
    onSubmit(form, error, async (values) => {
      const r = await api.idempotent('POST', `${BASE}/${date}/close`, values, key);
      toast(`${t('cashbook.closed')}: ${t('cashbook.variance')} ${fmt.money(r.variance)}`, 'ok');
      render(root, ctx);
    });
    closeBox = form;
  }

  mount(root,
    pageHeader(`${t('cashbook.title')} · ${fmt.date(date)}`),
    picker,
    h('div', { class: 'grid' },
      card(t('cashbook.opening'), fmt.money(day.opening), null, 'cash-opening'),
      card(t('cashbook.in'), fmt.money(day.totalIn), null, 'cash-in'),
      card(t('cashbook.out'), fmt.money(day.totalOut), null, 'cash-out'),
      card(t('cashbook.closing'), fmt.money(day.closing), null, 'cash-closing')),
    closeBox,
    table([
      { key: 'time', label: t('cashbook.col.time'), render: (r) => (r.time && r.time.includes('T') ? fmt.dateTime(r.time) : r.time) },
      { key: 'narration', label: t('cashbook.col.narration'), render: (r) => [r.narration, r.afterClose && [' ', h('span', { class: 'badge warn' }, t('cashbook.afterClose'))]] },
      { key: 'source', label: t('cashbook.col.source') },
      { key: 'in', label: t('cashbook.col.in'), kind: 'money', render: (r) => (Number(r.in) ? fmt.money(r.in) : '') },
      { key: 'out', label: t('cashbook.col.out'), kind: 'money', render: (r) => (Number(r.out) ? fmt.money(r.out) : '') },
      { key: 'balance', label: t('cashbook.col.balance'), kind: 'money' },
    ], day.movements, { id: 'cashbook-table', caption: t('cashbook.movements'), empty: t('cashbook.none') }),
    h('section', { class: 'panel', id: 'cashbook-closes' }, h('h2', null, t('cashbook.history')),
      table([
        { key: 'date', label: t('cashbook.date'), render: (x) => h('a', { href: `#/cashbook?date=${x.date}` }, fmt.date(x.date)) },
        { key: 'expected', label: t('cashbook.expected'), kind: 'money' },
        { key: 'counted', label: t('cashbook.countedShort'), kind: 'money' },
        { key: 'variance', label: t('cashbook.variance'), kind: 'money', render: (x) => variance(x.variance) },
        { key: 'closedBy', label: t('cashbook.closedBy'), render: (x) => `${names.get(x.closedBy) || x.closedBy} · ${fmt.dateTime(x.closedAt)}` },
      ], closes, { id: 'closes-table' })));
}
