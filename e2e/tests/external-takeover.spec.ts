// External admin takeover: the administrator of a managed tenant adds
// fabrikam.com, which the unmanaged directory created by self-service sign-up
// holds, publishes the TXT record and verifies (ForceTakeover). The users,
// their subscriptions and licenses move; the RMS tenant key and templates
// move only within a region; the emptied tenant is deleted 10 days later.
import { test, expect } from './fixtures/sim';
import {
  PRESET_FABRIKAM,
  CONTOSO_ADMIN,
  LITWARE_ADMIN,
  PAT,
  ROSA,
  loadPreset,
  signInAs,
  openAdmin,
  section,
  rowWith,
  fact,
  dnsRecords,
  addDomain,
  verifyButton,
  tenantWith,
  tenantKeyIds,
} from './fixtures/admin';
import type { Page } from '@playwright/test';
import type { Sim } from './fixtures/sim';

const DOMAIN = 'fabrikam.com';
const OLD_INITIAL = 'fabrikamcom.onmicrosoft.com';

/** /directory: Fabrikam's unmanaged tenant, its region and its RMS key. */
async function fabrikamBefore(sim: Sim): Promise<{ key: string }> {
  await sim.open('/directory');
  const fabrikam = sim.tenantSection(DOMAIN);
  await expect(fabrikam.getByText('Unmanaged', { exact: true })).toBeVisible();
  await expect(fact(fabrikam, 'Region')).toHaveText('North America');
  const keys = await tenantKeyIds(fabrikam);
  expect(keys, 'the unmanaged tenant has one RMS tenant key').toHaveLength(1);
  return { key: keys[0] };
}

/**
 * As the signed-in admin on /admin: add fabrikam.com (held by the unmanaged
 * directory), try Verify without the record, publish it through the row's
 * DNS link, advance an hour, and Verify. Leaves the takeover's status shown.
 */
async function takeOverFabrikam(sim: Sim, page: Page = sim.page): Promise<string> {
  await openAdmin(sim);
  const txt = await addDomain(sim, DOMAIN);
  await expect(sim.status()).toContainText(`held by the unmanaged directory ${DOMAIN}`);
  await expect(sim.status()).toContainText(txt);
  const row = rowWith(section(page, 'Domains').getByRole('table'), DOMAIN);
  await expect(row).toContainText('held by the unmanaged directory');

  // Verify before anything is published: refused, nothing moves.
  await verifyButton(page, DOMAIN).click();
  await expect(sim.alert()).toContainText(`Verification failed: DNS has no TXT or MX record for ${DOMAIN}`);
  await expect(sim.alert()).toContainText(txt);
  await expect(sim.status()).toHaveCount(0);
  await expect(row).toContainText('Unverified');

  // The row's link opens /dns with the record filled in.
  await row.getByRole('link', { name: 'Publish on the DNS page' }).click();
  await expect(sim.heading()).toHaveText('DNS');
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue(DOMAIN);
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('TXT');
  await expect(page.getByLabel('Value', { exact: true })).toHaveValue(txt);
  await page.getByRole('button', { name: 'Add record', exact: true }).click();
  await expect(sim.status()).toContainText(`The TXT record was added to ${DOMAIN}`);
  await expect(await sim.cell(dnsRecords(sim), txt, 'Propagation')).toContainText('Propagating');

  await sim.advanceClock(1, 'hours');
  await openAdmin(sim);
  await verifyButton(page, DOMAIN).click();
  const status = sim.status();
  await expect(status).toContainText(`${DOMAIN} now belongs to`);
  await expect(status).toContainText(`2 user(s), their subscriptions and licenses moved from the unmanaged directory ${OLD_INITIAL}`);
  await expect(status).toContainText(`The emptied unmanaged directory ${OLD_INITIAL} will be deleted at`);
  await expect(status).toContainText('The 10-day deletion is later behaviour');
  await expect(sim.alert()).toHaveCount(0);
  return txt;
}

