// axe-core (WCAG 2.1 A and AA rules) on the page as it is now: the
// violations, each with the rule, its help text and the first offending
// elements, so a failure says what to fix.
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page): Promise<string[]> {
  // The app's CSP forbids inline scripts; the context is opened with bypassCSP (see axe tests).
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations: { id: string; help: string; nodes: { target: string[] }[] }[] = await page.evaluate(async () => {
    // @ts-ignore axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: any) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target })) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}
