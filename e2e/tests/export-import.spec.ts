// The start page's "Export" (downloads the whole state as JSON) and "Import"
// (loads such a file back). UI contract: "Export" downloads the whole state;
// errors a person must read are a role="alert". Passwords are stored only as
// salted hashes: no plain-text password may ever reach the export or
// localStorage.
import { type Browser } from '@playwright/test';
import { Sim, CONTOSO_ADMIN } from './fixtures/sim';
import {
  test,
  expect,
  PASSWORDS,
  directoryTenants,
  exportState,
  expectNoPlainPasswords,
  expectStorageHasNoPlainPasswords,
  importFile,
  importInput,
  storedState,
  storedJson,
  storedData,
} from './fixtures/hostile';

const EMAIL = 'p.dover@fabrikam.com';
const PASSWORD = 'Fabrikam-2016!';
/** A wrong password typed at /signin: it must not be kept either. */
const WRONG_PASSWORD = 'Wrong-Guess-2016!';
const ALL_PASSWORDS = [...PASSWORDS, WRONG_PASSWORD];

type Exported = {
  schema: number;
  world: {
    /** The directory part of the world (schema 4: one part per feature). */
    directory: {
      tenants: Record<string, { display_name: string; users: Record<string, unknown> }>;
      domains: Record<string, { tenant: string }>;
    };
    [k: string]: unknown;
  };
};

/**
 * The state the export tests start from: the default scenario, p.dover's
 * sign-up (a new fabrikam.com tenant), a failed and a good sign-in.
 */
async function buildState(sim: Sim): Promise<void> {
  await sim.start();
  await sim.completeSignUp(EMAIL, { password: PASSWORD, confirmPassword: PASSWORD });
  await sim.signIn(EMAIL, WRONG_PASSWORD);
  await expect(sim.alert()).toBeVisible();
  await sim.signIn(CONTOSO_ADMIN.email, CONTOSO_ADMIN.password);
  await expect(sim.status()).toContainText(`You're signed in as ${CONTOSO_ADMIN.email}`);
  await sim.page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await sim.signIn(EMAIL, PASSWORD);
  await expect(sim.status()).toContainText(`You're signed in as ${EMAIL}`);
}

/** A fresh browser context (empty localStorage) on the test server; its dialogs are recorded. */
async function freshSim(browser: Browser, baseURL: string | undefined): Promise<{ sim: Sim; dialogs: string[] }> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return { sim: new Sim(page, context), dialogs };
}

test('"Export" downloads the whole state as JSON, with the tenants and without plain-text passwords', async ({ sim }) => {
  const { page } = sim;
  await buildState(sim);
  const tenants = await directoryTenants(sim);
  expect(tenants).toEqual(expect.arrayContaining(['contoso.com', 'fabrikam.com']));

  const { download, text } = await exportState(sim);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await expect(sim.status()).toContainText('downloaded');
  await expect(sim.alert()).toHaveCount(0);

  const data = JSON.parse(text) as Exported;
  expect(data).toHaveProperty('schema');
  expect(typeof data.schema).toBe('number');
  expect(data).toHaveProperty('world');
  expect(typeof data.world).toBe('object');

  // Every tenant of /directory is in the file, with its domains.
  expect(Object.keys(data.world.directory.tenants)).toHaveLength(tenants.length);
  for (const heading of tenants) {
    for (const domain of heading.split(', ')) {
      const record = data.world.directory.domains[domain];
      expect(record, `the export holds the domain ${domain}`).toBeTruthy();
      expect(data.world.directory.tenants[record.tenant], `the export holds the tenant of ${domain}`).toBeTruthy();
    }
  }
  const fabrikam = data.world.directory.tenants[data.world.directory.domains['fabrikam.com'].tenant];
  expect(Object.keys(fabrikam.users)).toEqual([EMAIL]);
  const contoso = data.world.directory.tenants[data.world.directory.domains['contoso.com'].tenant];
  expect(Object.keys(contoso.users)).toContain(CONTOSO_ADMIN.email);

  // The export is the saved state, and neither holds a plain-text password.
  expectNoPlainPasswords(text, 'the exported file', ALL_PASSWORDS);
  await expectStorageHasNoPlainPasswords(page, 'after the export', ALL_PASSWORDS);
  expect(await storedData(page)).toEqual(data);
});

