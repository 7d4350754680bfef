// Smart lockout (Microsoft Entra defaults): 10 counted failures lock the
// account for 60 seconds of simulated time; the right password is refused
// while it is locked.
import { test, expect, CONTOSO_ADMIN, type Sim } from './fixtures/sim';

/** Opens /signin with Janet's address typed in; returns the password box and the button. */
async function signInForm(sim: Sim) {
  const { page } = sim;
  await sim.start();
  await sim.open('/signin');
  await page.getByLabel('Email address').fill(CONTOSO_ADMIN.email);
  return { password: page.getByLabel('Password', { exact: true }), signIn: page.getByRole('button', { name: 'Sign in' }) };
}

const LOCKED = 'Your account is temporarily locked to prevent unauthorized use';

test('ten different wrong passwords lock the account for a minute', async ({ sim }) => {
  const { page } = sim;
  const { password, signIn } = await signInForm(sim);

  for (let i = 1; i <= 9; i++) {
    await password.fill(`Wrong-password-${i}`);
    await signIn.click();
    await expect(sim.alert()).toContainText('Your account or password is incorrect');
    await expect(password).toHaveValue(`Wrong-password-${i}`);
  }
  await password.fill('Wrong-password-10');
  await signIn.click();
  await expect(sim.alert()).toContainText(LOCKED);

  // The right password doesn't help while the account is locked.
  await password.fill(CONTOSO_ADMIN.password);
  await signIn.click();
  await expect(sim.alert()).toContainText(LOCKED);
  await expect(page.getByRole('main').getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(page.getByTestId('session')).toContainText('Not signed in');

  // One simulated minute later, the lockout is over.
  await sim.advanceClock(1, 'minutes');
  await sim.signIn(CONTOSO_ADMIN.email, CONTOSO_ADMIN.password);
  await expect(sim.status()).toContainText(`You're signed in as ${CONTOSO_ADMIN.email}`);
  await expect(page.getByRole('main').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(sim.alert()).toHaveCount(0);
});

test('after a lockout ends, the next wrong password locks the account again, for longer', async ({ sim }) => {
  const { page } = sim;
  const { password, signIn } = await signInForm(sim);
  for (let i = 1; i <= 10; i++) {
    await password.fill(`Wrong-password-${i}`);
    await signIn.click();
  }
  await expect(sim.alert()).toContainText(LOCKED);
  await sim.advanceClock(1, 'minutes');

  // The count doesn't restart at zero: one more wrong password locks it again…
  await password.fill('Another-wrong-1');
  await signIn.click();
  await expect(sim.alert()).toContainText(LOCKED);
  // …for two minutes this time.
  await sim.advanceClock(1, 'minutes');
  await password.fill(CONTOSO_ADMIN.password);
  await signIn.click();
  await expect(sim.alert()).toContainText(LOCKED);
  await sim.advanceClock(1, 'minutes');
  await sim.signIn(CONTOSO_ADMIN.email, CONTOSO_ADMIN.password);
  await expect(sim.status()).toContainText(`You're signed in as ${CONTOSO_ADMIN.email}`);

  // Behind the scenes, the second lockout is explained, with the 2016 policy's words.
  await sim.open('/events');
  await expect(page.getByRole('main')).toContainText('After a lockout has ended, each further failed sign-in locks the account again.');
  await expect(page.getByRole('main')).toContainText('further incorrect attempts lock them out for increasing durations');
});
