// The console's shell: session, shop, navigation by role, language, online state. Each page is a module under
// views/ exporting `default async function render(root, ctx)` (it may return a cleanup function).
import { api, session, onSignedOut } from './api.js';
import { t, lang, setLang } from './i18n.js';
import { h, mount, toast, errorBox } from './ui.js';
import { setTimeZone } from './format.js';
import * as offline from './offline.js';

const ALL = ['OWNER', 'MANAGER', 'CASHIER', 'AUDITOR'];
const BACK_OFFICE = ['OWNER', 'MANAGER', 'AUDITOR'];
/** Pages, in menu order; roles that see each one (the API enforces the same on every call). */
export const routes = [
  { path: 'counter', label: 'nav.counter', roles: ['OWNER', 'MANAGER', 'CASHIER'], load: () => import('./views/counter.js') },
  { path: 'dashboard', label: 'nav.dashboard', roles: BACK_OFFICE, load: () => import('./views/dashboard.js') },
  { path: 'products', label: 'nav.products', roles: ALL, load: () => import('./views/products.js') },
  { path: 'stock', label: 'nav.stock', roles: ALL, load: () => import('./views/stock.js') },
  { path: 'sales', label: 'nav.sales', roles: ALL, load: () => import('./views/sales.js') },
  { path: 'khata', label: 'nav.khata', roles: BACK_OFFICE, load: () => import('./views/khata.js') },
  { path: 'purchases', label: 'nav.purchases', roles: BACK_OFFICE, load: () => import('./views/purchases.js') },
  { path: 'expenses', label: 'nav.expenses', roles: BACK_OFFICE, load: () => import('./views/expenses.js') },
  { path: 'cashbook', label: 'nav.cashbook', roles: BACK_OFFICE, load: () => import('./views/cashbook.js') },
  { path: 'reports', label: 'nav.reports', roles: BACK_OFFICE, load: () => import('./views/reports.js') },
  { path: 'staff', label: 'nav.staff', roles: ['OWNER', 'MANAGER'], load: () => import('./views/staff.js') },
  { path: 'settings', label: 'nav.settings', roles: ['OWNER', 'MANAGER'], load: () => import('./views/settings.js') },
];

const state = { me: null, cleanup: null };
const app = document.getElementById('app');

function roles() { return new Set(state.me?.roles || []); }
function visible(route) { const r = roles(); return route.roles.some((x) => r.has(x)); }

/** The hash is "#/page?x=1"; returns {path, params}. */
function current() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  return { path: path || '', params: Object.fromEntries(new URLSearchParams(query || '')) };
}

export function navigate(path, params) {
  const q = params ? `?${new URLSearchParams(params)}` : '';
  location.hash = `#/${path}${q}`;
}

function home() {
  const first = routes.find(visible);
  return first ? first.path : 'counter';
}

function shopName() {
  return state.me?.shops?.find((s) => s.shopId === state.me.activeShopId)?.name || '';
}

function layout(main) {
  const r = roles();
  const nav = h('nav', { class: 'side', 'aria-label': t('app.menu') }, h('ul', null,
    routes.filter(visible).map((route) => h('li', null, h('a', {
      href: `#/${route.path}`, id: `nav-${route.path}`,
      'aria-current': current().path === route.path ? 'page' : null,
    }, t(route.label))))));
  const status = h('span', { id: 'net-status', class: 'net', role: 'status' });
  offline.watch((s) => {
    status.className = `net ${s.online ? 'online' : 'offline'}`;
    status.textContent = (s.online ? t('app.online') : t('app.offline')) + (s.queued ? ` · ${t('app.queued', { count: s.queued })}` : '');
  });
  const shops = state.me?.shops || [];
  const shopPicker = shops.length > 1
    ? h('select', { id: 'shop-picker', 'aria-label': t('app.shop'), onchange: (e) => switchShop(e.target.value) },
      shops.map((s) => h('option', { value: s.shopId, selected: s.shopId === state.me.activeShopId }, s.name)))
    : h('span', { class: 'shop', id: 'shop-name' }, shopName());
  // alerts: products at or below their reorder level and batches expiring within a week (from inventory)
  const bell = r.has('CASHIER') && r.size === 1 ? null
    : h('a', { href: '#/stock?tab=low', id: 'alerts', class: 'bell', 'aria-label': t('nav.notifications') }, t('nav.notifications'));
  if (bell) alerts(bell);
  const top = h('header', { class: 'top' },
    h('a', { class: 'brand', href: `#/${home()}` }, t('app.name')),
    shopPicker,
    h('span', { class: 'who' }, `${state.me?.name || ''} · ${[...r].join(', ')}`),
    status,
    bell,
    h('button', { type: 'button', id: 'lang', class: 'link', 'aria-label': t('app.languageLabel'),
      onclick: () => { setLang(lang() === 'hi' ? 'en' : 'hi'); render(); } }, t('app.language')),
    h('button', { type: 'button', id: 'sign-out', class: 'link', onclick: signOut }, t('app.signOut')));
  return [top, h('div', { class: 'body' }, nav, h('main', { id: 'main', tabindex: '-1' }, main))];
}

