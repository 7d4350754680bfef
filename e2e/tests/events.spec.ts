// /events as a story (issue 12): each action a person took, newest first,
// headed in plain words with who did it and when, and under it the steps
// the service took, in reading order. The filters "Organization" and
// "Person" narrow the actions and live in the address (?org=…&person=…), so
// a reload or a shared link keeps them. Behind the scenes, a refusal the
// alert already says shows only its title and step. At 1280×720 and
// 390×844: no sideways scroll, nothing outside the viewport, axe 0.
import { test, expect, type Sim } from './fixtures/sim';
import { axeViolations } from './axe';
import type { Page } from '@playwright/test';

const PAT = 'p.dover@fabrikam.com';
const KAI = 'k.braun@tailspintoys.de';

test.use({ bypassCSP: true });

/** The page holds: no sideways scroll, no control outside the viewport's width. */
async function fitsTheViewport(page: Page) {
  const { scroll, client, outside } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const controls = [...document.querySelectorAll('main button, main select, main summary, main a, main input')];
    const outside = controls
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
      .map(({ el }) => el.outerHTML.slice(0, 80));
    return { scroll: document.documentElement.scrollWidth, client: width, outside };
  });
  expect(scroll, 'no sideways scroll').toBeLessThanOrEqual(client);
  expect(outside, 'every control within the viewport').toEqual([]);
}

/** The action cards on /events, by their heading. */
function actions(sim: Sim, heading: string) {
  return sim.page.getByRole('main').getByRole('article').filter({ has: sim.page.getByRole('heading', { name: heading, exact: true }) });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('one sign-up reads top-down under the action that caused it', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      await sim.completeSignUp(PAT);

      await sim.open('/events');
      await expect(sim.heading()).toHaveText('What happened');
      await expect(page).toHaveTitle(/^What happened · /);
      const main = page.getByRole('main');
      // Newest first: the action "Create" comes first, by the person who clicked it, once.
      const newest = main.getByRole('article').first();
      await expect(newest.getByRole('heading', { level: 2 })).toHaveText('Create');
      await expect(newest).toContainText(PAT);
      await expect(actions(sim, 'Create')).toHaveCount(1);
      await expect(actions(sim, 'Opened the confirmation link')).toHaveCount(1);
      await expect(actions(sim, 'Get started on the portal')).toHaveCount(1);
      // Its events in reading order: the domain check above the account-ready mail.
      const steps = newest.getByRole('listitem');
      await expect(steps).toHaveCount(7);
      const first = steps.first();
      const last = steps.last();
      await expect(first.getByRole('heading', { level: 3 })).toHaveText('Domain fabrikam.com checked against Azure tenants');
      await expect(last.getByRole('heading', { level: 3 })).toHaveText(`Account-ready email sent to ${PAT}`);
      expect((await first.boundingBox())!.y).toBeLessThan((await last.boundingBox())!.y);
      // Each event names its seed step; the time is the action's, shown once.
      await expect(first).toContainText('Technical overview, step 1');
      await expect(last).toContainText('To sign up, step 7');
      await expect(newest.locator('time')).toHaveCount(1);
      // A short explanation is in view; a long one waits behind "Why?".
      await expect(first.getByText('No Azure tenant is associated with fabrikam.com', { exact: false })).toBeVisible();
      const tenant = steps.nth(1);
      await expect(tenant.getByRole('heading', { level: 3 })).toHaveText('New unmanaged tenant created for fabrikam.com');
      const why = tenant.getByRole('group').filter({ hasText: 'Why?' });
      await expect(why).toBeVisible();
      const explanation = why.getByText('Azure AD created the tenant', { exact: false });
      await expect(explanation).toBeHidden();
      await why.getByText('Why?', { exact: true }).click();
      await expect(explanation).toBeVisible();

      await fitsTheViewport(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('the filters narrow the actions and survive a reload', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      await sim.completeSignUp(PAT);
      await sim.signUpExpectingEmail(KAI);

      await sim.open('/events');
      const count = page.getByRole('main').getByRole('status');
      await expect(count).toHaveText('5 actions shown');
      const org = page.getByLabel('Organization');
      const person = page.getByLabel('Person');
      await expect(org.locator('option')).toHaveText(['All organizations', 'fabrikam.com', 'tailspintoys.de']);
      await expect(person.locator('option')).toHaveText(['Everyone', KAI, PAT]);

      await org.selectOption('fabrikam.com');
      await expect(page).toHaveURL(/\/events\?org=fabrikam\.com$/);
      await expect(count).toHaveText('3 of 5 actions shown');
      await expect(actions(sim, 'Get started on the portal')).toHaveCount(1);
      await expect(actions(sim, 'Get started on the portal')).toContainText(PAT);
      await expect(actions(sim, 'Load a scenario')).toHaveCount(0);

      await page.reload();
      await expect(sim.heading()).toHaveText('What happened');
      await expect(org).toHaveValue('fabrikam.com');
      await expect(count).toHaveText('3 of 5 actions shown');

      // The person: both filters in the address; together they match nothing.
      await person.selectOption(KAI);
      await expect(page).toHaveURL(/\/events\?org=fabrikam\.com&person=k\.braun%40tailspintoys\.de$/);
      await expect(count).toHaveText('0 of 5 actions shown');
      await expect(page.getByRole('main')).toContainText('No action mentions this organization and person together');
      await org.selectOption('');
      await expect(page).toHaveURL(/\/events\?person=k\.braun%40tailspintoys\.de$/);
      await expect(count).toHaveText('1 of 5 actions shown');
      await page.reload();
      await expect(person).toHaveValue(KAI);
      await expect(org).toHaveValue('');
      const only = page.getByRole('main').getByRole('article');
      await expect(only).toHaveCount(1);
      await expect(only.getByRole('heading', { level: 2 })).toHaveText('Get started on the portal');
      await expect(only).toContainText(`Confirmation email sent to ${KAI}`);

      await fitsTheViewport(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('behind the scenes, a refusal is said once: in the alert', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      await sim.signUp('someone@outlook.com');
      const alert = sim.alert();
      await expect(alert).toBeVisible();
      const behind = page.getByRole('main').getByRole('group').filter({ hasText: 'What happened behind the scenes' });
      const refused = behind.getByRole('listitem').filter({ hasText: 'Sign-up refused for someone@outlook.com' });
      await expect(refused).toContainText('To sign up, step 2');
      await expect(behind.getByRole('heading', { name: 'Get started on the portal', exact: true })).toBeVisible();
      // Its explanation repeats the alert: it waits behind "Why?".
      const reason = (await alert.innerText()).trim().split('\n')[0];
      const text = refused.getByText(reason.slice(0, 40), { exact: false });
      await expect(refused.getByRole('group').filter({ hasText: 'Why?' })).toBeVisible();
      await expect(text).toBeHidden();
      await refused.getByText('Why?', { exact: true }).click();
      await expect(text).toBeVisible();

      await fitsTheViewport(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
