// How administrators control the accounts created for RMS for individuals:
// the company settings (AllowEmailVerifiedUsers, AllowAdHocSubscriptions),
// blocking and deleting accounts, directory synchronization, converting to a
// paid subscription, and finding the sharing application in the software
// inventory.
import { test, expect, type Sim } from './fixtures/sim';
import {
  PRESET_FABRIKAM,
  LITWARE_ADMIN,
  PAT,
  ROSA,
  loadPreset,
  signInAs,
  signOut,
  openAdmin,
  section,
  rowWith,
  fact,
  internalTakeover,
} from './fixtures/admin';

const LITWARE = 'litwareinc.com';
const ADHOC = 'litwareinc:RIGHTSMANAGEMENT_ADHOC';

/** Sets the two sign-up checkboxes in the admin center and saves; expects the status. */
async function saveSignupSettings(sim: Sim, adHoc: boolean, emailVerified: boolean): Promise<void> {
  const { page } = sim;
  await openAdmin(sim);
  const settings = section(page, 'Self-service sign-up');
  await settings.getByRole('checkbox', { name: 'AllowAdHocSubscriptions', exact: true }).setChecked(adHoc);
  await settings.getByRole('checkbox', { name: 'AllowEmailVerifiedUsers', exact: true }).setChecked(emailVerified);
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(sim.status()).toContainText(`Saved: AllowAdHocSubscriptions ${adHoc}, AllowEmailVerifiedUsers ${emailVerified}.`);
  await expect(sim.alert()).toHaveCount(0);
}

/** /directory: a cell of Litware's subscriptions table. */
async function litwareUnits(sim: Sim, column: string) {
  await sim.open('/directory');
  return sim.cell(sim.table(sim.tenantSection(LITWARE), 'AccountSkuId'), ADHOC, column);
}

test('the company settings: AllowEmailVerifiedUsers off says "contact your admin"; AllowAdHocSubscriptions off turns sign-up off', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  await signInAs(sim, LITWARE_ADMIN);
  await openAdmin(sim);
  await expect(page.getByRole('main')).toContainText(`Signed in as ${LITWARE_ADMIN.email}, a global administrator.`);
  await expect(page.getByRole('main')).toContainText('Europe region');
  const settings = section(page, 'Self-service sign-up');
  const adHoc = settings.getByRole('checkbox', { name: 'AllowAdHocSubscriptions', exact: true });
  const emailVerified = settings.getByRole('checkbox', { name: 'AllowEmailVerifiedUsers', exact: true });
  await expect(adHoc).toBeChecked();
  await expect(emailVerified).toBeChecked();
  await expect(settings).toContainText('Effect (the default)');

  // AllowEmailVerifiedUsers off: only people who already have an account can sign up.
  await saveSignupSettings(sim, true, false);
  await expect(sim.status()).toContainText('everyone else is told to contact their admin');
  await page.reload();
  await expect(section(page, 'Self-service sign-up').getByRole('checkbox', { name: 'AllowEmailVerifiedUsers' })).not.toBeChecked();
  await sim.open('/directory');
  await expect(fact(sim.tenantSection(LITWARE), 'Self-service sign-up')).toHaveText(
    'AllowAdHocSubscriptions true, AllowEmailVerifiedUsers false',
  );

  await signOut(sim);
  await sim.signUp(`new.person@${LITWARE}`);
  await expect(sim.alert()).toContainText(/contact your admin/i);
  await expect(sim.alert()).toContainText(`doesn't let new accounts join its directory for ${LITWARE}`);
  await expect(sim.status()).toHaveCount(0);

  // AllowAdHocSubscriptions off as well: nobody can sign up.
  await signInAs(sim, LITWARE_ADMIN);
  await saveSignupSettings(sim, false, false);
  await expect(sim.status()).toContainText('nobody can sign up for RMS for individuals');
  await signOut(sim);
  await sim.signUp(`another.person@${LITWARE}`);
  await expect(sim.alert()).toContainText('Your IT department has turned off signup');
  await expect(sim.status()).toHaveCount(0);

  // Both back on: sign-up sends the confirmation email again.
  await signInAs(sim, LITWARE_ADMIN);
  await saveSignupSettings(sim, true, true);
  await signOut(sim);
  await sim.signUpExpectingEmail(`another.person@${LITWARE}`);
  await expect(sim.alert()).toHaveCount(0);
});

