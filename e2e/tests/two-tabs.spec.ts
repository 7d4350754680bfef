// Two tabs of one browser (one context, so one localStorage) acting on the
// same state: one after the other, at the same moment (Create clicked in both
// at once, several rounds), the clock advanced in both at once, and a file
// shared in one while the other advances the clock. Nothing
// either tab did may be lost, nothing may be applied twice, the tabs must
// settle (stop saving) once they agree, and both must end up showing the same
// world, first without a reload (the `storage` event and the rebase on
// action), then after one.
import { test as simTest, expect, SENDER, CONFIRMATION_SUBJECT, type Sim } from './fixtures/sim';
import { storedJson } from './fixtures/state';
import { CONTOSO_ADMIN, LITWARE_ADMIN, signInAs } from './fixtures/admin';
import { chooseFileToProtect, downloadResult, expectOpened, fromDisk, openInViewer, protectDialog, textFile, trackedDocument, type FilePayload } from './fixtures/sharing';
import type { Locator, Page } from '@playwright/test';

const PASSWORD = 'Fabrikam-2016!';
const COUNTRY = 'United States';

/**
 * The shared `sim` test plus a guard on every tab of the context: an
 * alert/confirm/prompt (the app alerts when it cannot save) or an uncaught
 * page error (a wasm panic) fails the test at its end.
 */
const test = simTest.extend<{ problems: string[] }>({
  problems: [
    async ({ context }, use) => {
      const seen: string[] = [];
      const watch = (p: Page) => {
        p.on('dialog', (d) => {
          seen.push(`dialog ${d.type()}: ${d.message()} (on ${p.url()})`);
          d.dismiss().catch(() => {});
        });
        p.on('pageerror', (e) => seen.push(`page error: ${e.message} (on ${p.url()})`));
      };
      for (const p of context.pages()) watch(p);
      context.on('page', watch);
      await use(seen);
      expect(seen, 'no dialog and no page error in any tab').toEqual([]);
    },
    { auto: true },
  ],
});

/** Tab A is the fixture's page (it loads the default scenario); tab B a second page of the same context. */
async function twoTabs(sim: Sim): Promise<[Page, Page]> {
  await sim.start();
  const b = await sim.context.newPage();
  await b.goto('/');
  await expect(sim.heading(b)).toHaveText('RMS for individuals simulator');
  return [sim.page, b];
}

/**
 * Clicks `buttons` (one per tab) at the same moment and returns how far apart
 * (ms) the two tabs' `submit` handlers started, a measure of the race.
 *
 * Why `force`: a plain `click()` first waits until the element is "stable",
 * which Playwright checks over animation frames. Chromium throttles the
 * frames of a tab of the context that is not in front (and more so while it
 * handles another tab's `storage` event), so in Promise.all the second tab's
 * click lands 1–2 s after the first: no race at all. With `force` the
 * actionability wait is skipped (we check visible and enabled just before)
 * and both real mouse clicks arrive within a few milliseconds.
 */
async function clickAtOnce(buttons: [Locator, Locator]): Promise<number> {
  for (const b of buttons) {
    await expect(b).toBeVisible();
    await expect(b).toBeEnabled();
    await b.evaluate(() => {
      const w = window as unknown as { __submitAt?: number };
      delete w.__submitAt;
      document.addEventListener('submit', () => (w.__submitAt ??= performance.timeOrigin + performance.now()), { capture: true, once: true });
    });
  }
  await Promise.all(buttons.map((b) => b.click({ force: true })));
  const at = await Promise.all(
    buttons.map((b) => b.page().waitForFunction(() => (window as unknown as { __submitAt?: number }).__submitAt, undefined, { timeout: 5_000 }).then((h) => h.jsonValue() as Promise<number>)),
  );
  return Math.abs(at[0] - at[1]);
}

/** Counts, in each tab, the `storage` events it receives from now on (another tab saved). */
async function countStorageEvents(tabs: Page[]): Promise<void> {
  for (const page of tabs) {
    await page.evaluate(() => {
      const w = window as unknown as { __storageEvents?: number };
      if (w.__storageEvents === undefined) {
        w.__storageEvents = 0;
        addEventListener('storage', () => w.__storageEvents!++);
      }
    });
  }
}

/**
 * The tabs have settled: during one second neither tab receives a `storage`
 * event, so neither keeps saving (two tabs replaying each other's commands
 * back and forth would never stop). Soft, so the state checks that follow
 * still run and report what such a loop did to the data.
 */
