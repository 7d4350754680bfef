// Nothing a trainer does is lost: Undo and Redo (buttons and keys) reverse
// any action, Reset included; checkpoints keep a named world across reloads
// and tabs; "Share this world" gives a link (and a QR code) that opens the
// same world in a fresh browser, and a damaged link changes nothing.
import { test, expect, type Sim } from './fixtures/sim';
import { PAT, PRESET_FABRIKAM, loadPreset } from './fixtures/admin';
import type { Page } from '@playwright/test';

const undo = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true });
const redo = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Redo', exact: true });
const clock = (page: Page) => page.getByTestId('clock');

/** Fabrikam's users as the directory lists them. */
async function hasUser(sim: Sim, email: string): Promise<boolean> {
  await sim.open('/directory');
  await expect(sim.tenantSection('contoso.com')).toBeVisible();
  return (await sim.page.getByRole('cell', { name: email, exact: true }).count()) > 0;
}

test('Undo reverses Reset, and Redo (or Ctrl+Shift+Z) brings it back', async ({ sim }) => {
  const { page } = sim;
  await loadPreset(sim, PRESET_FABRIKAM);
  await sim.advanceClock(2, 'days');
  const moved = await clock(page).getAttribute('datetime');
  await sim.open('/');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(sim.status()).toContainText('Reset: the default scenario is loaded again');
  expect(await hasUser(sim, PAT.email)).toBe(false);
  await expect(undo(page)).toHaveAttribute('title', 'Undo: Reset (Ctrl+Z)');

  await undo(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Reset' })).toBeVisible();
  await expect(clock(page)).toHaveAttribute('datetime', moved!);
  expect(await hasUser(sim, PAT.email)).toBe(true);

  // Redo with the keyboard (outside any text field), then Undo with Ctrl+Z.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByRole('status').filter({ hasText: 'Redone: Reset' })).toBeVisible();
  expect(await hasUser(sim, PAT.email)).toBe(false);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  expect(await hasUser(sim, PAT.email)).toBe(true);

  // Undo survives a reload: the next step back is the clock.
  await page.reload();
  await expect(undo(page)).toHaveAttribute('title', 'Undo: Advance time (Ctrl+Z)');
  await undo(page).click();
  await expect(clock(page)).not.toHaveAttribute('datetime', moved!);
  await expect(redo(page)).toBeEnabled();
});

test('Ctrl+Z in a text field is the field\'s own undo, not the world\'s', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await sim.advanceClock(1, 'hours');
  const moved = await clock(page).getAttribute('datetime');
  await sim.open('/portal');
  const field = page.getByRole('textbox').first();
  await field.fill('someone@fabrikam.com');
  await field.press('Control+z');
  await expect(clock(page)).toHaveAttribute('datetime', moved!);
});

test('the Reset notice offers Undo right where it was done', async ({ sim }) => {
  const { page } = sim;
  await loadPreset(sim, PRESET_FABRIKAM);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const offer = page.getByRole('main').getByRole('button', { name: 'Undo Reset', exact: true });
  await offer.click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('region', { name: PRESET_FABRIKAM, exact: true })).toContainText('Loaded');
});

test('checkpoints: save with a name, restore, and they survive a reload and show in another tab', async ({ sim }) => {
  const { page } = sim;
  await loadPreset(sim, PRESET_FABRIKAM);
  const start = await clock(page).getAttribute('datetime');
  const section = page.getByRole('region', { name: 'Checkpoints', exact: true });
  await section.getByRole('button', { name: 'Save checkpoint', exact: true }).click();
  await expect(section.getByRole('alert')).toContainText('Give the checkpoint a name');
  await section.getByLabel('Checkpoint name').fill('before takeover');
  await section.getByRole('button', { name: 'Save checkpoint', exact: true }).click();
  await expect(section.getByRole('status')).toContainText('Checkpoint “before takeover” saved');
  await expect(section.getByRole('list', { name: 'Checkpoints' })).toContainText('before takeover');

  await sim.advanceClock(3, 'days');
  const other = await sim.context.newPage();
  await other.goto('/');
  const otherSection = other.getByRole('region', { name: 'Checkpoints', exact: true });
  await expect(otherSection.getByRole('list', { name: 'Checkpoints' })).toContainText('before takeover');
  await otherSection.getByRole('button', { name: 'Restore before takeover', exact: true }).click();
  await expect(otherSection.getByRole('status')).toContainText('Checkpoint “before takeover” restored');
  await expect(clock(other)).toHaveAttribute('datetime', start!);
  // The first tab follows, and its Undo reverses the restore.
  await expect(clock(page)).toHaveAttribute('datetime', start!);
  await page.reload();
  await expect(undo(page)).toHaveAttribute('title', 'Undo: Restore "before takeover" (Ctrl+Z)');
  await expect(section.getByRole('list', { name: 'Checkpoints' })).toContainText('before takeover');
  await section.getByRole('button', { name: 'Delete before takeover', exact: true }).click();
  await expect(section).toContainText('No checkpoints yet.');
});

