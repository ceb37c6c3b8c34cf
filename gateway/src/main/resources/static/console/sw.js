// Keeps the console's own files so the counter opens without a network; API calls always go to the network
// (a sale that cannot be sent is queued by the page, not here).
const CACHE = 'kirana-console-v1';
const SHELL = ['./', 'app.css', 'icon.svg', 'manifest.webmanifest', 'js/app.js', 'js/api.js', 'js/ui.js', 'js/i18n.js',
  'js/format.js', 'js/offline.js', 'js/views/signin.js', 'js/views/counter.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/console/')
      || url.pathname.startsWith('/console/session')) return;
  // network first (files are revalidated on every load), the cached copy when the network is down
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) { const copy = response.clone(); caches.open(CACHE).then((c) => c.put(event.request, copy)); }
    return response;
  }).catch(() => caches.match(event.request).then((r) => r || caches.match('./'))));
});
