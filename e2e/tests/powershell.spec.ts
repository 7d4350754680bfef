// /powershell: the Windows PowerShell console with the MSOnline cmdlets the
// seed names, acting on the same world as the pages. Turning self-service
// sign-up off (Set-MsolCompanySettings -AllowAdHocSubscriptions $false), an
// external takeover done entirely from the console (New-MsolDomain,
// Get-MsolDomainVerificationDns, Confirm-MsolDomain -ForceTakeover Force),
// and the console's ergonomics: the credential dialog's outcomes,
// PowerShell-shaped errors, history, Tab completion, Get-Help, cls, and the
// connection kept across a reload.
import { test, expect } from './fixtures/sim';
import {
  PRESET_DEFAULT,
  PRESET_FABRIKAM,
  CONTOSO_ADMIN,
  LITWARE_ADMIN,
  PAT,
  ROSA,
  loadPreset,
  signInAs,
  openAdmin,
  section,
  publishDnsRecord,
  tenantWith,
  fact,
} from './fixtures/admin';
import {
  PROMPT,
  openConsole,
  commandBox,
  transcript,
  transcriptText,
  connection,
  credentialDialog,
  run,
  addedSince,
  signInThroughDialog,
  connectMsol,
} from './fixtures/powershell';

const NOT_CONNECTED = 'You must call the Connect-MsolService cmdlet before calling any other cmdlets.';
const SKU_HEADER = 'AccountSkuId                     ActiveUnits WarningUnits ConsumedUnits';

test('the issue\'s demo: Set-MsolCompanySettings -AllowAdHocSubscriptions $false turns sign-up off for Litware', async ({ sim }) => {
  test.setTimeout(60_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_DEFAULT);

  await openConsole(sim);
  await expect(transcript(page)).toContainText('Windows PowerShell');
  await expect(connection(page)).toContainText('Not connected. Run Connect-MsolService');

  // Any MSOnline cmdlet before connecting: PowerShell's error, attributed to the cmdlet.
  const early = await run(page, 'Get-MsolAccountSku');
  expect(early).toContain(`Get-MsolAccountSku : ${NOT_CONNECTED}`);
  expect(early).toContain('FullyQualifiedErrorId : Microsoft.Online.Administration.Automation.MicrosoftOnlineException');

  await connectMsol(page, LITWARE_ADMIN);

  // The setting is on by default; turning it off prints nothing, like the real cmdlet.
  const defaults = await run(page, 'Get-MsolCompanyInformation | fl allow*');
  expect(defaults).toContain('AllowAdHocSubscriptions : True');
  expect(await run(page, 'Set-MsolCompanySettings -AllowAdHocSubscriptions $false')).toBe(
    `${PROMPT}Set-MsolCompanySettings -AllowAdHocSubscriptions $false\n`,
  );
  const after = await run(page, 'Get-MsolCompanyInformation | fl allow*');
  expect(after).toContain('AllowAdHocSubscriptions : False');
  expect(after).toContain('AllowEmailVerifiedUsers : True');
  expect(after).not.toContain('DisplayName');

  // The portal refuses a new Litware address.
  await sim.signUp('new.person@litwareinc.com');
  await expect(sim.alert()).toContainText('Your IT department has turned off signup');
  await expect(sim.status()).toHaveCount(0);

  // The admin center shows the same state.
  await signInAs(sim, LITWARE_ADMIN);
  await openAdmin(sim);
  const settings = section(page, 'Self-service sign-up');
  await expect(settings.getByRole('checkbox', { name: 'AllowAdHocSubscriptions', exact: true })).not.toBeChecked();
  await expect(settings.getByRole('checkbox', { name: 'AllowEmailVerifiedUsers', exact: true })).toBeChecked();
  await sim.open('/directory');
  await expect(fact(sim.tenantSection('litwareinc.com'), 'Self-service sign-up')).toHaveText(
    'AllowAdHocSubscriptions false, AllowEmailVerifiedUsers true',
  );
});

