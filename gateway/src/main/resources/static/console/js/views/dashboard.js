// The morning view: today against the same weekday last week, 30 days of net sales, top products, stock alerts,
// khata outstanding and the cash the drawer should hold. Figures come from GET /api/v1/reports/dashboard.
import { api } from '../api.js';
import { t, addStrings } from '../i18n.js';
import { h, mount, field, pageHeader, card, table, barChart, errorBox, busy, onSubmit } from '../ui.js';
import * as fmt from '../format.js';

addStrings({
  en: {
    'dash.title': 'Dashboard',
    'dash.refresh': 'Refresh',
    'dash.date': 'Day',
    'dash.show': 'Show',
    'dash.comparedWith': '{date} compared with {before}',
    'dash.netSales': 'Net sales',
    'dash.orders': 'Bills',
    'dash.avgBasket': 'Average bill',
    'dash.grossMargin': 'Gross margin',
    'dash.returns': 'Returns today',
    'dash.khataReceivable': 'Khata: customers owe',
    'dash.khataPayable': 'Owed to suppliers: {amount}',
    'dash.cashExpected': 'Cash expected in the drawer',
    'dash.lastClose': 'since the day close of {date}',
    'dash.neverClosed': 'no day close yet',
    'dash.lowStock': 'Products at or below reorder level',
    'dash.expiring': 'Batches expiring within {days} days',
    'dash.seeList': 'See the list',
    'dash.vsLastWeek': 'last week {value}',
    'dash.up': '▲ {change} ({pct})',
    'dash.down': '▼ {change} ({pct})',
    'dash.same': 'same as last week',
    'dash.noCompare': 'nothing to compare',
    'dash.chart': 'Net sales, last 30 days',
    'dash.chartLabel': 'Net sales per day over the last 30 days, from {from} to {to}',
    'dash.top': 'Top products today',
    'dash.product': 'Product',
    'dash.quantity': 'Quantity',
    'dash.topNone': 'No sales yet today.',
    'dash.lag': 'Reports are catching up: {count} recent event(s) are not counted yet. Figures may be a little behind.',
    'dash.rebuilding': 'Reports are being rebuilt; figures may be a little behind.',
    'dash.unreachable': 'Could not check how current the reports are.',
    'dash.lastSale': 'Latest sale counted: {when}',
  },
  hi: {
    'dash.title': 'डैशबोर्ड',
    'dash.refresh': 'ताज़ा करें',
    'dash.date': 'दिन',
    'dash.show': 'दिखाएँ',
    'dash.comparedWith': '{date} की तुलना {before} से',
    'dash.netSales': 'शुद्ध बिक्री',
    'dash.orders': 'बिल',
    'dash.avgBasket': 'औसत बिल',
    'dash.grossMargin': 'सकल मुनाफ़ा',
    'dash.returns': 'आज की वापसी',
    'dash.khataReceivable': 'खाता: ग्राहकों पर बकाया',
    'dash.khataPayable': 'सप्लायरों को देना: {amount}',
    'dash.cashExpected': 'गल्ले में होनी चाहिए नकदी',
    'dash.lastClose': '{date} के दिन-बंद से अब तक',
    'dash.neverClosed': 'अभी तक कोई दिन-बंद नहीं',
    'dash.lowStock': 'रीऑर्डर स्तर पर या उससे कम सामान',
    'dash.expiring': '{days} दिन में एक्सपायर होने वाले बैच',
    'dash.seeList': 'सूची देखें',
    'dash.vsLastWeek': 'पिछले हफ़्ते {value}',
    'dash.up': '▲ {change} ({pct})',
    'dash.down': '▼ {change} ({pct})',
    'dash.same': 'पिछले हफ़्ते जितना',
    'dash.noCompare': 'तुलना के लिए कुछ नहीं',
    'dash.chart': 'शुद्ध बिक्री, पिछले 30 दिन',
    'dash.chartLabel': 'पिछले 30 दिनों की रोज़ की शुद्ध बिक्री, {from} से {to} तक',
    'dash.top': 'आज का सबसे ज़्यादा बिकने वाला सामान',
    'dash.product': 'सामान',
    'dash.quantity': 'मात्रा',
    'dash.topNone': 'आज अभी तक कोई बिक्री नहीं।',
    'dash.lag': 'रिपोर्ट अपडेट हो रही हैं: हाल की {count} घटनाएँ अभी गिनी नहीं गईं। आँकड़े थोड़े पीछे हो सकते हैं।',
    'dash.rebuilding': 'रिपोर्ट फिर से बनाई जा रही हैं; आँकड़े थोड़े पीछे हो सकते हैं।',
    'dash.unreachable': 'रिपोर्ट कितनी ताज़ा हैं, यह जाँचा नहीं जा सका।',
    'dash.lastSale': 'गिनी गई आख़िरी बिक्री: {when}',
  },
});

