// Hostile input in every place that shows user-supplied text: markup, a
// script, very long unbroken strings, a right-to-left override and zero-width
// characters. UI contract: "User-supplied text (names, file names, email
// addresses) is always rendered as text, never as markup."
//
// For each place: the text is shown literally (as text, every code point
// kept), no element is built from it, no dialog opens (the `dialogs` fixture
// fails the test if one does), and the page does not overflow sideways at
// 1280 and 390 px wide (a table may scroll inside its own .table-wrap).
import {
  test,
  expect,
  MARKUP_B,
  MARKUP_IMG,
  SCRIPT,
  TABLE_BREAKER,
  RTL,
  ZERO_WIDTH,
  LONG_NAME,
  unbroken,
  expectLiteralText,
  expectNoInjectedMarkup,
  expectLayoutHolds,
  expectSafelyShown,
  typeInto,
  storedState,
  storedJson,
  storedData,
  importFile,
  importInput,
} from './fixtures/hostile';
import { PROMPT, openConsole, commandBox, transcript, transcriptText, credentialDialog, run, addedSince } from './fixtures/powershell';
import { CONTOSO_ADMIN, signInAs } from './fixtures/admin';
import {
  textFile,
  chooseFileToProtect,
  protectDialog,
  protectChosen,
  download,
  downloadButton,
  openInViewer,
  expectOpened,
  textContent,
  trackedDocument,
  fact,
} from './fixtures/sharing';
import type { Page } from '@playwright/test';

const EMAIL = 'p.dover@fabrikam.com';
const PASSWORD = 'Fabrikam-2016!';

/** What the event log keeps of a refused address: the trimmed input, at most 120 characters. */
function shownInEvents(input: string): string {
  return Array.from(input.trim()).slice(0, 120).join('');
}

// ---------------------------------------------------------------------------
// The portal's "Email address": the refusal is an alert, and the typed text is
// echoed in "What happened behind the scenes" (on /portal) and on /events
// ("Sign-up refused for …").

/** [label, typed text, what the alert must say]. */
const PORTAL_INPUTS: [string, string, string][] = [
  ['markup <b>', MARKUP_B, 'it needs an @'],
  ['markup <img onerror>', MARKUP_IMG, 'it needs an @'],
  ['a <script>', SCRIPT, 'it needs an @'],
  ['markup in an address', `p.dover${MARKUP_B}@fabrikam.com`, "can't contain “<”"],
  ['a 300-character string', `p.dover${unbroken(300 - 'p.dover'.length - '@fabrikam.com'.length, 'x')}@fabrikam.com`, 'at most 64 characters'],
  ['a right-to-left override', 'p.dover\u202E@fabrikam.com', 'invisible character (U+202E)'],
  ['zero-width characters', 'p.\u200Bdo\u200Dver\uFEFF@fabrikam.com', 'invisible character (U+200B)'],
];

for (const [label, input, reason] of PORTAL_INPUTS) {
  test(`portal "Email address" with ${label}: refused, echoed as text, layout holds`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    if (label.startsWith('a 300')) expect(input).toHaveLength(300);

    await sim.signUp(input);
    await expect(sim.alert()).toBeVisible();
    await expect(sim.alert()).toContainText(reason);
    await expect(sim.status()).toHaveCount(0);
    // The box keeps what was typed, every character of it.
    await expect(page.getByLabel('Email address')).toHaveValue(input);

    const main = page.getByRole('main');
    const shown = shownInEvents(input);
    await expect(main.getByText('Sign-up refused for', { exact: false })).toBeVisible();
    if (input.startsWith('<')) {
      await expect(main.getByText(input, { exact: false }).first()).toBeVisible();
    }
    await expectSafelyShown(page, main, `Sign-up refused for ${shown}`);
    await expect(sim.alert()).toBeVisible();

    // /events echoes it too, newest first.
    await sim.open('/events');
    await expect(sim.heading()).toHaveText('What happened');
    const newest = main.getByRole('listitem').first();
    await expectLiteralText(newest, `Sign-up refused for ${shown}`);
    await expectSafelyShown(page, main, `Sign-up refused for ${shown}`);

    // Nothing was sent.
    await sim.open('/inbox');
    await expect(main).toContainText('No mail yet');
  });
}

