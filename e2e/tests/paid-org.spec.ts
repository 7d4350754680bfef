// Seed step 3: an organization that already has a paid subscription that
// includes Azure RMS (Contoso, Office 365 E3 in the default scenario) doesn't
// need RMS for individuals: the sign-up is canceled and the person signs in.
import { test, expect, CONTOSO_ADMIN } from './fixtures/sim';

test('janetm@contoso.com is sent to sign in: the paid subscription cancels the sign-up', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  await sim.signUp(CONTOSO_ADMIN.email);

  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await expect(sim.heading()).toHaveText('Sign in');
  const status = sim.status();
  await expect(status).toContainText('paid subscription');
  await expect(status).toContainText('canceled');
  await expect(sim.alert()).toHaveCount(0);
  // The address is carried over to the sign-in form.
  await expect(page.getByLabel('Email address')).toHaveValue(CONTOSO_ADMIN.email);

  // No confirmation email was sent.
  await sim.open('/inbox');
  await expect(sim.heading()).toHaveText('Inbox');
  await expect(page.getByRole('main').getByRole('link', { name: CONTOSO_ADMIN.email })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('No mail yet');

  // The existing work account signs in.
  await sim.signIn(CONTOSO_ADMIN.email, CONTOSO_ADMIN.password);
  await expect(sim.status()).toContainText(`You're signed in as ${CONTOSO_ADMIN.email}`);
  await expect(page.getByRole('main')).toContainText(CONTOSO_ADMIN.email);
  await expect(page.getByRole('main').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByTestId('session')).toContainText(CONTOSO_ADMIN.email);
});

test('an unknown address at the paid organization is told "We can\'t find you at contoso.com"', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  await sim.signUp('nobody@contoso.com');

  await expect(sim.alert()).toContainText("We can't find you at contoso.com");
  await expect(page).toHaveURL(/\/portal$/);
  await expect(sim.status()).toHaveCount(0);

  await sim.open('/inbox');
  await expect(page.getByRole('main').getByRole('link', { name: 'nobody@contoso.com' })).toHaveCount(0);
});