/** The change against last week as a note: "last week ₹150.00 · ▲ ₹542.00 (361.3 %)". */
function compare(kpi, show) {
  if (!kpi) return null;
  const before = kpi.sameDayLastWeek == null ? '—' : show(kpi.sameDayLastWeek);
  const change = Number(kpi.change);
  let delta;
  if (kpi.sameDayLastWeek == null && kpi.today == null) delta = h('span', { class: 'muted' }, t('dash.noCompare'));
  else if (!Number.isFinite(change) || change === 0) delta = h('span', { class: 'muted' }, t('dash.same'));
  else {
    const abs = String(kpi.change).replace(/^-/, '');
    const text = kpi.changePct == null
      ? `${change > 0 ? '▲' : '▼'} ${show(abs)}`
      : t(change > 0 ? 'dash.up' : 'dash.down', { change: show(abs), pct: fmt.pct(String(kpi.changePct).replace(/^-/, '')) });
    delta = h('span', { class: change > 0 ? 'ok' : 'warn' }, text);
  }
  return h('span', null, t('dash.vsLastWeek', { value: before }), ' · ', delta);
}

function lagNote(status) {
  if (!status) return null;
  if (status.consumer && status.consumer.reachable === false) return h('p', { class: 'note', id: 'dash-status' }, t('dash.unreachable'));
  const notes = [];
  if (status.rebuild && status.rebuild.state && status.rebuild.state !== 'IDLE') notes.push(t('dash.rebuilding'));
  if (Number(status.lag) > 0) notes.push(t('dash.lag', { count: status.lag }));
  if (notes.length === 0) return null;
  return h('p', { class: 'badge warn', id: 'dash-status', role: 'status' }, notes.join(' '),
    status.lastSaleAt ? ` ${t('dash.lastSale', { when: fmt.dateTime(status.lastSaleAt) })}` : '');
}

