// @vitest-environment happy-dom
/**
 * The options page (entrypoints/options/App.tsx) against the fake browser: every section is
 * there, a value set by managed policy is disabled, labelled and never saved, invalid values
 * are explained and not saved, files are verified before import (a tampered file changes
 * nothing), hash lists merge without duplicates, custom helpdesk addresses ask for access from
 * the click, and "Forget everything" confirms first. In a Chinese browser the whole page speaks
 * Simplified Chinese (no English text of the page's catalogue shows), default next steps show
 * in Chinese but are saved as the defaults, and a team's own texts stay as typed. Also: the
 * background's registration of the custom sites, and the managed policy schema against
 * SETTING_PATHS.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/options/App';
import { DEFAULT_SETTINGS, SETTING_PATHS, exportFile, importFile, validateSettings } from '../../lib/settings/schema';
import { SITE_ADAPTERS } from '../../lib/sites/registry';
import { CUSTOM_SITES_SCRIPT_ID, registerCustomSites } from '../../lib/background/custom-sites';
import { mergeHashes } from '../../components/options/hashes';
import { parseOrigin } from '../../components/options/origins';
import { fieldErrors, importErrorText } from '../../components/options/paths';
import { OPTIONS_EN } from '../../lib/i18n/options-en';
import { OPTIONS_ZH_CN } from '../../lib/i18n/options-zh-CN';
import { placeholdersOf } from '../../lib/i18n/messages';
import { ROOT } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

let container: HTMLDivElement;
let root: Root;

/** Lets pending promises (storage, checksums, file reads) and React updates finish. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

async function renderPage() {
  act(() => root.render(<App />));
  await settle();
}

function control<T extends HTMLElement = HTMLInputElement>(label: string): T {
  const el = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!el) throw new Error(`No label "${label}"`);
  const target = document.getElementById(el.htmlFor);
  if (!target) throw new Error(`Label "${label}" points at nothing`);
  return target as T;
}

function button(name: string): HTMLButtonElement {
  const b = [...container.querySelectorAll('button')].find((x) => x.textContent?.trim() === name || x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`No button "${name}"`);
  return b;
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: HTMLElement) {
  act(() => el.click());
  await settle();
}

async function pickFile(input: HTMLInputElement, name: string, text: string) {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');
const statuses = () => [...container.querySelectorAll('[role="status"]')].map((a) => a.textContent ?? '');
const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('renders every section, a checkbox per helpdesk (on by default) and the honest notes', async () => {
    await renderPage();
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Sites', 'Verdict', 'Claim policy', 'Case memory', 'Neural detector', 'YARA rules', 'Files']);
    for (const fieldset of container.querySelectorAll('fieldset')) expect(fieldset.querySelector('legend')?.textContent).toBeTruthy();
    for (const a of SITE_ADAPTERS) expect(control(a.name).checked).toBe(true);
    expect(control('Needs review from score').value).toBe(String(DEFAULT_SETTINGS.verdict.reviewAt));
    expect(control<HTMLTextAreaElement>('Next step when review is needed').value).toBe(DEFAULT_SETTINGS.verdict.recommendations.review);
    expect(control('Claim window (days)').value).toBe('90');
    expect(control('Keep case memory for (days)').value).toBe('180');
    expect(control('Use the neural AI-image detector').checked).toBe(true);
    expect(container.textContent).toContain('The neural detector may not be present in this build');
    expect(container.textContent).toContain('Your rules run over the bytes of every claim file');
    expect(container.textContent).toContain('0 hashes in the list.');
    // Every form control has a label.
    for (const el of container.querySelectorAll('input, textarea')) {
      expect(container.querySelector(`label[for="${CSS.escape(el.id)}"]`), el.outerHTML).not.toBeNull();
    }
    expect(container.querySelector('.managed-banner')).toBeNull();
  });

  it('saves edited values and says so', async () => {
    await renderPage();
    type(control<HTMLTextAreaElement>('Next step when review is needed'), 'Ask for a video of the parcel.');
    type(control('Keep case memory for (days)'), '30');
    act(() => control('Gmail').click());
    type(control<HTMLTextAreaElement>('YARA rules source'), 'rule x { condition: true }');
    await click(button('Save'));
    expect(statuses()).toContain('Saved');
    expect(alerts()).toEqual([]);
    const s = await stored();
    expect((s?.verdict as { recommendations: { review: string } }).recommendations.review).toBe('Ask for a video of the parcel.');
    expect(s?.retentionDays).toBe(30);
    expect((s?.sites as Record<string, boolean>).gmail).toBe(false);
    expect(s?.yaraRules).toBe('rule x { condition: true }');
  });

  it('shows the validation error for an invalid threshold and saves nothing', async () => {
    await renderPage();
    type(control('Needs review from score'), '150');
    type(control<HTMLTextAreaElement>('Next step for high risk'), 'Changed');
    await click(button('Save'));
    expect(alerts().join(' ')).toContain('Needs review from score: expected a whole number from 1 to 99');
    expect(control('Needs review from score').getAttribute('aria-invalid')).toBe('true');
    expect(description(control('Needs review from score'))).toContain('expected a whole number from 1 to 99');
    expect(statuses()).not.toContain('Saved');
    expect(await stored()).toBeUndefined();

    type(control('Needs review from score'), '90');
    type(control('High risk from score'), '80');
    await click(button('Save'));
    expect(alerts().join(' ')).toContain('must be above “Needs review from score”');
    expect(await stored()).toBeUndefined();
  });

  it('disables an option set by managed policy, labels it, and never saves it', async () => {
    await fakeBrowser.storage.managed.set({ retentionDays: 365, verdict: { recommendations: { high: 'Managed: call the fraud desk.' } }, sites: { gmail: false } });
    await renderPage();
    const high = control<HTMLTextAreaElement>('Next step for high risk');
    expect(high.disabled).toBe(true);
    expect(high.value).toBe('Managed: call the fraud desk.');
    expect(description(high)).toContain('Set by your organisation');
    const retention = control('Keep case memory for (days)');
    expect(retention.disabled).toBe(true);
    expect(retention.value).toBe('365');
    expect(description(retention)).toContain('Set by your organisation');
    expect(control('Gmail').disabled).toBe(true);
    expect(control('Gmail').checked).toBe(false);
    expect(description(control('Zendesk'))).toContain('Set by your organisation');
    expect(control<HTMLTextAreaElement>('Next step for low risk').disabled).toBe(false);
    expect(container.querySelector('.managed-banner')?.textContent).toContain('3 of these options');

    type(control<HTMLTextAreaElement>('Next step for low risk'), 'Refund.');
    await click(button('Save'));
    expect(statuses()).toContain('Saved');
    const s = await stored();
    expect(s?.retentionDays).toBeUndefined();
    expect(s?.sites).toBeUndefined();
    expect((s?.verdict as { recommendations: Record<string, string> }).recommendations).toEqual(
      expect.objectContaining({ low: 'Refund.', review: DEFAULT_SETTINGS.verdict.recommendations.review }),
    );
    expect((s?.verdict as { recommendations: Record<string, string> }).recommendations.high).toBeUndefined();
    expect(high.value).toBe('Managed: call the fraud desk.');
  });

  it('imports a settings file after checking its checksum; a tampered file changes nothing', async () => {
    await renderPage();
    const input = control('Import a settings file');
    const good = await exportFile('claimlens-settings', { verdict: { reviewAt: 55, highAt: 80 }, retentionDays: 90 });
    const tampered = good.replace('"reviewAt": 55', '"reviewAt": 5');
    expect(tampered).not.toBe(good);

    await pickFile(input, 'tampered.json', tampered);
    expect(alerts().join(' ')).toContain('The checksum does not match: the file was changed or damaged after export. Nothing was imported.');
    expect(await stored()).toBeUndefined();
    expect(control('Needs review from score').value).toBe('60');

    const invalid = await exportFile('claimlens-settings', { retentionDays: -1 });
    await pickFile(input, 'invalid.json', invalid);
    expect(alerts().join(' ')).toContain('Keep case memory for (days): expected a whole number from 1 to 3650');
    expect(alerts().join(' ')).toContain('Nothing was imported.');
    expect(await stored()).toBeUndefined();

    await pickFile(input, 'team.json', good);
    expect(alerts()).toEqual([]);
    expect(statuses().join(' ')).toContain('Imported 3 settings from team.json');
    expect(control('Needs review from score').value).toBe('55');
    expect(control('Keep case memory for (days)').value).toBe('90');
    expect((await stored())?.retentionDays).toBe(90);
  });

  it('exports the saved settings as a checksummed file', async () => {
    await renderPage();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^claimlens-settings-\d{4}-\d\d-\d\d\.json$/);
    });
    await click(button('Export settings'));
    expect(clicked).toHaveBeenCalledTimes(1);
    const file = JSON.parse(await created[0].text());
    expect(file.format).toBe('claimlens-settings');
    expect(file.content.verdict).toEqual(DEFAULT_SETTINGS.verdict);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('merges an imported hash list without duplicates and shows the count', async () => {
    await fakeBrowser.storage.local.set({ settings: { knownBadHashes: [{ sha256: HASH_A, note: 'known' }] } });
    await renderPage();
    expect(container.textContent).toContain('1 hash in the list.');
    const input = control('Import a hash list');
    const list = await exportFile('claimlens-hash-list', [{ sha256: HASH_A }, { sha256: HASH_B }, { pdq: HASH_C, note: 'resized' }]);
    await pickFile(input, 'fraud.json', list);
    expect(alerts()).toEqual([]);
    expect(statuses().join(' ')).toContain('Added 2 hashes from fraud.json (1 was already in the list). The list now has 3 hashes.');
    expect(container.textContent).toContain('3 hashes in the list.');
    expect((await stored())?.knownBadHashes).toEqual([{ sha256: HASH_A, note: 'known' }, { sha256: HASH_B }, { pdq: HASH_C, note: 'resized' }]);

    await pickFile(input, 'fraud.json', list.replace(HASH_B, HASH_C));
    expect(alerts().join(' ')).toContain('The checksum does not match');
    expect(((await stored())?.knownBadHashes as unknown[]).length).toBe(3);

    const bad = await exportFile('claimlens-hash-list', [{ sha256: 'not-a-hash' }]);
    await pickFile(input, 'bad.json', bad);
    expect(alerts().join(' ')).toContain('expected hashes of 64 lowercase hex digits');
    expect(alerts().join(' ')).toContain('Nothing was imported.');

    expect(mergeHashes([], [{ sha256: HASH_A }, { sha256: HASH_A }])).toEqual({ list: [{ sha256: HASH_A }], added: 1, duplicates: 1 });
  });

  it('adds a custom helpdesk address after asking for access from the click, and removing revokes it', async () => {
    const granted = new Set<string>();
    const request = vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.add(o));
      return true;
    });
    const remove = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.delete(o)));
    Object.assign(fakeBrowser.permissions, {
      request,
      remove,
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    });
    await renderPage();
    const address = control('Helpdesk address');

    type(address, 'http://support.example.com');
    await click(button('Add and allow access'));
    expect(alerts().join(' ')).toContain('Only https addresses can be added');
    expect(request).not.toHaveBeenCalled();

    type(address, 'Support.Example.com/some/page');
    act(() => button('Add and allow access').click());
    // Asked within the click, before anything was awaited.
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.example.com/*'] });
    await settle();
    expect(alerts()).toEqual([]);
    expect(statuses().join(' ')).toContain('https://support.example.com added.');
    expect((await stored())?.customSites).toEqual(['https://support.example.com']);
    expect(container.querySelector('.site-list')?.textContent).toContain('access granted');

    await click(button('Remove https://support.example.com'));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://support.example.com/*'] });
    expect((await stored())?.customSites).toEqual([]);
    expect(container.querySelector('.site-list')).toBeNull();

    request.mockResolvedValueOnce(false);
    type(address, 'https://help.example.org');
    await click(button('Add and allow access'));
    expect(alerts().join(' ')).toContain('Access to https://help.example.org was not granted, so it was not added.');
    expect((await stored())?.customSites).toEqual([]);
  });

  it('asks for a confirmation before forgetting everything, then reports the result', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    Object.assign(fakeBrowser.runtime, { sendMessage: send });
    await renderPage();
    await click(button('Forget everything…'));
    expect(send).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Cancel');
    await click(button('Cancel'));
    expect(send).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Forget everything…');

    await click(button('Forget everything…'));
    await click(button('Yes, forget everything'));
    expect(send).toHaveBeenCalledWith({ type: 'forget-everything' });
    expect(statuses().join(' ')).toContain('the case memory on this device is empty');

    send.mockResolvedValueOnce({ ok: false, error: 'database locked' } as never);
    await click(button('Forget everything…'));
    await click(button('Yes, forget everything'));
    expect(alerts().join(' ')).toContain('The case memory could not be emptied: database locked.');
  });
});

/** Latin words (3+ letters) in a text: names and code, or English that should not be there. */
const latinWords = (text: string) => text.match(/[A-Za-z]{3,}/g) ?? [];
/** Latin words the Chinese page may show: product, helpdesk and format names, code and examples. */
const LATIN_OK = new Set([
  'ClaimLens',
  'YARA',
  'JSON',
  'https',
  'support',
  'example',
  'com',
  'description',
  'points',
  'edited',
  ...SITE_ADAPTERS.flatMap((a) => latinWords(a.name)),
]);
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Every piece of text the page shows outside form values: text nodes and accessible names. */
function shownTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('textarea')) continue;
    const text = n.textContent?.trim();
    if (text) texts.push(text);
  }
  for (const el of container.querySelectorAll('[aria-label], [placeholder], [title]')) {
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}

