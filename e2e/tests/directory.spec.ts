// /directory leads with a diagram of the directory: a box per tenant naming
// its domains, and what the last action changed (a new tenant marked "New",
// an external takeover as an arrow from the old tenant to the new one). At
// 1280×720 the boxes sit side by side; at 390×844 they stack in one column,
// the page never scrolls sideways, the diagram's text stays readable, and the
// users table keeps every column (as headers, then as cell labels). axe finds
// nothing at either size.
import { test, expect } from './fixtures/sim';
import {
  PRESET_FABRIKAM,
  CONTOSO_ADMIN,
  loadPreset,
  signInAs,
  openAdmin,
  addDomain,
  publishDnsRecord,
  verifyButton,
} from './fixtures/admin';
import { axeViolations } from './axe';
import type { Locator, Page } from '@playwright/test';

const SIZES = [
  { label: '1280×720', width: 1280, height: 720, phone: false },
  { label: '390×844', width: 390, height: 844, phone: true },
];
const USER_COLUMNS = ['User', 'Name', 'Role', 'Creation method', 'Status', 'Licenses'];
const PAT = 'p.dover@fabrikam.com';
const OLD_INITIAL = 'fabrikamcom.onmicrosoft.com';

/** The diagram: an image named for what it shows. */
function diagram(page: Page): Locator {
  return page.getByRole('main').getByRole('img', { name: /^Diagram of the directory: \d+ tenants?$/ });
}

/** The caption beside the diagram: the last action in one sentence. */
function lastChange(page: Page): Locator {
  return page.getByRole('main').getByRole('figure').locator('figcaption');
}

/** The box of the tenant whose section heading is `heading`. */
function box(page: Page, heading: string): Locator {
  return diagram(page).locator(`svg.tenant-box[data-tenant="${heading}"]`);
}

type Rect = { x: number; y: number; width: number; height: number };

async function rect(l: Locator): Promise<Rect> {
  const r = await l.boundingBox();
  expect(r, 'the element is laid out').not.toBeNull();
  return r!;
}

/** Runs `check` at each size, the page reloaded there (the layout is measured on load). */
async function atEachSize(page: Page, check: (size: (typeof SIZES)[number]) => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await test.step(size.label, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
      await expect(diagram(page)).toBeVisible();
      await check(size);
    });
  }
}

/**
 * What holds at every size: a box per tenant naming its domains, no sideways
 * scroll, the diagram within the viewport and its text ≥ 12 px as rendered,
 * boxes side by side at 1280 and stacked at 390, the users tables' columns
 * all shown, and no axe violation.
 */
async function expectLayout(page: Page, size: (typeof SIZES)[number], headings: string[]): Promise<void> {
  const d = diagram(page);
  await expect(d.locator('svg.tenant-box')).toHaveCount(headings.length);
  for (const h of headings) {
    // The last text naming the domain is its domain line (the first may be the tenant's name).
    for (const domain of h.split(', ')) await expect(box(page, h).getByText(domain, { exact: true }).last()).toBeVisible();
  }

  // Nothing wider than the viewport.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const svg = await rect(d);
  expect(svg.x).toBeGreaterThanOrEqual(0);
  expect(svg.x + svg.width).toBeLessThanOrEqual(size.width);

  // Every text of the diagram is at least 12 px as drawn.
  const smallest = await d.evaluate((el) => {
    const s = el as unknown as SVGSVGElement;
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    return Math.min(...[...s.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
  });
  expect(smallest, 'the smallest text of the diagram, in px').toBeGreaterThanOrEqual(12);

  // Side by side at 1280 (one row for three tenants), one column at 390.
  const rects = await Promise.all(headings.map((h) => rect(box(page, h))));
  if (size.phone) {
    for (const r of rects) expect(Math.abs(r.x - rects[0].x)).toBeLessThanOrEqual(2);
    for (let i = 1; i < rects.length; i++) expect(rects[i].y).toBeGreaterThanOrEqual(rects[i - 1].y + rects[i - 1].height - 2);
  } else {
    const firstRow = rects.slice(0, 3);
    for (const r of firstRow) expect(Math.abs(r.y - rects[0].y)).toBeLessThanOrEqual(2);
    for (let i = 1; i < firstRow.length; i++) expect(firstRow[i].x).toBeGreaterThanOrEqual(firstRow[i - 1].x + firstRow[i - 1].width - 2);
  }

  // Every column of every users table: a visible header at 1280, a cell label at 390.
  for (const h of headings) {
    const section = page.getByRole('region', { name: h, exact: true });
    const users = section.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'User', exact: true }) });
    if ((await users.count()) === 0) continue; // an emptied tenant has a sentence instead
    if (!size.phone) {
      for (const c of USER_COLUMNS) await expect(users.getByRole('columnheader', { name: c, exact: true })).toBeVisible();
    } else {
      const labels = await users.locator('tbody tr').first().locator('td').evaluateAll((tds) =>
        tds.map((td) => {
          const r = td.getBoundingClientRect();
          const before = getComputedStyle(td, '::before').content;
          return { label: before.replace(/^"|"$/g, ''), shown: r.width > 0 && r.height > 0, right: r.right };
        }),
      );
      expect(labels.map((l) => l.label)).toEqual(USER_COLUMNS);
      for (const l of labels) {
        expect(l.shown).toBe(true);
        expect(l.right).toBeLessThanOrEqual(size.width);
      }
    }
  }

  expect(await axeViolations(page)).toEqual([]);
}

