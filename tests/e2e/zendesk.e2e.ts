/**
 * The whole path in real Chromium with the built extension: a Zendesk-shaped ticket page
 * under the real host name, attachments behind cookies on a second origin, badges on the
 * claim images only, and the side panel's explanations.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, tabIdOf } from './browser';
import { startFixtureServer, SAMPLE_ROLES, ROOT, type FixtureServer, ZENDESK_FILES_COOKIE } from './server';

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, extensionId } = await launchWithExtension());
  await context.addCookies([ZENDESK_FILES_COOKIE]);
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
});

test('badges the claim images of a Zendesk ticket and explains them in the side panel', async () => {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const ticketUrl = `https://acme.zendesk.com:${server.port}/agent/tickets/4821`;
  await page.goto(ticketUrl);

  const badges = page.locator('claimlens-badge');
  // Five attachments (one arrives after first paint); avatars, logos and signatures get none.
  await expect(badges).toHaveCount(5);
  await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });

  const badgeAfter = (file: string) => page.locator(`a[href*="${file}"] + claimlens-badge`);
  await expect(badgeAfter(SAMPLE_ROLES.AI)).toHaveAttribute('data-level', 'high');
  await expect(badgeAfter(SAMPLE_ROLES.CAMERA)).toHaveAttribute('data-level', 'low');
  await expect(badgeAfter(SAMPLE_ROLES.AI)).toHaveAttribute('data-label', 'High risk');

  // The full files were fetched through the cookie-protected redirect, not the thumbnails.
  const fetched = server.requests.filter((r) => r.path.startsWith('/file/'));
  expect(fetched.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  expect(server.requests.filter((r) => r.status === 401 || r.status === 403)).toEqual([]);

  const shots = join(ROOT, 'test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'zendesk-ticket.png') });

  const tabId = await tabIdOf(context, '*://acme.zendesk.com/*');
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 1100 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByRole('heading', { name: 'ClaimLens' })).toBeVisible();
  await expect(panel.getByText('zendesk ticket #4821 · Jordan Miller')).toBeVisible();
  await expect(panel.locator('article.card')).toHaveCount(5);
  // Riskiest first, with the generator named and the recommendation shown.
  const first = panel.locator('article.card').first();
  await expect(first).toHaveClass(/level-high/);
  await expect(first.getByText(/Made with an AI image generator: ComfyUI/).first()).toBeVisible();
  await expect(first.getByText('Escalate to fraud review before refunding.')).toBeVisible();
  // Every evidence item expands to its plain-language detail and raw data.
  await first.getByText(/All signals/).click();
  const item = first.locator('[data-evidence-id="provenance.generator.comfyui"] button');
  await item.focus();
  await panel.keyboard.press('Enter');
  await expect(first.getByText(/Cameras and phones never write this/)).toBeVisible();
  await expect(first.locator('.evidence-data th', { hasText: 'prompt' })).toBeVisible();
  const camera = panel.locator(`article.card[data-src*="${SAMPLE_ROLES.CAMERA}"]`);
  await expect(camera).toHaveClass(/level-low/);
  await expect(camera.getByText(/Camera details present: Canon PowerShot G2/).first()).toBeVisible();
  await panel.screenshot({ path: join(shots, 'sidepanel.png'), fullPage: true });

  // Pixel forensics draw their map over the image, with an opacity slider.
  await camera.getByText(/All signals/).click();
  await camera.locator('[data-evidence-id^="pixels.ela"] button').click();
  const map = camera.locator('.heatmap');
  await expect(map.locator('canvas')).toBeVisible();
  await expect(map.getByRole('slider', { name: /opacity/i })).toBeVisible();
  await map.screenshot({ path: join(shots, 'heatmap-ela.png') });
  // The neural detector's per-crop scores, as a map over the image.
  await camera.locator('[data-evidence-id^="model.npr"] button').click();
  const crops = camera.locator('[data-evidence-id^="model.npr"] .heatmap');
  await expect(crops.locator('canvas')).toBeVisible();
  await crops.screenshot({ path: join(shots, 'heatmap-model.png') });

  // One click copies a neutral internal note for the ticket.
  // Headless Chromium cannot grant clipboard access to an extension page: record what is written.
  await panel.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  const copied = () => panel.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
  await panel.getByRole('button', { name: 'Copy internal note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Internal note copied' })).toBeVisible();
  const note = await copied();
  expect(note).toMatch(/^ClaimLens photo check — zendesk ticket #4821 \(Jordan Miller\)/);
  expect(note).toContain(`1. ${SAMPLE_ROLES.AI} — HIGH RISK`);
  expect(note).toContain('Made with an AI image generator: ComfyUI');
  expect(note).toContain('Recommended next step: Escalate to fraud review before refunding.');
  await panel.getByRole('button', { name: 'Copy video request for the customer' }).click();
  expect(await copied()).toContain('Hi Jordan,');

  expect(pageErrors).toEqual([]);
});
