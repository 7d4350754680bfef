// Starts the app. An external module (not an inline script) so the page's
// Content-Security-Policy can forbid inline scripts entirely. Trunk writes
// the wasm-bindgen loader and the module under stable names (filehash = false).
import init from './rms-sim.js';

// Resolved against this module's URL, not the page's: deep links such as
// /inbox/p.dover@fabrikam.com must still find the wasm at the site's root.
init({ module_or_path: new URL('./rms-sim_bg.wasm', import.meta.url) }).catch((error) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `The simulator could not start: ${error}. Reload the page; if it keeps failing, use a current version of Chrome, Edge, Firefox or Safari.`;
  document.body.prepend(p);
});
