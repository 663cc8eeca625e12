/**
 * The whole path in real Chromium with the built extension: a Zendesk-shaped ticket page
 * under the real host name, attachments behind cookies on a second origin, badges on the
 * claim images only, and the side panel's explanations. Also: the Ticket Comments API as a
 * second source (a collapsed comment's photo analysed and listed before it is shown, badged
 * without a second analysis once expanded), and the badge's dark variant on a dark workspace.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { ClaimContext } from '../../lib/engine/types';
import { contrastRatio, parseColor } from '../../lib/content/theme';
import { badgeColours, type BadgeColours } from './badges';
import { openHelpdeskSession, closeHelpdeskSession, tabIdOf } from './browser';
import { SAMPLE_ROLES, ROOT, type FixtureServer, ZENDESK_COLLAPSED_TICKET, ZENDESK_DECOY_TOKENS } from './server';

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  ({ server, context, extensionId } = await openHelpdeskSession());
});

test.afterAll(() => closeHelpdeskSession({ server, context }));

test.describe.configure({ mode: 'serial' });

/**
 * Records every analyze-image message the background receives (an extra listener beside the
 * background's own), so a test can tell how many times a file was asked for.
 */
async function recordAnalyses(): Promise<() => Promise<string[]>> {
  const worker = context.serviceWorkers()[0];
  await worker.evaluate(() => {
    const g = globalThis as unknown as { analysed?: string[] };
    if (g.analysed) {
      g.analysed.length = 0;
      return;
    }
    g.analysed = [];
    chrome.runtime.onMessage.addListener((m: { type?: string; src?: string }) => {
      if (m?.type === 'analyze-image' && m.src) g.analysed!.push(m.src);
    });
  });
  return () => worker.evaluate(() => [...((globalThis as unknown as { analysed: string[] }).analysed ?? [])]);
}

/**
 * Empties the case memory (and the background's cache) the way the options page does, so a
 * ticket's samples are a first sighting (reuse has its own tests).
 */
async function forgetCaseMemory(): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    expect(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'forget-everything' }))).toEqual({ ok: true });
  } finally {
    await page.close();
  }
}


const contrastOf = (b: BadgeColours) => contrastRatio(parseColor(b.color)!, parseColor(b.background)!);

