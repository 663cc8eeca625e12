/**
 * ClaimLens in Chinese: Chromium started in Simplified Chinese (--lang=zh-CN) shows the
 * Zendesk ticket's badges, the side panel's explanations, the recommendation and the copied
 * texts in Chinese, while file data (the generator's name, hashes) stays as it is; the options
 * page is Chinese too, down to the YARA compiler's errors by line and the validation messages.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openHelpdeskSession, closeHelpdeskSession, tabIdOf } from './browser';
import { SAMPLE_ROLES, ROOT, type FixtureServer } from './server';
import { OPTIONS_EN } from '../../lib/i18n/options-en';

// Playwright Test gives every context it sees its `locale` option (en-US unless set), which
// overrides the browser's language for pages and workers; --lang sets the browser's own.
test.use({ locale: 'zh-CN' });

let server: FixtureServer;
let context: BrowserContext;
let extensionId: string;

test.beforeAll(async () => {
  ({ server, context, extensionId } = await openHelpdeskSession({ args: ['--lang=zh-CN'] }));
});

test.afterAll(() => closeHelpdeskSession({ server, context }));

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

test('a Chinese browser gets the options page in Chinese, YARA compile errors included', async () => {
  const options = await context.newPage();
  const pageErrors: string[] = [];
  options.on('pageerror', (e) => pageErrors.push(e.message));
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1, name: 'ClaimLens 设置' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(options).toHaveTitle('ClaimLens 设置');
  await expect(options.getByRole('heading', { level: 2 })).toHaveText(['网站', '判定', '索赔政策', '案例记录', '神经网络检测器', 'YARA 规则', '文件']);
  await expect(options.getByRole('checkbox', { name: 'Zendesk' })).toBeChecked();
  await expect(options.getByRole('button', { name: '保存' })).toBeVisible();
  // The default next step shows in Chinese; the stored value stays the default.
  await expect(options.getByLabel('需要复核时的下一步')).toHaveValue('请客户提供一段短视频，拍清商品的损坏处和快递面单。');
  // No fixed English text of the options page shows anywhere.
  const shown = await options.locator('body').innerText();
  for (const text of Object.values(OPTIONS_EN).filter((t) => !t.includes('{'))) expect(shown, text).not.toContain(text);

  // Team YARA rules are compiled in the analysis worker as they are typed; errors come by line, in Chinese.
  const rules = options.getByLabel('YARA 规则源代码');
  await rules.fill('rule ok_rule { condition: true }\nrule broken { strings: $a = "x" condition: $b }');
  await expect(options.locator('.rules-check [role="alert"] > p')).toHaveText('以下规则无法编译，修正前会被跳过（其他检查照常运行）：');
  await expect(options.locator('.rule-errors li').first()).toHaveText(/^第 2 行：\S/);
  await rules.fill('rule ok_rule { condition: true }');
  await expect(options.locator('.rules-check')).toHaveText('1 条规则编译通过：ok_rule');
  await rules.fill('');

  // An invalid threshold is explained in Chinese, and nothing is saved.
  await options.getByLabel('需要复核的起始分数').fill('150');
  await options.getByRole('button', { name: '保存' }).click();
  await expect(options.getByRole('alert')).toContainText('需要复核的起始分数：应为 1 到 99 之间的整数');
  expect(await context.serviceWorkers()[0].evaluate(async () => (await chrome.storage.local.get('settings')).settings)).toBeUndefined();

  const shots = join(ROOT, 'test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  // Scrolled to the end, the sticky Save bar sits where it belongs in a full-page shot.
  await options.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await options.screenshot({ path: join(shots, 'options-zh.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