// ---------------------------------------------------------------------------
// The account page's "First name" / "Last name": shown in /directory's users
// table ("Name") and on /signin after signing in ("Signed in as … (name)").

const NAMES: [string, string, string][] = [
  ['markup', MARKUP_B, MARKUP_IMG],
  ['a script and a table breaker', SCRIPT, TABLE_BREAKER],
  ['64 characters with no spaces (the maximum)', LONG_NAME, unbroken(64, 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch')],
  ['a right-to-left override', 'Pat\u202Etxt.exe', RTL],
  ['zero-width characters', ZERO_WIDTH, 'Do\u200Dv\uFEFFer\u200B!'],
];

for (const [label, firstName, lastName] of NAMES) {
  test(`names with ${label} are shown as text on /directory and /signin`, async ({ sim }) => {
    const { page } = sim;
    for (const n of [firstName, lastName]) expect(Array.from(n).length).toBeLessThanOrEqual(64);
    await sim.start();
    await sim.completeSignUp(EMAIL, { firstName, lastName, password: PASSWORD, confirmPassword: PASSWORD });
    await expect(sim.alert()).toHaveCount(0);
    await expectNoInjectedMarkup(page);

    const fullName = `${firstName} ${lastName}`;
    const main = page.getByRole('main');

    // /directory: the Name cell holds exactly the name, and the table stays a
    // table (one header row and one row for the user).
    await sim.open('/directory');
    const fabrikam = sim.tenantSection('fabrikam.com');
    const users = sim.table(fabrikam, 'User');
    await expect(users.getByRole('row')).toHaveCount(2);
    const nameCell = await sim.cell(users, EMAIL, 'Name');
    expect(await nameCell.evaluate((td) => td.textContent)).toBe(fullName);
    await expect(await sim.cell(users, EMAIL, 'User')).toHaveText(EMAIL);
    await expect(await sim.cell(users, EMAIL, 'Creation method')).toHaveText('EmailVerified');
    if (firstName.startsWith('<')) {
      await expect(fabrikam.getByText(firstName, { exact: false })).toBeVisible();
    }
    await expectSafelyShown(page, main, fullName);

    // /signin after signing in.
    await sim.signIn(EMAIL, PASSWORD);
    await expect(sim.status()).toContainText(`You're signed in as ${EMAIL}`);
    await expect(main.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectSafelyShown(page, main, `(${fullName})`);

    // The names were saved as typed: after a reload they are still exact.
    await page.reload();
    await expect(main.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectLiteralText(main, `(${fullName})`);
    await sim.open('/directory');
    const cellAfterReload = await sim.cell(sim.table(sim.tenantSection('fabrikam.com'), 'User'), EMAIL, 'Name');
    expect(await cellAfterReload.evaluate((td) => td.textContent)).toBe(fullName);
    await expectNoInjectedMarkup(page);
  });
}

// ---------------------------------------------------------------------------
// The start page's "Blocked domain": an invalid domain is an alert; nothing
// is added to the list, and the box keeps what was typed.

const DOMAINS: [string, string][] = [
  ['markup <b>', MARKUP_B],
  ['markup <img onerror>', MARKUP_IMG],
  ['a <script>', SCRIPT],
  ['markup in a domain', `fabrikam${MARKUP_B}.com`],
  ['a 300-character string', `${unbroken(296, 'x')}.com`],
  ['a right-to-left override', 'fabrikam\u202Emoc.com'],
  ['zero-width characters', 'fab\u200Bri\u200Dkam\uFEFF.com'],
];

for (const [label, input] of DOMAINS) {
  test(`"Blocked domain" with ${label}: alert, nothing added, layout holds`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    const list = page.getByRole('main').locator('.domain-list').last();
    const before = await list.getByRole('listitem').allTextContents();
    expect(before.length).toBeGreaterThan(0);

    const field = page.getByLabel('Blocked domain', { exact: true });
    await field.fill(input);
    await page.getByRole('button', { name: 'Add', exact: true }).click();

    const alert = sim.alert();
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/domain name/);
    await expect(field).toHaveValue(input);
    expect(await list.getByRole('listitem').allTextContents()).toEqual(before);
    await expectNoInjectedMarkup(page);
    await expectLayoutHolds(page, async () => {
      await expect(alert).toBeVisible();
      await expect(field).toHaveValue(input);
    });
    await expectNoInjectedMarkup(page);

    // The list is unchanged after a reload too.
    await page.reload();
    await expect(sim.heading()).toBeVisible();
    expect(await list.getByRole('listitem').allTextContents()).toEqual(before);
  });
}

// ---------------------------------------------------------------------------
// The clock's "Amount": a number field. The browser keeps only what a number
// can hold, so the hostile text never reaches the simulator: either nothing
// is left (an alert asks for a whole number) or digits are (the clock moves
// by that many minutes).

const AMOUNTS: [string, string][] = [
  ['markup <b>', MARKUP_B],
  ['markup <img onerror>', MARKUP_IMG],
  ['a <script>', SCRIPT],
  ['a long unbroken string', unbroken(300)],
  ['a right-to-left override', '\u202E5'],
  ['zero-width characters', '\u200B\u200D\uFEFF'],
];

for (const [label, input] of AMOUNTS) {
  test(`clock "Amount" with ${label}: refused or reduced to digits, layout holds`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    const clock = sim.clock();
    const before = await clock.getAttribute('datetime');

    await page.getByRole('button', { name: 'Advance time' }).click();
    const amount = page.getByLabel('Amount');
    await typeInto(amount, input);
    const kept = await amount.inputValue();
    // Whatever the field holds is text the simulator can read, or its own
    // alert must say why not; never the markup itself.
    if ((await amount.getAttribute('type')) === 'number') {
      expect(kept, 'a number field keeps only a number').toMatch(/^[0-9]*$/);
    }
    await page.getByLabel('Unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Advance', exact: true }).click();

    const clockAlert = page.getByRole('alert');
    if (/^[0-9]+$/.test(kept) && Number(kept) >= 1) {
      const expected = new Date(Date.parse(before!) + Number(kept) * 60e3).toISOString().replace('.000Z', 'Z');
      await expect(clock).toHaveAttribute('datetime', expected);
      await expect(clockAlert).toHaveCount(0);
    } else {
      await expect(clockAlert).toContainText('Enter a whole number of at least 1');
      await expect(clock).toHaveAttribute('datetime', before!);
      // The field keeps what it held, literally.
      await expect(amount).toHaveValue(kept);
    }
    await expectNoInjectedMarkup(page);
    await expectLayoutHolds(page);
    await expectNoInjectedMarkup(page);
  });
}

