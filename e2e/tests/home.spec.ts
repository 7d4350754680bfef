// The start page: scenario presets, Reset, and the page structure every page
// shares (one h1, a title naming the page).
import { test, expect } from './fixtures/sim';
import { PRESET_FABRIKAM, CONTOSO_ADMIN, PAT, loadPreset, signInAs, signOut } from './fixtures/admin';
import { openConsole, commandBox, credentialDialog, run, connectMsol } from './fixtures/powershell';
import { textFile, chooseFileToProtect, protectChosen, protectDialog, openInViewer, expectOpened, trackedDocument, downloadButton } from './fixtures/sharing';
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
  ['/sharing', 'Rights Management sharing application', /^Rights Management sharing application · /],
  ['/viewer', 'Protected file viewer', /^Protected file viewer · /],
  ['/tracking', 'Document tracking', /^Document tracking · /],
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

// The sharing application, the viewer and the tracking site in each of their
// forms: signed out; signed in with a file chosen and the protect dialog open
// (with the organization's templates); the result; the viewer with an opened
// file and with a refused one; the tracking site with a document and its
// access attempts, and for an RMS for individuals account. One h1, and every
// input (the clock's form opened too) has a <label> tied to it.
test('/sharing, /viewer and /tracking in every form: one h1, and every field has a label', async ({ sim }) => {
  const { page } = sim;
  test.setTimeout(60_000);
  await sim.start();

  const check = async (what: string, h1: string) => {
    const toggle = page.getByRole('button', { name: 'Advance time' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(page.getByLabel('Amount')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    await expect(page.locator('h1'), what).toHaveCount(1);
    expect(await unlabelledFields(page), `${what}: fields without a label`).toEqual([]);
  };
  const SHARING = 'Rights Management sharing application';
  const VIEWER = 'Protected file viewer';
  const TRACKING = 'Document tracking';

  await signOut(sim);
  for (const [path, h1] of [['/sharing', SHARING], ['/viewer', VIEWER], ['/tracking', TRACKING]] as const) {
    await sim.open(path);
    await expect(page.getByRole('main')).toContainText('Sign in to');
    await check(`${path} signed out`, h1);
  }

  // Janet (Contoso has templates): the dialog open, then the result.
  await signInAs(sim, CONTOSO_ADMIN);
  await chooseFileToProtect(sim, textFile('Labels.txt', 'Every field has a label.'));
  await check('/sharing, a file chosen', SHARING);
  await page.getByRole('main').getByRole('button', { name: 'Share Protected', exact: true }).click();
  const dialog = protectDialog(page, 'Share Protected', 'Labels.txt');
  await expect(dialog.getByRole('radio', { name: 'Contoso, Ltd - Confidential', exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Expire these documents on')).toBeVisible();
  await check('/sharing, the protect dialog', SHARING);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await protectChosen(sim, 'Labels.txt', { mode: 'Share Protected', users: 'p.dover@fabrikam.com', level: 'Viewer' });
  await expect(downloadButton(page, 'Labels.ptxt')).toBeVisible();
  await check('/sharing, the result', SHARING);

  // The viewer: the file opened from the message (Janet is its owner), then refused to someone else.
  await sim.open('/inbox/p.dover@fabrikam.com');
  await sim.messageLink(CONTOSO_ADMIN.email, 'Labels.ptxt (protected)').click();
  await page.getByRole('link', { name: 'Open in the viewer' }).click();
  await expectOpened(sim, CONTOSO_ADMIN.email);
  await check('/viewer, an opened file', VIEWER);
  await openInViewer(sim, textFile('Plain.txt', 'not protected'));
  await expect(sim.alert()).toContainText("isn't protected");
  await check('/viewer, a refused file', VIEWER);

  // The tracking site with the document and an access attempt.
  await sim.open('/tracking');
  await expect(trackedDocument(page, 'Labels.ptxt').getByRole('table')).toBeVisible();
  await check('/tracking, a document with access attempts', TRACKING);

  // An RMS for individuals account: protecting works, tracking isn't available.
  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, PAT);
  await sim.open('/tracking');
  await expect(page.getByRole('main')).toContainText('need a paid subscription');
  await check('/tracking, RMS for individuals', TRACKING);
  await chooseFileToProtect(sim, textFile('Pat.txt', 'Fabrikam'));
  await page.getByRole('main').getByRole('button', { name: 'Protect in-place', exact: true }).click();
  await expect(protectDialog(page, 'Protect in-place', 'Pat.txt').getByRole('radio', { name: 'fabrikam.com - Confidential View Only', exact: true })).toBeVisible();
  await check('/sharing, the protect dialog of an RMS for individuals account', SHARING);
});

test('search engines are told they may index the simulator, and what it is', async ({ sim, request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*\nAllow: \/$/m);
  await sim.start();
  await expect(sim.page.locator('meta[name="description"]')).toHaveAttribute('content', /RMS for individuals/);
});