test('"Block sign-in" stops an account that sign-up created; "Delete" frees its license unit', async ({ sim }) => {
  const { page } = sim;
  const user = { email: `sam.lee@${LITWARE}`, password: 'Fabrikam-2016!' };
  await sim.start();
  await sim.completeSignUp(user.email, { firstName: 'Sam', lastName: 'Lee' });
  await expect(await litwareUnits(sim, 'ConsumedUnits')).toHaveText('1');

  // The admin blocks the account.
  await signInAs(sim, LITWARE_ADMIN);
  await openAdmin(sim);
  const users = section(page, 'Users').getByRole('table');
  await expect(await sim.cell(users, user.email, 'Creation method')).toHaveText('EmailVerified');
  await expect(await sim.cell(users, user.email, 'Status')).toHaveText('Enabled');
  // No actions on the admin's own row.
  await expect(rowWith(users, LITWARE_ADMIN.email).getByRole('button')).toHaveCount(0);
  await rowWith(users, user.email).getByRole('button', { name: 'Block sign-in', exact: true }).click();
  await expect(sim.status()).toContainText("Sign-in blocked: the account can't sign in or sign up any more.");
  await expect(await sim.cell(users, user.email, 'Status')).toHaveText('Sign-in blocked');
  await expect(rowWith(users, user.email).getByRole('button', { name: 'Unblock sign-in', exact: true })).toBeVisible();

  // The blocked account can't sign in.
  await signOut(sim);
  await sim.signIn(user.email, user.password);
  await expect(sim.alert()).toContainText('Your account has been blocked by your administrator');
  await expect(page.getByTestId('session')).toContainText('Not signed in');
  await sim.open('/directory');
  await expect(await sim.cell(sim.table(sim.tenantSection(LITWARE), 'User'), user.email, 'Status')).toHaveText('Sign-in blocked');
  // Blocking keeps the license.
  await expect(await litwareUnits(sim, 'ConsumedUnits')).toHaveText('1');

  // The admin deletes it: "Delete" runs at once, and its notice offers Undo instead of asking first.
  await signInAs(sim, LITWARE_ADMIN);
  await openAdmin(sim);
  await rowWith(users, user.email).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(sim.status()).toContainText('The account was deleted, and its license units are free again.');
  await expect(rowWith(users, user.email)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo Delete a user', exact: true }).click();
  await expect(rowWith(users, user.email)).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Delete a user' })).toBeVisible();
  await rowWith(users, user.email).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rowWith(users, user.email)).toHaveCount(0);
  await expect(rowWith(users, LITWARE_ADMIN.email)).toHaveCount(1);

  await expect(await litwareUnits(sim, 'ConsumedUnits')).toHaveText('0');
  await expect(rowWith(sim.table(sim.tenantSection(LITWARE), 'User'), user.email)).toHaveCount(0);
});

