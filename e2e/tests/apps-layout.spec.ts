// The application pages as a person sees them on a projector (1280×720) and
// a phone (390×844): the sharing application's sample files, each protected
// and opened in the viewer with its content in view; the console's command
// box focused and in view; the tracking site without sideways scrolling and
// with every column; and axe-core finds nothing at either size (also with
// the protect dialog open, a file open in the viewer and the credential
// dialog open).
import { test, expect, type Sim } from './fixtures/sim';
import { CONTOSO_ADMIN, signInAs, signOut } from './fixtures/admin';
import {
  protectDialog,
  downloadResult,
  fromDisk,
  openInViewer,
  viewerFileInput,
  contentSection,
  protectionSection,
  expectOpened,
  textContent,
  trackedDocument,
  fact,
} from './fixtures/sharing';
import { openConsole, commandBox, transcript, run, credentialDialog } from './fixtures/powershell';
import { axeViolations } from './axe';
import type { Locator, Page, TestInfo } from '@playwright/test';

test.use({ bypassCSP: true });

const SIZES = [
  { name: 'projector', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The samples of the UI contract and what the sharing application names them. */
const SAMPLES = [
  { file: 'Sample.txt', protectedAs: 'Sample.ptxt' },
  { file: 'Proposal.docx', protectedAs: 'Proposal.docx' },
  { file: 'Pricing.pdf', protectedAs: 'Pricing.ppdf' },
  { file: 'Photo.jpg', protectedAs: 'Photo.pjpg' },
] as const;

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), `axe-core violations ${where}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} doesn't scroll sideways`).toBeLessThanOrEqual(1);
}

