// Phòng Dịch service worker: keeps the app shell and the built assets so the scanner and the
// citizen pages open without a network. API calls are never cached here (the pages keep their
// own offline copies and queue their writes in IndexedDB).
const CACHE = 'phongdich-shell-v1';
const SHELL = ['/', '/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

/** Every file Vite built (entry, lazy pages, CSS, assets), read from its manifest. */
async function builtFiles() {
  try {
    const res = await fetch('/asset-manifest.json', { cache: 'no-store' });
    if (!res.ok) return [];
    const manifest = await res.json();
    const files = new Set();
    for (const entry of Object.values(manifest)) {
      files.add(`/${entry.file}`);
      for (const f of entry.css ?? []) files.add(`/${f}`);
      for (const f of entry.assets ?? []) files.add(`/${f}`);
    }
    return [...files];
  } catch {
    return [];
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      // One missing file must not stop the others from being cached.
      await Promise.all((await builtFiles()).map((f) => cache.add(f).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;

  if (req.mode === 'navigate') {
    // The installed shell at once (a phone on slow 3G would otherwise wait seconds for the page),
    // refreshed from the network behind it so the next visit has the newest release; the network
    // only when nothing is cached yet. Built files are content-hashed, so an older shell still finds
    // its own files in the cache.
    const network = fetch(req).then(async (res) => {
      if (res.ok) (await caches.open(CACHE)).put('/index.html', res.clone());
      return res;
    });
    event.waitUntil(network.catch(() => undefined));
    event.respondWith(
      (async () => (await caches.match('/index.html')) ?? network.catch(() => Response.error()))(),
    );
    return;
  }
  // Built files have content hashes in their names: cache first, then remember what was fetched.
  event.respondWith(
    (async () => {
      const hit = await caches.match(req);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && url.pathname.startsWith('/assets/')) (await caches.open(CACHE)).put(req, res.clone());
      return res;
    })(),
  );
});