test('external takeover from the console: New-MsolDomain, Get-MsolDomainVerificationDns, Confirm-MsolDomain -ForceTakeover Force', async ({ sim }) => {
  test.setTimeout(60_000);
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);

  await openConsole(sim);
  await connectMsol(page, CONTOSO_ADMIN);

  // As in Microsoft's docs, with EN DASHes before the parameter names.
  const added = await run(page, 'New-MsolDomain \u2013Name fabrikam.com');
  expect(added).not.toContain('New-MsolDomain :');
  expect(added).toMatch(/^fabrikam\.com +Unverified +Managed *$/m);

  const dns = await run(page, 'Get-MsolDomainVerificationDns \u2013DomainName fabrikam.com \u2013Mode DnsTxtRecord');
  expect(dns).toMatch(/^Label +: fabrikam\.com *$/m);
  const text = dns.match(/^Text +: (MS=ms[0-9]{8}) *$/m);
  expect(text, `a "Text : MS=ms…" line in ${JSON.stringify(dns)}`).not.toBeNull();
  const txt = text![1];

  // Too early: nothing published yet.
  const early = await run(page, 'Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force');
  expect(early).toContain('Confirm-MsolDomain : Unable to verify the domain.');

  await publishDnsRecord(sim, 'fabrikam.com', 'TXT', txt);
  await sim.advanceClock(1, 'hours');

  await openConsole(sim);
  await expect(connection(page)).toContainText(`Connected to MSOnline as ${CONTOSO_ADMIN.email}.`);
  // "A successful challenge returns you to the prompt without an error."
  expect(await run(page, 'Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force')).toBe(
    `${PROMPT}Confirm-MsolDomain -DomainName fabrikam.com -ForceTakeover Force\n`,
  );

  const skus = await run(page, 'Get-MsolAccountSku');
  const lines = skus.split('\n');
  expect(lines, skus).toContain(SKU_HEADER);
  expect(lines[lines.indexOf(SKU_HEADER) + 1]).toMatch(/^-{12} +-{11} +-{12} +-{13}$/);
  expect(skus).toMatch(/^contoso:RIGHTSMANAGEMENT_ADHOC +50000 +0 +2 *$/m);

  const users = await run(page, 'Get-MsolUser -DomainName fabrikam.com');
  expect(users).toMatch(/^UserPrincipalName +DisplayName +isLicensed *$/m);
  expect(users).toContain(PAT.email);
  expect(users).toContain(ROSA.email);
  expect(users).not.toContain(CONTOSO_ADMIN.email);

  const domains = await run(page, 'Get-MsolDomain');
  expect(domains).toMatch(/^fabrikam\.com +Verified +Managed *$/m);

  // The pages agree: fabrikam.com and its users are Contoso's now.
  await sim.open('/directory');
  const contoso = tenantWith(page, 'contoso.com', 'fabrikam.com');
  await expect(contoso).toHaveCount(1);
  await expect(fact(contoso, 'Domains')).toContainText('fabrikam.com (Verified)');
  await expect(sim.table(contoso, 'User')).toContainText(PAT.email);
});

test('the credential dialog: a wrong password, Cancel, and a standard user do not connect', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  await openConsole(sim);

  // A wrong password.
  let before = await signInThroughDialog(page, { email: CONTOSO_ADMIN.email, password: 'Wrong-2016!' });
  let added = await addedSince(page, before, 'Connect-MsolService : Authentication Error');
  expect(added).toContain('+ Connect-MsolService');
  await expect(connection(page)).toContainText('Not connected.');

  // Cancel.
  await run(page, 'Connect-MsolService');
  const dialog = credentialDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email address', { exact: true })).toBeFocused();
  before = await transcriptText(page);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  added = await addedSince(page, before, 'canceled');
  expect(added).toContain('Connect-MsolService : Authentication Error: the sign-in was canceled.');
  await expect(commandBox(page)).toBeFocused();
  await expect(connection(page)).toContainText('Not connected.');

  // A standard user of the unmanaged directory, with the right password.
  before = await signInThroughDialog(page, PAT);
  added = await addedSince(page, before, 'Access Denied');
  expect(added).toContain('Connect-MsolService : Access Denied. You do not have permissions to call this cmdlet.');
  expect(added).toContain(`${PAT.email} is a standard user of an unmanaged directory`);
  await expect(connection(page)).toContainText('Not connected.');
  expect(await run(page, 'Get-MsolUser')).toContain(NOT_CONNECTED);
});

