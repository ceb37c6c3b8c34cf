// The console is a client of the public API (through this gateway), like a POS terminal or a partner. Its
// session is a pair of HttpOnly cookies set by /console/session; writes echo the CSRF cookie in X-CSRF-Token.
const CSRF_COOKIE = 'kirana_csrf';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** The network is down (or the gateway unreachable): the request may not have arrived. */
export class OfflineError extends Error {}

function csrf() {
  const c = document.cookie.split('; ').find((x) => x.startsWith(`${CSRF_COOKIE}=`));
  return c ? decodeURIComponent(c.slice(CSRF_COOKIE.length + 1)) : '';
}

const signedOutListeners = [];
export function onSignedOut(fn) { signedOutListeners.push(fn); }

let refreshing = null;
function refresh() {
  refreshing ??= fetch('/console/session/refresh', { method: 'POST', headers: { 'X-CSRF-Token': csrf() }, credentials: 'same-origin' })
    .then((r) => r.ok, () => false)
    .finally(() => setTimeout(() => { refreshing = null; }, 0));
  return refreshing;
}

function url(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x)); else params.append(k, v);
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/**
 * request('POST', '/api/v1/orders', {body, headers, query}) → parsed JSON (or text, or null for 204).
 * {raw: true} returns the Response (files). A 401 refreshes the session once, then signs out.
 * Throws ApiError (with .status and .problem, the problem+json body) or OfflineError.
 */
export async function request(method, path, options = {}) {
  const { body, headers = {}, query, raw = false, retried = false, signal } = options;
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (!['GET', 'HEAD'].includes(method)) h['X-CSRF-Token'] = csrf();
  let payload;
  if (body instanceof FormData || body instanceof Blob) payload = body;
  else if (body !== undefined) { h['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  let res;
  try {
    res = await fetch(url(path, query), { method, headers: h, body: payload, credentials: 'same-origin', signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new OfflineError(e.message);
  }
  if (res.status === 401 && !retried && path.startsWith('/api/')) {
    if (await refresh()) return request(method, path, { ...options, retried: true });
    signedOutListeners.forEach((fn) => fn());
  }
  if (!res.ok) {
    let problem = {};
    try { problem = await res.json(); } catch { /* no body */ }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  if (res.status === 204 || res.status === 202 && !res.headers.get('Content-Type')) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const api = {
  get: (path, query, options) => request('GET', path, { ...options, query }),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options),
  /** A write that is safe to retry: the same key makes the server answer the first result again. */
  idempotent: (method, path, body, key, headers = {}) =>
    request(method, path, { body, headers: { 'Idempotency-Key': key || newKey(), ...headers } }),
};

export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11)
    .replace(/[018]/g, (c) => (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));
}

/** Downloads a file from the API (a PDF, CSV or XLSX) with the session, under the name the server gives. */
export async function download(path, query, fallbackName = 'download') {
  const res = await request('GET', path, { query, raw: true, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') || '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] || fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** Opens a file from the API (an invoice PDF) in a new tab. */
export async function openFile(path, query) {
  const res = await request('GET', path, { query, raw: true, headers: { Accept: '*/*' } });
  const blobUrl = URL.createObjectURL(await res.blob());
  window.open(blobUrl, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60000);
}

export const session = {
  /** Who is signed in (the server renews an expired access token from the refresh cookie), or null. */
  who: () => fetch('/console/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.status === 200 ? r.json() : null)),
  signIn: (body) => request('POST', '/console/session', { body }),
  sendCode: (phone) => request('POST', '/console/session/otp', { body: { phone } }),
  switchShop: (shopId) => request('POST', '/console/session/shop', { body: { shopId } }),
  signOut: () => request('DELETE', '/console/session').catch(() => null),
};