/** Dates are the shop's: its time zone comes from the shop's profile. */
async function shopZone() {
  if (!state.me?.activeShopId) return;
  try { setTimeZone((await api.get(`/api/v1/shops/${state.me.activeShopId}`)).timeZone); } catch { /* keep the default */ }
}

async function alerts(bell) {
  try {
    const [low, expiring] = await Promise.all([api.get('/api/v1/inventory/low-stock'),
      api.get('/api/v1/inventory/batches', { expiringWithinDays: 7 })]);
    const n = low.length + expiring.length;
    if (n > 0) {
      bell.append(h('span', { class: 'count', id: 'alerts-count' }, String(n)));
      bell.title = t('app.alerts', { low: low.length, expiring: expiring.length });
      bell.setAttribute('aria-label', `${t('nav.notifications')}: ${bell.title}`);
      if (low.length === 0) bell.href = '#/stock?tab=expiring';
    }
  } catch { /* alerts are a convenience: the page works without them */ }
}

async function switchShop(shopId) {
  try {
    state.me = await session.switchShop(shopId);
    await shopZone();
    navigate(home());
    render();
  } catch (e) { toast(e.message, 'error'); }
}

async function signOut() {
  await session.signOut();
  state.me = null;
  // nothing of the last person's work stays on screen for the next
  document.getElementById('toasts')?.replaceChildren();
  location.hash = '#/';
  render();
}

let renders = 0;

export async function render() {
  const mine = ++renders;
  if (state.cleanup) { try { state.cleanup(); } catch { /* ignore */ } state.cleanup = null; }
  if (!state.me) {
    const { default: signin } = await import('./views/signin.js');
    mount(app, h('main', { id: 'main', class: 'signin-page' }));
    await signin(app.querySelector('main'), { done: signedIn });
    return;
  }
  if (!state.me.activeShopId) {
    mount(app, h('main', { id: 'main', class: 'signin-page' }, shopChooser()));
    return;
  }
  const { path, params } = current();
  const route = routes.find((r) => r.path === path);
  if (!route) { navigate(home()); return; }
  const main = h('div', { class: 'page' });
  mount(app, layout(main));
  if (!visible(route)) { mount(main, h('p', { class: 'empty' }, t('app.forbidden'))); return; }
  try {
    const { default: view } = await route.load();
    const ctx = {
      me: state.me, params, navigate, roles: roles(),
      has: (...rs) => rs.some((x) => roles().has(x)),
      readOnly: roles().has('AUDITOR') && !['OWNER', 'MANAGER', 'CASHIER'].some((x) => roles().has(x)),
    };
    const cleanup = (await view(main, ctx)) || null;
    // a later render (the hash changed while this page loaded) has taken over: this page's listeners go
    if (mine !== renders) { if (cleanup) cleanup(); return; }
    state.cleanup = cleanup;
    main.querySelector('h1')?.focus();
  } catch (e) {
    console.warn(e);
    mount(main, errorBox(e), h('button', { type: 'button', onclick: render }, t('app.retry')));
  }
}

function shopChooser() {
  const shops = state.me?.shops || [];
  return h('section', { class: 'panel narrow' }, h('h1', null, t('shops.title')),
    shops.length === 0 ? h('p', null, t('shops.none'))
      : h('ul', { class: 'choices' }, shops.map((s) => h('li', null,
        h('button', { type: 'button', class: 'choice', onclick: () => switchShop(s.shopId) }, `${s.name} · ${s.role}`)))),
    h('button', { type: 'button', class: 'link', onclick: signOut }, t('app.signOut')));
}

async function signedIn(me) {
  state.me = me;
  await shopZone();
  // a new hash renders through hashchange; rendering here too would draw the page twice
  if (!current().path) navigate(home()); else render();
}

onSignedOut(() => { if (state.me) { state.me = null; toast(t('signin.title'), 'info'); render(); } });
window.addEventListener('hashchange', () => { if (state.me) render(); });

(async () => {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {});
  try { state.me = await session.who(); } catch { state.me = null; }
  await shopZone();
  offline.start(() => state.me?.activeShopId);
  render();
})();
