import { test, expect } from '@playwright/test';

// The page's Content-Security-Policy forbids inline and remote scripts; the
// app still starts and works under it (its only script is /boot.js).
test('the Content-Security-Policy forbids inline scripts and the app runs under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/portal');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("default-src 'none'");
  expect(await page.locator('script:not([src])').count()).toBe(0);

  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByRole('status')).toContainText('We sent a message to p.dover@fabrikam.com');
  expect(violations).toEqual([]);

  // An inline script (as an injection would add) is refused by the browser.
  const ran = await page.evaluate(() => {
    (window as any).__inlineRan = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(s);
    return (window as any).__inlineRan;
  });
  expect(ran).toBe(false);
  // And so is a script from another origin.
  const remote = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const s = document.createElement('script');
        s.src = 'http://127.0.0.2:9/evil.js';
        s.onerror = () => resolve('blocked');
        s.onload = () => resolve('loaded');
        document.body.appendChild(s);
      }),
  );
  expect(remote).toBe('blocked');
  expect(violations.some((v) => /script/i.test(v))).toBe(true);
});

// /boot.js compiles the wasm while the glue loads; if that fails (here: the
// wasm is missing), the glue tries again itself and, failing too, the page
// says what happened instead of staying blank.
test('a wasm that cannot be loaded gets a clear message, not a blank page', async ({ page }) => {
  await page.route('**/rms-sim_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto('/portal');
  await expect(page.getByRole('alert')).toContainText('The simulator could not start');
  await expect(page.getByRole('alert')).toContainText('404');
  await expect(page.getByRole('alert')).toContainText('Reload the page');
});

// A server that sends the wasm with a wrong MIME type defeats compileStreaming;
// boot.js falls back to the glue, which compiles it from the bytes.
test('the app starts even when the server sends the wasm as application/octet-stream', async ({ page }) => {
  await page.route('**/rms-sim_bg.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto('/portal');
  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByRole('status')).toContainText('We sent a message to p.dover@fabrikam.com');
});
