/**
 * The side panel's own inputs in the real extension: a photo the agent picks, drops or pastes
 * into the panel is checked on the device and joins the tab's list (named, marked as dropped,
 * with its reasons); refused files say why; the header tells how the neural model loads (a
 * progress bar fed by the worker's download progress) and which backend it runs on — WASM in
 * Chromium without a GPU adapter, WebGPU with `--enable-unsafe-webgpu` (SwiftShader).
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { launchWithExtension, tabIdOf } from './browser';
import { ROOT, startFixtureServer, type FixtureServer } from './server';

let server: FixtureServer;

test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server?.close();
});

/** Opens a page no adapter knows and the panel for its tab; records model states and progress bars seen. */
async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`https://acme.zendesk.com:${server.port}/hc/en-us/requests/91`);
  const tabId = await tabIdOf(context, '*://acme.zendesk.com/hc/*');
  const panel = await context.newPage();
  await panel.addInitScript(() => {
    const seen = { phases: [] as string[], progressBars: 0 };
    (globalThis as unknown as { __seen: typeof seen }).__seen = seen;
    chrome.storage.onChanged.addListener((changes, area) => {
      const status = changes['model-status']?.newValue as { phase: string } | undefined;
      if (area === 'session' && status) seen.phases.push(status.phase);
    });
    new MutationObserver(() => {
      if (document.querySelector('.model-status progress')) seen.progressBars++;
    }).observe(document, { childList: true, subtree: true });
  });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

const seen = (panel: Page) => panel.evaluate(() => (globalThis as unknown as { __seen: { phases: string[]; progressBars: number } }).__seen);

/** Dispatches a drop or paste of `bytes` as a file, the way the browser does for a real one. */
async function dropOrPaste(panel: Page, how: 'drop' | 'paste', name: string, type: string, bytes: Buffer) {
  await panel.evaluate(
    ({ how, name, type, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const event =
        how === 'drop'
          ? new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
          : new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      document.querySelector('main')!.dispatchEvent(event);
    },
    { how, name, type, b64: bytes.toString('base64') },
  );
}

test.describe('on the WASM backend', () => {
  let context: BrowserContext;
  let extensionId: string;
  test.beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension());
  });
  test.afterAll(async () => {
    await context?.close();
  });

  test('checks picked, dropped and pasted photos in the panel and shows the model loading and its backend', async ({}, testInfo) => {
    const panel = await openPanel(context, extensionId);
    await expect(panel.locator('.model-status')).toHaveText('Neural model: loads with the first photo it checks.');
    await expect(panel.getByRole('heading', { name: 'Check a photo from elsewhere' })).toBeVisible();

    // Picked with the file chooser (the button opens it; the input takes the file).
    await panel.locator('[data-testid=drop-input]').setInputFiles(join(ROOT, 'samples/ai-comfyui-hypernetwork.png'));
    const picked = panel.locator('article.card', { has: panel.getByRole('heading', { name: 'ai-comfyui-hypernetwork.png' }) });
    await expect(picked.locator('.pill')).toHaveText('High risk', { timeout: 60_000 });
    await expect(picked.getByText(/Made with an AI image generator: ComfyUI/).first()).toBeVisible();
    await expect(picked.locator('.meta').first()).toContainText('Dropped into the panel');

    // The model was fetched with progress and runs on WebAssembly here.
    await expect(panel.locator('.model-status')).toHaveText(/^Neural model ready on WebAssembly \(processor\) \(loaded in \d+\.\d s\)\.$/);
    await expect(panel.locator('.model-status')).toHaveAttribute('data-backend', 'wasm');
    await expect(picked.locator('.model-backend')).toHaveText('Neural model ran on WebAssembly (processor)');
    const states = await seen(panel);
    expect(states.phases[0]).toBe('loading');
    expect(states.phases.at(-1)).toBe('ready');
    expect(states.phases.filter((p) => p === 'loading').length).toBeGreaterThanOrEqual(2);
    expect(states.progressBars).toBeGreaterThan(0);

    // Dropped anywhere on the panel, and pasted.
    await dropOrPaste(panel, 'drop', 'from-mail.jpg', 'image/jpeg', readFileSync(join(ROOT, 'samples/camera-canon-powershot-g2.jpg')));
    await dropOrPaste(panel, 'paste', 'image.png', 'image/png', readFileSync(join(ROOT, 'samples/ai-invokeai-banana-sushi.png')));
    const dropped = panel.locator('article.card', { has: panel.getByRole('heading', { name: 'from-mail.jpg' }) });
    const pasted = panel.locator('article.card', { has: panel.getByRole('heading', { name: 'image.png' }) });
    await expect(dropped.locator('.pill')).toHaveText('Low risk', { timeout: 60_000 });
    await expect(dropped.getByText(/camera/i).first()).toBeVisible();
    await expect(pasted.locator('.pill')).toHaveText('High risk', { timeout: 60_000 });
    await expect(panel.locator('article.card')).toHaveCount(3);
    // Riskiest first.
    await expect(panel.locator('article.card').last()).toHaveAttribute('data-src', /from-mail\.jpg$/);

    // The same photo dropped again is one entry, not two.
    await dropOrPaste(panel, 'drop', 'from-mail.jpg', 'image/jpeg', readFileSync(join(ROOT, 'samples/camera-canon-powershot-g2.jpg')));
    await expect(panel.locator('.drop-status')).toHaveText('from-mail.jpg added to the list.');
    await expect(panel.locator('article.card')).toHaveCount(3);

    // Not a picture: refused with the reason, nothing added.
    await dropOrPaste(panel, 'drop', 'invoice.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n'));
    await expect(panel.getByRole('alert')).toHaveText(/invoice\.pdf is not a picture ClaimLens can check/);
    await expect(panel.locator('article.card')).toHaveCount(3);

    // A file the engine cannot read is an error on its card, not a broken panel.
    await dropOrPaste(panel, 'drop', 'truncated.jpg', 'image/jpeg', readFileSync(join(ROOT, 'samples/camera-canon-powershot-g2.jpg')).subarray(0, 700));
    const truncated = panel.locator('article.card', { has: panel.getByRole('heading', { name: 'truncated.jpg' }) });
    await expect(truncated).toBeVisible({ timeout: 60_000 });
    await expect(truncated.locator('.level').first()).not.toHaveText('Checking…', { timeout: 60_000 });

    await panel.screenshot({ path: testInfo.outputPath('sidepanel-dropped-files.png'), fullPage: true });
  });

  test('checks the serial number the agent types against the text on the photo', async ({}, testInfo) => {
    test.setTimeout(240_000);
    const panel = await openPanel(context, extensionId);
    await panel.locator('[data-testid=drop-input]').setInputFiles(join(ROOT, 'tests/fixtures/serial/serial-clean.jpg'));
    const card = panel.locator('article.card', { has: panel.getByRole('heading', { name: 'serial-clean.jpg' }) });
    await expect(card.locator('.pill')).toBeVisible({ timeout: 60_000 });
    // Without an expected serial, no text recognition ran.
    await expect(card.getByText(/Serial number/)).toHaveCount(0);

    // Folded away until the agent opens it (keyboard: the summary is a button).
    const field = card.getByLabel('Serial or order number on the item');
    await expect(field).toBeHidden();
    await card.getByText('Check a serial or order number on the photo').focus();
    await panel.keyboard.press('Enter');
    await expect(card.getByRole('button', { name: 'Read the text on the photo' })).toBeVisible();
    await field.fill('CLA-4821-7730-QZ');
    await card.getByRole('button', { name: 'Check the photo' }).click();
    await expect(card.locator('.reasons')).toContainText('Serial number on the photo matches the order', { timeout: 120_000 });
    await expect(card.locator('.serial-hint')).toHaveText('Checked against “CLA-4821-7730-QZ”');

    // Keyboard only: the field and its button, Enter submits.
    await field.focus();
    await field.fill('CLA-4821-9999-XY');
    await panel.keyboard.press('Enter');
    await expect(card.locator('.reasons')).toContainText('Serial number on the photo does not match', { timeout: 120_000 });
    await expect(card.locator('.reasons')).toContainText('expected CLA-4821-9999-XY');
    await panel.screenshot({ path: testInfo.outputPath('sidepanel-serial-mismatch.png'), fullPage: true });
  });
});

