// The service worker: the simulator works offline after one visit.
//
// One build, one cache: `scripts/sw-build.mjs` (a trunk post_build hook)
// writes the build's identity (a hash of every file) and its file list below,
// so a new build changes this file, the browser installs the new worker in
// the background, and it precaches the new build under its own cache. Until
// the person reloads through the page's notice (or closes every tab), the old
// worker keeps serving the old build whole: a page never gets files of two
// builds. Its activation deletes the older caches.
//
// Cache first: every file of the build is in the cache from the install on,
// so pages load without the network; a path that is not a file (an app route
// such as /inbox/p.dover@fabrikam.com) gets index.html, as the server does.
const BUILD = '__BUILD__';
const FILES = ['__FILES__'];
const CACHE = `rms-sim-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(`/${f}`, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('rms-sim-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page's "Reload" on its new-version notice.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const key = request.mode === 'navigate' && !FILES.includes(url.pathname.slice(1)) ? '/index.html' : url.pathname;
      const hit = await cache.match(key);
      return hit ?? fetch(request);
    }),
  );
});
