// Starts the app. An external module (not an inline script) so the page's
// Content-Security-Policy can forbid inline scripts entirely. Trunk writes
// the wasm-bindgen loader and the module under stable names (filehash = false).
//
// Loaded with `async`, so it runs as soon as it arrives instead of waiting for
// the style sheet (deferred and module scripts wait for it; painting still
// does, so nothing shows unstyled). It starts compiling the wasm first and
// only then loads the wasm-bindgen glue, so the two overlap instead of one
// after the other.

// Resolved against this module's URL, not the page's: deep links such as
// /inbox/p.dover@fabrikam.com must still find the wasm at the site's root.
const wasmUrl = new URL('./rms-sim_bg.wasm', import.meta.url);

function failed(error) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `The simulator could not start: ${error}. Reload the page; if it keeps failing, use a current version of Chrome, Edge, Firefox or Safari.`;
  (document.body ?? document.documentElement).prepend(p);
}

// compileStreaming needs the server to send application/wasm; when it can't
// be used (an older browser, another MIME type), the glue fetches and
// compiles the wasm itself, as before.
const compiled =
  typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => wasmUrl)
    : Promise.resolve(wasmUrl);

// The pages are in groups, each in its own wasm files, fetched on first use
// (src/ui/lazy.rs). A deep link's group is fetched now, beside the main file,
// instead of after it. Written by trunk's post_build hook
// (scripts/wasm-split.mjs): group name -> its files.
const GROUP_FILES = '__GROUP_FILES__';
// The group of each route's page (lazy_pages! in src/ui/lazy.rs); the portal
// and "not found" are in the main file.
const ROUTE_GROUPS = [
  [/^\/$/, 'home'],
  [/^\/(lessons|presenter|split)$/, 'trainer'],
  [/^\/(portal\/verify|signin|help\/sharing-app|inbox(\/.*)?)$/, 'mail'],
  [/^\/(directory|events|inventory)$/, 'it'],
  [/^\/(admin|dns|powershell)$/, 'admin'],
  [/^\/(sharing|viewer|tracking)$/, 'sharing'],
];
// A stored state (or a world in the link) is read by code of its own file
// (group `stored`: src/ui/lazy.rs, decoder_code), needed before the first
// paint; a first visit fetches it after the first paint instead.
function stateStored() {
  try {
    return localStorage.getItem('rms-sim/stamp') !== null || localStorage.getItem('rms-sim/state') !== null;
  } catch {
    return false;
  }
}
if (typeof GROUP_FILES === 'object') {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const group = ROUTE_GROUPS.find(([route]) => route.test(path))?.[1];
  const groups = [group];
  if (stateStored() || location.hash.startsWith('#world=')) groups.push('stored');
  for (const file of groups.flatMap((g) => GROUP_FILES[g] ?? [])) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.type = 'application/wasm';
    link.crossOrigin = 'anonymous';
    link.href = new URL(`./${file}`, import.meta.url).href;
    document.head.append(link);
  }
}

import('./rms-sim.js')
  .then(async ({ default: init }) => init({ module_or_path: await compiled }))
  .catch(failed);

// Offline after one visit: the service worker (sw.js) caches this build. It is
// registered once the app has started, so it never competes with the first
// load. A newer build installs in the background; the page then says so, and
// "Reload" switches to it (never mixing the files of two builds).
function newVersionReady(worker) {
  if (document.querySelector('.update-notice')) return;
  const box = document.createElement('div');
  box.className = 'update-notice';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of the simulator is ready. Reload to use it; your world is kept.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.textContent = 'Reload';
  button.addEventListener('click', () => worker.postMessage('skip-waiting'));
  box.append(text, button);
  document.body.append(box);
}

function watchForUpdates(registration) {
  const offer = (worker) => {
    if (!worker) return;
    const ready = () => worker.state === 'installed' && navigator.serviceWorker.controller && newVersionReady(worker);
    ready();
    worker.addEventListener('statechange', ready);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => offer(registration.installing));
}

function registerWorker() {
  {
    const hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(watchForUpdates)
      .catch(() => {}); // the app works without it, only not offline
    // The new worker took over (after "Reload"): load the page from its build.
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (hadController) location.reload();
    });
  }
}

if ('serviceWorker' in navigator) {
  if (document.readyState === 'complete') registerWorker();
  else window.addEventListener('load', registerWorker);
}
