/**
 * Nothing leaves the browser: Chromium's own network log records every request the whole
 * browser makes (pages, the extension's service worker, offscreen document and workers)
 * while a Zendesk ticket is analysed. The only network requests are the ticket page and the
 * claim images it shows; the extension itself only loads its own packaged files.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, tabIdOf } from './browser';
import { startFixtureServer, ZENDESK_FILES_COOKIE } from './server';

test('analysing a ticket sends nothing anywhere but the helpdesk', async () => {
  const server = await startFixtureServer();
  const netlog = join(mkdtempSync(join(tmpdir(), 'claimlens-netlog-')), 'netlog.json');
  const { context, extensionId } = await launchWithExtension({ args: [`--log-net-log=${netlog}`, '--net-log-capture-mode=Default'] });
  try {
    await context.addCookies([ZENDESK_FILES_COOKIE]);
    const page = await context.newPage();
    await page.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/4821`);
    await expect(page.locator('claimlens-badge')).toHaveCount(5);
    await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${await tabIdOf(context, '*://acme.zendesk.com/*')}`);
    await expect(panel.locator('article.card')).toHaveCount(5);
  } finally {
    await context.close();
    await server.close();
  }

  const log = JSON.parse(readFileSync(netlog, 'utf8')) as { events: { params?: { url?: string; initiator?: string } }[] };
  const requests = log.events.map((e) => e.params ?? {}).filter((p): p is { url: string; initiator?: string } => typeof p.url === 'string');
  const network = requests.filter((r) => /^(https?|wss?):/.test(r.url));
  const extension = `chrome-extension://${extensionId}`;
  // Requests made by the extension (service worker, offscreen document, worker) or by the page.
  const fromExtension = network.filter((r) => r.initiator === extension);
  const fromPages = network.filter((r) => r.initiator?.startsWith('https://'));
  const allowed = new Set([`acme.zendesk.com:${server.port}`, `acme.zdusercontent.com:${server.port}`]);
  expect(fromExtension.length).toBeGreaterThanOrEqual(5);
  expect([...fromExtension, ...fromPages].map((r) => r.url).filter((u) => !allowed.has(new URL(u).host))).toEqual([]);
  // The extension fetched the full attachments through the ticket's attachment links, nothing else.
  expect(fromExtension.every((r) => /\/attachments\/token\/|\/file\//.test(r.url))).toBe(true);
  // No other extension origin was involved; requests with no initiator are Chromium's own services.
  expect(requests.filter((r) => r.initiator?.startsWith('chrome-extension://') && r.initiator !== extension)).toEqual([]);
});