test('same region: Contoso takes over fabrikam.com; users, key and templates move; the old tenant is deleted 10 days later', async ({ sim }) => {
  test.setTimeout(60_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  const { key } = await fabrikamBefore(sim);
  await expect(fact(sim.tenantSection('contoso.com'), 'Region')).toHaveText('North America');

  await signInAs(sim, CONTOSO_ADMIN);
  await takeOverFabrikam(sim);
  const status = sim.status();
  await expect(status).toContainText(`${DOMAIN} now belongs to Contoso, Ltd`);
  await expect(status).toContainText('same region');
  await expect(status).toContainText('tenant key and default templates moved too');
  const behind = page.getByRole('main').getByRole('group').filter({ hasText: 'What happened behind the scenes' });
  await expect(behind).toContainText(`Contoso, Ltd took over ${DOMAIN} from the unmanaged directory ${OLD_INITIAL} (external takeover)`);

  // The admin center: fabrikam.com Verified, its users here as standard users.
  const domains = section(page, 'Domains').getByRole('table');
  await expect(await sim.cell(domains, DOMAIN, 'Status')).toHaveText('Verified');
  await expect(rowWith(domains, DOMAIN).getByRole('button', { name: 'Verify' })).toHaveCount(0);
  const users = section(page, 'Users').getByRole('table');
  await expect(rowWith(users, PAT.email)).toHaveCount(1);
  await expect(rowWith(users, ROSA.email)).toHaveCount(1);
  await expect(await sim.cell(users, PAT.email, 'Role')).not.toContainText('administrator');
  // The old tenant's key is among Contoso's keys now; none was lost.
  await expect(section(page, 'Subscriptions and Rights Management')).toContainText(key);
  await expect(page.getByRole('heading', { name: 'Keys no tenant holds any more' })).toHaveCount(0);

  // /directory: Contoso's section names both domains and holds the users.
  await sim.open('/directory');
  const contoso = tenantWith(page, 'contoso.com', DOMAIN);
  await expect(contoso).toHaveCount(1);
  await expect(contoso.getByRole('heading', { level: 2 })).toHaveText(/contoso\.com.*fabrikam\.com/);
  const dirUsers = sim.table(contoso, 'User');
  await expect(rowWith(dirUsers, PAT.email)).toHaveCount(1);
  await expect(rowWith(dirUsers, ROSA.email)).toHaveCount(1);
  await expect(rowWith(dirUsers, CONTOSO_ADMIN.email)).toHaveCount(1);
  expect(await tenantKeyIds(contoso)).toContain(key);
  await expect(fact(contoso, 'Domains')).toContainText(`${DOMAIN} (Verified)`);
  // The emptied tenant: headed by its initial domain, pending deletion, no users.
  const old = sim.tenantSection(OLD_INITIAL);
  await expect(old).toHaveCount(1);
  await expect(fact(old, 'Domains')).toHaveText(`${OLD_INITIAL} (PendingDeletion)`);
  await expect(old).toContainText('is deleted at');
  await expect(old.getByText('None: every user moved with the domain.', { exact: true })).toBeVisible();
  await expect(sim.table(old, 'User')).toHaveCount(0); // an empty table is a sentence, not a table
  await expect(tenantWith(page, DOMAIN)).toHaveCount(1); // only Contoso's

  // Ten days later, the emptied tenant is gone.
  await sim.advanceClock(10, 'days');
  await expect(old).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(OLD_INITIAL);
  await expect(tenantWith(page, 'contoso.com', DOMAIN)).toHaveCount(1);
  await sim.open('/events');
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: `Tenant ${DOMAIN} deleted` })).toHaveCount(1);

  // The users moved with their passwords: p.dover still signs in.
  await signInAs(sim, PAT);
  await expect(page.getByTestId('signed-in-email')).toHaveText(PAT.email);
});

test('cross region: Litware (Europe) takes over fabrikam.com; the key does not move and is listed as lost', async ({ sim }) => {
  test.setTimeout(60_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  const { key } = await fabrikamBefore(sim);
  await expect(fact(sim.tenantSection('litwareinc.com'), 'Region')).toHaveText('Europe');

  await signInAs(sim, LITWARE_ADMIN);
  await takeOverFabrikam(sim);
  const status = sim.status();
  await expect(status).toContainText(`${DOMAIN} now belongs to Litware, Inc.`);
  await expect(status).toContainText('different regions');
  await expect(status).toContainText('tenant key and default templates did not move');
  await expect(status).toContainText("files protected under the unmanaged tenant can no longer be opened");

  // "Keys no tenant holds any more" lists Fabrikam's key.
  const subs = section(page, 'Subscriptions and Rights Management');
  await expect(subs.getByRole('heading', { name: 'Keys no tenant holds any more', exact: true })).toBeVisible();
  await expect(subs).toContainText('Files protected with these keys can no longer be opened by anyone.');
  const lost = sim.table(subs, 'Lost at');
  await expect(rowWith(lost, key)).toHaveCount(1);
  await expect(await sim.cell(lost, key, 'Created for')).toHaveText(DOMAIN);
  await expect(await sim.cell(lost, key, 'Why')).toContainText('the key does not move across regions');
  // Litware got the subscription, and a key of its own, not Fabrikam's.
  await expect(rowWith(sim.table(subs, 'AccountSkuId'), 'litwareinc:RIGHTSMANAGEMENT_ADHOC')).toHaveCount(1);
  const own = sim.table(subs, 'Created');
  await expect(own.getByRole('row')).toHaveCount(2);
  await expect(rowWith(own, 'Litware, Inc.')).toHaveCount(1);
  await expect(rowWith(own, key)).toHaveCount(0);

  // /directory: the users are Litware's; the key is nobody's.
  await sim.open('/directory');
  const litware = tenantWith(page, 'litwareinc.com', DOMAIN);
  await expect(litware).toHaveCount(1);
  await expect(rowWith(sim.table(litware, 'User'), PAT.email)).toHaveCount(1);
  await expect(rowWith(sim.table(litware, 'User'), ROSA.email)).toHaveCount(1);
  expect(await tenantKeyIds(litware)).not.toContain(key);
  const old = sim.tenantSection(OLD_INITIAL);
  await expect(old).toHaveCount(1);
  await expect(fact(old, 'Domains')).toHaveText(`${OLD_INITIAL} (PendingDeletion)`);
  await expect(old.getByText('None: every user moved with the domain.', { exact: true })).toBeVisible();
  expect(await tenantKeyIds(old)).toEqual([]);
});