// ---------------------------------------------------------------------------
// "Import": a file whose name is markup (or long, or bidi) and whose content
// is bad. The alert names the file, as text.

const FILE_NAMES: [string, string][] = [
  ['markup <img onerror>', `${MARKUP_IMG}.json`],
  ['markup <b>', `${MARKUP_B}.json`],
  ['a <script>', `${SCRIPT}.json`],
  ['a long unbroken name', `${unbroken(200)}.json`],
  ['a right-to-left override', 'state\u202Enosj.json'],
  ['zero-width characters', 'sta\u200Bte\u200D\uFEFF.json'],
];

for (const [label, name] of FILE_NAMES) {
  test(`"Import" of a bad file named with ${label}: the alert names it as text, nothing changes`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    const stateBefore = await storedState(page);

    await importFile(sim, name, '{"this is": not JSON');
    const alert = sim.alert();
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("wasn't imported, and nothing was changed");
    await expect(alert).toContainText('not valid JSON');
    await expectLiteralText(alert, `${name} wasn't imported`);
    if (name.startsWith('<')) {
      await expect(page.getByRole('main').getByText(name, { exact: false })).toBeVisible();
    }
    await expectSafelyShown(page, alert, name);
    expect(await storedState(page)).toBe(stateBefore);
  });
}

