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

import('./rms-sim.js')
  .then(async ({ default: init }) => init({ module_or_path: await compiled }))
  .catch(failed);
