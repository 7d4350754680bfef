// Lessons, challenges and presenter mode (/lessons, the lesson panel,
// /presenter). Every lesson is run to its end twice: once doing each step
// through the real pages, by label and role, as the person whose device it
// is; once with "Show me" alone. A step is ticked by what happened, not by
// a click on the panel. Progress survives a reload (and a bad stored value
// is set aside with a message); challenges tick themselves, also when
// another tab does the task; presenter mode hides the navigation, enlarges
// the type and collapses the explanations; the presenter view is a second
// window that follows the main one.
import { test, expect, type Sim, GOOD_ACCOUNT, READY_SUBJECT, CONFIRMATION_SUBJECT } from './fixtures/sim';
import {
  CONTOSO_ADMIN,
  LITWARE_ADMIN,
  PAT,
  ROSA,
  openAdmin,
  rowWith,
  section,
  startBecomeAdmin,
  internalTakeover,
} from './fixtures/admin';
import { connectMsol, openConsole, run } from './fixtures/powershell';
import { trackedDocument } from './fixtures/sharing';
import { axeViolations } from './axe';
import type { Locator, Page } from '@playwright/test';

const T_LEE = { email: 't.lee@fabrikam.com', password: 'Fabrikam-2016!' };
const D_SMITH = { email: 'd.smith@litwareinc.com', password: 'Litware-2016!' };

/** The lessons, by title, with their number of steps (the seed's sections). */
const LESSONS: [string, number][] = [
  ['Sign up for RMS for individuals', 6],
  ['What happens behind the scenes', 4],
  ['IT takes control', 7],
  ['Find out who signed up', 5],
  ['Convert to a paid subscription', 5],
  ['Protect, share, read, track and revoke', 7],
];

/** The lesson panel beside the page. */
function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: /Step \d+ of \d+/ });
}

/** The state of the step the panel shows: "Done" or "To do". */
function stepState(page: Page): Locator {
  return panel(page).getByTestId('step-state');
}

/**
 * Makes the tab `address`'s device: under "Act as" in the header when the
 * person is listed there, else (someone who has no account and no mail yet)
 * with the panel's "Switch to … device".
 */
async function actAs(page: Page, address: string): Promise<void> {
  const select = page.getByLabel('Act as');
  if ((await select.locator(`option[value="${address}"]`).count()) > 0) {
    await select.selectOption(address);
  } else {
    await panel(page).getByRole('button', { name: `Switch to ${address}'s device`, exact: true }).click();
  }
  await expect(select).toHaveValue(address);
}

/** /lessons → "Start lesson “title”"; the panel shows step 1. */
async function startLesson(sim: Sim, title: string, steps: number, page: Page = sim.page): Promise<void> {
  await sim.open('/lessons', page);
  await expect(sim.heading(page)).toHaveText('Lessons');
  await page.getByRole('button', { name: `Start lesson “${title}”`, exact: true }).click();
  await expect(panel(page)).toContainText(title);
  await expect(panel(page)).toContainText(`Step 1 of ${steps}`);
  await expect(stepState(page)).toHaveText('To do');
}