test('"Import" of a good file with a hostile name: the status names it as text', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  const state = await storedJson(page);
  expect(state).not.toBeNull();
  const name = `${MARKUP_IMG}${SCRIPT}.json`;

  await importFile(sim, name, state!);
  await expect(sim.status()).toContainText('was imported');
  await expect(sim.alert()).toHaveCount(0);
  await expectLiteralText(sim.status(), `${name} was imported`);
  await expect(page.getByRole('main').getByText(name, { exact: false })).toBeVisible();
  await expectSafelyShown(page, sim.status(), name);
  // The input is cleared, so the same file can be chosen again.
  await expect(importInput(page)).toHaveValue('');
});

// ---------------------------------------------------------------------------
// Also user-supplied: the address in an /inbox/{address} URL (a link typed or
// pasted by a trainer) is the page's heading, title and "No mail" line.

const ADDRESSES: [string, string][] = [
  ['markup <b>', MARKUP_B],
  ['markup <img onerror>', MARKUP_IMG],
  ['a <script> (its "/" encoded)', SCRIPT],
  ['a 300-character string', unbroken(300, 'x')],
  ['a right-to-left override', 'p.dover\u202E@fabrikam.com'],
  ['zero-width characters', 'p.\u200Bdo\u200Dver\uFEFF@fabrikam.com'],
];

for (const [label, address] of ADDRESSES) {
  test(`/inbox/{address} with ${label}: heading, title and text show it literally`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    await sim.open(`/inbox/${encodeURIComponent(address)}`);
    const main = page.getByRole('main');
    await expectLiteralText(sim.heading(), address);
    expect(await sim.heading().evaluate((h) => h.textContent)).toBe(address);
    expect(await page.title()).toContain(address);
    await expectSafelyShown(page, main, [address, `No mail has arrived for ${address} yet.`]);
  });
}

// ---------------------------------------------------------------------------
// Also user-supplied: the content of an imported file, and of the stored
// state. A value of the wrong type or an unknown variant is quoted in the
// error; the quote must be text.

/** The current saved state, with the clock (a number) replaced by `value`. */
async function stateWithBadClock(page: Page, value: string): Promise<string> {
  const data = await storedData(page);
  data.world.clock = value;
  return JSON.stringify(data);
}

test('"Import" of a file whose content holds markup: the quoted value is text, nothing changes', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  const before = await storedState(page);
  const hostile = `${MARKUP_IMG}${SCRIPT}${MARKUP_B}`;

  await importFile(sim, 'state.json', await stateWithBadClock(page, hostile));
  const alert = sim.alert();
  await expect(alert).toContainText("state.json wasn't imported, and nothing was changed");
  await expect(alert).toContainText("don't have the expected shape");
  await expectSafelyShown(page, alert, hostile);
  expect(await storedState(page)).toBe(before);
});

test('stored state holding markup: the recovery screen quotes it as text and changes nothing', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  const hostile = `${MARKUP_IMG}${SCRIPT}${unbroken(200)}`;
  const corrupt = await stateWithBadClock(page, hostile);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), ['rms-sim/state', corrupt] as const);

  await page.reload();
  await expect(sim.heading()).toHaveText("The saved simulator state can't be used");
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText("don't have the expected shape");
  await expectSafelyShown(page, alert, hostile);
  await expect(page.getByRole('button', { name: 'Reset', exact: true })).toBeVisible();
  expect(await storedState(page)).toBe(corrupt);
});

