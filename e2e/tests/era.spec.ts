// The two eras of the sign-up flow (facts §1a): the trainer chooses on the
// start page; the portal, the mail, the account page and the explanations
// follow. October 2016: the Office 365 Team's mail, "Yes, that's me",
// "One last thing ...", Start, no country and no second mail.
import { test, expect, GOOD_ACCOUNT } from './fixtures/sim';

const EMAIL = 'p.dover@fabrikam.com';
const SUBJECT = 'Finish signing up for Microsoft Azure Information Protection';

test('from October 2016: Sign up, the Office 365 Team mail, "Yes, that\'s me", "One last thing ...", Start', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  const era = page.getByRole('group', { name: 'Sign-up flow' });
  await era.getByRole('radio', { name: 'From October 2016: the Office 365 sign-up page' }).check();
  await expect(sim.status()).toContainText('New sign-ups now follow the flow of the Azure RMS documentation of 25 October 2016');
  // The choice is kept when a scenario loads.
  await page.getByRole('region', { name: 'Default: Contoso, Litware and new organizations' }).getByRole('button', { name: 'Load' }).click();
  await expect(era.getByRole('radio', { name: 'From October 2016: the Office 365 sign-up page' })).toBeChecked();

  await sim.open('/portal');
  await expect(page.getByRole('main')).toContainText('https://portal.office.com/signup?sku=rms');
  await expect(page.getByRole('button', { name: 'Get started' })).toHaveCount(0);
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(sim.status()).toContainText('from Office 365 Team (support@email.microsoftonline.com)');
  await expect(page.getByRole('complementary', { name: 'Trial use' })).toContainText('intended for trial use only');

  const message = await sim.openLatestMail(EMAIL, SUBJECT, 'support@email.microsoftonline.com');
  await expect(message).toContainText('Office 365 Team');
  await expect(message).toContainText("Simulator's wording, except the sender (Office 365 Team");
  await message.getByRole('link', { name: "Yes, that's me" }).click();

  await expect(sim.heading()).toHaveText('One last thing ...');
  await expect(page.getByLabel('Country')).toHaveCount(0);
  await page.getByLabel('First name').fill(GOOD_ACCOUNT.firstName);
  await page.getByLabel('Last name').fill(GOOD_ACCOUNT.lastName);
  await page.getByLabel('Password', { exact: true }).fill(GOOD_ACCOUNT.password);
  await page.getByLabel('Confirm password').fill(GOOD_ACCOUNT.password);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(sim.status()).toContainText(`your account ${EMAIL} is ready`);
  const downloads = page.getByRole('region', { name: 'Download' });
  await expect(downloads.getByRole('link', { name: 'Sign in and download the Rights Management sharing application' })).toBeVisible();
  await expect(downloads.getByRole('link', { name: 'Rights Management sharing application user guide' })).toBeVisible();

  // No second mail in this flow.
  await sim.open(`/inbox/${EMAIL}`);
  await expect(page.getByRole('list', { name: 'Messages' }).getByRole('link')).toHaveCount(1);
  // The explanations follow the era.
  await sim.open('/events');
  await expect(page.getByRole('main')).toContainText('Office 365 Team (support@email.microsoftonline.com) sent a message');
  await expect(page.getByRole('main')).toContainText('“One last thing ...” page asks for the first and last name and a password (no country)');
  // And the account works.
  await sim.signIn(EMAIL, GOOD_ACCOUNT.password);
  await expect(sim.status()).toContainText(`You're signed in as ${EMAIL}`);
});

test("the seed's era stays the default: Get started, Microsoft RMS, Create with a country", async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await expect(page.getByRole('group', { name: 'Sign-up flow' }).getByRole('radio', { name: "Early 2016: the seed's sign-up at portal.aadrm.com" })).toBeChecked();
  await sim.completeSignUp(EMAIL);
  const ready = await sim.openLatestMail(EMAIL, 'Microsoft RMS: your account is ready');
  await expect(ready).toContainText("Simulator's wording, except the sender");
});