/** The step is ticked; then "Next" (unless it is the last). */
async function doneThenNext(page: Page, step: number, steps: number): Promise<void> {
  await expect(panel(page)).toContainText(`Step ${step} of ${steps}`);
  await expect(stepState(page)).toHaveText('Done');
  await expect(panel(page).getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(step - 1)).toContainText('Done');
  if (step < steps) {
    await panel(page).getByRole('button', { name: 'Next', exact: true }).click();
    await expect(panel(page)).toContainText(`Step ${step + 1} of ${steps}`);
    await expect(stepState(page)).toHaveText('To do');
  } else {
    await expect(panel(page).getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
    await expect(panel(page).getByRole('status').filter({ hasText: 'Lesson complete' })).toBeVisible();
  }
}

/** /signin as the tab's device: the address, the password, "Sign in". */
async function signInHere(sim: Sim, account: { email: string; password: string }): Promise<void> {
  await sim.signIn(account.email, account.password);
  await expect(sim.status()).toContainText(`You're signed in as ${account.email}`);
}

/** /sharing: a sample file, "Share Protected" to `users`, "Send". */
async function shareSample(sim: Sim, sample: string, users: string, tracked = false): Promise<void> {
  const { page } = sim;
  await sim.open('/sharing');
  const main = page.getByRole('main');
  await main.getByRole('group', { name: 'Sample files' }).getByRole('button', { name: sample, exact: true }).click();
  const share = main.getByRole('button', { name: 'Share Protected', exact: true });
  await expect(share).toBeEnabled();
  await share.click();
  const dialog = page.getByRole('dialog', { name: `Share Protected: ${sample}`, exact: true });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Users', { exact: true }).fill(users);
  if (tracked) {
    await dialog.getByRole('checkbox', { name: 'Email me when somebody tries to open these documents' }).check();
    await dialog.getByRole('checkbox', { name: 'Allow me to instantly revoke access to these documents' }).check();
  }
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(main.getByRole('heading', { name: 'Protected', exact: true })).toBeVisible();
}

/** The inbox of `address`: opens the newest message from `sender` whose subject is `subject`, then "Open in the viewer". */
async function openAttachment(sim: Sim, address: string, subject: string, sender: string): Promise<void> {
  const message = await sim.openLatestMail(address, subject, sender);
  await message.getByRole('link', { name: 'Open in the viewer' }).first().click();
  await expect(sim.heading()).toHaveText('Protected file viewer');
}

// ───────────────────────────── through the pages ─────────────────────────────

test('the panel points at the step\'s control on its page, until the step is done', async ({ sim }) => {
  const { page } = sim;
  await startLesson(sim, 'Sign up for RMS for individuals', 6);
  // Off the step's page, nothing is pointed at.
  await sim.open('/directory');
  await expect(page.locator('.lesson-target')).toHaveCount(0);
  await panel(page).getByRole('link', { name: 'the Microsoft Rights Management page (Portal)' }).click();
  await expect(sim.heading()).toHaveText('Microsoft Rights Management');
  const target = page.locator('#main .lesson-target');
  await expect(target).toHaveCount(1);
  await expect(target).toHaveText('Get started');
  await page.getByLabel('Email address').fill(PAT.email);
  await target.click();
  await expect(stepState(page)).toHaveText('Done');
  await expect(page.locator('.lesson-target')).toHaveCount(0);
});

test('the sign-up lesson, steps 1 to 8, done through the pages', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'Sign up for RMS for individuals', 6);
  // The panel says where and as whom; the step isn't ticked by the panel.
  await expect(panel(page)).toContainText('Click Get started.');
  await expect(panel(page).getByRole('link', { name: /Portal/ })).toHaveAttribute('href', '/portal');
  await actAs(page, PAT.email);
  await sim.signUpExpectingEmail(PAT.email);
  await doneThenNext(page, 1, 6);
  const message = await sim.openLatestMail(PAT.email, CONFIRMATION_SUBJECT);
  await doneThenNext(page, 2, 6);
  await message.getByRole('link', { name: 'Complete your sign-up' }).click();
  await expect(page.getByLabel('First name')).toBeVisible();
  await doneThenNext(page, 3, 6);
  await sim.fillAccount(GOOD_ACCOUNT);
  await expect(sim.status()).toContainText(`Your account ${PAT.email} was created`);
  await doneThenNext(page, 4, 6);
  const ready = await sim.openLatestMail(PAT.email, READY_SUBJECT);
  await doneThenNext(page, 5, 6);
  await ready.getByRole('link', { name: 'Sign in and download the Rights Management sharing application' }).click();
  await expect(page.getByLabel('Email address')).toHaveValue(PAT.email);
  await page.getByLabel('Password', { exact: true }).fill(PAT.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(sim.status()).toContainText(`You're signed in as ${PAT.email}`);
  await doneThenNext(page, 6, 6);
  // /lessons says it is finished.
  await sim.open('/lessons');
  await expect(page.getByRole('region', { name: 'Sign up for RMS for individuals', exact: true })).toContainText('Finished');
});

