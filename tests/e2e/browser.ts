/**
 * Launches Debian's Chromium with the built extension loaded, every host name resolved to
 * this machine, and the self-signed test certificate accepted. Never downloads a browser.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startFixtureServer, ZENDESK_FILES_COOKIE, type FixtureServer } from './server';
import type { ClaimContext, Report } from '../../lib/engine/types';
import type { AnalysisRequestOptions, AnalysisSettings } from '../../lib/messaging';

export const EXTENSION_DIR = join(ROOT, process.env.CLAIMLENS_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchWithExtension(opts: { webgpu?: boolean; headless?: boolean; args?: string[] } = {}): Promise<{ context: BrowserContext; extensionId: string }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${EXTENSION_DIR} is missing`);
  const context = await chromium.launchPersistentContext('', {
    headless: opts.headless ?? true,
    executablePath: CHROMIUM,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP * 127.0.0.1',
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.webgpu ? ['--enable-unsafe-webgpu'] : []),
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}

/** The tab id of the first tab whose URL matches `pattern`, asked from the extension itself. */
export async function tabIdOf(context: BrowserContext, pattern: string): Promise<number> {
  const worker = context.serviceWorkers()[0];
  const id = await worker.evaluate(async (p) => (await chrome.tabs.query({ url: p }))[0]?.id, pattern);
  if (id === undefined) throw new Error(`No tab matches ${pattern}`);
  return id;
}

export interface HelpdeskSession {
  server: FixtureServer;
  context: BrowserContext;
  extensionId: string;
}

/** One suite's set-up: the fixture helpdesks, and Chromium with the extension, signed in to Zendesk's file host. */
export async function openHelpdeskSession(opts: Parameters<typeof launchWithExtension>[0] = {}): Promise<HelpdeskSession> {
  const server = await startFixtureServer();
  const { context, extensionId } = await launchWithExtension(opts);
  await context.addCookies([ZENDESK_FILES_COOKIE]);
  return { server, context, extensionId };
}

export async function closeHelpdeskSession(session: Partial<HelpdeskSession>): Promise<void> {
  await session.context?.close();
  await session.server?.close();
}

/**
 * Analyses `bytes` in the extension's own analysis host (the offscreen document and its workers),
 * with the message the background sends; starts the host first if it is not running.
 */
export async function analyseInExtensionHost(
  context: BrowserContext,
  bytes: Uint8Array,
  request: { claim?: ClaimContext; settings?: AnalysisSettings; options?: AnalysisRequestOptions } = {},
): Promise<{ report: Report; thumbnail?: string }> {
  const worker = context.serviceWorkers()[0];
  const outcome = await worker.evaluate(
    async ({ b64, claim, settings, options }) => {
      const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
      if (contexts.length === 0) {
        await chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: [chrome.offscreen.Reason.WORKERS], justification: 'test' });
      }
      return chrome.runtime.sendMessage({ target: 'analysis-host', type: 'analyze-bytes', bytesBase64: b64, context: claim ?? {}, settings, options });
    },
    { b64: Buffer.from(bytes).toString('base64'), ...request },
  );
  if (!outcome?.ok) throw new Error(`Extension analysis failed: ${outcome?.error}`);
  return { report: outcome.report as Report, thumbnail: outcome.thumbnail as string | undefined };
}