/** The English texts of the options catalogue that carry no placeholders, i.e. shown verbatim. */
const FIXED_ENGLISH = Object.values(OPTIONS_EN).filter((text) => placeholdersOf(text).length === 0);

/** The text matches one of the Chinese catalogue's texts, with any values in its placeholders. */
function fromChineseCatalogue(text: string): boolean {
  return Object.values(OPTIONS_ZH_CN).some((template) => {
    const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*?')}$`, 's').test(text);
  });
}

describe('options page in Simplified Chinese', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
  });
  afterEach(() => {
    document.documentElement.lang = '';
  });

  it('shows every heading, label, hint and button in Chinese, with no English text of the page', async () => {
    await fakeBrowser.storage.local.set({ settings: { customSites: ['https://support.example.com'] } });
    await renderPage();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('ClaimLens 设置');
    expect(container.querySelector('h1')?.textContent).toBe('ClaimLens 设置');
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['网站', '判定', '索赔政策', '案例记录', '神经网络检测器', 'YARA 规则', '文件']);
    expect([...container.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([
      '客服平台',
      '自有客服平台地址',
      '分数阈值',
      '建议的下一步',
      '索赔次数上限',
      '保留期限',
      '清除全部记录',
      '本机模型',
      '团队规则',
      '设置文件',
      '已知欺诈照片的哈希值',
    ]);
    expect(control('需要复核的起始分数').value).toBe('60');
    expect(control('索赔统计周期（天）').value).toBe('90');
    expect(control('案例记录保留天数').value).toBe('180');
    expect(control('启用 AI 图像神经网络检测器').checked).toBe(true);
    for (const a of SITE_ADAPTERS) expect(control(a.name).checked).toBe(true);
    expect(container.textContent).toContain('列表中有 0 个哈希值。');
    expect(button('保存')).toBeTruthy();
    expect(button('移除 https://support.example.com').textContent).toBe('移除');
    expect(button('导出设置')).toBeTruthy();
    expect(button('清除全部记录…')).toBeTruthy();

    // Every label, legend, heading and button is a text of the Chinese catalogue (or a helpdesk's name).
    const names = new Set(SITE_ADAPTERS.map((a) => a.name));
    for (const el of container.querySelectorAll('label, legend, h1, h2, button, .hint, .locked-note')) {
      const text = el.textContent?.trim() ?? '';
      if (names.has(text)) continue;
      expect(fromChineseCatalogue(text), `${el.tagName}: ${text}`).toBe(true);
    }
    // No English text of the page shows, and Latin script is left to names, code and examples.
    const texts = shownTexts();
    for (const english of FIXED_ENGLISH) expect(texts, english).not.toContain(english);
    for (const text of texts) {
      for (const word of latinWords(text)) expect(LATIN_OK.has(word), `"${word}" in "${text}"`).toBe(true);
    }
    expect(texts.filter((text) => CJK.test(text)).length).toBeGreaterThan(40);
  });

  it('shows the default next steps in Chinese, saves them as the defaults, and keeps a team’s own text as typed', async () => {
    await renderPage();
    const low = control<HTMLTextAreaElement>('低风险时的下一步');
    const review = control<HTMLTextAreaElement>('需要复核时的下一步');
    const high = control<HTMLTextAreaElement>('高风险时的下一步');
    expect(low.value).toBe('未发现篡改迹象——按标准政策处理。没有发现证据并不等于证明没有问题。');
    expect(review.value).toBe('请客户提供一段短视频，拍清商品的损坏处和快递面单。');
    expect(high.value).toBe('退款前请提交反欺诈审核。');

    type(review, '请客户拍一段开箱视频。');
    type(high, 'Call the fraud desk.');
    // Typing the default text back gives the default itself.
    type(low, '未发现篡改迹象。');
    type(low, '未发现篡改迹象——按标准政策处理。没有发现证据并不等于证明没有问题。');
    await click(button('保存'));
    expect(statuses()).toContain('已保存');
    const recommendations = ((await stored())?.verdict as { recommendations: Record<string, string> }).recommendations;
    expect(recommendations).toEqual({ low: DEFAULT_SETTINGS.verdict.recommendations.low, review: '请客户拍一段开箱视频。', high: 'Call the fraud desk.' });
    expect(high.value).toBe('Call the fraud desk.');
    expect(low.value).toBe('未发现篡改迹象——按标准政策处理。没有发现证据并不等于证明没有问题。');
  });

  it('explains invalid values in Chinese and saves nothing', async () => {
    await renderPage();
    type(control('需要复核的起始分数'), '150');
    await click(button('保存'));
    expect(alerts().join(' ')).toContain('未保存，请更正以下问题：');
    expect(alerts().join(' ')).toContain('需要复核的起始分数：应为 1 到 99 之间的整数');
    expect(description(control('需要复核的起始分数'))).toContain('应为 1 到 99 之间的整数');
    expect(statuses()).not.toContain('已保存');

    type(control('需要复核的起始分数'), '90');
    type(control('高风险的起始分数'), '80');
    await click(button('保存'));
    expect(alerts().join(' ')).toContain('高风险的起始分数：必须高于“需要复核的起始分数”');
    expect(await stored()).toBeUndefined();
  });

  it('marks options set by the organisation in Chinese', async () => {
    await fakeBrowser.storage.managed.set({ retentionDays: 365, verdict: { recommendations: { high: 'Managed: call the fraud desk.' } } });
    await renderPage();
    expect(container.querySelector('.managed-banner')?.textContent).toBe('其中 2 项设置由您的组织统一管理，已标注“由您的组织设置”，无法在此更改。');
    const high = control<HTMLTextAreaElement>('高风险时的下一步');
    expect(high.disabled).toBe(true);
    expect(high.value).toBe('Managed: call the fraud desk.');
    expect(description(high)).toContain('由您的组织设置');
    expect(description(control('案例记录保留天数'))).toContain('由您的组织设置');
  });

  it('reports imports, checksum errors and invalid files in Chinese', async () => {
    await fakeBrowser.storage.local.set({ settings: { knownBadHashes: [{ sha256: HASH_A }] } });
    await renderPage();
    const settingsInput = control('导入设置文件');
    const good = await exportFile('claimlens-settings', { verdict: { reviewAt: 55, highAt: 80 }, retentionDays: 90 });
    await pickFile(settingsInput, 'tampered.json', good.replace('"reviewAt": 55', '"reviewAt": 5'));
    expect(alerts()).toEqual(['校验和不匹配：文件在导出后被修改或已损坏。未导入任何内容。']);
    await pickFile(settingsInput, 'invalid.json', await exportFile('claimlens-settings', { retentionDays: -1 }));
    expect(alerts().join(' ')).toContain('案例记录保留天数：应为 1 到 3650 之间的整数');
    expect(alerts().join(' ')).toContain('未导入任何内容。');
    await pickFile(settingsInput, 'list.json', await exportFile('claimlens-hash-list', []));
    expect(alerts()).toEqual(['这不是 ClaimLens 设置文件。']);
    await pickFile(settingsInput, 'team.json', good);
    expect(alerts()).toEqual([]);
    expect(statuses()).toContain('已从 team.json 导入并保存 3 项设置。');
    expect((await stored())?.retentionDays).toBe(90);

    const hashInput = control('导入哈希列表');
    await pickFile(hashInput, 'fraud.json', await exportFile('claimlens-hash-list', [{ sha256: HASH_A }, { sha256: HASH_B }]));
    expect(statuses()).toContain('已从 fraud.json 添加 1 个哈希值（另有 1 个已在列表中）。列表中现有 2 个哈希值。');
    expect(container.textContent).toContain('列表中有 2 个哈希值。');
    await pickFile(hashInput, 'broken.json', '{ not json');
    expect(alerts()).toEqual(['该文件不是有效的 JSON。']);
  });

  it('shows the YARA check in Chinese: compile errors by line, and the rules that compile', async () => {
    const send = vi.fn(async (m: { type: string; source: string }) =>
      m.source.includes('broken')
        ? { ok: false, errors: [{ line: 2, message: 'undefined string identifier "$b"' }], warnings: [{ line: 1, message: 'slow rule' }], rules: [{ name: 'ok_rule' }] }
        : { ok: true, errors: [], warnings: [], rules: [{ name: 'ok_rule' }, { name: 'other' }] },
    );
    Object.assign(fakeBrowser.runtime, { sendMessage: send });
    await renderPage();
    expect(container.querySelector('#yara-about')?.textContent).toBe(
      '您的规则会和 ClaimLens 自带的规则（生成工具字符串、内容凭证标签、已知工具标记）一起，扫描每个索赔文件的字节。匹配结果会连同规则的 description 元数据显示给客服人员；points = "ai" | "edited" 指明匹配表示 AI 生成还是经过编辑。',
    );
    expect(container.querySelectorAll('#yara-about code')).toHaveLength(2);
    const rules = control<HTMLTextAreaElement>('YARA 规则源代码');
    type(rules, 'rule ok_rule { condition: true }\nrule broken { strings: $a = "x" condition: $b }');
    expect(container.querySelector('.rules-check')?.textContent).toBe('正在检查规则…');
    await act(() => new Promise((r) => setTimeout(r, 700)));
    await settle();
    expect(send).toHaveBeenCalledWith({ type: 'check-rules', source: rules.value });
    expect(alerts().join(' ')).toContain('以下规则无法编译，修正前会被跳过（其他检查照常运行）：');
    expect([...container.querySelectorAll('.rule-errors li')].map((li) => li.textContent)).toEqual(['第 2 行：undefined string identifier "$b"']);
    expect(container.querySelector('.rule-warnings')?.getAttribute('aria-label')).toBe('警告');
    expect(container.querySelector('.rule-warnings li')?.textContent).toBe('第 1 行：slow rule');

    type(rules, 'rule ok_rule { condition: true }\nrule other { condition: false }');
    await act(() => new Promise((r) => setTimeout(r, 700)));
    await settle();
    expect(container.querySelector('.rules-check .ok')?.textContent).toBe('2 条规则编译通过：ok_rule、other');
  });

  it('adds and refuses helpdesk addresses, and forgets everything, in Chinese', async () => {
    const request = vi.fn(async () => false);
    Object.assign(fakeBrowser.permissions, { request, contains: vi.fn(async () => false) });
    const send = vi.fn(async () => ({ ok: true }));
    Object.assign(fakeBrowser.runtime, { sendMessage: send });
    await renderPage();
    const address = control('客服平台地址');
    type(address, 'http://support.example.com');
    await click(button('添加并允许访问'));
    expect(alerts()).toEqual(['只能添加 https 地址：ClaimLens 不读取未加密传输的客服页面。']);
    type(address, 'https://acme.zendesk.com');
    await click(button('添加并允许访问'));
    expect(alerts()).toEqual(['https://acme.zendesk.com 是已支持的客服平台，ClaimLens 已会检查它（见上方列表）。']);
    type(address, 'help.example.org');
    await click(button('添加并允许访问'));
    expect(alerts()).toEqual(['未获得 https://help.example.org 的访问权限，因此没有添加。']);

    await click(button('清除全部记录…'));
    expect(container.querySelector('#forget-question')?.textContent).toBe('要清空本机上的案例记录吗？');
    expect(document.activeElement?.textContent).toBe('取消');
    await click(button('确定清除'));
    expect(send).toHaveBeenCalledWith({ type: 'forget-everything' });
    expect(statuses()).toContain('已完成：本机上的案例记录已清空。此后检查的照片会重新开始记录。');
  });
});

