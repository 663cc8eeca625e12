/**
 * The Shopify admin, Gorgias, Freshdesk, Intercom, Help Scout and Gmail adapters in real
 * Chromium with the built extension, one browser for the file. Each fixture page is served under
 * the helpdesk's real host name, so the production match patterns and host permissions are the
 * ones exercised. For each helpdesk: badges on exactly the claim images (none on avatars, logos,
 * signatures or product pictures), the AI sample high and the camera sample low, the extension
 * fetching the full files and never a thumbnail, the ticket context the adapter read, in the
 * tab state and in the side panel's header, and the internal note the panel copies (the ticket,
 * the customer, each photo's level and hashes). Gmail also in its dark theme: the badge's dark
 * variant, readable, following a theme switch.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimContext } from '../../lib/engine/types';
import { contrastRatio, parseColor } from '../../lib/content/theme';
import { copyNote, notePhotos } from './panel';
import { badgeColours } from './badges';
import { launchWithExtension, tabIdOf } from './browser';
import { startFixtureServer, SAMPLE_ROLES, ROOT, type FixtureServer } from './server';

const { AI, CAMERA, PHONE, SCREENSHOT } = SAMPLE_ROLES;

interface SiteCase {
  helpdesk: string;
  host: string;
  /** Page path (and fragment) on `host`. */
  path: string;
  /** Per claim image, the element its badge follows: the link around the image, or the image. */
  claims: Record<string, string>;
  /** The files the extension must fetch (host and path+query), each answered 200. */
  fullFiles: { host: string; path: RegExp }[];
  /** What a thumbnail request looks like on this helpdesk: the extension must never fetch one. */
  thumbnail: RegExp;
  context: Partial<ClaimContext>;
  header: string;
  /** The internal note's first line: helpdesk, ticket (or order) id and customer, as the adapter read them. */
  noteHeading: string;
}

