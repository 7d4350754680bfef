// Super users and usage logging after conversion to paid (facts §6): super
// users are disabled by default; once enabled, a super user opens any
// document protected under the tenant's key with Full Control, even one
// protected before; usage logging obeys its switch.
import { test, expect } from './fixtures/sim';
import { PAT, ROSA, PRESET_FABRIKAM, loadPreset, signInAs, section, fact, internalTakeover, openAdmin } from './fixtures/admin';
import { textFile, protect, downloadResult, fromDisk, openInViewer, protectionSection, contentSection, download } from './fixtures/sharing';

async function convert(sim: import('./fixtures/sim').Sim): Promise<void> {
  const subs = section(sim.page, 'Subscriptions and Rights Management');
  await subs.getByRole('button', { name: 'Convert to paid subscription', exact: true }).click();
  await expect(sim.status()).toContainText('Converted');
}

test('a super user opens a file protected before they became one, with Full Control', async ({ sim }, info) => {
  test.setTimeout(90_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  // Monday: Pat protects a file for someone at Contoso only.
  await signInAs(sim, PAT);
  await protect(sim, textFile('Monday.txt', 'Protected on Monday.\n'), { mode: 'Share Protected', users: 'janetm@contoso.com', level: 'Viewer' });
  const saved = await downloadResult(page, 'Monday.ptxt', info);
  // Rosa can't open it.
  await signInAs(sim, ROSA);
  await openInViewer(sim, await fromDisk(saved));
  await expect(sim.alert()).toContainText("doesn't have permission to open this file");

  // Pat takes over the directory, converts, adds Rosa and enables the feature.
  await internalTakeover(sim, PAT, 'fabrikam.com');
  await convert(sim);
  const su = section(page, 'Super users');
  await expect(su).toContainText('The super user feature is disabled (the default).');
  await su.getByLabel('Super user email address', { exact: true }).fill(ROSA.email);
  await su.getByRole('button', { name: 'Add super user', exact: true }).click();
  await expect(sim.status()).toContainText('the super user feature is disabled');
  await su.getByRole('button', { name: 'Enable super users', exact: true }).click();
  await expect(sim.status()).toContainText('The super user feature is enabled');
  await expect(su.getByRole('list', { name: 'Super users' })).toContainText(ROSA.email);
  const log = await download(page, su.getByRole('button', { name: 'Download admin log', exact: true }), info);
  expect(log.name).toBe('rms-admin-log.csv');
  expect(log.bytes.toString()).toContain('Add-AadrmSuperUser -EmailAddress r.ortiz@fabrikam.com');
  expect(log.bytes.toString()).toContain('Enable-AadrmSuperUserFeature');

  // Rosa opens Monday's file now, as a super user.
  await signInAs(sim, ROSA);
  await openInViewer(sim, await fromDisk(saved));
  await expect(protectionSection(page)).toContainText('you are a super user of the organization that protected it: Full Control');
  await expect(contentSection(page)).toContainText('Protected on Monday.');
  await sim.open('/events');
  await expect(page.getByRole('main')).toContainText('The reader is a super user of the organization whose key protected the file');
});

test('usage logging: "Turn off usage logging" stops new entries; the earlier ones still download', async ({ sim }, info) => {
  test.setTimeout(90_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  // Before takeover there is no administrator: /directory says usage logging needs one.
  await sim.open('/directory');
  await expect(fact(sim.tenantSection('fabrikam.com'), 'Usage logging')).toContainText('Not available: usage logging needs a tenant administrator');
  await internalTakeover(sim, PAT, 'fabrikam.com');
  await convert(sim);
  const subs = section(page, 'Subscriptions and Rights Management');
  await expect(fact(subs, 'Usage logging')).toHaveText(/^On \(on by default/);

  // Pat protects a file for Rosa: logged.
  await protect(sim, textFile('Logged.txt', 'logged\n'), { mode: 'Protect in-place', users: ROSA.email, level: 'Viewer' });
  const logged = await downloadResult(page, 'Logged.ptxt', info);
  await openAdmin(sim);
  await section(page, 'Subscriptions and Rights Management').getByRole('button', { name: 'Turn off usage logging', exact: true }).click();
  await expect(sim.status()).toContainText('Usage logging is off');
  await expect(fact(section(page, 'Subscriptions and Rights Management'), 'Usage logging')).toHaveText(/^Off: requests are not logged/);

  // Rosa opens it while logging is off: not written.
  await signInAs(sim, ROSA);
  await openInViewer(sim, await fromDisk(logged));
  await expect(contentSection(page)).toContainText('logged');
  await signInAs(sim, PAT);
  await openAdmin(sim);
  const file = await download(page, section(page, 'Subscriptions and Rights Management').getByRole('button', { name: 'Download usage log', exact: true }), info);
  const text = file.bytes.toString();
  expect(text.startsWith('#Software: RMS')).toBe(true);
  expect(text).toContain('GetClientLicensorCert');
  expect(text).not.toContain('AcquireLicense');
  expect(text).not.toContain('FECreatePublishingLicenseV1');
});