describe('messages from the settings checks, in Chinese', () => {
  it('translates every validation message the settings schema writes', () => {
    const inputs: unknown[] = [
      'not an object',
      { verdict: { reviewAt: 0, recommendations: { low: 'x'.repeat(2001) } } },
      { verdict: { reviewAt: 90, highAt: 80 } },
      { modelEnabled: 'yes', sites: [], customSites: ['http://x'] },
      { knownBadHashes: 'none' },
      { knownBadHashes: [1] },
      { knownBadHashes: [{}] },
      { knownBadHashes: [{ sha256: 'ABC' }] },
      { knownBadHashes: [{ sha256: HASH_A, note: 'n'.repeat(201) }] },
    ];
    const errors = inputs.flatMap((input) => validateSettings(input).errors);
    expect(errors.length).toBeGreaterThanOrEqual(11);
    const { messages, byPath } = fieldErrors(errors, 'zh-CN');
    expect(messages).toHaveLength(errors.length);
    for (const text of [...messages, ...Object.values(byPath)]) {
      expect(text).toMatch(CJK);
      const leftover = latinWords(text).filter((w) => !['JSON', 'true', 'false', 'sha', 'pdq', 'note', 'https', 'support', 'example', 'com'].includes(w));
      expect(leftover, text).toEqual([]);
    }
    // English reads as the schema wrote it, with the fields' labels.
    expect(fieldErrors(['verdict.reviewAt: expected a whole number from 1 to 99', 'verdict.highAt must be above verdict.reviewAt']).messages).toEqual([
      'Needs review from score: expected a whole number from 1 to 99',
      'High risk from score: must be above “Needs review from score”',
    ]);
  });

  it('translates every reason a file import is refused', async () => {
    const good = await exportFile('claimlens-settings', { retentionDays: 90 });
    const files = ['{', await exportFile('claimlens-hash-list', []), good.replace('"version": 1', '"version": 2'), good.replace('"retentionDays": 90', '"retentionDays": 91')];
    const reasons: string[] = [];
    for (const text of files) {
      const read = await importFile('claimlens-settings', text);
      expect(read).toHaveProperty('error');
      reasons.push((read as { error: string }).error);
    }
    reasons.push(((await importFile('claimlens-hash-list', good)) as { error: string }).error);
    expect(reasons.map((r) => importErrorText(r, 'zh-CN'))).toEqual([
      '该文件不是有效的 JSON。',
      '这不是 ClaimLens 设置文件。',
      '不支持的文件版本：2。',
      '校验和不匹配：文件在导出后被修改或已损坏。未导入任何内容。',
      '这不是 ClaimLens 哈希列表文件。',
    ]);
    for (const r of reasons) expect(importErrorText(r, 'en')).toBe(r);
  });

  it('explains refused helpdesk addresses in Chinese', () => {
    for (const text of ['', 'http://support.example.com', 'https://user:pw@support.example.com', 'https://acme.zendesk.com', 'https://exa mple.com', 'https://xn--_bad.example.com']) {
      const result = parseOrigin(text, 'zh-CN');
      expect(result, text).toHaveProperty('error');
      expect((result as { error: string }).error, text).toMatch(CJK);
    }
  });
});

