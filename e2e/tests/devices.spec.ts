// People and their devices: each tab is one person's device ("Act as").
// Two tabs acting as two people at once keep their own sign-in; the unread
// count is the person's; a reload keeps the tab's person; /split shows
// devices side by side, each with its own "Act as", all live.
import { test, expect, type Sim } from './fixtures/sim';
import { CONTOSO_ADMIN, PAT, PRESET_FABRIKAM, loadPreset } from './fixtures/admin';
import type { Page } from '@playwright/test';

/** Chooses `address` under "Act as" in the header of `page`. */
async function actAs(page: Page, address: string): Promise<void> {
  await page.getByLabel('Act as').selectOption(address);
  await expect(page.getByLabel('Act as')).toHaveValue(address);
}

/** Signs the tab's device in on /signin, the address typed (or already there). */
async function signInHere(sim: Sim, account: { email: string; password: string }, page: Page): Promise<void> {
  await sim.open('/signin', page);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(sim.status(page)).toContainText(`You're signed in as ${account.email}`);
}

test('"Act as" lists every person by address and makes the tab that person\'s device', async ({ sim }) => {
  await loadPreset(sim, PRESET_FABRIKAM);
  const page = sim.page;
  const select = page.getByLabel('Act as');
  await expect(select).toHaveValue('');
  for (const address of [CONTOSO_ADMIN.email, 'admin@litwareinc.com', PAT.email, 'r.ortiz@fabrikam.com']) {
    await expect(select.locator(`option[value="${address}"]`)).toHaveCount(1);
  }
  // Someone with mail but no account yet is listed too.
  await sim.signUpExpectingEmail('k.braun@tailspintoys.de');
  await expect(select.locator('optgroup[label="No account yet"] option[value="k.braun@tailspintoys.de"]')).toHaveCount(1);

  await actAs(page, PAT.email);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toContainText("Device: p.dover@fabrikam.com's device");
  await expect(page.getByTestId('session')).toContainText('Not signed in');
  // Her inbox is one click away, and her sign-in page already has her address.
  await expect(nav.getByRole('link', { name: /^Inbox/ })).toHaveAttribute('href', `/inbox/${PAT.email}`);
  await sim.open('/signin');
  await expect(page.getByLabel('Email address')).toHaveValue(PAT.email);
  await page.getByLabel('Password').fill(PAT.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('session')).toContainText(PAT.email);
  // The tab's person survives a reload.
  await page.reload();
  await expect(page.getByLabel('Act as')).toHaveValue(PAT.email);
  await expect(page.getByTestId('session')).toContainText(PAT.email);
  // Back to nobody in particular: the shared browser, which nobody signed in to.
  await actAs(page, '');
  await expect(page.getByTestId('session')).toContainText('Not signed in');
});

test('two tabs act as two people at once: a sign-in on one device leaves the other signed in', async ({ sim }) => {
  await loadPreset(sim, PRESET_FABRIKAM);
  const a = sim.page;
  const b = await sim.context.newPage();
  await sim.open('/', b);
  await actAs(a, CONTOSO_ADMIN.email);
  await actAs(b, PAT.email);
  await signInHere(sim, CONTOSO_ADMIN, a);
  await signInHere(sim, PAT, b);
  // janetm's PC stays signed in when the recipient signs in on hers.
  await expect(a.getByTestId('session')).toContainText(CONTOSO_ADMIN.email);
  await expect(b.getByTestId('session')).toContainText(PAT.email);
  await a.reload();
  await expect(a.getByTestId('session')).toContainText(CONTOSO_ADMIN.email);
  // Signing out on one device leaves the other.
  await b.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(b.getByTestId('session')).toContainText('Not signed in');
  await expect(a.getByTestId('session')).toContainText(CONTOSO_ADMIN.email);

  // The unread count in the header is the tab's person's: mail for someone
  // else doesn't count on janetm's device; on the recipient's it does.
  const unreadOn = (p: Page) => p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ });
  await sim.signUpExpectingEmail('k.braun@tailspintoys.de', a);
  await actAs(b, 'k.braun@tailspintoys.de');
  await expect(unreadOn(b)).toContainText('(1 unread)');
  await expect(unreadOn(a)).not.toContainText('unread');
  await b.close();
});