export default async function render(root, ctx) {
  const day = ctx.params.date && /^\d{4}-\d{2}-\d{2}$/.test(ctx.params.date) ? ctx.params.date : null;
  const body = h('div', { id: 'dash-body' }, h('p', { class: 'loading' }, t('app.loading')));
  const dateForm = h('form', { id: 'dash-date-form', class: 'dash-date no-print' },
    field(t('dash.date'), { name: 'date', type: 'date', value: day || fmt.today(), max: fmt.today() }),
    h('button', { type: 'submit', id: 'dash-show' }, t('dash.show')));
  onSubmit(dateForm, null, ({ date: v }) => ctx.navigate('dashboard', v && v !== fmt.today() ? { date: v } : undefined));
  const refresh = h('button', { type: 'button', id: 'dash-refresh', onclick: (e) => busy(e.currentTarget, load) }, t('dash.refresh'));
  mount(root, pageHeader(t('dash.title'), dateForm, refresh), body);

  let timer = null;
  async function load() {
    let view;
    try {
      view = await api.get('/api/v1/reports/dashboard', day ? { date: day } : undefined);
    } catch (e) {
      mount(body, errorBox(e));
      return;
    }
    const status = await api.get('/api/v1/reports/status').catch(() => null);
    draw(view, status);
  }

  function draw(v, status) {
    const money = fmt.money;
    const count = (x) => (x == null ? '—' : fmt.qty(x));
    const link = (href, id) => h('a', { href, id }, t('dash.seeList'));
    const cards = h('div', { class: 'grid', id: 'dash-cards' },
      card(t('dash.netSales'), money(v.netSales?.today) || money('0'), compare(v.netSales, money), 'dash-net-sales'),
      card(t('dash.orders'), count(v.orders?.today), compare(v.orders, count), 'dash-orders'),
      card(t('dash.avgBasket'), v.averageBasket?.today == null ? '—' : money(v.averageBasket.today),
        compare(v.averageBasket, (x) => (x == null ? '—' : money(x))), 'dash-avg-basket'),
      card(t('dash.grossMargin'), money(v.grossMargin?.today) || money('0'), compare(v.grossMargin, money), 'dash-gross-margin'),
      card(t('dash.returns'), money(v.returnsToday) || money('0'), null, 'dash-returns'),
      card(t('dash.cashExpected'), money(v.cashExpected) || money('0'),
        v.lastDayClose ? t('dash.lastClose', { date: fmt.date(v.lastDayClose) }) : t('dash.neverClosed'), 'dash-cash-expected'),
      card(t('dash.khataReceivable'), money(v.khataReceivable) || money('0'),
        v.khataPayable != null ? t('dash.khataPayable', { amount: money(v.khataPayable) }) : null, 'dash-khata'),
      card(t('dash.lowStock'), count(v.lowStock), link('#/stock?tab=low', 'dash-low-stock-link'), 'dash-low-stock'),
      card(t('dash.expiring', { days: v.expiringWithinDays ?? 7 }), count(v.expiringSoon),
        link(`#/stock?tab=expiring&days=${encodeURIComponent(v.expiringWithinDays ?? 7)}`, 'dash-expiring-link'), 'dash-expiring'));

    const days = v.last30Days || [];
    const points = days.map((d) => ({ label: fmt.date(d.day), value: d.netSales }));
    const chart = h('section', { class: 'panel', id: 'dash-chart', 'aria-labelledby': 'dash-chart-title' },
      h('h2', { id: 'dash-chart-title' }, t('dash.chart')),
      barChart(points, {
        label: days.length ? t('dash.chartLabel', { from: fmt.date(days[0].day), to: fmt.date(days[days.length - 1].day) }) : t('dash.chart'),
        format: fmt.money,
      }),
      // the same figures as a table for screen readers and keyboard users
      h('details', null, h('summary', null, t('dash.chart')),
        table([
          { key: 'day', label: t('dash.date'), kind: 'date' },
          { key: 'orders', label: t('dash.orders'), kind: 'qty' },
          { key: 'netSales', label: t('dash.netSales'), kind: 'money' },
        ], days, { id: 'dash-days' })));

    const top = h('section', { class: 'panel', id: 'dash-top', 'aria-labelledby': 'dash-top-title' },
      h('h2', { id: 'dash-top-title' }, t('dash.top')),
      table([
        { key: 'name', label: t('dash.product') },
        { key: 'quantity', label: t('dash.quantity'), kind: 'qty' },
        { key: 'netSales', label: t('dash.netSales'), kind: 'money' },
      ], v.topProducts || [], {
        id: 'dash-top-table', empty: t('dash.topNone'),
        onRow: (row) => row.productId && ctx.navigate('products', { id: row.productId }),
      }));

    mount(body,
      h('p', { class: 'muted', id: 'dash-period' }, t('dash.comparedWith', { date: fmt.date(v.date), before: fmt.date(v.comparedWith) })),
      lagNote(status), cards, chart, top);
  }

  await load();
  // the counter keeps selling while this page is open: refresh every two minutes
  timer = setInterval(() => { if (document.visibilityState === 'visible') load(); }, 120000);
  return () => clearInterval(timer);
}
