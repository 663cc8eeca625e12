/**
 * The options page in real Chromium with the built extension: a team's changes are saved to
 * chrome.storage.local and the next ticket analysed shows them; a settings export downloads a
 * checksummed file; "Forget everything" empties the case memory. Managed policy: Chromium on
 * Linux reads /etc/chromium/policies/managed/*.json at start-up, and the values it sets for the
 * extension (`3rdparty.extensions.<id>`) reach chrome.storage.managed and show locked on the
 * options page.
 */
import { test, expect, chromium, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR, openHelpdeskSession, closeHelpdeskSession, tabIdOf } from './browser';
import { SAMPLE_ROLES, ROOT, type FixtureServer } from './server';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const POLICY_DIR = '/etc/chromium/policies/managed';
const MANAGED_HIGH = 'Managed: call the fraud desk.';
const NEW_REVIEW = 'Options e2e: ask the customer for a video of the box and the shipping label.';

/** Chromium's id for an unpacked extension: sha256 of its absolute path, first 32 hex digits mapped 0-f → a-p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Sightings in the case memory, read from an extension page (same origin as the analysis worker). */
function caseMemoryCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'claimlens-case-memory')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('claimlens-case-memory');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('sightings')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('sightings', 'readonly').objectStore('sightings').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    });
  });
}