test('the technical overview, done through the pages', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'What happens behind the scenes', 4);
  await actAs(page, PAT.email);
  await sim.completeSignUp(PAT.email);
  await doneThenNext(page, 1, 4);
  await signInHere(sim, PAT);
  await doneThenNext(page, 2, 4);
  await actAs(page, ROSA.email);
  await sim.completeSignUp(ROSA.email, { firstName: 'Rosa', lastName: 'Ortiz' });
  await doneThenNext(page, 3, 4);
  await actAs(page, T_LEE.email);
  await sim.completeSignUp(T_LEE.email, { firstName: 'Terry', lastName: 'Lee' });
  await doneThenNext(page, 4, 4);
});

test('IT takes control, done through the pages', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'IT takes control', 7);
  await actAs(page, PAT.email);
  await signInHere(sim, PAT);
  await doneThenNext(page, 1, 7);
  await startBecomeAdmin(sim);
  await doneThenNext(page, 2, 7);
  await section(page, 'Become the admin').getByRole('link', { name: 'Open the DNS page with this record filled in' }).click();
  await expect(sim.heading()).toHaveText('DNS');
  await page.getByRole('button', { name: 'Add record', exact: true }).click();
  await expect(sim.status()).toContainText('The TXT record was added to fabrikam.com');
  await doneThenNext(page, 3, 7);
  await sim.advanceClock(1, 'hours');
  await openAdmin(sim);
  await page.getByRole('button', { name: "Okay, I've added the record", exact: true }).click();
  await expect(sim.status()).toContainText("You're now the global administrator of fabrikam.com");
  await doneThenNext(page, 4, 7);
  const settings = section(page, 'Self-service sign-up');
  await settings.getByRole('checkbox', { name: 'AllowEmailVerifiedUsers' }).uncheck();
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(sim.status()).toContainText('AllowEmailVerifiedUsers false');
  await doneThenNext(page, 5, 7);
  await page.getByRole('button', { name: 'Turn on directory synchronization', exact: true }).click();
  await expect(sim.status()).toContainText('Directory synchronization is on');
  await doneThenNext(page, 6, 7);
  const users = section(page, 'Users');
  const rosa = rowWith(users.getByRole('table'), ROSA.email);
  await rosa.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(sim.status()).toContainText('The account was deleted');
  await doneThenNext(page, 7, 7);
});

test('finding out who signed up, done through the pages and the console', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'Find out who signed up', 5);
  await actAs(page, D_SMITH.email);
  await sim.completeSignUp(D_SMITH.email, { firstName: 'Dana', lastName: 'Smith', password: D_SMITH.password, confirmPassword: D_SMITH.password, country: 'United Kingdom' });
  await doneThenNext(page, 1, 5);
  await signInHere(sim, D_SMITH);
  await page.getByRole('button', { name: 'Install the sharing application', exact: true }).click();
  await expect(sim.status()).toContainText('The Rights Management sharing application');
  await doneThenNext(page, 2, 5);
  // What IT sees of it: the software inventory.
  await sim.open('/inventory');
  await page.getByLabel('Organization').selectOption('litwareinc.com');
  await expect(page.getByRole('main').getByRole('table')).toContainText(D_SMITH.email);
  await shareSample(sim, 'Sample.txt', CONTOSO_ADMIN.email);
  await doneThenNext(page, 3, 5);
  await openConsole(sim);
  await connectMsol(page, LITWARE_ADMIN);
  expect(await run(page, 'Get-MsolAccountSku')).toContain('litwareinc:RIGHTSMANAGEMENT_ADHOC');
  await doneThenNext(page, 4, 5);
  await shareSample(sim, 'Pricing.pdf', CONTOSO_ADMIN.email);
  await expect(page.getByRole('main')).toContainText('Pricing.ppdf');
  await doneThenNext(page, 5, 5);
});

