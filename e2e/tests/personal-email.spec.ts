// Seed step 2: personal addresses aren't supported; technical overview step 1:
// some domain names can't be used to create a directory (blocked domains).
// Every refusal is an alert on the portal, and no mail is sent.
import { test, expect, type Sim } from './fixtures/sim';

async function expectNoMailbox(sim: Sim, address: string) {
  await sim.open('/inbox');
  await expect(sim.page.getByRole('main').getByRole('link', { name: address })).toHaveCount(0);
  await sim.open(`/inbox/${address}`);
  await expect(sim.page.getByRole('main')).toContainText(`No mail has arrived for ${address} yet`);
}

for (const [address, kind] of [
  ['someone@outlook.com', 'consumer email services'],
  ['pat.dover@comcast.net', 'Internet or telecommunications provider'],
] as const) {
  test(`a personal address (${address}) is refused`, async ({ sim }) => {
    await sim.start();
    await sim.signUp(address);

    const alert = sim.alert();
    await expect(alert).toContainText('That looks like a personal email address');
    await expect(alert).toContainText(kind);
    await expect(sim.status()).toHaveCount(0);

    await expectNoMailbox(sim, address);
  });
}

test('an address without a domain ("p.dover") is refused as invalid', async ({ sim }) => {
  await sim.start();
  await sim.signUp('p.dover');

  await expect(sim.alert()).toContainText("That isn't an email address");
  await expect(sim.alert()).toContainText('@');
  await expect(sim.status()).toHaveCount(0);

  await sim.open('/inbox');
  await expect(sim.page.getByRole('main')).toContainText('No mail yet');
});

test('an address whose domain has no dot ("p.dover@fabrikam") is refused as invalid', async ({ sim }) => {
  // The browser's type="email" check lets this one through to the app.
  await sim.start();
  await sim.signUp('p.dover@fabrikam');

  await expect(sim.alert()).toContainText("That isn't a work or school email address");
  await expect(sim.alert()).toContainText('full domain name with a dot');
  await expect(sim.status()).toHaveCount(0);

  await sim.open('/inbox');
  await expect(sim.page.getByRole('main')).toContainText('No mail yet');
});

test('a blocked domain (office365.com) is refused', async ({ sim }) => {
  await sim.start();
  await sim.signUp('someone@office365.com');

  await expect(sim.alert()).toContainText("The domain office365.com can't be used to create a directory");
  await expect(sim.status()).toHaveCount(0);

  await expectNoMailbox(sim, 'someone@office365.com');
});

test('the personal-domains table is fetched after the page paints, and Get started waits for it', async ({ sim }) => {
  const { page } = sim;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await sim.start();
  await sim.open('/portal');
  await expect(page.getByRole('button', { name: 'Get started' })).toBeEnabled();
  expect(requests).toContain('/personal-domains.txt');
  // The wasm and its loader come first; the table only after them.
  expect(requests.indexOf('/personal-domains.txt')).toBeGreaterThan(requests.indexOf('/rms-sim_bg.wasm'));

  for (const [address, says] of [
    ['someone@gmx.at', 'consumer email services'], // only on the fetched table
    ['someone@hotmail.co.jp', 'consumer email services'],
    ['someone@mailinator.com', 'disposable email services'],
  ] as const) {
    await sim.signUp(address);
    await expect(sim.alert()).toContainText('That looks like a personal email address');
    await expect(sim.alert()).toContainText(says);
  }
  for (const [address, says] of [
    ['someone@fab_rikam.com', 'can\'t contain “_”'],
    ['someone@fabrikam.local', 'only inside a local network'],
    ['p.dover+rms@fabrikam.com', 'plus addressing'],
  ] as const) {
    await sim.signUp(address);
    await expect(sim.alert()).toContainText(says);
  }
  await expect(sim.status()).toHaveCount(0);
});

test('a domain added on the start page is blocked on the portal', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  // Before: tailspintoys.com may sign up.
  await sim.signUp('a.user@tailspintoys.com');
  await expect(sim.status()).toContainText('Check your email');

  // The trainer blocks it.
  await sim.open('/');
  await page.getByLabel('Blocked domain', { exact: true }).fill('wingtiptoys.com');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('wingtiptoys.com is now blocked');
  await expect(page.getByRole('button', { name: 'Remove wingtiptoys.com' })).toBeVisible();

  await sim.signUp('someone@wingtiptoys.com');
  await expect(sim.alert()).toContainText("The domain wingtiptoys.com can't be used to create a directory");
  await expect(sim.status()).toHaveCount(0);

  // Subdomains are covered by the entry too.
  await sim.signUp('someone@sales.wingtiptoys.com');
  await expect(sim.alert()).toContainText("can't be used to create a directory");
  await expect(sim.alert()).toContainText('wingtiptoys.com is on the blocked domains list');

  await expectNoMailbox(sim, 'someone@wingtiptoys.com');
});