// ---------------------------------------------------------------------------
// /dns "Value": whatever text a record holds (TXT values are free text) is
// shown in the records table and in "What happened behind the scenes" as
// text, and the page holds at 1280 and 390 px wide.

const DNS_VALUES: [string, string][] = [
  ['markup <img onerror>', MARKUP_IMG],
  ['a <script>', SCRIPT],
  ['a table breaker', `${TABLE_BREAKER}${MARKUP_B}`],
  ['a right-to-left override', `MS=ms1234\u202E5678`],
  ['zero-width characters', `MS=\u200Bms12\u200D34\uFEFF5678`],
  ['255 characters with no spaces (the maximum)', unbroken(255)],
];

for (const [label, value] of DNS_VALUES) {
  test(`/dns record value with ${label}: shown as text, layout holds`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    await sim.open('/dns');
    await expect(sim.heading()).toHaveText('DNS');
    await page.getByLabel('Domain', { exact: true }).fill('fabrikam.com');
    await page.getByLabel('Type', { exact: true }).selectOption('TXT');
    await page.getByLabel('Value', { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Add record', exact: true }).click();
    await expect(sim.status()).toContainText('The TXT record was added to fabrikam.com');
    await expect(sim.alert()).toHaveCount(0);

    // The table stays a table: a header row and one row, whose Value cell
    // holds exactly the text.
    const records = sim.table(page.getByRole('region', { name: 'Records', exact: true }), 'Value');
    await expect(records.getByRole('row')).toHaveCount(2);
    const cell = await sim.cell(records, 'fabrikam.com', 'Value');
    expect(await cell.evaluate((td) => td.textContent)).toBe(value);
    await expect(await sim.cell(records, 'fabrikam.com', 'Propagation')).toContainText('Propagating');
    await expect(records.getByRole('button', { name: 'Remove', exact: true })).toHaveCount(1);
    const main = page.getByRole('main');
    await expectSafelyShown(page, main, [value, `the TXT record “${value}”`]);

    // After a reload (the value was saved as typed) and once it is visible.
    await page.reload();
    await expect(sim.heading()).toHaveText('DNS');
    await sim.advanceClock(1, 'hours');
    await expect(await sim.cell(records, 'fabrikam.com', 'Propagation')).toHaveText('Visible');
    expect(await (await sim.cell(records, 'fabrikam.com', 'Value')).evaluate((td) => td.textContent)).toBe(value);
    await expectSafelyShown(page, main, value);

    // /events echoes it too.
    await sim.open('/events');
    await expectSafelyShown(page, main, `the TXT record “${value}”`);
  });
}

// ---------------------------------------------------------------------------
// The admin center's "Domain name": an invalid domain is an alert, nothing is
// added to the Domains table, the box keeps what was typed, and the admin
// center (with its tables) holds at 1280 and 390 px wide.

const ADMIN_DOMAINS: [string, string][] = [
  ['markup <img onerror>', MARKUP_IMG],
  ['a <script>', SCRIPT],
  ['markup in a domain', `fabrikam${MARKUP_B}.com`],
  ['a 300-character string', `${unbroken(296, 'x')}.com`],
  ['a right-to-left override', 'fabrikam\u202Emoc.com'],
  ['zero-width characters', 'fab\u200Bri\u200Dkam\uFEFF.com'],
];

for (const [label, input] of ADMIN_DOMAINS) {
  test(`admin center "Domain name" with ${label}: alert, nothing added, layout holds`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    await sim.signIn('janetm@contoso.com', 'Contoso-2016!');
    await expect(sim.status()).toContainText("You're signed in as janetm@contoso.com");
    await sim.open('/admin');
    await expect(sim.heading()).toHaveText('Admin center');
    const domains = page.getByRole('main').getByRole('region', { name: 'Domains', exact: true });
    const rows = domains.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(3); // header, contoso.com, contoso.onmicrosoft.com
    const before = await rows.allTextContents();

    const field = domains.getByLabel('Domain name', { exact: true });
    await field.fill(input);
    await domains.getByRole('button', { name: 'Add domain', exact: true }).click();
    const alert = sim.alert();
    await expect(alert).toContainText(/domain name/);
    await expect(sim.status()).toHaveCount(0);
    await expect(field).toHaveValue(input);
    expect(await rows.allTextContents()).toEqual(before);
    await expectNoInjectedMarkup(page);
    await expectLayoutHolds(page, async () => {
      await expect(alert).toBeVisible();
      await expect(field).toHaveValue(input);
    });
    await expectNoInjectedMarkup(page);
  });
}

