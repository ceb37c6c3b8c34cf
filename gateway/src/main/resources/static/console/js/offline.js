// The offline-tolerant counter: a sale that cannot reach the API is kept in IndexedDB with its Idempotency-Key and
// sent again when the network returns. The key makes every resend the same request, so a sale that did arrive
// before the network dropped is answered with its first result, never placed twice: each queued sale ends in
// exactly one final state (placed, or refused with the API's reason, which the cashier sees).
import { request, ApiError, OfflineError } from './api.js';

const DB = 'kirana-console';
const STORE = 'sales';
const listeners = new Set();
let online = navigator.onLine;
let flushing = null;
let shopOf = () => null;

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function tx(mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const store = t.objectStore(STORE);
    let result;
    Promise.resolve(work(store)).then((r) => { result = r; });
    t.oncomplete = () => { d.close(); resolve(result); };
    t.onerror = () => { d.close(); reject(t.error); };
  });
}

const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

/** Every sale kept in the browser: {key, shopId, body, queuedAt, state: 'queued'|'failed', problem}. */
export async function all() {
  return tx('readonly', (s) => req(s.getAll()));
}

async function put(entry) { return tx('readwrite', (s) => req(s.put(entry))); }
export async function remove(key) { await tx('readwrite', (s) => req(s.delete(key))); notify(); }

/** Keeps a sale to send later. */
export async function enqueue(shopId, body, key, summary) {
  await put({ key, shopId, body, summary, queuedAt: new Date().toISOString(), state: 'queued', attempts: 0 });
  notify();
}

export function watch(fn) {
  listeners.add(fn);
  all().then((items) => fn({ online, queued: items.filter((i) => i.state === 'queued').length }), () => fn({ online, queued: 0 }));
  return () => listeners.delete(fn);
}

async function notify() {
  let queued = 0;
  try { queued = (await all()).filter((i) => i.state === 'queued').length; } catch { /* no IndexedDB */ }
  for (const fn of listeners) fn({ online, queued });
}

export function isOnline() { return online; }

export function setOnline(value) {
  if (online === value) return;
  online = value;
  notify();
  if (online) flush();
}

const placedListeners = new Set();
/** Called with (entry, order) when a queued sale reached the API, or (entry, null, problem) when it was refused. */
export function onSettled(fn) { placedListeners.add(fn); return () => placedListeners.delete(fn); }

/** Sends every queued sale of the current shop, oldest first; stops at the first network failure. */
export function flush() {
  flushing ??= (async () => {
    try {
      const items = (await all()).filter((i) => i.state === 'queued' && i.shopId === shopOf())
        .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
      for (const item of items) {
        try {
          const order = await request('POST', '/api/v1/orders', {
            body: item.body, headers: { 'Idempotency-Key': item.key, Prefer: 'wait=10' },
          });
          await remove(item.key);
          placedListeners.forEach((fn) => fn(item, order, null));
        } catch (e) {
          if (e instanceof OfflineError) { setOnline(false); break; }
          if (e instanceof ApiError && (e.status === 429 || e.status >= 500 || e.status === 401)) break;
          // refused for good (a 4xx): keep it, marked, for the cashier to read and dismiss
          await put({ ...item, state: 'failed', problem: e.problem || { detail: e.message } });
          placedListeners.forEach((fn) => fn(item, null, e.problem || { detail: e.message }));
        }
      }
    } finally {
      flushing = null;
      notify();
    }
  })();
  return flushing;
}

export function start(currentShop) {
  if (currentShop) shopOf = currentShop;
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
  // a network that "is up" but does not answer is found by trying: probe every 10 s while offline or queued
  setInterval(async () => {
    const queued = (await all().catch(() => [])).some((i) => i.state === 'queued');
    if (!online || queued) {
      try {
        // the gateway's own API document: public, outside /console/ (which the service worker answers offline);
        // HEAD, so no body is sent (actuator is not on the public port)
        const r = await fetch('/v3/api-docs', { method: 'HEAD', cache: 'no-store' });
        if (r.ok) { setOnline(true); flush(); }
      } catch { setOnline(false); }
    }
  }, 10000);
  if (online) flush();
}

export function setShop(currentShop) { shopOf = currentShop; }