async function expectTabsSettle(tabs: Page[], label: string): Promise<void> {
  const count = (p: Page) => p.evaluate(() => (window as unknown as { __storageEvents?: number }).__storageEvents ?? 0);
  let last: number[] = [];
  await expect
    .configure({ soft: true })
    .poll(
      async () => {
        const before = await Promise.all(tabs.map(count));
        await new Promise((r) => setTimeout(r, 1000));
        const after = await Promise.all(tabs.map(count));
        last = after;
        return after.map((n, i) => n - before[i]);
      },
      { message: `${label}: the tabs stop saving (storage events per tab during one second)`, timeout: 6_000, intervals: [0] },
    )
    .toEqual(tabs.map(() => 0));
  test.info().annotations.push({ type: 'storage events', description: `${label}: ${last.join(' / ')} in total per tab` });
}

/** Goes to `route` through the header's "Main" navigation: an in-app navigation, no reload. */
async function navigate(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
}

/**
 * In `page`'s inbox of `email`: the confirmation message is listed; open it
 * and follow its "Complete your sign-up" link (in-app, as a person would).
 * Leaves the tab on the account page, fields empty.
 */
async function openConfirmationLink(sim: Sim, page: Page, email: string): Promise<void> {
  await sim.open(`/inbox/${email}`, page);
  await expect(sim.heading(page)).toHaveText(email);
  const link = sim.messageLink(SENDER, CONFIRMATION_SUBJECT, page);
  await expect(link).toHaveCount(1);
  await link.click();
  const message = page.getByRole('article', { name: 'Message' });
  await expect(message).toContainText(email);
  const complete = message.getByRole('link', { name: 'Complete your sign-up' });
  await expect(complete).toHaveAttribute('href', /^\/portal\/verify\?token=[0-9a-f]+$/);
  await complete.click();
  await expect(page).toHaveURL(/\/portal\/verify\?token=/);
  await expect(sim.heading(page)).toHaveText('Microsoft Rights Management');
  await expect(page.getByRole('main')).toContainText(`Create your account for ${email}`);
}

/** Fills the account page without clicking Create. */
async function fillAccountFields(page: Page, first: string, last: string): Promise<void> {
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByLabel('Country').selectOption({ label: COUNTRY });
}

function createButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Create', exact: true });
}

async function expectCreated(sim: Sim, page: Page, email: string): Promise<void> {
  await expect(sim.status(page)).toContainText(`Your account ${email} was created`);
  await expect(sim.alert(page)).toHaveCount(0);
}