test.describe('options page', () => {
  let server: FixtureServer;
  let context: BrowserContext;
  let extensionId: string;

  test.beforeAll(async () => {
    ({ server, context, extensionId } = await openHelpdeskSession());
  });

  test.afterAll(() => closeHelpdeskSession({ server, context }));

  test('the unpacked extension id is the one derived from its path', () => {
    expect(unpackedExtensionId(realpathSync(EXTENSION_DIR))).toBe(extensionId);
  });

  test('saves a team’s changes, and the next ticket shows the new recommendation', async () => {
    const options = await context.newPage();
    const pageErrors: string[] = [];
    options.on('pageerror', (e) => pageErrors.push(e.message));
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'ClaimLens settings' })).toBeVisible();
    for (const name of ['Sites', 'Verdict', 'Claim policy', 'Case memory', 'Neural detector', 'YARA rules', 'Files']) {
      await expect(options.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    // Team YARA rules are compiled in the analysis worker as they are typed; errors come by line.
    await options.getByLabel('YARA rules source').fill('rule ok_rule { condition: true }\nrule broken { strings: $a = "x" condition: $b }');
    await expect(options.locator('.rule-errors')).toContainText('Line 2:');
    await options.getByLabel('YARA rules source').fill('rule ok_rule { condition: true }');
    await expect(options.locator('.rules-check')).toContainText('1 rule(s) compile: ok_rule');
    await options.getByLabel('YARA rules source').fill('');
    await expect(options.getByRole('checkbox', { name: 'Zendesk' })).toBeChecked();

    // An invalid threshold is explained and nothing is saved.
    await options.getByLabel('Needs review from score').fill('150');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('alert')).toContainText('Needs review from score: expected a whole number from 1 to 99');
    const local = () => context.serviceWorkers()[0].evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(await local()).toBeUndefined();

    // The band 40-94 puts the plain AI sample (score about 70, no decisive evidence) in review.
    await options.getByLabel('Needs review from score').fill('40');
    await options.getByLabel('High risk from score').fill('95');
    await options.getByLabel('Next step when review is needed').fill(NEW_REVIEW);
    await options.getByRole('button', { name: 'Save' }).focus();
    await options.keyboard.press('Enter');
    await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(options.getByRole('alert')).toHaveCount(0);
    const saved = (await local()) as { verdict: { reviewAt: number; highAt: number; recommendations: { review: string } } };
    expect(saved.verdict.reviewAt).toBe(40);
    expect(saved.verdict.highAt).toBe(95);
    expect(saved.verdict.recommendations.review).toBe(NEW_REVIEW);

    mkdirSync(SHOTS, { recursive: true });
    // Scrolled to the end, the sticky Save bar sits where it belongs in a full-page shot.
    await options.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await options.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.screenshot({ path: join(SHOTS, 'options-dark.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    // An export is a checksummed settings file with the saved values.
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^claimlens-settings-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(file.format).toBe('claimlens-settings');
    expect(file.content.verdict.recommendations.review).toBe(NEW_REVIEW);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    // A ticket analysed afterwards uses the new settings.
    const ticket = await context.newPage();
    await ticket.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/4821`);
    await expect(ticket.locator('claimlens-badge')).toHaveCount(5);
    await expect(ticket.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(ticket.locator(`a[href*="${SAMPLE_ROLES.AI_PLAIN}"] + claimlens-badge`)).toHaveAttribute('data-level', 'review');
    const tabId = await tabIdOf(context, '*://acme.zendesk.com/*');
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    const card = panel.locator(`article.card[data-src*="${SAMPLE_ROLES.AI_PLAIN}"]`);
    await expect(card).toHaveClass(/level-review/);
    await expect(card.locator('.recommendation')).toHaveText(`Next step: ${NEW_REVIEW}`);

    // Forget everything: confirmed, reported, and the case memory is empty afterwards.
    await expect.poll(() => caseMemoryCount(options)).toBeGreaterThan(0);
    await options.bringToFront();
    await options.getByRole('button', { name: 'Forget everything…' }).click();
    await expect(options.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await options.getByRole('button', { name: 'Yes, forget everything' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'the case memory on this device is empty' })).toBeVisible();
    expect(await caseMemoryCount(options)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

/** Whether this user can write the policy directory (or create it). */
function canWritePolicies(): boolean {
  let dir = POLICY_DIR;
  while (!existsSync(dir)) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Creates the missing policy directories; returns those it created, to remove afterwards. */
function makePolicyDir(): string[] {
  const created: string[] = [];
  for (const dir of [dirname(POLICY_DIR), POLICY_DIR]) {
    if (existsSync(dir)) continue;
    mkdirSync(dir);
    created.push(dir);
  }
  return created;
}

test.describe('managed policy', () => {
  // The policy names a private copy of the extension (its own path, so its own id): other
  // Chromium runs on this machine, which load .output/chrome-mv3, never see it.
  let copyRoot: string;
  let extensionDir: string;
  let policyFile: string;
  let context: BrowserContext | undefined;
  let extensionId: string;
  let createdDirs: string[] = [];

  test.skip(!canWritePolicies(), `${POLICY_DIR} cannot be written (run as root to test managed policy)`);

  test.beforeAll(async () => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${EXTENSION_DIR} is missing`);
    copyRoot = realpathSync(mkdtempSync(join(tmpdir(), 'claimlens-managed-')));
    extensionDir = join(copyRoot, 'chrome-mv3');
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const id = unpackedExtensionId(extensionDir);
    createdDirs = makePolicyDir();
    policyFile = join(POLICY_DIR, `claimlens-e2e-${id}.json`);
    const policy = { '3rdparty': { extensions: { [id]: { retentionDays: 365, verdict: { recommendations: { high: MANAGED_HIGH } } } } } };
    writeFileSync(policyFile, JSON.stringify(policy, null, 2));
    context = await chromium.launchPersistentContext('', {
      headless: true,
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 900 },
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  });

  test.afterAll(async () => {
    await context?.close();
    if (policyFile) rmSync(policyFile, { force: true });
    for (const dir of [...createdDirs].reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    if (copyRoot) rmSync(copyRoot, { recursive: true, force: true });
  });

  test('values set by policy reach chrome.storage.managed and show locked on the options page', async () => {
    expect(extensionId).toBe(unpackedExtensionId(extensionDir));
    const worker = context!.serviceWorkers()[0];
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.managed.get()))
      .toEqual({ retentionDays: 365, verdict: { recommendations: { high: MANAGED_HIGH } } });

    const options = await context!.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByText('Your organisation manages 2 of these options', { exact: false })).toBeVisible();
    const high = options.getByLabel('Next step for high risk');
    await expect(high).toBeDisabled();
    await expect(high).toHaveValue(MANAGED_HIGH);
    await expect(high).toHaveAccessibleDescription(/Set by your organisation/);
    const retention = options.getByLabel('Keep case memory for (days)');
    await expect(retention).toBeDisabled();
    await expect(retention).toHaveValue('365');
    await expect(retention).toHaveAccessibleDescription(/Set by your organisation/);
    await expect(options.getByLabel('Next step for low risk')).toBeEnabled();

    // Saving the rest never writes the managed values into the agent's own settings.
    await options.getByLabel('Next step for low risk').fill('Refund under the standard policy.');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    const local = (await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as {
      retentionDays?: number;
      verdict: { recommendations: Record<string, string> };
    };
    expect(local.retentionDays).toBeUndefined();
    expect(local.verdict.recommendations.high).toBeUndefined();
    expect(local.verdict.recommendations.low).toBe('Refund under the standard policy.');
    await options.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await options.screenshot({ path: join(SHOTS, 'options-managed.png'), fullPage: true });
  });
});