describe('custom helpdesk addresses', () => {
  it('accepts https origins only, and not hosts ClaimLens already covers', () => {
    expect(parseOrigin('support.example.com')).toEqual({ origin: 'https://support.example.com' });
    expect(parseOrigin('https://support.example.com:8443/tickets?id=1')).toEqual({ origin: 'https://support.example.com:8443' });
    expect(parseOrigin('http://support.example.com')).toHaveProperty('error');
    expect(parseOrigin('')).toHaveProperty('error');
    expect(parseOrigin('https://user:pw@support.example.com')).toHaveProperty('error');
    expect(parseOrigin('https://acme.zendesk.com')).toHaveProperty('error');
    expect(parseOrigin('https://mail.google.com')).toHaveProperty('error');
  });

  it('registers the generic scanner on the granted custom origins, updates and unregisters it', async () => {
    const granted = new Set(['https://support.example.com/*', 'https://help.example.org/*']);
    const registered = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
    Object.assign(fakeBrowser.permissions, { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))) });
    const register = vi.fn(async (scripts: { id: string }[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    });
    const update = vi.fn(async (scripts: { id: string }[]) => scripts.forEach((s) => registered.set(s.id, s)));
    const unregister = vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)));
    Object.assign(fakeBrowser.scripting, {
      registerContentScripts: register,
      updateContentScripts: update,
      unregisterContentScripts: unregister,
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.filter((id) => registered.has(id)).map((id) => registered.get(id))),
    });

    // Overlapping calls (start-up and a settings change) must not register twice.
    await Promise.all([registerCustomSites(['https://support.example.com', 'https://not-granted.example.net']), registerCustomSites(['https://support.example.com'])]);
    expect(register).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(1);
    expect(registered.get(CUSTOM_SITES_SCRIPT_ID)).toEqual(
      expect.objectContaining({ js: ['/content-scripts/generic.js'], matches: ['https://support.example.com/*'] }),
    );

    expect(await registerCustomSites(['https://support.example.com', 'https://help.example.org'])).toEqual(['https://support.example.com/*', 'https://help.example.org/*']);
    expect(update).toHaveBeenCalledTimes(2);
    expect(registered.get(CUSTOM_SITES_SCRIPT_ID)?.matches).toEqual(['https://support.example.com/*', 'https://help.example.org/*']);

    // Read from the settings when no list is given.
    await fakeBrowser.storage.local.set({ settings: { customSites: [] } });
    expect(await registerCustomSites()).toEqual([]);
    expect(unregister).toHaveBeenCalledWith({ ids: [CUSTOM_SITES_SCRIPT_ID] });
    expect(registered.size).toBe(0);
  });
});

