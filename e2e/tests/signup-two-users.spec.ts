// The seed's whole flow for two people of a new organization (fabrikam.com):
// "To sign up for RMS for individuals" steps 1–8, and what the technical
// overview says happens behind it (steps 1–3).
import { test, expect, SENDER, CONFIRMATION_SUBJECT, READY_SUBJECT, type Sim } from './fixtures/sim';

const FIRST = 'p.dover@fabrikam.com';
const SECOND = 'r.ortiz@fabrikam.com';
const PASSWORD = 'Fabrikam-2016!';

/**
 * One person's sign-up, with the link opened in a second tab as a mail
 * client would. The first tab stays on /portal and must learn, without a
 * reload, that the sign-up was completed.
 */
async function signUpWithLinkInSecondTab(sim: Sim, email: string, first: string, last: string) {
  const { page, context } = sim;

  // Steps 1–3: the portal, the address, "Get started".
  await sim.signUp(email);
  const status = sim.status();
  await expect(status).toContainText('Check your email');
  await expect(status).toContainText(email);
  await expect(status).toContainText(SENDER);
  await expect(sim.alert()).toHaveCount(0);

  // Step 4: the confirmation email arrives, from DoNotReply@microsoft.com, subject "Microsoft RMS".
  const mail = await context.newPage();
  await sim.open('/inbox', mail);
  await expect(sim.heading(mail)).toHaveText('Inbox');
  const mailbox = mail.getByRole('link', { name: email });
  await expect(mailbox).toBeVisible();
  await expect(mailbox).toContainText('1 unread');
  await mailbox.click();
  await expect(sim.heading(mail)).toHaveText(email);
  await expect(mail).toHaveURL(new RegExp(`/inbox/${email.replace(/\./g, '\\.')}$`));
  const link = sim.messageLink(SENDER, CONFIRMATION_SUBJECT, mail);
  await expect(link).toHaveCount(1);
  await expect(link).toContainText('Microsoft');
  await link.click();
  const message = mail.getByRole('article', { name: 'Message' });
  await expect(message).toContainText(`Microsoft <${SENDER}>`);
  await expect(message).toContainText(email);

  // Step 5: the link, opened in a new tab.
  const href = await message.getByRole('link', { name: 'Complete your sign-up' }).getAttribute('href');
  expect(href).toMatch(/^\/portal\/verify\?token=[0-9a-f]+$/);
  const account = await context.newPage();
  await sim.open(href!, account);

  // Step 6: the details, then Create.
  await expect(sim.heading(account)).toHaveText('Microsoft Rights Management');
  await expect(account.getByRole('main')).toContainText(`Create your account for ${email}`);
  await sim.fillAccount({ firstName: first, lastName: last, password: PASSWORD, confirmPassword: PASSWORD }, account);
  await expect(sim.status(account)).toContainText(`Your account ${email} was created`);
  await expect(sim.alert(account)).toHaveCount(0);

  // The first tab, still on /portal, shows the account is ready without a reload.
  await expect(page).toHaveURL(/\/portal$/);
  await expect(sim.status()).toContainText(`Your account ${email} is ready`);
  await expect(sim.status().getByRole('link', { name: 'Sign in' })).toBeVisible();

  // Steps 7–8: the "account is ready" email, with a Sign in link and a Help link.
  const ready = await sim.openLatestMail(email, READY_SUBJECT, SENDER, mail);
  const signInLink = ready.getByRole('link', { name: /Sign in/ });
  await expect(signInLink).toHaveAttribute('href', /^\/signin/);
  const help = ready.getByRole('link', { name: 'Help', exact: true });
  await expect(help).toHaveAttribute('href', /^\//);
  await help.click();
  await expect(sim.heading(mail)).toContainText('sharing application');
  await expect(mail).toHaveTitle(/sharing application/i);

  await account.close();
  await mail.close();
}

test('two people of a new organization sign up, and the directory shows an unmanaged tenant', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  // ---- First user: creates the tenant (technical overview step 1 and 2).
  await signUpWithLinkInSecondTab(sim, FIRST, 'Pat', 'Dover');

  // Sign in with the new account.
  await sim.signIn(FIRST, PASSWORD);
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(main).toContainText(FIRST);
  await expect(sim.status()).toContainText(`You're signed in as ${FIRST}`);

  // The directory: one unmanaged tenant for fabrikam.com.
  await sim.open('/directory');
  await expect(sim.heading()).toHaveText('Directory');
  const fabrikam = sim.tenantSection('fabrikam.com');
  await expect(fabrikam).toHaveCount(1);
  await expect(fabrikam).toContainText('Unmanaged');
  await expect(fabrikam.getByText('Managed', { exact: true })).toHaveCount(0);
  const admins = fabrikam.getByRole('definition').filter({ hasText: /^None/ });
  await expect(admins).toHaveCount(1);
  await expect(fabrikam.getByRole('term').filter({ hasText: 'Global administrators' })).toBeVisible();

  const users = sim.table(fabrikam, 'User');
  for (const column of ['User', 'Role', 'Creation method', 'Status']) {
    await expect(users.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(users.getByRole('row')).toHaveCount(2); // header + p.dover
  await expect(await sim.cell(users, FIRST, 'User')).toHaveText(FIRST);
  await expect(await sim.cell(users, FIRST, 'Creation method')).toHaveText('EmailVerified');
  await expect(await sim.cell(users, FIRST, 'Role')).not.toContainText('administrator');
  await expect(await sim.cell(users, FIRST, 'Status')).toHaveText('Enabled');

  const subs = sim.table(fabrikam, 'AccountSkuId');
  for (const column of ['AccountSkuId', 'ActiveUnits', 'WarningUnits', 'ConsumedUnits']) {
    await expect(subs.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  const sku = 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC';
  await expect(subs.getByRole('row')).toHaveCount(2);
  await expect(await sim.cell(subs, sku, 'AccountSkuId')).toHaveText(sku);
  await expect(await sim.cell(subs, sku, 'ActiveUnits')).toHaveText('50000');
  await expect(await sim.cell(subs, sku, 'WarningUnits')).toHaveText('0');
  await expect(await sim.cell(subs, sku, 'ConsumedUnits')).toHaveText('1');

  // ---- Second user: joins the same directory (technical overview step 3).
  // Sign out first, so the portal is used as the second person would.
  await sim.open('/signin');
  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(sim.status()).toContainText("You're signed out");

  await signUpWithLinkInSecondTab(sim, SECOND, 'Rosa', 'Ortiz');

  await sim.signIn(SECOND, PASSWORD);
  await expect(page.getByRole('main').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(SECOND);

  await sim.open('/directory');
  await expect(sim.tenantSection('fabrikam.com')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: /fabrikam\.com/ })).toHaveCount(1);
  const users2 = sim.table(sim.tenantSection('fabrikam.com'), 'User');
  await expect(users2.getByRole('row')).toHaveCount(3);
  await expect(await sim.cell(users2, SECOND, 'Creation method')).toHaveText('EmailVerified');
  await expect(await sim.cell(users2, FIRST, 'Creation method')).toHaveText('EmailVerified');
  const subs2 = sim.table(sim.tenantSection('fabrikam.com'), 'AccountSkuId');
  await expect(subs2.getByRole('row')).toHaveCount(2);
  await expect(await sim.cell(subs2, sku, 'ConsumedUnits')).toHaveText('2');
  await expect(await sim.cell(subs2, sku, 'ActiveUnits')).toHaveText('50000');
  await expect(sim.tenantSection('fabrikam.com').getByRole('definition').filter({ hasText: /^None/ })).toHaveCount(1);

  // ---- What happened: the technical overview steps are named.
  await sim.open('/events');
  await expect(sim.heading()).toHaveText('What happened');
  const events = page.getByRole('main').getByRole('listitem');
  await expect(events.filter({ hasText: 'Technical overview, step 1' }).first()).toBeVisible();
  await expect(events.filter({ hasText: 'Technical overview, step 3' }).first()).toBeVisible();
  await expect(events.filter({ hasText: `Account ${FIRST} created` })).toHaveCount(1);
  await expect(events.filter({ hasText: `Account ${SECOND} created` })).toHaveCount(1);
  // The step-3 event is about the second user joining the directory.
  await expect(
    events.filter({ hasText: 'Technical overview, step 3' }).filter({ hasText: SECOND }),
  ).not.toHaveCount(0);
});