async function headingsOf(page: Page): Promise<string[]> {
  return (await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).map((h) => h.trim());
}

test.describe('with axe', () => {
  test.use({ bypassCSP: true });

  test('the diagram shows every tenant; a sign-up of a new address marks its new tenant "New"', async ({ sim }) => {
    test.setTimeout(90_000);
    const { page } = sim;
    await sim.start();

    // The default scenario: Contoso and Litware, nothing done yet.
    await sim.open('/directory');
    await expect(lastChange(page)).toHaveText(/^No action yet since the scenario “Default: .*” was loaded\.$/);
    expect(await headingsOf(page)).toEqual(['contoso.com', 'litwareinc.com']);
    await expect(diagram(page).locator('svg.tenant-box[data-mark="unchanged"]')).toHaveCount(2);
    await expect(diagram(page).getByText('No administrator')).toHaveCount(0);

    // A new address signs up: a new unmanaged tenant.
    await sim.completeSignUp(PAT);
    await sim.open('/directory');
    await atEachSize(page, async (size) => {
      await expect(lastChange(page)).toHaveText(`Last action: ${PAT} signed up; new tenant fabrikam.com (unmanaged).`);
      const fabrikam = box(page, 'fabrikam.com');
      await expect(fabrikam).toHaveAttribute('data-mark', 'new');
      await expect(fabrikam.getByText('New', { exact: true })).toBeVisible();
      await expect(fabrikam.getByText('Unmanaged', { exact: true })).toBeVisible();
      await expect(fabrikam.getByText('No administrator', { exact: true })).toBeVisible();
      await expect(fabrikam.getByText(PAT, { exact: true })).toBeVisible();
      await expect(fabrikam.getByText('RIGHTSMANAGEMENT_ADHOC', { exact: false })).toBeVisible();
      await expect(fabrikam.getByText('Key of fabrikam.com', { exact: true })).toBeVisible();
      // Only the new tenant is marked.
      for (const other of ['contoso.com', 'litwareinc.com']) {
        await expect(box(page, other)).toHaveAttribute('data-mark', 'unchanged');
        await expect(box(page, other).getByText('New', { exact: true })).toHaveCount(0);
        await expect(box(page, other).getByText('Changed', { exact: true })).toHaveCount(0);
      }
      await expect(box(page, 'contoso.com').getByText('Managed', { exact: true })).toBeVisible();
      // The new tenant's section says so too.
      const section = sim.tenantSection('fabrikam.com');
      await expect(section.getByText('New', { exact: true })).toBeVisible();
      await expect(sim.tenantSection('contoso.com').getByText('New', { exact: true })).toHaveCount(0);
      // The long identifiers are behind "Details".
      const details = section.getByRole('group').filter({ has: page.getByText('Details', { exact: true }) });
      await expect(details.getByText('Tenant ID', { exact: true })).toBeHidden();
      await details.getByText('Details', { exact: true }).click();
      await expect(details.getByText('Tenant ID', { exact: true })).toBeVisible();
      await expectLayout(page, size, ['contoso.com', 'fabrikam.com', 'litwareinc.com']);
    });
  });

  test('after an external takeover the diagram shows what moved from the old tenant to the new one', async ({ sim }) => {
    test.setTimeout(90_000);
    const { page } = sim;
    await sim.start();
    await loadPreset(sim, PRESET_FABRIKAM);
    await signInAs(sim, CONTOSO_ADMIN);
    await openAdmin(sim);
    const txt = await addDomain(sim, 'fabrikam.com');
    await publishDnsRecord(sim, 'fabrikam.com', 'TXT', txt);
    await sim.advanceClock(1, 'hours');
    await openAdmin(sim);
    await verifyButton(page, 'fabrikam.com').click();
    await expect(sim.status()).toContainText('fabrikam.com now belongs to Contoso, Ltd');

    await sim.open('/directory');
    await atEachSize(page, async (size) => {
      await expect(lastChange(page)).toContainText(
        `Last action: Contoso, Ltd took over fabrikam.com from the unmanaged tenant ${OLD_INITIAL} (external takeover): the domain and 2 users moved`,
      );
      const to = box(page, 'contoso.com, fabrikam.com');
      const from = box(page, OLD_INITIAL);
      await expect(to).toHaveAttribute('data-mark', 'changed');
      await expect(from).toHaveAttribute('data-mark', 'changed');
      await expect(to.getByText('Changed', { exact: true })).toBeVisible();
      await expect(from.getByText('Pending deletion', { exact: true })).toBeVisible();
      await expect(box(page, 'litwareinc.com')).toHaveAttribute('data-mark', 'unchanged');

      // One arrow, labelled with what moved, from the old tenant's box to Contoso's.
      const move = diagram(page).locator('g.move');
      await expect(move).toHaveCount(1);
      await expect(move.getByText('fabrikam.com + 2 users', { exact: true })).toBeVisible();
      await expect(move.getByText('RMS key moved too', { exact: true })).toBeVisible();
      const ends = await move.evaluate((g) => {
        const path = g.querySelector('path.move-line') as SVGPathElement;
        const start = path.getPointAtLength(0);
        const end = path.getPointAtLength(path.getTotalLength());
        const boxOf = (heading: string) => {
          const b = g.ownerSVGElement!.querySelector(`svg.tenant-box[data-tenant="${heading}"]`) as SVGSVGElement;
          return { x: b.x.baseVal.value, y: b.y.baseVal.value, w: b.width.baseVal.value, h: b.height.baseVal.value };
        };
        return { start: { x: start.x, y: start.y }, end: { x: end.x, y: end.y }, from: boxOf('fabrikamcom.onmicrosoft.com'), to: boxOf('contoso.com, fabrikam.com') };
      });
      const touches = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }) =>
        p.x >= b.x && p.x <= b.x + b.w && Math.abs(p.y - b.y) <= 4;
      expect(touches(ends.start, ends.from), `the arrow starts at the old tenant's box: ${JSON.stringify(ends)}`).toBe(true);
      expect(touches(ends.end, ends.to), `the arrow ends at Contoso's box: ${JSON.stringify(ends)}`).toBe(true);

      await expectLayout(page, size, await headingsOf(page));
    });
  });
});

test('the diagram is drawn under the Content-Security-Policy (no inline style)', async ({ sim }) => {
  const { page } = sim;
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await sim.start();
  await sim.completeSignUp(PAT);
  await sim.open('/directory');
  await expect(box(page, 'fabrikam.com')).toHaveAttribute('data-mark', 'new');
  // The style sheet applies: the new box has the thick outline.
  const stroke = await box(page, 'fabrikam.com').locator('rect.frame').evaluate((r) => getComputedStyle(r).strokeWidth);
  expect(stroke).toBe('4px');

  // Narrowed without a reload, the diagram is laid out again: one column.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect
    .poll(async () => Math.abs((await rect(box(page, 'fabrikam.com'))).y - (await rect(box(page, 'contoso.com'))).y) <= 2)
    .toBe(true);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(async () => {
      const [a, b] = [await rect(box(page, 'contoso.com')), await rect(box(page, 'fabrikam.com'))];
      return Math.abs(a.x - b.x) <= 2 && b.y >= a.y + a.height - 2;
    })
    .toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(violations).toEqual([]);
});
