// What a person sees, at a projector's 1280×720 and a phone's 390×844, on
// every route: a one-row header of bounded height that counts don't move,
// no sideways scroll, no control beyond the viewport's width, every table
// column visible (as a header, or as each cell's label on a phone), and no
// axe-core (WCAG 2.1 A/AA) violation. And feedback where the person looks:
// the result of "Get started", "Load" and "Reset" is inside the viewport,
// and a notice about an earlier situation goes when the clock moves.
import { test, expect } from './fixtures/sim';
import { CONTOSO_ADMIN, PRESET_FABRIKAM, loadPreset } from './fixtures/admin';
import { axeViolations } from './axe';
import type { Locator, Page } from '@playwright/test';

const SIZES = [
  { name: '1280', width: 1280, height: 720, header: 64 },
  { name: '390', width: 390, height: 844, header: 56 },
] as const;

const ROUTES = [
  '/',
  '/portal',
  '/portal/verify?token=nope',
  '/inbox',
  '/inbox/janetm@contoso.com',
  '/signin',
  '/directory',
  '/events',
  '/help/sharing-app',
  '/dns',
  '/admin',
  '/powershell',
  '/sharing',
  '/viewer',
  '/tracking',
  '/inventory',
  '/split',
  '/lessons',
  '/presenter',
  '/no-such-page',
];

async function headerHeight(page: Page): Promise<number> {
  return page.locator('header.site').evaluate((e) => e.getBoundingClientRect().height);
}

