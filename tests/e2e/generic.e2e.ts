/**
 * The generic fallback: on a page no adapter knows, nothing runs until the agent asks; then
 * the large images of the conversation area get badges and the site's chrome does not.
 * The request is made the way the "Scan this page's images" menu item makes it.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { launchWithExtension, tabIdOf } from './browser';
import { copyNote, notePhotos } from './panel';
import { ROOT, SAMPLE_ROLES, startFixtureServer, type FixtureServer } from './server';

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, extensionId } = await launchWithExtension());
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
});

test('scans a page without an adapter only when asked, badging the photos only', async () => {
  const page = await context.newPage();
  const url = `https://acme.zendesk.com:${server.port}/hc/en-us/requests/77`;
  await page.goto(url);
  await page.waitForTimeout(1000);
  await expect(page.locator('claimlens-badge')).toHaveCount(0);

  const tabId = await tabIdOf(context, '*://acme.zendesk.com/hc/*');
  await context.serviceWorkers()[0].evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/generic.js'] }), tabId);

  const badges = page.locator('claimlens-badge');
  await expect(badges).toHaveCount(2);
  await expect(page.locator(`img[alt="photo 1"] + claimlens-badge`)).toHaveAttribute('data-level', 'high', { timeout: 30_000 });
  await expect(page.locator(`img[alt="photo 2"] + claimlens-badge`)).toHaveAttribute('data-level', 'low', { timeout: 30_000 });
  await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'generic.png') });

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('article.card')).toHaveCount(2);
  await expect(panel.locator(`article.card[data-src*="${SAMPLE_ROLES.AI}"]`).getByText(/Made with an AI image generator: ComfyUI/).first()).toBeVisible();

  // The internal note: no ticket on such a page, so it speaks of the claim; both photos, riskiest first.
  const note = await copyNote(panel);
  expect(note.split('\n')[0]).toMatch(/^ClaimLens photo check — claim, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  expect(note.split('\n')[1]).toBe('2 image(s): 1 high risk, 0 need review, 1 low risk.');
  expect(notePhotos(note).map((p) => p.level)).toEqual(['HIGH RISK', 'low risk']);
  expect(note).toContain('Made with an AI image generator: ComfyUI');

  // Asking again does not duplicate badges.
  await context.serviceWorkers()[0].evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/generic.js'] }), tabId);
  await page.waitForTimeout(500);
  await expect(badges).toHaveCount(2);
});