test('directory synchronization on: sign-up can no longer create accounts', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await signInAs(sim, LITWARE_ADMIN);
  await openAdmin(sim);
  const dirSync = section(page, 'Directory synchronization');
  await expect(dirSync).toContainText('Off: accounts are created in the cloud');
  await dirSync.getByRole('button', { name: 'Turn on directory synchronization', exact: true }).click();
  await expect(sim.status()).toContainText('Directory synchronization is on: sign-up no longer creates accounts.');
  await expect(dirSync.getByRole('button', { name: 'Turn off directory synchronization', exact: true })).toBeVisible();
  await expect(dirSync).toContainText('On: accounts come from your on-premises Active Directory');
  await sim.open('/directory');
  await expect(fact(sim.tenantSection(LITWARE), 'Directory synchronization')).toHaveText('On');

  await signOut(sim);
  await sim.signUp(`new.person@${LITWARE}`);
  await expect(sim.alert()).toContainText(`your organization synchronizes its accounts for ${LITWARE} from its own directory`);
  await expect(sim.alert()).toContainText('Contact your admin');
  await expect(sim.status()).toHaveCount(0);
  await sim.open('/inbox');
  await expect(page.getByRole('main').getByRole('link', { name: `new.person@${LITWARE}` })).toHaveCount(0);
});

test('after the internal takeover, Fabrikam converts to a paid subscription and gets the paid features', async ({ sim }) => {
  test.setTimeout(60_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  await internalTakeover(sim, PAT, 'fabrikam.com');

  const subs = section(page, 'Subscriptions and Rights Management');
  const skus = sim.table(subs, 'AccountSkuId');
  await expect(rowWith(skus, 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC')).toHaveCount(1);
  await expect(rowWith(skus, 'fabrikamcom:RIGHTSMANAGEMENT')).toHaveCount(0);
  await expect(fact(subs, 'Document tracking and revocation')).toContainText('need a paid subscription that includes Azure Rights Management');

  await subs.getByRole('button', { name: 'Convert to paid subscription', exact: true }).click();
  await expect(sim.status()).toContainText('Converted: the organization now has Azure Rights Management Premium.');
  await expect(sim.alert()).toHaveCount(0);
  await expect(rowWith(skus, 'fabrikamcom:RIGHTSMANAGEMENT')).toHaveCount(1);
  await expect(rowWith(skus, 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC')).toHaveCount(1);
  await expect(subs.getByRole('button', { name: 'Convert to paid subscription' })).toHaveCount(0);
  await expect(subs).toContainText('Converted from RMS for individuals at');
  await expect(fact(subs, 'Document tracking and revocation')).toHaveText(/^Available/);
  await expect(fact(subs, 'Usage logging')).toHaveText(/^On \(on by default/);
  await expect(section(page, 'Super users').getByRole('button', { name: 'Enable super users', exact: true })).toBeVisible();

  // The directory shows the new subscription, and the users are kept.
  await sim.open('/directory');
  const fabrikam = sim.tenantSection('fabrikam.com');
  await expect(rowWith(sim.table(fabrikam, 'AccountSkuId'), 'fabrikamcom:RIGHTSMANAGEMENT')).toHaveCount(1);
  await expect(rowWith(sim.table(fabrikam, 'User'), ROSA.email)).toHaveCount(1);
});

test('the software inventory lists the computer on which a user installed the sharing application', async ({ sim }) => {
  test.setTimeout(60_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  await internalTakeover(sim, PAT, 'fabrikam.com');
  const inventory = section(page, 'Software inventory');
  await expect(inventory).toContainText('No computer of this organization has the sharing application installed.');

  // r.ortiz installs the sharing application from /signin.
  await signInAs(sim, ROSA);
  await page.getByRole('button', { name: 'Install the sharing application', exact: true }).click();
  await expect(sim.status()).toContainText('The Rights Management sharing application (ipviewer.exe');
  await expect(page.getByRole('button', { name: 'Install the sharing application' })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('Installed on');

  // The admin sees it.
  await signInAs(sim, PAT);
  await openAdmin(sim);
  const table = sim.table(inventory, 'Program');
  await expect(rowWith(table, ROSA.email)).toHaveCount(1);
  await expect(await sim.cell(table, ROSA.email, 'Program')).toHaveText('ipviewer.exe');
  await expect(await sim.cell(table, ROSA.email, 'Computer')).toHaveText(/PC/);
  await expect(rowWith(table, PAT.email)).toHaveCount(0);
});
