// Seed step 6: the account page checks the details (the Azure AD cloud
// password policy: 8 to 256 characters, at least 3 of 4 character groups)
// and creates nothing until they are right. The link still works afterwards.
import { test, expect, GOOD_ACCOUNT } from './fixtures/sim';

const EMAIL = 'p.dover@fabrikam.com';

test('weak, short and mismatched passwords are refused; fixing them succeeds with the same link', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await sim.signUpExpectingEmail(EMAIL);
  const href = await sim.confirmationHref(EMAIL);
  await sim.open(href);

  // Only lowercase letters: one group of four.
  await sim.fillAccount({ password: 'password', confirmPassword: 'password' });
  let alert = sim.alert();
  await expect(alert).toContainText('at least 3 of these 4 groups');
  await expect(alert).toContainText('lowercase letters, uppercase letters, numbers and symbols');
  await expect(sim.status()).toHaveCount(0);
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Too short (three groups, but 6 characters).
  await sim.fillAccount({ password: 'Ab1!cd', confirmPassword: 'Ab1!cd' });
  alert = sim.alert();
  await expect(alert).toContainText('too short');
  await expect(alert).toContainText('at least 8');
  await expect(alert).not.toContainText('3 of these 4 groups');

  // A good password, but the confirmation differs.
  await sim.fillAccount({ password: GOOD_ACCOUNT.password, confirmPassword: 'Fabrikam-2017!' });
  alert = sim.alert();
  await expect(alert).toContainText("The passwords don't match");
  await expect(alert).not.toContainText('too short');
  await expect(page.getByLabel('Confirm password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'false');

  // Nothing was created.
  await sim.open('/directory');
  await expect(sim.heading()).toHaveText('Directory');
  await expect(sim.tenantSection('contoso.com')).toHaveCount(1); // the page has rendered its tenants
  await expect(sim.tenantSection('fabrikam.com')).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('fabrikam.com');

  // The same link, with everything right.
  await sim.open(href);
  await sim.fillAccount(GOOD_ACCOUNT);
  await expect(sim.status()).toContainText(`Your account ${EMAIL} was created`);
  await expect(sim.alert()).toHaveCount(0);

  await sim.open('/directory');
  const fabrikam = sim.tenantSection('fabrikam.com');
  await expect(fabrikam).toHaveCount(1);
  await expect(await sim.cell(sim.table(fabrikam, 'User'), EMAIL, 'User')).toHaveText(EMAIL);
});
