/**
 * Case memory in the real extension: the same photo arriving in a second Zendesk ticket from
 * another customer is recognised (IndexedDB in the analysis worker), badged high, and the
 * side panel names the earlier ticket. "Forget everything" empties the memory.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { openHelpdeskSession, closeHelpdeskSession, tabIdOf } from './browser';
import { SAMPLE_ROLES, type FixtureServer } from './server';

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  ({ server, context, extensionId } = await openHelpdeskSession());
});

test.afterAll(() => closeHelpdeskSession({ server, context }));

const cameraBadge = (page: import('@playwright/test').Page) => page.locator(`a[href*="${SAMPLE_ROLES.CAMERA}"] + claimlens-badge`);

test('the same photo in another customer’s ticket is recognised, then forgotten on request', async () => {
  const first = await context.newPage();
  await first.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/4821`);
  await expect(cameraBadge(first)).toHaveAttribute('data-level', 'low', { timeout: 30_000 });

  const second = await context.newPage();
  await second.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/5130`);
  await expect(cameraBadge(second)).toHaveAttribute('data-level', 'high', { timeout: 30_000 });

  const tabId = await tabIdOf(context, `*://acme.zendesk.com/agent/tickets/5130`);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  const card = panel.locator(`article.card[data-src*="${SAMPLE_ROLES.CAMERA}"]`);
  await expect(card.getByText('Same photo was sent by another customer (Jordan Miller, ticket 4821)').first()).toBeVisible();
  await card.getByText(/All signals/).click();
  await card.locator('[data-evidence-id="reuse.seen-before.other-customer"] button').click();
  await expect(card.locator('.evidence-data')).toContainText('https://acme.zendesk.com');

  // Forget everything: a third ticket with the same photo is no longer matched.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const forgot = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'forget-everything' }));
  expect(forgot).toEqual({ ok: true });
  const third = await context.newPage();
  await third.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/6001`);
  await expect(cameraBadge(third)).toHaveAttribute('data-level', 'low', { timeout: 30_000 });
});
