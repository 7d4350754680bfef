// The start page: scenario presets, Reset, and the page structure every page
// shares (one h1, a title naming the page).
import { test, expect } from './fixtures/sim';
import { PRESET_FABRIKAM, CONTOSO_ADMIN, PAT, loadPreset, signInAs, signOut } from './fixtures/admin';
import { openConsole, commandBox, credentialDialog, run, connectMsol } from './fixtures/powershell';
import type { Page } from '@playwright/test';

/** The outerHTML of every input, select and textarea without a non-empty <label> tied to it. */
async function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((e) => (e as HTMLInputElement).type !== 'hidden')
      .filter((e) => {
        const labels = (e as HTMLInputElement).labels;
        return !labels || ![...labels].some((l) => (l.textContent ?? '').trim() !== '');
      })
      .map((e) => e.outerHTML),
  );
}

const PRESETS = [
  'Default: Contoso, Litware and new organizations',
  'Fabrikam has already signed up',
  'A protected file arrives at Fabrikam',
];

test('the start page offers the three scenarios, each with a Load button', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  for (const name of PRESETS) {
    const section = page.getByRole('region', { name, exact: true });
    await expect(section).toHaveCount(1);
    await expect(section.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(section.getByRole('button', { name: 'Load', exact: true })).toHaveCount(1);
  }
  await expect(page.getByRole('button', { name: 'Load', exact: true })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Reset', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  await expect(page.getByLabel('Import')).toBeAttached();
  // The paid organization's pre-made account and its password are described.
  const def = page.getByRole('region', { name: PRESETS[0], exact: true });
  await expect(def).toContainText('contoso.com');
  await expect(def).toContainText('janetm@contoso.com');
  await expect(def).toContainText('Contoso-2016!');
});

test('"Fabrikam has already signed up" fills the directory; "Reset" returns to the default', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  await page
    .getByRole('region', { name: 'Fabrikam has already signed up', exact: true })
    .getByRole('button', { name: 'Load' })
    .click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Fabrikam has already signed up');

  await sim.open('/directory');
  const fabrikam = sim.tenantSection('fabrikam.com');
  await expect(fabrikam).toHaveCount(1);
  await expect(fabrikam).toContainText('Unmanaged');
  await expect(
    await sim.cell(sim.table(fabrikam, 'AccountSkuId'), 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC', 'ConsumedUnits'),
  ).toHaveText('2');
  await expect(sim.table(fabrikam, 'User').getByRole('row')).toHaveCount(3);

  await sim.open('/');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('default scenario');

  await sim.open('/directory');
  await expect(sim.tenantSection('contoso.com')).toHaveCount(1);
  await expect(sim.tenantSection('fabrikam.com')).toHaveCount(0);
});

for (const [path, h1, title] of [
  ['/', 'RMS for individuals simulator', /^Start · /],
  ['/portal', 'Microsoft Rights Management', /^Microsoft Rights Management · /],
  ['/inbox', 'Inbox', /^Inbox · /],
  ['/signin', 'Sign in', /^Sign in · /],
  ['/directory', 'Directory', /^Directory · /],
  ['/events', 'What happened', /^What happened · /],
  ['/dns', 'DNS', /^DNS · /],
  ['/admin', 'Admin center', /^Admin center · /],
  ['/powershell', 'Windows PowerShell', /^Windows PowerShell · /],
] as const) {
  test(`${path} has exactly one h1 and a title naming the page`, async ({ sim }) => {
    const { page } = sim;
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(title);
  });
}

// The admin center in each of its forms (signed out, the "Become the admin"
// wizard, a global administrator's view) and the DNS page: one h1, and every
// input and select (the clock's form opened too) has a <label> tied to it.
test('/admin and /dns in every form: one h1, and every field has a label', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  const check = async (what: string, h1: string) => {
    await page.getByRole('button', { name: 'Advance time' }).click();
    await expect(page.getByLabel('Amount')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    await expect(page.locator('h1'), what).toHaveCount(1);
    expect(await unlabelledFields(page), `${what}: fields without a label`).toEqual([]);
  };

  await sim.open('/dns');
  await check('/dns', 'DNS');
  await signOut(sim);
  await sim.open('/admin');
  await check('/admin signed out', 'Admin center');

  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, PAT);
  await sim.open('/admin?become=1');
  await expect(page.getByRole('button', { name: 'Yes, I want to be the admin' })).toBeVisible();
  await check('/admin, the wizard', 'Admin center');

  await signInAs(sim, CONTOSO_ADMIN);
  await sim.open('/admin');
  await expect(page.getByRole('region', { name: 'Domains', exact: true })).toBeVisible();
  await check('/admin, a global administrator', 'Admin center');
});

// /powershell: the console, and the credential dialog over it. One h1, and
// every field (the command box, the dialog's, the clock's) has a label.
test('/powershell with and without the credential dialog: one h1, and every field has a label', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);
  await page.getByRole('button', { name: 'Advance time' }).click();
  await expect(page.getByLabel('Amount')).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(commandBox(page)).toBeVisible();
  expect(await unlabelledFields(page), '/powershell: fields without a label').toEqual([]);

  await run(page, 'Connect-MsolService');
  const dialog = credentialDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email address', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Windows PowerShell');
  await expect(page.locator('h1')).toHaveCount(1);
  expect(await unlabelledFields(page), '/powershell, the credential dialog: fields without a label').toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // Connected, the page keeps its structure.
  await connectMsol(page, CONTOSO_ADMIN);
  await expect(page.locator('h1')).toHaveCount(1);
  expect(await unlabelledFields(page), '/powershell, connected: fields without a label').toEqual([]);
});