/** GET on the fixture server under a helpdesk host name, without any cookie. */
function getWithoutCookie(host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port: server.port, path, servername: host, headers: { host: `${host}:${server.port}` }, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('badges the claim images of a Zendesk ticket and explains them in the side panel', async () => {
  const analysed = await recordAnalyses();
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
  // The comments API was read too (both pages, with the agent's cookie); the files it lists are the
  // ones the page shows, so each was analysed once, and its decoys (PDF, SVG, oversize file, inline
  // signature, thumbnails) never.
  const api = server.requests.filter((r) => r.path.startsWith('/api/v2/tickets/4821/comments'));
  expect(api.map((r) => [r.path, r.status, r.dest])).toEqual([
    ['/api/v2/tickets/4821/comments.json', 200, 'empty'],
    ['/api/v2/tickets/4821/comments.json?page=2', 200, 'empty'],
  ]);
  const asked = await analysed();
  expect(asked).toHaveLength(5);
  expect(new Set(asked).size).toBe(5);
  expect(server.requests.filter((r) => ZENDESK_DECOY_TOKENS.some((t) => r.path.includes(`/${t}/`)))).toEqual([]);

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

test('analyses a collapsed comment’s photo from the comments API, lists it, and badges it once expanded without a second analysis', async ({}, testInfo) => {
  await forgetCaseMemory();
  const analysed = await recordAnalyses();
  // The API, like Zendesk's, answers only the signed-in agent.
  expect(await getWithoutCookie('acme.zendesk.com', `/api/v2/tickets/${ZENDESK_COLLAPSED_TICKET}/comments.json`)).toBe(401);

  const before = server.requests.length;
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/${ZENDESK_COLLAPSED_TICKET}`);
  const collapsed = page.locator(`a[href*="/tk6COL/"]`);
  const collapsedSrc = `https://acme.zendesk.com:${server.port}/attachments/token/tk6COL/?name=${SAMPLE_ROLES.AI_COLLAPSED}`;

  // Before expansion: the photo is not on the page, yet it is analysed and listed in the side panel.
  await expect(page.locator('claimlens-badge')).toHaveCount(5);
  await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(collapsed).toHaveCount(0);
  const tabId = await tabIdOf(context, `*://acme.zendesk.com/agent/tickets/${ZENDESK_COLLAPSED_TICKET}`);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 1100 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByText(`zendesk ticket #${ZENDESK_COLLAPSED_TICKET} · Jordan Miller`)).toBeVisible();
  await expect(panel.locator('article.card')).toHaveCount(6);
  const card = panel.locator(`article.card[data-src*="${SAMPLE_ROLES.AI_COLLAPSED}"]`);
  await expect(card).toHaveClass(/level-high/, { timeout: 30_000 });
  await expect(card.getByText(/Made with an AI image generator: InvokeAI/i).first()).toBeVisible();
  await panel.screenshot({ path: testInfo.outputPath('zendesk-collapsed-sidepanel.png'), fullPage: true });
  expect((await analysed()).filter((s) => s === collapsedSrc)).toHaveLength(1);

  // The context is still the ticket's, in the tab state.
  const state = await context.serviceWorkers()[0].evaluate(async (key) => (await chrome.storage.session.get(key))[key], `tab:${tabId}`);
  expect((state as { context: ClaimContext }).context).toMatchObject({ helpdesk: 'zendesk', ticketId: ZENDESK_COLLAPSED_TICKET, customerName: 'Jordan Miller', orderId: '#SO-20418' });

  // Expanding the comment shows the photo: its badge has the level at once, from the same analysis.
  await page.getByRole('button', { name: 'Show 1 more comment' }).click();
  await expect(collapsed).toHaveCount(1);
  const badge = page.locator(`a[href*="/tk6COL/"] + claimlens-badge`);
  await expect(badge).toHaveAttribute('data-level', 'high', { timeout: 5_000 });
  await expect(badge).toHaveAttribute('data-label', 'High risk');
  // Six photos now shown, six badges: the expanded comment's avatar, the other avatars and the signature get none.
  await expect(page.locator('claimlens-badge')).toHaveCount(6);
  await expect(page.locator('[data-test-id="omni-log-item-avatar"] + claimlens-badge, .sig claimlens-badge')).toHaveCount(0);
  await page.waitForTimeout(500);
  const asked = await analysed();
  expect(asked.filter((s) => s === collapsedSrc)).toHaveLength(1);
  expect(asked).toHaveLength(6);
  expect(new Set(asked).size).toBe(6);
  await expect(panel.locator('article.card')).toHaveCount(6);
  await page.screenshot({ path: testInfo.outputPath('zendesk-collapsed-expanded.png') });

  // Each file fetched once (the collapsed one included, through the redirect to the signed host);
  // the API read page by page; the decoys never.
  const requests = server.requests.slice(before);
  expect(requests.filter((r) => r.path.startsWith(`/file/${SAMPLE_ROLES.AI_COLLAPSED}`)).map((r) => r.status)).toEqual([200]);
  expect(requests.filter((r) => r.path.startsWith('/file/'))).toHaveLength(6);
  expect(requests.filter((r) => r.path.startsWith('/api/')).map((r) => r.status)).toEqual([200, 200]);
  expect(requests.filter((r) => ZENDESK_DECOY_TOKENS.some((t) => r.path.includes(`/${t}/`)))).toEqual([]);
  expect(pageErrors).toEqual([]);
  await panel.close();
  await page.close();
});

test('draws the dark badge variant on a dark workspace, readable (AA), and follows a theme switch without reload', async ({}, testInfo) => {
  const ticket = `https://acme.zendesk.com:${server.port}/agent/tickets/4821`;
  const light = await context.newPage();
  await light.goto(ticket);
  const dark = await context.newPage();
  await dark.goto(`${ticket}?theme=dark`);
  for (const page of [light, dark]) {
    await expect(page.locator('claimlens-badge')).toHaveCount(5);
    await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
  }
  await expect(dark.locator('claimlens-badge[data-theme="dark"]')).toHaveCount(5);
  await expect(light.locator('claimlens-badge[data-theme="light"]')).toHaveCount(5);
  // The level stays written out on the dark variant.
  await expect(dark.locator(`a[href*="${SAMPLE_ROLES.AI}"] + claimlens-badge`)).toHaveAttribute('data-label', 'High risk');
  await dark.screenshot({ path: testInfo.outputPath('zendesk-dark.png') });

  const lightColours = await badgeColours(light);
  const darkColours = await badgeColours(dark);
  expect(lightColours.map((b) => b.theme)).toEqual(Array(5).fill('light'));
  expect(darkColours.map((b) => b.theme)).toEqual(Array(5).fill('dark'));
  for (const b of [...lightColours, ...darkColours]) expect(contrastOf(b), JSON.stringify(b)).toBeGreaterThanOrEqual(4.5);
  // Same levels, other colours: text and fill both change with the theme.
  const byLevel = (list: BadgeColours[]) => new Map(list.map((b) => [b.level, b]));
  const [l, d] = [byLevel(lightColours), byLevel(darkColours)];
  expect([...d.keys()].sort()).toEqual([...l.keys()].sort());
  for (const [level, b] of d) {
    expect(b.background, level).not.toBe(l.get(level)!.background);
    expect(b.color, level).not.toBe(l.get(level)!.color);
  }

  // The agent switches the workspace back to light: the badges follow, no reload.
  await dark.evaluate(() => document.documentElement.classList.remove('sc-d4k'));
  await expect(dark.locator('claimlens-badge[data-theme="light"]')).toHaveCount(5);
  const switched = await badgeColours(dark);
  expect(new Map(switched.map((b) => [b.level, b.background]))).toEqual(new Map(lightColours.map((b) => [b.level, b.background])));
  // And to dark again.
  await dark.evaluate(() => document.documentElement.classList.add('sc-d4k'));
  await expect(dark.locator('claimlens-badge[data-theme="dark"]')).toHaveCount(5);
  await light.close();
  await dark.close();
});