test.describe('on the WebGPU backend', () => {
  let context: BrowserContext;
  let extensionId: string;
  test.beforeAll(async () => {
    ({ context, extensionId } = await launchWithExtension({ webgpu: true }));
  });
  test.afterAll(async () => {
    await context?.close();
  });

  test('names WebGPU as the backend when an adapter exists', async () => {
    test.setTimeout(300_000);
    const panel = await openPanel(context, extensionId);
    const src = PNG.sync.read(readFileSync(join(ROOT, 'samples/ai-invokeai-banana-sushi.png')));
    // 128-px crops: Chromium's software adapter is slow, and its first run (shader compilation)
    // can outlast the detector's budget, so further crops follow until the model answers.
    let answered = false;
    for (let i = 0; i < 5 && !answered; i++) {
      const crop = new PNG({ width: 128, height: 128 });
      PNG.bitblt(src, crop, 64 * i, 192, 128, 128, 0, 0);
      await dropOrPaste(panel, 'drop', `crop-${i}.png`, 'image/png', PNG.sync.write(crop));
      const card = panel.locator('article.card', { has: panel.getByRole('heading', { name: `crop-${i}.png` }) });
      await expect(card.locator('.pill')).toBeVisible({ timeout: 120_000 });
      answered = (await card.locator('.model-backend').count()) > 0;
      if (answered) await expect(card.locator('.model-backend')).toHaveText('Neural model ran on WebGPU (graphics card)');
    }
    expect(answered, 'the model answered within its budget on one of the crops').toBe(true);
    await expect(panel.locator('.model-status')).toHaveAttribute('data-backend', 'webgpu');
  });
});