const CASES: SiteCase[] = [
  {
    helpdesk: 'shopify',
    host: 'admin.shopify.com',
    path: '/store/acme/orders/5550001234',
    claims: {
      AI: `a[href*="/files/${AI}"]`,
      CAMERA: `img[src*="/files/${CAMERA}"]`,
      PHONE: `img[src*="${PHONE.replace('.jpg', '_x240.jpg')}"]`,
    },
    fullFiles: [
      { host: 'cdn.shopify.com', path: new RegExp(`^/s/files/1/0612/3456/files/${AI}\\?v=1763712000$`) },
      { host: 'cdn.shopify.com', path: new RegExp(`^/s/files/1/0612/3456/files/${CAMERA}\\?v=1763719000$`) },
      { host: 'cdn.shopify.com', path: new RegExp(`^/s/files/1/0612/3456/files/${PHONE}\\?v=1763719000$`) },
    ],
    thumbnail: /width=|_240x240|_x240|\/products\//,
    context: {
      helpdesk: 'shopify',
      ticketId: '5550001234',
      orderId: '#1001',
      customerId: '7001',
      customerName: 'Jordan Miller',
      orderDate: '2026-11-10T14:03:00Z',
      deliveryDate: '2026-11-18T16:20:00Z',
      claimDate: '2026-11-21T09:02:00Z',
    },
    header: 'shopify ticket #5550001234 · Jordan Miller',
    noteHeading: 'ClaimLens photo check — shopify ticket #5550001234 (Jordan Miller), ',
  },
  {
    helpdesk: 'gorgias',
    host: 'acme.gorgias.com',
    path: '/app/ticket/88123',
    claims: { AI: `a[href$="/${AI}"]`, CAMERA: `a[href$="/${CAMERA}"]`, SCREENSHOT: `a[href$="/${SCREENSHOT}"]` },
    fullFiles: [
      { host: 'acme.gorgias.com', path: new RegExp(`^/api/attachment/download/acme-x1a/${AI}$`) },
      { host: 'acme.gorgias.com', path: new RegExp(`^/api/attachment/download/acme-x1b/${CAMERA}$`) },
      { host: 'acme.gorgias.com', path: new RegExp(`^/api/attachment/download/acme-x1c/${SCREENSHOT}$`) },
    ],
    thumbnail: /format=|acme-avatars|acme-brand/,
    context: { helpdesk: 'gorgias', ticketId: '88123', customerId: '4410', customerName: 'Jordan Miller', orderId: '#1001', claimDate: '2026-11-21T09:14:00Z' },
    header: 'gorgias ticket #88123 · Jordan Miller',
    noteHeading: 'ClaimLens photo check — gorgias ticket #88123 (Jordan Miller), ',
  },
  {
    helpdesk: 'freshdesk',
    host: 'acme.freshdesk.com',
    path: '/a/tickets/7731',
    claims: { AI: 'a[href="/helpdesk/attachments/5001"]', CAMERA: 'a[href="/helpdesk/attachments/5002"]', PHONE: 'img[src*="/inline/attachment?token="]' },
    fullFiles: [
      { host: 's3.amazonaws.com', path: new RegExp(`^/cdn\\.freshdesk\\.com/data/helpdesk/attachments/production/5001/original/${AI}\\?`) },
      { host: 's3.amazonaws.com', path: new RegExp(`^/cdn\\.freshdesk\\.com/data/helpdesk/attachments/production/5002/original/${CAMERA}\\?`) },
      { host: 's3.amazonaws.com', path: new RegExp(`^/cdn\\.freshdesk\\.com/data/helpdesk/attachments/production/5003/original/${PHONE}\\?`) },
    ],
    thumbnail: /\/(thumb|medium|logo)\/|\/(9001|9002|48024308683|48024308700)\//,
    context: {
      helpdesk: 'freshdesk',
      ticketId: '7731',
      customerId: '9001',
      customerName: 'Priya Shah',
      orderId: 'FD-20931',
      deliveryDate: '2026-11-19',
      claimDate: '2026-11-21T08:40:00Z',
    },
    header: 'freshdesk ticket #7731 · Priya Shah',
    noteHeading: 'ClaimLens photo check — freshdesk ticket #7731 (Priya Shah), ',
  },
  {
    helpdesk: 'intercom',
    host: 'app.intercom.com',
    path: '/a/inbox/acme/inbox/shared/all/conversation/215471234567',
    claims: { AI: `a[href*="/${AI}?"]`, CAMERA: `a[href*="/${CAMERA}?"]` },
    fullFiles: [
      { host: 'downloads.intercomcdn.com', path: new RegExp(`^/i/o/\\d+/\\w+/${AI}\\?expires=`) },
      { host: 'acme-5f1e.intercom-attachments-7.com', path: new RegExp(`^/i/o/\\d+/\\w+/${CAMERA}\\?expires=`) },
    ],
    thumbnail: new RegExp(`/${PHONE}`),
    context: {
      helpdesk: 'intercom',
      ticketId: '215471234567',
      customerId: '64f0c2a9',
      customerName: 'Jordan Miller',
      orderId: '#1001',
      deliveryDate: '2026-11-18',
      claimDate: '2026-11-22T10:05:00Z',
    },
    header: 'intercom ticket #215471234567 · Jordan Miller',
    noteHeading: 'ClaimLens photo check — intercom ticket #215471234567 (Jordan Miller), ',
  },
  {
    helpdesk: 'helpscout',
    host: 'secure.helpscout.net',
    path: '/conversation/2614551234/8812',
    claims: { AI: `a[href$="/${AI}"]`, CAMERA: `a[href$="/${CAMERA}"]` },
    fullFiles: [
      { host: 'secure.helpscout.net', path: new RegExp(`^/file/90001/6f1c2e/${AI}$`) },
      { host: 'secure.helpscout.net', path: new RegExp(`^/file/90002/7a2d3f/${CAMERA}$`) },
    ],
    thumbnail: /\/file\/(90010|90020|90030)\//,
    context: {
      helpdesk: 'helpscout',
      ticketId: '8812',
      ticketUrl: 'https://secure.helpscout.net/conversation/2614551234/8812',
      customerId: '3300112',
      customerName: 'Jordan Miller',
      orderId: '1042',
      claimDate: '2026-11-23T15:30:00Z',
    },
    header: 'helpscout ticket #8812 · Jordan Miller',
    noteHeading: 'ClaimLens photo check — helpscout ticket #8812 (Jordan Miller), ',
  },
  {
    helpdesk: 'gmail',
    host: 'mail.google.com',
    path: '/mail/u/0/#inbox/FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL',
    claims: { AI: 'a[href*="attid=0.1&"]', CAMERA: 'a[href*="attid=0.2&"]', PHONE: 'img[src*="attid=0.3&"]' },
    fullFiles: ['0.1', '0.2', '0.3'].map((attid) => ({
      host: 'mail-attachment.googleusercontent.com',
      path: new RegExp(`^/attachment/u/0/\\?ui=2&attid=${attid.replace('.', '\\.')}&th=1933a1b2c3d4e5f6&view=att&disp=(inline|safe)&`),
    })),
    thumbnail: /disp=thd|view=fimg|attid=0\.4/,
    context: { helpdesk: 'gmail', ticketId: '1933a1b2c3d4e5f6', customerId: 'jordan.miller@example.com', customerName: 'Jordan Miller', orderId: '1001' },
    header: 'gmail ticket #1933a1b2c3d4e5f6 · Jordan Miller',
    noteHeading: 'ClaimLens photo check — gmail ticket #1933a1b2c3d4e5f6 (Jordan Miller), ',
  },
];

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;
const shots = join(ROOT, 'test-results', 'screenshots');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, extensionId } = await launchWithExtension());
  mkdirSync(shots, { recursive: true });
});

