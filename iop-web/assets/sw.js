// The service worker: after one visit the app starts with no network.
//
// Each version's files live in a cache of their own, named by the version (the build writes
// VERSION and FILES). The page is always served from the cache of the worker in charge, so the
// files of two versions are never mixed. A new worker installs beside the old one and waits;
// the page shows a notice, and only when the user agrees does it ask the new worker to take
// over (`skip-waiting`), then reloads.
const VERSION = 'BUILD-VERSION';
const FILES = ['BUILD-FILES'];
const FILES_ON_DEMAND = ['BUILD-ON-DEMAND'];
const CACHE = 'iop-' + VERSION;

self.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache: a file must come from this version's server, not an old copy.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((k) => k.startsWith('iop-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The catalogue may be updated on the server without a new version: the network first, the
  // cached copy when offline.
  if (new URL(request.url).pathname.endsWith('/katalog.json')) {
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request)
      .then((r) => { if (r.ok) cache.put(request, r.clone()); return r; })
      .catch(() => cache.match(request, { ignoreSearch: true })
        .then((hit) => hit || Response.error()))));
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    // Any page of the site is the app: its index.html of this version.
    const key = request.mode === 'navigate' ? './index.html' : request;
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    // A file of this version fetched on demand (the file reader, the map) is kept for offline.
    const response = await fetch(request);
    if (response.ok && FILES_ON_DEMAND.some((f) => request.url.endsWith(f.slice(1)))) {
      cache.put(request, response.clone());
    }
    return response;
  }));
});