test('a shared link opens the same world in a fresh browser, keeping the old one as a checkpoint', async ({ sim, browser }) => {
  const { page } = sim;
  await loadPreset(sim, PRESET_FABRIKAM);
  await sim.advanceClock(5, 'hours');
  const when = await clock(page).getAttribute('datetime');
  await sim.open('/');
  const share = page.getByRole('region', { name: 'Share this world', exact: true });
  await share.getByRole('button', { name: 'Share this world', exact: true }).click();
  const link = await share.getByRole('textbox', { name: 'Link to this world' }).inputValue();
  expect(link).toMatch(/\/#world=\d+\.[A-Za-z0-9_-]+$/);
  // Fabrikam's world with its events is too big for one QR code, and the page says so.
  await expect(share.getByRole('note')).toContainText('No QR code: this link is');

  // A trainee's browser: nothing in common but the link.
  const trainee = await browser.newContext({ baseURL: new URL(link).origin });
  const tab = await trainee.newPage();
  await tab.goto(link);
  const offer = tab.getByRole('region', { name: 'This link carries a world' });
  await expect(offer).toContainText('Fabrikam has already signed up');
  await expect(clock(tab)).not.toHaveAttribute('datetime', when!);
  await offer.getByRole('button', { name: 'Load this world', exact: true }).click();
  await expect(offer).toHaveCount(0);
  await expect(clock(tab)).toHaveAttribute('datetime', when!);
  await expect(tab.getByRole('main').getByRole('status')).toContainText('Your world was kept as the checkpoint');
  expect(new URL(tab.url()).hash).toBe('');
  await tab.goto('/directory');
  await expect(tab.getByRole('cell', { name: PAT.email, exact: true }).first()).toBeVisible();
  // The world the trainee had is a checkpoint, and Undo brings it back too.
  await tab.goto('/');
  await expect(tab.getByRole('list', { name: 'Checkpoints' })).toContainText('Before the shared world');
  await undo(tab).click();
  await expect(clock(tab)).not.toHaveAttribute('datetime', when!);

  // "Keep my world" changes nothing.
  await tab.goto(link);
  await tab.getByRole('button', { name: 'Keep my world', exact: true }).click();
  await expect(clock(tab)).not.toHaveAttribute('datetime', when!);
  await trainee.close();
});

test('a damaged or foreign link says so and changes nothing', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await sim.advanceClock(1, 'days');
  const when = await clock(page).getAttribute('datetime');
  await sim.open('/');
  const share = page.getByRole('region', { name: 'Share this world', exact: true });
  await share.getByRole('button', { name: 'Share this world', exact: true }).click();
  const link = await share.getByRole('textbox', { name: 'Link to this world' }).inputValue();
  // Pasted into the address bar of the open tab: only the fragment changes.
  await page.goto(link.slice(0, Math.floor(link.length * 0.6)));
  const offer = page.getByRole('region', { name: "This link's world can't be loaded" });
  await expect(offer.getByRole('alert')).toContainText('damaged');
  await expect(offer.getByRole('alert')).toContainText('Nothing was changed');
  await expect(clock(page)).toHaveAttribute('datetime', when!);
  await offer.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(offer).toHaveCount(0);
  await page.goto('/#world=hello');
  await expect(page.getByRole('region', { name: "This link's world can't be loaded" })).toContainText("doesn't carry a world");
  await expect(clock(page)).toHaveAttribute('datetime', when!);
});