/**
 * The same sample files come in on every helpdesk, and the case memory rightly flags a photo
 * seen on an earlier ticket. Each ticket here should be the samples' first sighting (reuse has
 * its own tests), so the memory is emptied between helpdesks the way the options page does it:
 * a `forget-everything` message from an extension page, which also drops the background's cache.
 */
async function forgetCaseMemory(): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const answer = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'forget-everything' }));
    expect(answer).toEqual({ ok: true });
  } finally {
    await page.close();
  }
}

test.beforeEach(forgetCaseMemory);

const sha256 = (file: string) => createHash('sha256').update(readFileSync(join(ROOT, 'samples', file))).digest('hex');



test.afterAll(async () => {
  await context?.close();
  await server?.close();
});

for (const site of CASES) {
  test(`${site.helpdesk}: badges the claim images only, analyses the full files, reads the ticket and copies its note`, async ({}, testInfo) => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const hosts = new Set([site.host, ...site.fullFiles.map((f) => f.host)]);
    const before = server.requests.length;
    await page.goto(`https://${site.host}:${server.port}${site.path}`);

    // Exactly one badge per claim image, and no other badge on the page.
    const badges = page.locator('claimlens-badge');
    await expect(badges).toHaveCount(Object.keys(site.claims).length);
    for (const anchor of Object.values(site.claims)) await expect(page.locator(`${anchor} + claimlens-badge`)).toHaveCount(1);
    await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('claimlens-badge[data-level="error"]')).toHaveCount(0);
    await expect(page.locator(`${site.claims.AI} + claimlens-badge`)).toHaveAttribute('data-level', 'high');
    await expect(page.locator(`${site.claims.AI} + claimlens-badge`)).toHaveAttribute('data-label', 'High risk');
    await expect(page.locator(`${site.claims.CAMERA} + claimlens-badge`)).toHaveAttribute('data-level', 'low');
    await page.screenshot({ path: join(shots, `${site.helpdesk}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`${site.helpdesk}.png`) });

    // The extension's own fetches (fetch(): Sec-Fetch-Dest "empty") are the full files, never a thumbnail.
    const fetched = server.requests.slice(before).filter((r) => r.dest === 'empty' && hosts.has(r.host));
    for (const file of site.fullFiles) {
      expect(fetched.filter((r) => r.host === file.host && file.path.test(r.path) && r.status === 200), `${file.host} ${file.path}`).toHaveLength(1);
    }
    expect(fetched.filter((r) => r.status === 200)).toHaveLength(site.fullFiles.length);
    expect(fetched.filter((r) => site.thumbnail.test(r.path))).toEqual([]);
    expect(fetched.filter((r) => r.status >= 400)).toEqual([]);

    // The context the adapter read, as the background keeps it for the side panel…
    const tabId = await tabIdOf(context, `*://${site.host}/*`);
    const worker = context.serviceWorkers()[0];
    const state = await worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `tab:${tabId}`);
    expect((state as { context: ClaimContext }).context).toMatchObject(site.context);

    // …and as the side panel shows it.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await expect(panel.getByText(site.header)).toBeVisible();
    await expect(panel.locator('article.card')).toHaveCount(Object.keys(site.claims).length);

    // The internal note names the ticket and customer the adapter read, and each photo's level and hashes.
    const note = await copyNote(panel);
    const lines = note.split('\n');
    expect(lines[0].startsWith(site.noteHeading), lines[0]).toBe(true);
    const n = Object.keys(site.claims).length;
    expect(lines[1]).toMatch(new RegExp(`^${n} image\\(s\\): \\d+ high risk, \\d+ need review, \\d+ low risk\\.$`));
    const photos = notePhotos(note);
    expect(photos).toHaveLength(n);
    expect(new Set(photos.map((p) => p.sha256))).toEqual(new Set(Object.keys(site.claims).map((role) => sha256(SAMPLE_ROLES[role as keyof typeof SAMPLE_ROLES]))));
    expect(photos[0].level).toBe('HIGH RISK');
    expect(photos.find((p) => p.sha256 === sha256(AI))?.level).toBe('HIGH RISK');
    expect(photos.find((p) => p.sha256 === sha256(CAMERA))?.level).toBe('low risk');
    expect(note).toContain('Recommended next step: Escalate to fraud review before refunding.');
    expect(lines.at(-1)).toMatch(/^Signals are indicators, not proof\. ClaimLens engine \S+; all checks ran on the agent's device\.$/);
    await panel.screenshot({ path: testInfo.outputPath(`${site.helpdesk}-sidepanel.png`), fullPage: true });
    await panel.close();

    expect(pageErrors).toEqual([]);
    await page.close();
  });
}

test('gmail: the dark theme gets the dark badge variant, readable (AA), following a theme switch without reload', async ({}, testInfo) => {
  const gmail = CASES.find((c) => c.helpdesk === 'gmail')!;
  const [path, hash] = gmail.path.split('#');
  const light = await context.newPage();
  await light.goto(`https://${gmail.host}:${server.port}${gmail.path}`);
  const dark = await context.newPage();
  await dark.goto(`https://${gmail.host}:${server.port}${path}?theme=dark#${hash}`);
  const n = Object.keys(gmail.claims).length;
  for (const page of [light, dark]) {
    await expect(page.locator('claimlens-badge')).toHaveCount(n);
    await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
  }
  await expect(dark.locator('claimlens-badge[data-theme="dark"]')).toHaveCount(n);
  await expect(light.locator('claimlens-badge[data-theme="light"]')).toHaveCount(n);
  await expect(dark.locator(`${gmail.claims.AI} + claimlens-badge`)).toHaveAttribute('data-label', 'High risk');
  await dark.screenshot({ path: testInfo.outputPath('gmail-dark.png') });

  const lightColours = await badgeColours(light);
  const darkColours = await badgeColours(dark);
  expect(darkColours.map((b) => b.theme)).toEqual(Array(n).fill('dark'));
  for (const b of [...lightColours, ...darkColours]) expect(contrastRatio(parseColor(b.color)!, parseColor(b.background)!), JSON.stringify(b)).toBeGreaterThanOrEqual(4.5);
  const lightByLevel = new Map(lightColours.map((b) => [b.level, b]));
  for (const b of darkColours) {
    expect(b.background, b.level).not.toBe(lightByLevel.get(b.level)?.background);
    expect(b.color, b.level).not.toBe(lightByLevel.get(b.level)?.color);
  }

  await dark.evaluate(() => document.documentElement.classList.remove('qT5'));
  await expect(dark.locator('claimlens-badge[data-theme="light"]')).toHaveCount(n);
  expect(new Map((await badgeColours(dark)).map((b) => [b.level, b.background]))).toEqual(new Map(lightColours.map((b) => [b.level, b.background])));
  await light.close();
  await dark.close();
});