test('/split shows devices side by side, each with its own "Act as", all live', async ({ sim }) => {
  await loadPreset(sim, PRESET_FABRIKAM);
  const page = sim.page;
  await sim.open('/split');
  await expect(sim.heading()).toHaveText('Side by side');
  const one = page.frameLocator('iframe[name="pane-1"]');
  const two = page.frameLocator('iframe[name="pane-2"]');
  await expect(one.getByLabel('Act as')).toHaveValue(CONTOSO_ADMIN.email);
  await expect(two.getByLabel('Act as')).toHaveValue(PAT.email);
  await expect(page.locator('iframe[name="pane-3"]')).toBeHidden();
  // Pane 2 signs in as p.dover; pane 1 stays as it was.
  await two.locator('nav a[href=\"/signin\"]').evaluate((a: HTMLAnchorElement) => a.click());
  await expect(two.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(two.getByLabel('Email address')).toHaveValue(PAT.email);
  await two.getByLabel('Password').fill(PAT.password);
  await two.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(two.getByTestId('session')).toContainText(PAT.email);
  await expect(one.getByTestId('session')).toContainText('Not signed in');
  // Pane 1 changes its person; the pane's heading follows.
  await one.getByLabel('Act as').selectOption('r.ortiz@fabrikam.com');
  await expect(page.getByRole('heading', { name: 'Device 1: r.ortiz@fabrikam.com' })).toBeAttached();
  // Three devices: the third is the IT admin's.
  await page.getByLabel('3 devices').check();
  const three = page.frameLocator('iframe[name="pane-3"]');
  await expect(three.getByLabel('Act as')).toHaveValue('admin@litwareinc.com');
  // Live: a sign-up in pane 1 shows in pane 2's directory without a reload.
  await one.locator('nav a[href=\"/directory\"]').evaluate((a: HTMLAnchorElement) => a.click());
  await expect(one.getByRole('heading', { level: 1 })).toHaveText('Directory');
  await two.locator('nav a[href=\"/portal\"]').evaluate((a: HTMLAnchorElement) => a.click());
  await two.getByLabel('Email address').fill('n.new@fabrikam.com');
  await two.getByRole('button', { name: 'Get started' }).click();
  await expect(two.getByRole('main').getByRole('status')).toContainText('Check your email');
  // Pane 1's "Act as" lists the new address (mail, no account yet) without a reload.
  await expect(one.getByLabel('Act as').locator('optgroup[label="No account yet"] option[value="n.new@fabrikam.com"]')).toHaveCount(1);
  // A reload keeps who each pane is.
  await page.reload();
  await expect(one.getByLabel('Act as')).toHaveValue('r.ortiz@fabrikam.com');
});

test('/split on a phone shows one device at a time, with a switch', async ({ sim }) => {
  await sim.page.setViewportSize({ width: 390, height: 844 });
  await sim.start();
  await sim.open('/split');
  const page = sim.page;
  const switcher = page.getByRole('group', { name: 'Device shown' });
  await expect(page.locator('iframe[name="pane-1"]')).toBeVisible();
  await expect(page.locator('iframe[name="pane-2"]')).toBeHidden();
  await switcher.getByRole('button', { name: /^Device 2/ }).click();
  await expect(switcher.getByRole('button', { name: /^Device 2/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('iframe[name="pane-2"]')).toBeVisible();
  await expect(page.locator('iframe[name="pane-1"]')).toBeHidden();
  await expect(page.frameLocator('iframe[name="pane-2"]').getByLabel('Act as')).toHaveValue(PAT.email);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scroll').toBeLessThanOrEqual(0);
});

test('a device keeps its person after a Reset that removes them, and an empty inbox says whose it is', async ({ sim }) => {
  const { page } = sim;
  await loadPreset(sim, PRESET_FABRIKAM);
  await actAs(page, 'r.ortiz@fabrikam.com');
  await sim.open('/');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(sim.status()).toContainText('Reset');
  // r.ortiz has no account and no mail in the default world, yet the tab is still her device.
  await expect(page.getByLabel('Act as')).toHaveValue('r.ortiz@fabrikam.com');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText("Device: r.ortiz@fabrikam.com's device");
  await sim.open('/inbox');
  await expect(page.getByRole('main')).toContainText('No mail for r.ortiz@fabrikam.com yet.');
});

test('/split opened inside a pane offers the whole window instead of nesting', async ({ sim }) => {
  await sim.start();
  const page = sim.page;
  await sim.open('/split');
  const one = page.frameLocator('iframe[name="pane-1"]');
  await expect(one.getByLabel('Act as')).toHaveValue(CONTOSO_ADMIN.email);
  await one.locator('nav a[href="/split"]').evaluate((a: HTMLAnchorElement) => a.click());
  const whole = one.getByRole('link', { name: 'Open Side by side in the whole window' });
  await expect(whole).toBeVisible();
  await expect(one.locator('iframe')).toHaveCount(0);
  await expect(whole).toHaveAttribute('target', '_top');
});