// ---------------------------------------------------------------------------
// /powershell: a command line is echoed in the transcript after the prompt,
// and error records quote it again; a quoted string is printed back. All of
// it is text in a <pre>: no element is built from it, and the console holds
// at 1280 and 390 px wide (a long line wraps inside the transcript).

const CONSOLE_LINES: [string, string, string][] = [
  // [label, typed line, what the console prints for it]
  // `<` is reserved in Windows PowerShell 5.1: markup is a parser error, as there.
  ['markup <b>', MARKUP_B, "The '<' operator is reserved for future use."],
  ['markup <img onerror>', MARKUP_IMG, "The '<' operator is reserved for future use."],
  ['a <script>', SCRIPT, "The '<' operator is reserved for future use."],
  ['a table breaker', TABLE_BREAKER, "The '<' operator is reserved for future use."],
  ['markup in a string, printed back', `'${MARKUP_IMG}${SCRIPT}${TABLE_BREAKER}'`, `\n${MARKUP_IMG}${SCRIPT}${TABLE_BREAKER}\n`],
  ['a right-to-left override', RTL, `The term '${RTL}' is not recognized`],
  ['zero-width characters', ZERO_WIDTH, 'is not recognized as the name of a cmdlet'],
  ['a 5,000-character line', unbroken(5000), 'is not recognized as the name of a cmdlet'],
];

for (const [label, line, output] of CONSOLE_LINES) {
  test(`/powershell command line with ${label}: echoed and answered as text, layout holds`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    await openConsole(sim);

    const added = await run(page, line);
    expect(added.startsWith(`${PROMPT}${line}\n`), 'the line is echoed after the prompt, every character kept').toBe(true);
    expect(added).toContain(output);
    const log = transcript(page);
    await expectSafelyShown(page, log, `${PROMPT}${line}`);
    await expect(commandBox(page)).toHaveValue('');

    // The history gives the line back exactly.
    await commandBox(page).press('ArrowUp');
    await expect(commandBox(page)).toHaveValue(line);
    await expectLayoutHolds(page, async () => {
      await expect(commandBox(page)).toBeVisible();
      await expectLiteralText(log, `${PROMPT}${line}`);
    });
    await expectNoInjectedMarkup(page);
  });
}

test('/powershell credential dialog with markup as the password: an Authentication Error; the password is not shown', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);
  await run(page, 'Connect-MsolService');
  const dialog = credentialDialog(page);
  await expect(dialog).toBeVisible();
  const hostile = `${MARKUP_IMG}${SCRIPT}${unbroken(300)}`;
  await dialog.getByLabel('Email address', { exact: true }).fill('janetm@contoso.com');
  await dialog.getByLabel('Password', { exact: true }).fill(hostile);
  const before = await transcriptText(page);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await addedSince(page, before, 'Connect-MsolService : Authentication Error');
  await expect(page.getByRole('main').getByRole('status')).toContainText('Not connected.');
  expect(await transcriptText(page)).not.toContain(MARKUP_IMG);
  expect(await page.getByRole('main').textContent()).not.toContain(hostile);
  await expectNoInjectedMarkup(page);
  await expectLayoutHolds(page, async () => {
    await expect(commandBox(page)).toBeVisible();
  });
});