test('errors have PowerShell\'s shape: an unknown cmdlet, an unknown parameter', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);

  const unknown = await run(page, 'Get-Foo');
  expect(unknown).toContain(
    "Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program.",
  );
  expect(unknown).toContain('At line:1 char:1\n+ Get-Foo\n+ ~~~~~~~\n');
  expect(unknown).toContain('FullyQualifiedErrorId : CommandNotFoundException');

  const param = await run(page, 'Set-MsolCompanySettings -Foo 1');
  expect(param).toContain("Set-MsolCompanySettings : A parameter cannot be found that matches parameter name 'Foo'.");
  expect(param).toContain('NamedParameterNotFound');
});

test('history: ArrowUp recalls earlier commands, ArrowDown past the newest clears the line', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);
  const box = commandBox(page);

  await run(page, 'Get-Command *-MsolDomain');
  await run(page, "'second'");
  await box.press('ArrowUp');
  await expect(box).toHaveValue("'second'");
  await box.press('ArrowUp');
  await expect(box).toHaveValue('Get-Command *-MsolDomain');
  await box.press('ArrowUp');
  await expect(box).toHaveValue('Get-Command *-MsolDomain'); // the oldest stays
  await box.press('ArrowDown');
  await expect(box).toHaveValue("'second'");
  await box.press('ArrowDown');
  await expect(box).toHaveValue('');

  // A recalled command runs again with Enter.
  await box.press('ArrowUp');
  await expect(box).toHaveValue("'second'");
  const before = await transcriptText(page);
  await box.press('Enter');
  await addedSince(page, before, `${PROMPT}'second'\nsecond\n`);
  await expect(box).toHaveValue('');
});

test('Tab completes cmdlet names, and cycles through parameter names', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);
  const box = commandBox(page);

  await box.click();
  await box.pressSequentially('Get-MsolAcc');
  await box.press('Tab');
  await expect(box).toHaveValue('Get-MsolAccountSku');
  await expect(box).toBeFocused();

  // Typed over with the keyboard, as a person would.
  await box.press('ControlOrMeta+A');
  await box.pressSequentially('Set-MsolCompanySettings -Allow');
  await box.press('Tab');
  await expect(box).toHaveValue('Set-MsolCompanySettings -AllowAdHocSubscriptions');
  await box.press('Tab');
  await expect(box).toHaveValue('Set-MsolCompanySettings -AllowEmailVerifiedUsers');
  await box.press('Tab');
  await expect(box).toHaveValue('Set-MsolCompanySettings -AllowAdHocSubscriptions');
  await expect(box).toBeFocused();

  // Typing goes on from the completed line.
  await box.press('End');
  await box.pressSequentially(' $f');
  await box.press('Tab');
  await expect(box).toHaveValue('Set-MsolCompanySettings -AllowAdHocSubscriptions $false');

  // An edit that isn't a key press (a paste from the menu) starts a new completion.
  await box.press('Tab');
  await box.fill('Get-MsolDom');
  await box.press('End');
  await box.press('Tab');
  await expect(box).toHaveValue('Get-MsolDomain');
});

test('Get-Help explains a cmdlet; cls clears the transcript', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);

  const help = await run(page, 'Get-Help Set-MsolCompanySettings');
  expect(help).toContain('\nNAME\n    Set-MsolCompanySettings\n');
  expect(help).toContain('\nSYNOPSIS\n    Sets company-level configuration settings.\n');
  expect(help).toContain('\nSYNTAX\n    Set-MsolCompanySettings ');
  expect(help).toContain('[-AllowAdHocSubscriptions <Boolean>]');
  await expect(transcript(page)).toContainText('Windows PowerShell');

  await commandBox(page).fill('cls');
  await commandBox(page).press('Enter');
  await expect(transcript(page)).toHaveText('');
  await expect(commandBox(page)).toHaveValue('');
  // The console goes on working after it.
  expect(await transcriptText(page)).toBe('');
  expect(await run(page, "'again'")).toBe(`${PROMPT}'again'\nagain\n`);
});

test('the connection survives a reload of the page', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await openConsole(sim);
  await connectMsol(page, CONTOSO_ADMIN);

  await page.reload();
  await expect(sim.heading()).toHaveText('Windows PowerShell');
  await expect(connection(page)).toContainText(`Connected to MSOnline as ${CONTOSO_ADMIN.email}.`);
  const skus = await run(page, 'Get-MsolAccountSku');
  expect(skus).not.toContain(NOT_CONNECTED);
  expect(skus.split('\n')).toContain(SKU_HEADER);
  expect(skus).toMatch(/^contoso:/m);
});