describe('managed policy schema', () => {
  type Node = { type?: string; properties?: Record<string, Node>; items?: Node; additionalProperties?: Node; $ref?: string };
  const schema = JSON.parse(readFileSync(join(ROOT, 'public', 'managed_schema.json'), 'utf8')) as Node;

  it('covers every setting path in the nested shape of Settings, with the types of the defaults', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    for (const path of SETTING_PATHS) {
      const node = path.split('.').reduce<Node | undefined>((n, k) => n?.properties?.[k], schema);
      expect(node, path).toBeDefined();
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_SETTINGS);
      const expected = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
      expect(node!.type, path).toBe(expected);
    }
    for (const a of SITE_ADAPTERS) expect(schema.properties!.sites.properties![a.id]?.type).toBe('boolean');
  });

  it('uses only what Chrome’s policy schema accepts: one type per node, no $ref', () => {
    const ALLOWED = new Set(['type', 'title', 'description', 'properties', 'items', 'additionalProperties', 'minimum', 'maximum', 'pattern', 'enum']);
    const walk = (n: Node, at: string) => {
      for (const key of Object.keys(n)) expect(ALLOWED.has(key), `${at}.${key}`).toBe(true);
      expect(['object', 'array', 'string', 'integer', 'number', 'boolean']).toContain(n.type);
      for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, `${at}.${k}`);
      if (n.items) walk(n.items, `${at}[]`);
      if (n.additionalProperties) walk(n.additionalProperties, `${at}.*`);
    };
    walk(schema, '$');
  });
});
