/**
 * ClaimLens in Chinese: Chromium started in Simplified Chinese (--lang=zh-CN) shows the
 * Zendesk ticket's badges, the side panel's explanations, the recommendation and the copied
 * texts in Chinese, while file data (the generator's name, hashes) stays as it is.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, tabIdOf } from './browser';
import { startFixtureServer, SAMPLE_ROLES, ROOT, type FixtureServer, ZENDESK_FILES_COOKIE } from './server';

// Playwright Test gives every context it sees its `locale` option (en-US unless set), which
// overrides the browser's language for pages and workers; --lang sets the browser's own.
test.use({ locale: 'zh-CN' });

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  server = await startFixtureServer();
  ({ context, extensionId } = await launchWithExtension({ args: ['--lang=zh-CN'] }));
  await context.addCookies([ZENDESK_FILES_COOKIE]);
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
});

test('a Chinese browser gets Chinese badges, explanations and copied texts', async () => {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`https://acme.zendesk.com:${server.port}/agent/tickets/4821`);

  const badges = page.locator('claimlens-badge');
  await expect(badges).toHaveCount(5);
  await expect(page.locator('claimlens-badge[data-level="pending"]')).toHaveCount(0, { timeout: 30_000 });
  const badgeAfter = (file: string) => page.locator(`a[href*="${file}"] + claimlens-badge`);
  await expect(badgeAfter(SAMPLE_ROLES.AI)).toHaveAttribute('data-level', 'high');
  await expect(badgeAfter(SAMPLE_ROLES.AI)).toHaveAttribute('data-label', '高风险');
  await expect(badgeAfter(SAMPLE_ROLES.CAMERA)).toHaveAttribute('data-label', '低风险');

  const tabId = await tabIdOf(context, '*://acme.zendesk.com/*');
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 1100 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  expect(await panel.evaluate(() => navigator.language)).toBe('zh-CN');
  expect(await panel.evaluate(() => chrome.i18n.getUILanguage())).toBe('zh-CN');
  await expect(panel.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(panel.getByRole('heading', { name: 'ClaimLens' })).toBeVisible();
  await expect(panel.getByText('zendesk 工单 #4821 · Jordan Miller')).toBeVisible();
  await expect(panel.locator('article.card')).toHaveCount(5);
  await expect(panel.getByText('共 5 张图片：', { exact: false })).toBeVisible();

  const first = panel.locator('article.card').first();
  await expect(first).toHaveClass(/level-high/);
  await expect(first.locator('.pill')).toHaveText('高风险');
  await expect(first.getByText('由 AI 图像生成工具制作：ComfyUI').first()).toBeVisible();
  await expect(first.getByText('退款前请提交反欺诈审核。')).toBeVisible();
  await first.getByText(/全部信号/).click();
  await first.locator('[data-evidence-id="provenance.generator.comfyui"] button').click();
  await expect(first.getByText(/相机和手机从不写入这些内容/)).toBeVisible();
  // File data stays as the file has it: raw keys and values are not translated.
  await expect(first.locator('.evidence-data th', { hasText: 'prompt' })).toBeVisible();
  const camera = panel.locator(`article.card[data-src*="${SAMPLE_ROLES.CAMERA}"]`);
  await expect(camera.locator('.pill')).toHaveText('低风险');
  await expect(camera.getByText(/包含相机信息：Canon PowerShot G2/).first()).toBeVisible();

  const shots = join(ROOT, 'test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await panel.screenshot({ path: join(shots, 'sidepanel-zh.png'), fullPage: true });

  await panel.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  const copied = () => panel.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
  await panel.getByRole('button', { name: '复制内部备注' }).click();
  await expect(panel.getByRole('status').filter({ hasText: '内部备注已复制到剪贴板。' })).toBeVisible();
  const note = await copied();
  expect(note).toMatch(/^ClaimLens 照片检查 — zendesk 工单 #4821（Jordan Miller）/);
  expect(note).toContain(`1. ${SAMPLE_ROLES.AI} — 高风险`);
  expect(note).toContain('由 AI 图像生成工具制作：ComfyUI');
  expect(note).toContain('建议的下一步：退款前请提交反欺诈审核。');
  await panel.getByRole('button', { name: '复制发给客户的视频请求' }).click();
  expect(await copied()).toContain('Jordan，您好：');

  expect(pageErrors).toEqual([]);
});