// ---------------------------------------------------------------------------
// A file whose NAME is hostile (markup, a right-to-left override, 300
// characters with no break), protected and shared: the name is text in the
// sharing application (the chosen file, the dialog, the result), the
// recipient's inbox (subject, body, attachment), the viewer and the tracking
// site, and none of them overflows sideways at 1280 or 390 px.

test('a protected file with a hostile name is shown as text on /sharing, in the inbox, in /viewer and on /tracking', async ({ sim }, info) => {
  const { page } = sim;
  test.setTimeout(90_000);
  const prefix = `${MARKUP_IMG}${SCRIPT}${TABLE_BREAKER}\u202E`;
  const name = `${prefix}${unbroken(300 - prefix.length - '.txt'.length)}.txt`;
  expect(name).toHaveLength(300);
  const pname = `${name.slice(0, -'.txt'.length)}.ptxt`;
  const secret = 'Hostile-name content, shown only to readers.';
  const main = page.getByRole('main');
  await sim.start();
  await signInAs(sim, CONTOSO_ADMIN);

  // /sharing: the chosen file, the dialog, the result.
  await chooseFileToProtect(sim, textFile(name, secret));
  await expectSafelyShown(page, main, `${name} (44 bytes)`);
  await main.getByRole('button', { name: 'Share Protected', exact: true }).click();
  const dialog = protectDialog(page, 'Share Protected', name);
  await expect(dialog).toBeVisible();
  await expectSafelyShown(page, dialog, `Share Protected: ${name}`);
  await main.getByRole('button', { name: 'Cancel', exact: true }).click();
  await protectChosen(sim, name, { mode: 'Share Protected', users: 'p.dover@fabrikam.com', level: 'Viewer', notify: true });
  await expectSafelyShown(page, sim.status(), [`${pname} was emailed to p.dover@fabrikam.com`, `${name} itself stays unprotected`]);
  await expect(downloadButton(page, pname)).toBeVisible();
  await expectSafelyShown(page, main, `Download ${pname}`);
  const saved = await download(page, downloadButton(page, pname), info);

  // The recipient's inbox: the subject, the body and the attachment.
  const message = await sim.openLatestMail('p.dover@fabrikam.com', `${pname} (protected)`, CONTOSO_ADMIN.email);
  const attachment = message.getByRole('region', { name: 'Attachments', exact: true }).getByRole('listitem');
  await expect(attachment).toHaveCount(1);
  await expect(attachment.getByRole('button', { name: `Download ${pname}`, exact: true })).toBeVisible();
  expect(await attachment.locator('.att-name').evaluate((e) => e.textContent)).toBe(pname);
  await expectSafelyShown(page, message, [`${pname} (protected)`, `Attachments: ${pname} (protected with Microsoft RMS)`]);

  // The viewer, from the message (Janet is the owner).
  await attachment.getByRole('link', { name: 'Open in the viewer', exact: true }).click();
  await expect(sim.heading()).toHaveText('Protected file viewer');
  const protection = await expectOpened(sim, 'janetm@contoso.com');
  expect(await fact(protection, 'File').evaluate((e) => e.textContent)).toBe(`${pname} (originally ${name})`);
  await expect(textContent(page)).toHaveText(secret);
  await expectSafelyShown(page, main, `${pname} (originally ${name})`);
  expect(await page.getByRole('region', { name: 'Open a file', exact: true }).locator('.file-name').evaluate((e) => e.textContent)).toBe(pname);

  // The viewer, with the downloaded file chosen from disk under the hostile name.
  await openInViewer(sim, { name: pname, mimeType: 'application/octet-stream', buffer: saved.bytes });
  await expectOpened(sim, 'janetm@contoso.com');
  await expectSafelyShown(page, main, `${pname} (originally ${name})`);
  expect(await page.getByRole('region', { name: 'Open a file', exact: true }).locator('.file-name').evaluate((e) => e.textContent)).toBe(pname);

  // The tracking site: the document's heading and its access attempts.
  await sim.open('/tracking');
  const doc = trackedDocument(page, pname);
  await expect(doc).toBeVisible();
  expect(await doc.getByRole('heading', { level: 2 }).evaluate((e) => e.textContent)).toBe(pname);
  await expect(doc.getByRole('table', { name: `Access attempts for ${pname}`, exact: true })).toBeVisible();
  await expect(doc.getByRole('row')).toHaveCount(3); // header and Janet's two openings
  await expectSafelyShown(page, main, pname);

  // Janet asked to be emailed; her own openings aren't reported, so her inbox has no notification.
  await sim.open(`/inbox/${CONTOSO_ADMIN.email}`);
  await expect(main.getByText('tried to open')).toHaveCount(0);
});