test('"Import" loads an exported file into a fresh browser: same tenants, users and sign-in', async ({ sim, browser, baseURL }, testInfo) => {
  await buildState(sim);
  const tenants = await directoryTenants(sim);
  const { download, text } = await exportState(sim);
  // Saved under its suggested name, as the browser would.
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const { sim: other, dialogs } = await freshSim(browser, baseURL);
  try {
    await other.start();
    const before = await directoryTenants(other);
    expect(before).not.toContain('fabrikam.com');

    await other.open('/');
    await importInput(other.page).setInputFiles(file);
    await expect(other.status()).toContainText(`${download.suggestedFilename()} was imported`);
    await expect(other.alert()).toHaveCount(0);

    expect(await directoryTenants(other)).toEqual(tenants);
    const users = other.table(other.tenantSection('fabrikam.com'), 'User');
    await expect(await other.cell(users, EMAIL, 'Name')).toHaveText('Pat Dover');
    await expect(await other.cell(users, EMAIL, 'Creation method')).toHaveText('EmailVerified');
    await expect(
      await other.cell(other.table(other.tenantSection('fabrikam.com'), 'AccountSkuId'), 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC', 'ConsumedUnits'),
    ).toHaveText('1');

    // It was saved: a reload shows the imported state.
    await other.page.reload();
    await expect(other.heading()).toHaveText('Directory');
    expect(await directoryTenants(other)).toEqual(tenants);

    // The imported password hash still works, and is all that is stored.
    await other.open('/signin');
    if (await other.page.getByRole('main').getByRole('button', { name: 'Sign out' }).isVisible()) {
      await other.page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    }
    await other.signIn(EMAIL, PASSWORD);
    await expect(other.status()).toContainText(`You're signed in as ${EMAIL}`);
    await expectStorageHasNoPlainPasswords(other.page, 'after the import', ALL_PASSWORDS);
    expect((await storedData<Exported>(other.page)).world.directory.tenants).toEqual((JSON.parse(text) as Exported).world.directory.tenants);
    expect(dialogs, 'no dialog opened in the fresh browser').toEqual([]);
  } finally {
    await other.context.close();
  }
});

/** Bad files; `content` gets the schema the running build writes. */
const BAD_FILES: { label: string; name: string; content: (schema: number) => string; says: string[] }[] = [
  { label: 'not JSON', name: 'notes.json', content: () => 'These are my notes, not a simulator state.', says: ['not valid JSON'] },
  { label: 'truncated JSON', name: 'cut.json', content: (schema) => `{"schema":${schema},"world":{"clock":`, says: ['not valid JSON'] },
  {
    label: 'JSON without "schema"',
    name: 'no-schema.json',
    content: () => JSON.stringify({ world: {} }),
    says: ['no schema version'],
  },
  {
    label: 'a schema from the future',
    name: 'future.json',
    content: () => JSON.stringify({ schema: 999, world: {} }),
    says: ['newer version of the simulator', 'schema 999'],
  },
  {
    label: 'the current schema but the wrong shape',
    name: 'wrong-shape.json',
    content: (schema) => JSON.stringify({ schema, world: { clock: 'soon' } }),
    says: ["don't have the expected shape"],
  },
];

for (const bad of BAD_FILES) {
  test(`"Import" of ${bad.label} is refused with an alert and changes nothing`, async ({ sim }) => {
    const { page } = sim;
    await buildState(sim);
    await sim.advanceClock(5, 'minutes');
    const tenants = await directoryTenants(sim);
    const stateBefore = await storedState(page);
    const jsonBefore = await storedJson(page);
    const schema = (await storedData(page)).schema;
    expect(typeof schema).toBe('number');
    const clockBefore = await sim.clock().getAttribute('datetime');

    await importFile(sim, bad.name, bad.content(schema));
    const alert = sim.alert();
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(`${bad.name} wasn't imported, and nothing was changed`);
    for (const s of bad.says) await expect(alert).toContainText(s);
    await expect(sim.status()).toHaveCount(0);

    // Nothing changed: the saved state, the clock, the directory, the session.
    expect(await storedState(page)).toBe(stateBefore);
    await expect(sim.clock()).toHaveAttribute('datetime', clockBefore!);
    expect(await directoryTenants(sim)).toEqual(tenants);
    await page.reload();
    await expect(sim.heading()).toHaveText('Directory');
    expect(await directoryTenants(sim)).toEqual(tenants);
    await expect(sim.clock()).toHaveAttribute('datetime', clockBefore!);
    await sim.open('/signin');
    await expect(page.getByTestId('signed-in-email')).toHaveText(EMAIL);
    expect(await storedState(page)).toBe(stateBefore);
    await expectStorageHasNoPlainPasswords(page, 'after a refused import', ALL_PASSWORDS);

    // A good file is still accepted afterwards (the input was cleared).
    await importFile(sim, 'good.json', jsonBefore!);
    await expect(sim.status()).toContainText('good.json was imported');
  });
}

test('localStorage never holds a plain-text password, at any step', async ({ sim }) => {
  const { page } = sim;
  const check = (step: string) => expectStorageHasNoPlainPasswords(page, step, ALL_PASSWORDS);

  await sim.start();
  await check('on the first visit');
  await sim.signUpExpectingEmail(EMAIL);
  await check('after "Get started"');
  const href = await sim.confirmationHref(EMAIL);
  await sim.open(href);
  // A refused attempt first (passwords don't match), then the good one.
  await sim.fillAccount({ password: PASSWORD, confirmPassword: 'Fabrikam-2016?' });
  await expect(sim.alert()).toContainText("The passwords don't match");
  await check('after a refused account form');
  await expectStorageHasNoPlainPasswords(page, 'after a refused account form', ['Fabrikam-2016?']);
  await sim.fillAccount({ password: PASSWORD, confirmPassword: PASSWORD });
  await expect(sim.status()).toContainText(`Your account ${EMAIL} was created`);
  await check('after "Create"');
  await sim.signIn(EMAIL, WRONG_PASSWORD);
  await expect(sim.alert()).toBeVisible();
  await check('after a wrong password');
  await sim.signIn(EMAIL, PASSWORD);
  await expect(sim.status()).toContainText(`You're signed in as ${EMAIL}`);
  await check('after signing in');
  const { text } = await exportState(sim);
  expectNoPlainPasswords(text, 'the exported file', ALL_PASSWORDS);
  await check('after "Export"');
  await importFile(sim, 'again.json', text);
  await expect(sim.status()).toContainText('again.json was imported');
  await check('after "Import"');
});