/** The element lies within the viewport's width (it may be further down). */
async function expectWithinWidth(page: Page, el: Locator, what: string): Promise<void> {
  const box = await el.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  const width = page.viewportSize()!.width;
  expect(box!.x, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends inside the viewport's width`).toBeLessThanOrEqual(width + 0.5);
}

function samplesGroup(page: Page): Locator {
  return page.getByRole('main').getByRole('group', { name: 'Sample files', exact: true });
}

/** On /sharing: picks a sample and waits until it is the chosen file. */
async function pickSample(sim: Sim, file: string): Promise<void> {
  const main = sim.page.getByRole('main');
  const button = samplesGroup(sim.page).getByRole('button', { name: file, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(fact(main, 'Chosen')).toContainText(file);
  await expect(main.getByRole('button', { name: 'Protect in-place', exact: true })).toBeEnabled();
}

for (const size of SIZES) {
  test.describe(`${size.name}, ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the four sample files: each is protected like a chosen file and opens in the viewer with its content in view', async ({ sim }, info) => {
      test.setTimeout(120_000);
      const { page } = sim;
      const main = page.getByRole('main');
      await sim.start();
      await signInAs(sim, CONTOSO_ADMIN);
      await sim.open('/sharing');

      // The group and its four buttons, beside the file input.
      const group = samplesGroup(page);
      await expect(group).toBeVisible();
      await expect(group.getByRole('button')).toHaveCount(SAMPLES.length);
      for (const s of SAMPLES) {
        const button = group.getByRole('button', { name: s.file, exact: true });
        await expect(button).toBeVisible();
        await expectWithinWidth(page, button, `the sample button ${s.file}`);
      }
      await expect(main.getByLabel('File', { exact: true })).toBeAttached();
      await expectNoSidewaysScroll(page, '/sharing');
      await expectAxeClean(page, 'on /sharing');

      let first: Awaited<ReturnType<typeof downloadResult>> | undefined;
      for (const [i, s] of SAMPLES.entries()) {
        await sim.open('/sharing');
        await pickSample(sim, s.file);
        await expect(fact(main, 'Protected as')).toContainText(s.protectedAs);
        await main.getByRole('button', { name: 'Protect in-place', exact: true }).click();
        const dialog = protectDialog(page, 'Protect in-place', s.file);
        await expect(dialog).toBeVisible();
        if (i === 0) {
          await expectNoSidewaysScroll(page, '/sharing with the protect dialog open');
          await expectAxeClean(page, 'with the protect dialog open');
        }
        await dialog.getByLabel('Users', { exact: true }).fill('p.dover@fabrikam.com');
        await dialog.getByRole('radio', { name: 'Co-Author', exact: true }).check();
        await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
        await expect(sim.status()).toContainText(`${s.file} is protected: ${s.protectedAs} replaces it`);
        const saved = await downloadResult(page, s.protectedAs, info);
        first ??= saved;

        // The owner opens it: the content first, in view, then the protection.
        await openInViewer(sim, await fromDisk(saved));
        await expectOpened(sim, 'janetm@contoso.com');
        const content = contentSection(page);
        await expect(content).toBeInViewport();
        const order = await page.evaluate(() => {
          const c = document.getElementById('content-h');
          const p = document.getElementById('protection-h');
          return !!c && !!p && !!(c.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(order, 'the content comes before the protection').toBe(true);
        // The file choice names the file; nothing offers to try again after a success.
        const tools = page.getByRole('region', { name: 'Open a file', exact: true });
        await expect(tools.getByText(s.protectedAs, { exact: true })).toBeVisible();
        await expect(main.getByRole('button', { name: 'Try again' })).toHaveCount(0);
        await expect(fact(protectionSection(page), 'File')).toHaveText(`${s.protectedAs} (originally ${s.file})`);

        if (s.file === 'Sample.txt') {
          await expect(textContent(page)).toContainText('Contoso and Fabrikam');
          await expect(textContent(page)).toBeInViewport();
        } else if (s.file === 'Proposal.docx') {
          await expect(content.getByRole('note', { name: 'Restricted access' })).toBeInViewport();
          await expect(content.getByRole('button', { name: 'Download Proposal.docx', exact: true })).toBeVisible();
        } else if (s.file === 'Pricing.pdf') {
          const pdf = content.locator('iframe');
          await expect(pdf).toHaveAttribute('title', 'The protected PDF Pricing.pdf');
          await expect(pdf).toBeInViewport();
        } else {
          const img = content.getByRole('img', { name: 'The protected image Photo.jpg' });
          await expect(img).toBeInViewport();
          await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth)).toBe(800);
        }
        await expectNoSidewaysScroll(page, `/viewer with ${s.protectedAs} open`);
        await expectAxeClean(page, `on /viewer with ${s.protectedAs} open`);
      }

      // A refusal keeps its alert, and there "Try again" helps (after signing in).
      await signOut(sim);
      await openInViewer(sim, await fromDisk(first!));
      await expect(sim.alert()).toContainText('Sign in to open this file');
      await expect(sim.alert().getByRole('button', { name: 'Try again', exact: true })).toBeVisible();
      await expect(viewerFileInput(page)).toBeAttached();
      await expectAxeClean(page, 'on /viewer with a refusal');
    });

    test('/powershell: the command box is focused and in view without scrolling; the transcript scrolls itself; text of at least 1rem', async ({ sim }) => {
      const { page } = sim;
      await sim.start();
      await openConsole(sim);
      const box = commandBox(page);
      await expect(box).toBeFocused();
      await expect(box).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => window.scrollY), 'the page opened at its top').toBe(0);

      const sizes = await page.evaluate(() => {
        const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
        return {
          root: px(document.documentElement),
          transcript: px(document.querySelector('[role="log"]')),
          input: px(document.getElementById('ps-command')),
        };
      });
      expect(sizes.root).toBe(size.width >= 1280 ? 18 : 16);
      expect(sizes.transcript, 'the transcript is at least 1rem').toBeGreaterThanOrEqual(sizes.root);
      expect(sizes.input, 'the command box is at least 1rem').toBeGreaterThanOrEqual(sizes.root);

      // Long output: the box stays in view and the newest line is shown.
      await run(page, 'Get-Command');
      await run(page, 'Get-Help Set-MsolCompanySettings');
      await expect(box).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => window.scrollY), 'the page itself did not scroll').toBe(0);
      const log = transcript(page);
      await expect
        .poll(() => log.evaluate((e) => e.scrollHeight - e.scrollTop - e.clientHeight), { message: 'the newest line is in view' })
        .toBeLessThanOrEqual(2);
      expect(await log.evaluate((e) => e.scrollHeight > e.clientHeight), 'the transcript scrolls itself').toBe(true);
      await expectNoSidewaysScroll(page, '/powershell');
      await expectAxeClean(page, 'on /powershell');

      // Connect-MsolService's dialog, then back to the command box.
      await box.fill('Connect-MsolService');
      await box.press('Enter');
      const dialog = credentialDialog(page);
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('Email address', { exact: true })).toBeFocused();
      await expectAxeClean(page, 'with the credential dialog open');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(box).toBeFocused();
      await expect(box).toBeInViewport({ ratio: 1 });
    });

    test('/tracking: no sideways scroll, every column of the access attempts shown', async ({ sim }, info) => {
      test.setTimeout(60_000);
      const { page } = sim;
      await sim.start();
      await signInAs(sim, CONTOSO_ADMIN);
      // Janet opens her file, then someone who isn't signed in tries to.
      const saved = await downloadFirst(sim, info);
      await openInViewer(sim, await fromDisk(saved));
      await expectOpened(sim, 'janetm@contoso.com');
      await signOut(sim);
      await openInViewer(sim, await fromDisk(saved));
      await expect(sim.alert()).toContainText('Sign in to open this file');
      await signInAs(sim, CONTOSO_ADMIN);

      await sim.open('/tracking');
      const doc = trackedDocument(page, 'Sample.ptxt');
      await expect(doc).toBeVisible();
      const attempts = doc.getByRole('table', { name: 'Access attempts for Sample.ptxt', exact: true });
      const rows = attempts.locator('tbody tr');
      await expect(rows).toHaveCount(2);
      const columns = ['User', 'Time', 'Result'];
      for (let r = 0; r < 2; r++) {
        const cells = rows.nth(r).locator('td');
        await expect(cells).toHaveCount(columns.length);
        for (const [c, column] of columns.entries()) {
          const cell = cells.nth(c);
          await expect(cell).toHaveAttribute('data-label', column);
          await expect(cell).toBeVisible();
          await expectWithinWidth(page, cell, `row ${r + 1}'s ${column}`);
          // No blank space: a stacked cell (a card's line) is as tall as its
          // text; in a table row, the row is as tall as its tallest text.
          const blank = await cell.evaluate((td) => {
            const text = (el: Element) => {
              const range = document.createRange();
              range.selectNodeContents(el);
              return range.getBoundingClientRect().height;
            };
            if (getComputedStyle(td).display !== 'table-cell') return td.getBoundingClientRect().height - text(td);
            const tr = td.parentElement!;
            return tr.getBoundingClientRect().height - Math.max(...[...tr.children].map(text));
          });
          expect(blank, `row ${r + 1}'s ${column} is no taller than its text`).toBeLessThan(24);
        }
      }
      const byUser = (who: string) => rows.filter({ has: page.locator('td[data-label="User"]', { hasText: new RegExp(`^${who}$`) }) });
      await expect(byUser('janetm@contoso\\.com').locator('td').nth(2)).toContainText('Opened by its owner');
      await expect(byUser("someone who isn't signed in").locator('td').nth(2)).toContainText('Sign in to open this file');
      await expect(doc.getByRole('button', { name: 'Revoke access', exact: true })).toBeVisible();
      await expectWithinWidth(page, doc.getByRole('button', { name: 'Revoke access', exact: true }), 'Revoke access');
      await expectNoSidewaysScroll(page, '/tracking');
      await expectAxeClean(page, 'on /tracking');
    });
  });
}

/** Signed in as Janet: protects the sample Sample.txt in place for p.dover; returns the downloaded Sample.ptxt. */
async function downloadFirst(sim: Sim, info: TestInfo) {
  const { page } = sim;
  await sim.open('/sharing');
  await pickSample(sim, 'Sample.txt');
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Protect in-place', exact: true }).click();
  const dialog = protectDialog(page, 'Protect in-place', 'Sample.txt');
  await dialog.getByLabel('Users', { exact: true }).fill('p.dover@fabrikam.com');
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(sim.status()).toContainText('Sample.txt is protected');
  return downloadResult(page, 'Sample.ptxt', info);
}