/** The text of the cell under `column` in the rows of `table` that contain `rowText`. */
async function cellUnder(table: Locator, rowText: string, column: string): Promise<Locator> {
  await expect(table).toBeVisible();
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column "${column}" in [${headers.join(', ')}]`).toBeGreaterThanOrEqual(0);
  return table.getByRole('row').filter({ hasText: rowText }).getByRole('cell').nth(index);
}

type TenantSummary = { unmanaged: boolean; users: string[]; methods: string[]; consumedUnits: string[] };

/**
 * What the open /directory shows for each of `domains`: one summary per
 * tenant section whose heading names the domain (so exactly one is right),
 * read in one round trip from the table cells under their column headers.
 */
async function directorySummary(page: Page, domains: string[]): Promise<Record<string, TenantSummary[]>> {
  return page.evaluate((domains) => {
    const column = (table: HTMLTableElement, name: string) =>
      [...table.querySelectorAll('th')].findIndex((th) => th.textContent?.trim() === name);
    const tableWith = (section: Element, name: string) =>
      [...section.querySelectorAll('table')].find((t) => column(t, name) >= 0);
    const cells = (table: HTMLTableElement | undefined, name: string, rowFilter = '') => {
      if (!table) return [];
      const i = column(table, name);
      return [...table.querySelectorAll('tbody tr')]
        .filter((r) => (r.textContent ?? '').includes(rowFilter))
        .map((r) => r.querySelectorAll('td')[i]?.textContent?.trim() ?? '');
    };
    const sections = [...document.querySelectorAll('main section[aria-labelledby]')].map((section) => {
      const heading = document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent ?? '';
      const users = tableWith(section, 'User');
      const subs = tableWith(section, 'AccountSkuId');
      return {
        domains: heading.split(',').map((d) => d.trim()),
        summary: {
          unmanaged: (section.textContent ?? '').includes('Unmanaged'),
          users: cells(users, 'User').sort(),
          methods: [...new Set(cells(users, 'Creation method'))],
          consumedUnits: cells(subs, 'ConsumedUnits', 'RIGHTSMANAGEMENT_ADHOC'),
        },
      };
    });
    return Object.fromEntries(domains.map((d) => [d, sections.filter((s) => s.domains.includes(d)).map((s) => s.summary)]));
  }, domains);
}

/**
 * The open /directory of `page` shows, for each domain, exactly one tenant:
 * unmanaged, holding exactly its emails (all EmailVerified), its
 * RIGHTSMANAGEMENT_ADHOC subscription consuming one unit per user. Retries
 * until it holds (another tab's save arrives by the `storage` event).
 */
async function expectTenants(page: Page, domains: Record<string, string[]>, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }), label).toHaveText('Directory');
  const expected = Object.fromEntries(
    Object.entries(domains).map(([d, emails]) => [
      d,
      [{ unmanaged: true, users: [...emails].sort(), methods: ['EmailVerified'], consumedUnits: [String(emails.length)] }],
    ]),
  );
  await expect.poll(() => directorySummary(page, Object.keys(domains)), { message: label }).toEqual(expected);
}

/**
 * The same, through the accessible roles and names a trainer's script uses:
 * one region named `domain`, its users table with one row per email, and
 * ConsumedUnits equal to their number.
 */
async function expectOneTenantWith(page: Page, domain: string, emails: string[], label: string): Promise<void> {
  const section = page.getByRole('region', { name: domain, exact: true });
  await expect(section, `${label}: one tenant section for ${domain}`).toHaveCount(1);
  const users = section.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'User', exact: true }) });
  await expect(users.getByRole('row'), `${label}: header + ${emails.length} users in ${domain}`).toHaveCount(emails.length + 1);
  const subs = section.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'AccountSkuId', exact: true }) });
  await expect(await cellUnder(subs, 'RIGHTSMANAGEMENT_ADHOC', 'ConsumedUnits'), `${label}: ConsumedUnits of ${domain}`).toHaveText(
    String(emails.length),
  );
}

/**
 * Both tabs: /directory by in-app navigation (no reload), then again after
 * reloading each tab. Every domain of `domains` is checked in one read; the
 * newest one (`focus`) also through the accessible roles and names.
 */
async function expectBothTabsShow(tabs: [Page, Page], domains: Record<string, string[]>, focus: string, round = ''): Promise<void> {
  const names = ['tab A', 'tab B'];
  for (const [i, page] of tabs.entries()) {
    const label = `${round}${names[i]}, without reload`;
    await test.step(label, async () => {
      await navigate(page, 'Directory', 'Directory');
      await expectTenants(page, domains, label);
      await expectOneTenantWith(page, focus, domains[focus], label);
    });
  }
  for (const [i, page] of tabs.entries()) {
    const label = `${round}${names[i]}, after reload`;
    await test.step(label, async () => {
      await page.reload();
      await expectTenants(page, domains, label);
      await expectOneTenantWith(page, focus, domains[focus], label);
    });
  }
}

test('(a) one after the other: two tabs sign up two colleagues, and both tabs show one fabrikam.com tenant with both', async ({ sim }) => {
  const [a, b] = await twoTabs(sim);
  const FIRST = 'p.dover@fabrikam.com';
  const SECOND = 'r.ortiz@fabrikam.com';

  // Tab A: the portal, "Get started"; tab B the same for the colleague.
  await sim.signUpExpectingEmail(FIRST, a);
  await sim.signUpExpectingEmail(SECOND, b);

  // Each tab completes its own account from the link in its own mail.
  await openConfirmationLink(sim, a, FIRST);
  await fillAccountFields(a, 'Pat', 'Dover');
  await createButton(a).click();
  await expectCreated(sim, a, FIRST);

  await openConfirmationLink(sim, b, SECOND);
  await fillAccountFields(b, 'Rosa', 'Ortiz');
  await createButton(b).click();
  await expectCreated(sim, b, SECOND);

  await expectBothTabsShow([a, b], { 'fabrikam.com': [FIRST, SECOND] }, 'fabrikam.com');

  const json = await storedJson(a);
  expect(json).toContain(FIRST);
  expect(json).toContain(SECOND);
});

test('(b) at the same moment: Create clicked in both tabs at once, five rounds, nothing is lost', async ({ sim }) => {
  test.setTimeout(180_000);
  const [a, b] = await twoTabs(sim);
  const seen: Record<string, string[]> = {};

  for (let i = 0; i < 5; i++) {
    const domain = `northwind${i}.com`;
    const ea = `u${i}a@${domain}`;
    const eb = `u${i}b@${domain}`;
    const round = `round ${i}, `;

    // Prepare: both sign-ups started, both links opened, both forms filled.
    await test.step(`${round}prepare both account pages`, async () => {
      await sim.signUpExpectingEmail(ea, a);
      await sim.signUpExpectingEmail(eb, b);
      await openConfirmationLink(sim, a, ea);
      await openConfirmationLink(sim, b, eb);
      await fillAccountFields(a, 'Ann', `A${i}`);
      await fillAccountFields(b, 'Bob', `B${i}`);
      await expect(createButton(a)).toBeEnabled();
      await expect(createButton(b)).toBeEnabled();
    });

    // Create, in both tabs at the same time.
    await test.step(`${round}Create in both tabs at once`, async () => {
      await countStorageEvents([a, b]);
      const gap = await clickAtOnce([createButton(a), createButton(b)]);
      test.info().annotations.push({ type: 'race', description: `${round}the two Create handlers started ${gap.toFixed(1)} ms apart` });
      await expectCreated(sim, a, ea);
      await expectCreated(sim, b, eb);
      await expectTabsSettle([a, b], `${round}after Create in both tabs`);
    });

    // Both users, one tenant, in both tabs (and every earlier round's pair is still there).
    seen[domain] = [ea, eb];
    await test.step(`${round}both tabs show both users`, () => expectBothTabsShow([a, b], seen, domain, round));
  }

  const json = await storedJson(b);
  for (const emails of Object.values(seen)) for (const e of emails) expect(json, `${e} is in the stored state`).toContain(e);
});

/** The header clock's text for a moment, e.g. "Tue 3 May 2016, 10:00:00 UTC". */
function clockText(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${d.toISOString().slice(11, 19)} UTC`;
}

