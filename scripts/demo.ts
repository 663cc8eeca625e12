/**
 * `npm run demo`: builds the extension, serves the bundled demo helpdesk ticket, opens
 * Chromium with ClaimLens loaded (headless when there is no display), waits for the badges,
 * saves screenshots of the ticket and the side panel, and prints the CLI's analysis of the
 * bundled sample claims. With a display, the browser stays open until you close it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { main as cli } from '../cli/main';
import { CHROMIUM, launchWithExtension, tabIdOf } from '../tests/e2e/browser';
import { ROOT, startFixtureServer, ZENDESK_FILES_COOKIE } from '../tests/e2e/server';

const OUT = join(ROOT, 'demo-output');

async function browserDemo(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const server = await startFixtureServer();
  const { context, extensionId } = await launchWithExtension({ headless: !headed });
  try {
    await context.addCookies([ZENDESK_FILES_COOKIE]);
    const page = await context.newPage();
    const url = `https://acme.zendesk.com:${server.port}/agent/tickets/4821`;
    console.log(`Demo ticket: ${url}`);
    await page.goto(url);
    await page.waitForFunction(() => {
      const badges = [...document.querySelectorAll('claimlens-badge')] as HTMLElement[];
      return badges.length >= 5 && badges.every((b) => b.dataset.level !== 'pending');
    }, undefined, { timeout: 60_000 });
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'ticket.png') });
    const levels = await page.$$eval('claimlens-badge', (els) => els.map((e) => (e as HTMLElement).dataset.label));
    console.log(`Badges on the ticket: ${levels.join(', ')}`);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${await tabIdOf(context, '*://acme.zendesk.com/*')}`);
    await panel.locator('article.card').first().waitFor();
    await panel.screenshot({ path: join(OUT, 'sidepanel.png'), fullPage: true });
    console.log(`Screenshots: ${join(OUT, 'ticket.png')}, ${join(OUT, 'sidepanel.png')}`);
    if (headed) {
      console.log('Close the browser window to finish.');
      await new Promise<void>((r) => context.on('close', () => r()));
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}

if (existsSync(CHROMIUM)) await browserDemo();
else console.log(`Chromium not found at ${CHROMIUM}: skipping the browser part (install it with: apt-get install -y chromium).`);

console.log('\nAnalysis of the bundled sample claims (npx claimlens scan samples):\n');
process.exitCode = await cli(['scan', join(ROOT, 'samples')]);