/** Problems a person would see: sideways scroll, controls cut off, hidden columns. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    if (document.documentElement.scrollWidth > vw) {
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`);
    }
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
    };
    for (const e of document.querySelectorAll('main button, main input, main select, main a, header button, header a, header select')) {
      if (!visible(e) || e.closest('.visually-hidden')) continue;
      const r = e.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1) out.push(`${e.outerHTML.slice(0, 80)} is outside the viewport (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    // "Act as" must stay wide enough to read a name in the header.
    const actAs = document.querySelector('header select');
    if (actAs && visible(actAs) && actAs.getBoundingClientRect().width < 120) {
      out.push(`"Act as" is squeezed to ${Math.round(actAs.getBoundingClientRect().width)} px`);
    }
    for (const t of document.querySelectorAll('main table')) {
      const headers = [...t.querySelectorAll('thead th')].map((h) => (h.textContent ?? '').trim());
      const stacked = getComputedStyle(t.querySelector('thead')!).position === 'absolute';
      for (const [i, h] of headers.entries()) {
        if (!stacked) {
          const th = t.querySelectorAll('thead th')[i];
          const r = th.getBoundingClientRect();
          if (r.right > vw + 1 || r.width < 8) out.push(`column "${h}" isn't visible`);
        } else {
          for (const row of t.querySelectorAll('tbody tr')) {
            const cell = row.children[i] as HTMLElement | undefined;
            if (!cell || cell.dataset.label !== h || !visible(cell)) out.push(`a row hides column "${h}"`);
          }
        }
      }
    }
    return out;
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, bypassCSP: true });

    test('every route: bounded header, no sideways scroll, every column visible, no axe violation', async ({ sim }) => {
      test.setTimeout(120_000);
      const { page } = sim;
      await sim.start();
      for (const route of ROUTES) {
        await sim.open(route);
        expect(await headerHeight(page), `${route}: header height`).toBeLessThanOrEqual(size.header);
        expect(await layoutProblems(page), route).toEqual([]);
        expect(await axeViolations(page), `${route}: axe`).toEqual([]);
      }
      // Signed in as an administrator, the admin center's tables too.
      await sim.signIn(CONTOSO_ADMIN.email, CONTOSO_ADMIN.password);
      await expect(page.getByTestId('session')).toContainText(CONTOSO_ADMIN.email);
      for (const route of ['/admin', '/sharing', '/tracking', '/directory']) {
        await sim.open(route);
        expect(await layoutProblems(page), `${route} signed in`).toEqual([]);
        expect(await axeViolations(page), `${route} signed in: axe`).toEqual([]);
      }
    });

    test('the header keeps its height when mail arrives and when the clock panel opens', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      const before = await headerHeight(page);
      await sim.signUpExpectingEmail('k.braun@tailspintoys.de');
      // An unread message now exists: the count is in the menu, not in the row.
      await expect(page.locator('.menu-dot, .site-nav .badge').first()).toBeAttached();
      expect(await headerHeight(page)).toBe(before);
      await page.getByRole('button', { name: 'Advance time' }).click();
      await expect(page.getByLabel('Amount')).toBeVisible();
      expect(await headerHeight(page)).toBe(before);
      for (const name of ['+15 minutes', '+1 hour', '+1 day']) {
        await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
      }
      await page.keyboard.press('Escape');
      await expect(page.getByLabel('Amount')).toBeHidden();
    });

    test('the navigation reaches every area (a menu on a narrow screen)', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = page.getByRole('button', { name: 'Menu' });
      if (size.width < 1100) {
        await expect(nav).toBeHidden();
        await menu.click();
        await expect(menu).toHaveAttribute('aria-expanded', 'true');
      } else {
        await expect(menu).toBeHidden();
      }
      await expect(nav).toBeVisible();
      await nav.getByRole('link', { name: 'Directory' }).click();
      await expect(sim.heading()).toHaveText('Directory');
      await expect(page).toHaveURL(/\/directory$/);
      // Following a link closes the menu; the current area is marked.
      if (size.width < 1100) {
        await expect(nav).toBeHidden();
        await menu.click();
      }
      await expect(nav.getByRole('link', { name: 'Directory' })).toHaveAttribute('aria-current', 'page');
    });

    test('the result of an action is inside the viewport, and goes when the situation changes', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      // "Load" on the start page: the confirmation is beside the button.
      const card = page.getByRole('region', { name: PRESET_FABRIKAM, exact: true });
      await card.getByRole('button', { name: 'Load' }).click();
      await expect(card.getByRole('status')).toContainText('loaded');
      await expect(card.getByRole('status')).toBeInViewport();
      await expect(card.getByText('Loaded', { exact: true })).toBeVisible();
      // "Reset", further down: its confirmation is in view too.
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await expect(sim.status()).toContainText('default scenario');
      await expect(sim.status()).toBeInViewport();
      // "Get started" with a personal address: the refusal is in view.
      await sim.signUp('someone@outlook.com');
      await expect(sim.alert()).toBeVisible();
      await expect(sim.alert()).toBeInViewport();
      // "Get started" with a work address: the status is in view.
      await page.getByLabel('Email address').fill('k.braun@tailspintoys.de');
      await page.getByRole('button', { name: 'Get started' }).click();
      await expect(sim.status()).toContainText('Check your email');
      await expect(sim.status()).toBeInViewport();
      await expect(sim.alert()).toHaveCount(0);
      // The clock moves: the status spoke of the moment before, and goes.
      if (size.width < 700) await page.getByRole('button', { name: 'Advance time' }).click();
      await page.getByRole('button', { name: '+15 minutes' }).click();
      await expect(sim.status()).toHaveCount(0);
    });
  });
}

/** The loaded scenario stays marked when the start page is opened again. */
test('a loaded scenario stays marked Loaded when the start page is opened again', async ({ sim }) => {
  await loadPreset(sim, PRESET_FABRIKAM);
  await sim.open('/');
  const card: Locator = sim.page.getByRole('region', { name: PRESET_FABRIKAM, exact: true });
  await expect(card.getByText('Loaded', { exact: true })).toBeVisible();
  await expect(sim.page.getByRole('region', { name: 'Fabrikam has already signed up', exact: true })).toHaveClass(/loaded/);
});