test('(c) the clock advanced in both tabs at once: 1 hour in tab A, 1 day in tab B, both end at start + 1 day 1 hour', async ({ sim }) => {
  test.setTimeout(120_000);
  const [a, b] = await twoTabs(sim);
  const START = Date.parse('2016-05-02T09:00:00Z');
  const STEP = 25 * 3600e3; // 1 hour + 1 day
  expect(clockText(START)).toBe('Mon 2 May 2016, 09:00:00 UTC');
  expect(clockText(START + STEP)).toBe('Tue 3 May 2016, 10:00:00 UTC');
  for (const page of [a, b]) {
    await expect(sim.clock(page)).toHaveText(clockText(START));
    await expect(sim.clock(page)).toHaveAttribute('datetime', '2016-05-02T09:00:00Z');
  }

  // Opens the form (if closed) and sets it up; nothing is advanced yet.
  const setUp = async (page: Page, amount: string, unit: string) => {
    const toggle = page.getByRole('button', { name: 'Advance time' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.getByLabel('Amount').fill(amount);
    await page.getByLabel('Unit').selectOption(unit);
  };
  const advance = (page: Page) => page.getByRole('button', { name: 'Advance', exact: true });

  // Round 0 is the scenario of the task (start → Tue 3 May 2016, 10:00:00 UTC);
  // the same race is repeated from there, since one round may by chance not race.
  const ROUNDS = 4;
  for (let r = 0; r < ROUNDS; r++) {
    const round = `round ${r}, `;
    const expected = clockText(START + (r + 1) * STEP);
    const iso = new Date(START + (r + 1) * STEP).toISOString().replace('.000Z', 'Z');
    await test.step(`${round}advance 1 hour in tab A and 1 day in tab B at once`, async () => {
      await setUp(a, '1', 'hours');
      await setUp(b, '1', 'days');
      await countStorageEvents([a, b]);
      const gap = await clickAtOnce([advance(a), advance(b)]);
      test.info().annotations.push({ type: 'race', description: `${round}the two Advance handlers started ${gap.toFixed(1)} ms apart` });
      await expectTabsSettle([a, b], `${round}after Advance in both tabs`);
    });
    await test.step(`${round}both tabs show ${expected}`, async () => {
      for (const [name, page] of [['tab A', a], ['tab B', b]] as const) {
        await expect(sim.clock(page), `${round}${name}, without reload`).toHaveText(expected);
        await expect(sim.clock(page), `${round}${name}, without reload`).toHaveAttribute('datetime', iso);
        await expect(page.getByRole('alert'), `${round}${name}: no error`).toHaveCount(0);
      }
      for (const [name, page] of [['tab A', a], ['tab B', b]] as const) {
        await page.reload();
        await expect(sim.heading(page)).toBeVisible();
        await expect(sim.clock(page), `${round}${name}, after reload`).toHaveText(expected);
      }
    });
  }

  // Every advance is logged exactly once.
  await navigate(a, 'What happened', 'What happened');
  const events = a.getByRole('main').getByRole('listitem');
  const titled = (title: string) => events.filter({ has: a.getByRole('heading', { name: title, exact: true }) });
  await expect(titled('Clock advanced by 1 hour')).toHaveCount(ROUNDS);
  await expect(titled('Clock advanced by 1 day')).toHaveCount(ROUNDS);
});

// Issue 10's replay bug: when tab B's save races tab A's "Share Protected",
// tab A replays the protection on B's newer state. The world must then track
// the very file A downloaded (same content ID and keys): its opening shows on
// the tracking site, and revoking it locks its reader out. Before the fix, a
// replay drew a fresh content ID, so the downloaded file was unknown to the
// service: never tracked, and still readable after "Revoke access".
test('(d) a file shared in tab A while tab B advances the clock is the one tracked and revocable', async ({ sim }, info) => {
  test.setTimeout(180_000);
  const [a, b] = await twoTabs(sim);
  await signInAs(sim, CONTOSO_ADMIN, a);
  const advance = (page: Page) => page.getByRole('button', { name: 'Advance', exact: true });
  const ROUNDS = 3;
  const names: string[] = [];
  const files: FilePayload[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const round = `round ${r}, `;
    const file = textFile(`Race ${r}.txt`, `Round ${r}: the figures for Q3.`);
    const protectedName = `Race ${r}.ptxt`;
    await test.step(`${round}Send in tab A and Advance in tab B at once`, async () => {
      await chooseFileToProtect(sim, file, a);
      await a.getByRole('main').getByRole('button', { name: 'Share Protected', exact: true }).click();
      const dialog = protectDialog(a, 'Share Protected', file.name);
      await dialog.getByLabel('Users', { exact: true }).fill(LITWARE_ADMIN.email);
      await dialog.getByRole('radio', { name: 'Viewer', exact: true }).check();
      await dialog.getByRole('checkbox', { name: 'Allow me to instantly revoke access to these documents' }).check();
      const toggle = b.getByRole('button', { name: 'Advance time' });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await b.getByLabel('Amount').fill('5');
      await b.getByLabel('Unit').selectOption('minutes');
      await countStorageEvents([a, b]);
      const gap = await clickAtOnce([dialog.getByRole('button', { name: 'Send', exact: true }), advance(b)]);
      info.annotations.push({ type: 'race', description: `${round}Send and Advance started ${gap.toFixed(1)} ms apart` });
      await expectTabsSettle([a, b], `${round}after Send and Advance`);
      await expect(sim.status(a)).toContainText(`${protectedName} was emailed to ${LITWARE_ADMIN.email}`);
      files.push(await fromDisk(await downloadResult(a, protectedName, info)));
      names.push(protectedName);
    });
  }
  // Lee opens each downloaded file in tab B: each opening is tracked.
  await signInAs(sim, LITWARE_ADMIN, b);
  for (const f of files) {
    await openInViewer(sim, f, b);
    await expectOpened(sim, CONTOSO_ADMIN.email, b);
  }
  await signInAs(sim, CONTOSO_ADMIN, a);
  await sim.open('/tracking', a);
  await expect(sim.heading(a)).toHaveText('Document tracking');
  for (const name of names) {
    const doc = trackedDocument(a, name);
    await expect(doc, `${name} is tracked once`).toHaveCount(1);
    const attempts = doc.getByRole('table', { name: `Access attempts for ${name}` });
    await expect(await sim.cell(attempts, LITWARE_ADMIN.email, 'Result'), `${name}: Lee's opening of the downloaded file`).toHaveText('Opened');
    await doc.getByRole('button', { name: 'Revoke access', exact: true }).click();
    await expect(sim.status(a)).toContainText(`Access to ${name} is revoked`);
  }
  // Revoked: the downloaded files no longer open.
  await signInAs(sim, LITWARE_ADMIN, b);
  for (const f of files) {
    await openInViewer(sim, f, b);
    await expect(sim.alert(b)).toContainText(`${CONTOSO_ADMIN.email} revoked access to this file`);
  }
});