// A right-to-left override in a file name ("Invoice" + U+202E + "fdp.txt"
// reads "Invoicetxt.pdf"): the name is kept as it is, but everywhere it is
// shown the override is isolated (a <bdi>), so it can't reverse the rest of
// the line, and the name is also written out with the override marked.
test('a file name with a right-to-left override is isolated and written out wherever it is shown', async ({ sim }) => {
  const { page } = sim;
  test.setTimeout(60_000);
  const name = 'Invoice\u202Efdp.txt';
  const pname = 'Invoice\u202Efdp.ptxt';
  const main = page.getByRole('main');
  await sim.start();
  await signInAs(sim, CONTOSO_ADMIN);

  await chooseFileToProtect(sim, textFile(name, 'Spoofed name, real text file.'));
  await expect(fact(main, 'Hidden characters')).toContainText('Invoice[U+202E]fdp.txt: this name holds characters you can\'t see');
  await expect(fact(main, 'Chosen').locator('bdi')).toHaveText(name);

  await protectChosen(sim, name, { mode: 'Share Protected', users: 'p.dover@fabrikam.com', level: 'Viewer', notify: false });
  // The status sentence goes on after the name: the override ends with the name's word.
  await expect(sim.status().locator('bdi').first()).toHaveText(pname);
  await expectLiteralText(sim.status(), `${pname} was emailed to p.dover@fabrikam.com`);

  const message = await sim.openLatestMail('p.dover@fabrikam.com', `${pname} (protected)`, CONTOSO_ADMIN.email);
  const attachment = message.getByRole('region', { name: 'Attachments', exact: true }).getByRole('listitem');
  // The message list, the Subject header and the body's sentences isolate it too.
  await expect(page.getByRole('list', { name: 'Messages' }).locator('.subject bdi')).toHaveText(pname);
  await expect(fact(message, 'Subject').locator('bdi')).toHaveText(pname);
  await expect(message.locator('p.small bdi')).toHaveText(pname);
  await expect(attachment.locator('.att-name bdi')).toHaveText(pname);
  await expect(attachment.locator('.hidden-chars')).toContainText('Invoice[U+202E]fdp.ptxt');

  await attachment.getByRole('link', { name: 'Open in the viewer', exact: true }).click();
  const protection = await expectOpened(sim, 'janetm@contoso.com');
  await expect(fact(protection, 'Hidden characters')).toContainText('Invoice[U+202E]fdp.txt');
  await expect(fact(protection, 'File').locator('bdi')).toHaveCount(2);

  await sim.open('/tracking');
  const doc = trackedDocument(page, pname);
  await expect(doc.getByRole('heading', { level: 2 }).locator('bdi')).toHaveText(pname);
  await expect(doc.locator('.hidden-chars')).toContainText('Invoice[U+202E]fdp.ptxt');

  // A name without hidden characters gets no such note.
  await sim.open('/sharing');
  await chooseFileToProtect(sim, textFile('Plain.txt', 'plain'));
  await expect(main.getByRole('term').filter({ hasText: 'Hidden characters' })).toHaveCount(0);
  await expect(fact(main, 'Chosen').locator('bdi')).toHaveCount(0);
});