test('converting to paid, done through the pages', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'Convert to a paid subscription', 5);
  await actAs(page, D_SMITH.email);
  await sim.completeSignUp(D_SMITH.email, { firstName: 'Dana', lastName: 'Smith', password: D_SMITH.password, confirmPassword: D_SMITH.password, country: 'United Kingdom' });
  await doneThenNext(page, 1, 5);
  await signInHere(sim, D_SMITH);
  await shareSample(sim, 'Sample.txt', CONTOSO_ADMIN.email);
  await doneThenNext(page, 2, 5);
  await actAs(page, LITWARE_ADMIN.email);
  await signInHere(sim, LITWARE_ADMIN);
  await doneThenNext(page, 3, 5);
  await openAdmin(sim);
  await page.getByRole('button', { name: 'Convert to paid subscription', exact: true }).click();
  await expect(sim.status()).toContainText('Converted');
  await doneThenNext(page, 4, 5);
  await actAs(page, CONTOSO_ADMIN.email);
  await signInHere(sim, CONTOSO_ADMIN);
  await openAttachment(sim, CONTOSO_ADMIN.email, 'Sample.ptxt (protected)', 'Dana Smith');
  await expect(page.getByRole('region', { name: 'Content' })).toBeVisible();
  await doneThenNext(page, 5, 5);
});

test('protect, share, read, track and revoke, done through the pages', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'Protect, share, read, track and revoke', 7);
  await actAs(page, CONTOSO_ADMIN.email);
  await signInHere(sim, CONTOSO_ADMIN);
  await doneThenNext(page, 1, 7);
  // Without the two boxes the step waits; with them it is done.
  await shareSample(sim, 'Proposal.docx', PAT.email);
  await expect(stepState(page)).toHaveText('To do');
  await shareSample(sim, 'Sample.txt', PAT.email, true);
  await doneThenNext(page, 2, 7);
  await actAs(page, PAT.email);
  await signInHere(sim, PAT);
  await doneThenNext(page, 3, 7);
  await openAttachment(sim, PAT.email, 'Sample.ptxt (protected)', 'Janet Mead');
  await expect(page.getByRole('region', { name: 'Content' })).toBeVisible();
  await doneThenNext(page, 4, 7);
  await actAs(page, CONTOSO_ADMIN.email);
  const notice = await sim.openLatestMail(CONTOSO_ADMIN.email, `${PAT.email} tried to open Sample.ptxt`, 'Microsoft Rights Management');
  await doneThenNext(page, 5, 7);
  await notice.getByRole('link', { name: 'Track this document' }).click();
  await expect(sim.heading()).toHaveText('Document tracking');
  await trackedDocument(page, 'Sample.ptxt').getByRole('button', { name: 'Revoke access' }).click();
  await expect(sim.status()).toContainText('is revoked');
  await doneThenNext(page, 6, 7);
  await actAs(page, PAT.email);
  await openAttachment(sim, PAT.email, 'Sample.ptxt (protected)', 'Janet Mead');
  await expect(sim.alert()).toBeVisible();
  await doneThenNext(page, 7, 7);
});

// ───────────────────────────── "Show me" ─────────────────────────────

test('every lesson runs to its end with "Show me" alone', async ({ sim }) => {
  test.setTimeout(180_000);
  const { page } = sim;
  await sim.start();
  for (const [title, steps] of LESSONS) {
    await startLesson(sim, title, steps);
    for (let step = 1; step <= steps; step++) {
      await panel(page).getByRole('button', { name: 'Show me', exact: true }).click();
      await expect(panel(page).getByRole('status').filter({ hasText: /^Done: |already done/ })).toBeVisible();
      await doneThenNext(page, step, steps);
    }
  }
  await sim.open('/lessons');
  for (const [title] of LESSONS) {
    await expect(page.getByRole('region', { name: title, exact: true })).toContainText('Finished');
  }
});

test('"Show me" signs in on the step\'s person\'s device and shows what happened', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'IT takes control', 7);
  await expect(page.getByLabel('Act as')).toHaveValue('');
  await panel(page).getByRole('button', { name: 'Next', exact: true }).click();
  await panel(page).getByRole('button', { name: 'Show me', exact: true }).click();
  await expect(stepState(page)).toHaveText('Done');
  await expect(page.getByLabel('Act as')).toHaveValue(PAT.email);
  await expect(page.getByTestId('session')).toContainText(PAT.email);
  await expect(sim.heading()).toHaveText('Admin center');
  await expect(panel(page).getByText('What happened behind the scenes')).toBeVisible();
  // Signed in by Show me, the first step is done too.
  await expect(panel(page).getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(0)).toContainText('Done');
  await panel(page).getByRole('button', { name: 'Back', exact: true }).click();
  await expect(stepState(page)).toHaveText('Done');
});

