/**
 * Accessibility of the side panel with real content: axe-core (WCAG 2.x A/AA rules) finds no
 * violations, every control is reachable by keyboard, and badges carry text, not colour alone.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openHelpdeskSession, closeHelpdeskSession, tabIdOf } from './browser';
import type { FixtureServer } from './server';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  ({ server, context, extensionId } = await openHelpdeskSession());
});

test.afterAll(() => closeHelpdeskSession({ server, context }));

async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol, which the extension page's CSP does not restrict.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

test('the side panel passes axe and works by keyboard; badges carry text', async () => {
  const page = await context.newPage();
  await page.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/4821`);
  await expect(page.locator('claimlens-badge')).toHaveCount(5);
  await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
  for (const label of await page.locator('claimlens-badge').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.label))) {
    expect(['High risk', 'Needs review', 'Low risk']).toContain(label);
  }

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${await tabIdOf(context, '*://acme.zendesk.com/*')}`);
  await expect(panel.locator('article.card')).toHaveCount(5);
  // Open every disclosure so that axe sees the evidence details and data tables too.
  for (const summary of await panel.locator('summary').all()) await summary.click();
  for (const toggle of await panel.locator('.evidence-toggle').all()) await toggle.click();
  expect(await axeViolations(panel)).toEqual([]);

  // Keyboard: Tab reaches the copy buttons and the first evidence toggle, Enter toggles it.
  const reached: string[] = [];
  for (let i = 0; i < 12; i++) {
    await panel.keyboard.press('Tab');
    reached.push(await panel.evaluate(() => document.activeElement?.textContent?.trim().slice(0, 40) ?? ''));
  }
  expect(reached).toContain('Copy internal note');
  expect(reached.some((t) => t.startsWith('All signals'))).toBe(true);
});