// ───────────────────────────── progress ─────────────────────────────

test('progress survives a reload, and a bad stored value is set aside with a message', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'Sign up for RMS for individuals', 6);
  await panel(page).getByRole('button', { name: 'Show me', exact: true }).click();
  await doneThenNext(page, 1, 6);
  await page.reload();
  await expect(panel(page)).toContainText('Step 2 of 6');
  const steps = panel(page).getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.nth(0)).toContainText('Done');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await panel(page).getByRole('button', { name: 'Stop lesson' }).click();
  await expect(panel(page)).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('rms-sim/lessons', '{"running":{"lesson":"gone","step":0,"since":0}}'));
  await sim.open('/lessons');
  await expect(sim.alert()).toContainText('names a lesson this simulator doesn');
  await expect(panel(page)).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('rms-sim/lessons', 'not json'));
  await page.reload();
  await expect(sim.heading()).toHaveText('Lessons');
  await expect(sim.alert()).toContainText("couldn't be read");
  // Starting a lesson writes good progress again.
  await startLesson(sim, 'IT takes control', 7);
  await page.reload();
  await expect(panel(page)).toContainText('Step 1 of 7');
});

// ───────────────────────────── challenges ─────────────────────────────

test('challenges tick themselves, also when another tab does the task', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await sim.open('/lessons');
  const challenges = page.getByRole('region', { name: 'Challenges', exact: true });
  const blockCard = challenges.getByRole('region', { name: 'Keep tailspintoys.com out of RMS for individuals' });
  await blockCard.getByRole('button', { name: /^Start challenge/ }).click();
  await expect(blockCard).toContainText('Started');
  const onList = blockCard.getByRole('checkbox', { name: 'tailspintoys.com is on the blocked domains list' });
  await expect(onList).not.toBeChecked();
  await expect(blockCard.getByRole('checkbox', { name: 'Sign-up checks the blocked domains' })).toBeChecked();
  // Another tab adds the domain on the start page: this one's checklist ticks.
  const other = await sim.context.newPage();
  await sim.open('/', other);
  await other.getByLabel('Blocked domain', { exact: true }).fill('tailspintoys.com');
  await other.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(other.getByRole('main')).toContainText('tailspintoys.com is now blocked');
  await expect(onList).toBeChecked();
  await expect(blockCard.getByRole('checkbox', { name: 'No directory holds tailspintoys.com' })).toBeChecked();
  await expect(blockCard).toContainText('Done');

  // Taking fabrikam.com over in place: its checklist, and not the one that needs more.
  const inPlace = challenges.getByRole('region', { name: 'Make fabrikam.com managed without moving its users' });
  await inPlace.getByRole('button', { name: /^Start challenge/ }).click();
  await expect(inPlace.getByRole('checkbox', { name: "fabrikam.com's directory is managed" })).not.toBeChecked();
  await expect(
    inPlace.getByRole('checkbox', { name: 'p.dover@fabrikam.com and r.ortiz@fabrikam.com are still in the directory sign-up created' }),
  ).toBeChecked();
  await internalTakeover(sim, PAT, 'fabrikam.com');
  await sim.open('/lessons');
  for (const box of await inPlace.getByRole('checkbox').all()) {
    await expect(box).toBeChecked();
  }
  const noNew = challenges.getByRole('region', { name: 'Stop new accounts at fabrikam.com, keep sign-up for people who have one' });
  await expect(noNew.getByRole('checkbox', { name: "fabrikam.com's directory is managed" })).toBeChecked();
  await expect(noNew.getByRole('checkbox', { name: 'AllowEmailVerifiedUsers is false' })).not.toBeChecked();
  await other.close();
});

// ───────────────────────────── presenter ─────────────────────────────

test('presenter mode hides the navigation, enlarges the type and collapses the explanations', async ({ sim }) => {
  const { page } = sim;
  await page.setViewportSize({ width: 1280, height: 720 });
  await sim.start();
  await sim.open('/lessons');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  const fontSize = () => page.locator('main h1').evaluate((e) => e.getBoundingClientRect().height);
  const before = await fontSize();
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
  await expect(nav).toBeHidden();
  expect(await fontSize()).toBeGreaterThan(before * 1.2);
  // An action's "What happened behind the scenes" starts collapsed.
  await sim.signUpExpectingEmail(PAT.email);
  const behind = page.getByRole('main').locator('details.behind');
  await expect(behind).toBeVisible();
  await expect(behind).not.toHaveAttribute('open', '');
  // Kept for this tab's reloads, and a way back without the navigation.
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(nav).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/\bpresenter\b/);
});

test('the presenter view opens in a second window and follows the lesson', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await startLesson(sim, 'Sign up for RMS for individuals', 6);
  const [view] = await Promise.all([
    sim.context.waitForEvent('page'),
    panel(page).getByRole('button', { name: 'Open presenter view' }).click(),
  ]);
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Presenter view');
  await expect(view).toHaveTitle(/Presenter view/);
  await expect(view.getByRole('heading', { name: 'Step 1: Get started' })).toBeVisible();
  await expect(view.getByRole('main')).toContainText('Click Get started.');
  await expect(view.getByRole('main')).toContainText('Personal email accounts are not supported');
  await expect(view.getByRole('main')).toContainText('Nothing has happened since the lesson began.');
  // The room's window acts; the presenter's follows.
  await panel(page).getByRole('button', { name: 'Show me', exact: true }).click();
  await expect(stepState(page)).toHaveText('Done');
  await expect(view.getByRole('heading', { name: 'Step 1: Get started' })).toContainText('Done');
  await expect(view.getByRole('main')).toContainText('What happened behind the scenes');
  await expect(view.getByRole('main')).toContainText('Get started on the portal');
  await panel(page).getByRole('button', { name: 'Next', exact: true }).click();
  await expect(view.getByRole('heading', { name: 'Step 2: The confirmation email' })).toBeVisible();
  // No panel in the presenter view itself.
  await expect(panel(view)).toHaveCount(0);
});

// ───────────────────────────── layout ─────────────────────────────

for (const size of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test.describe(`${size.width}`, () => {
  test.use({ viewport: size, bypassCSP: true });
  test(`at ${size.width}×${size.height} the panel leaves the page usable, and collapses`, async ({ sim }) => {
    const { page } = sim;
    await sim.start();
    await startLesson(sim, 'IT takes control', 7);
    for (const route of ['/lessons', '/signin', '/admin', '/presenter']) {
      await sim.open(route);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `${route}: no sideways scroll`).toBeLessThanOrEqual(size.width);
      expect(await axeViolations(page), `${route}: axe`).toEqual([]);
    }
    // The last control of the page can be scrolled above the panel.
    await sim.open('/signin');
    const last = page.getByRole('main').getByText('Too many wrong passwords lock the account');
    await last.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastBox = await last.boundingBox();
    const panelBox = await panel(page).boundingBox();
    expect(lastBox!.y + lastBox!.height, 'the page ends above the panel').toBeLessThanOrEqual(panelBox!.y + 1);
    // It collapses to its first line, and the console's command box is above it either way.
    await sim.open('/powershell');
    const box = page.getByRole('textbox', { name: 'PowerShell command', exact: true });
    const above = async () => (await box.boundingBox())!.y + (await box.boundingBox())!.height <= (await panel(page).boundingBox())!.y + 1;
    expect(await above(), 'the command box is above the panel').toBe(true);
    await panel(page).getByRole('button', { name: 'Hide lesson' }).click();
    await expect(panel(page).getByRole('button', { name: 'Show me', exact: true })).toBeHidden();
    await expect(panel(page)).toContainText('Step 1 of 7');
    expect(await above(), 'the command box is above the collapsed panel').toBe(true);
    await panel(page).getByRole('button', { name: 'Show lesson' }).click();
    await expect(panel(page).getByRole('button', { name: 'Show me', exact: true })).toBeVisible();
  });
  });
}
