/**
 * The message catalogues (English, Simplified Chinese) and the message references the engine
 * attaches to its evidence: both locales hold the same keys with the same placeholders (the
 * options page's texts included); every reference the detectors produce on the fixtures
 * resolves completely in both; its English rendering is the evidence's own title and detail;
 * the UI helpers, the copied texts and the extension's _locales files agree with the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { IndexedCaseMemory } from '../../lib/engine/memory';
import { errorEvidence, pixelsSkippedEvidence } from '../../lib/engine/runner';
import { NPR_MAP_LABEL, nprFinding } from '../../lib/detectors/model/npr';
import { NOT_YET_CHECKED } from '../../lib/engine/coverage';
import type { ClaimContext, Evidence, Report } from '../../lib/engine/types';
import { interpretC2pa } from '../../lib/detectors/provenance/c2pa';
import { PAYLOADS, watermarkFinding } from '../../lib/detectors/provenance/watermark';
import { ELA_TEXTS } from '../../lib/detectors/pixels/ela';
import { NOISE_TEXTS } from '../../lib/detectors/pixels/noise';
import { SPECTRUM_TEXTS } from '../../lib/detectors/pixels/spectrum';
import type { C2paManifest, C2paSummary } from '../../lib/engine/c2pa-summary';
import type { Finding } from '../../lib/engine/detector';
import { CATALOGUES, LOCALES, localeOf, placeholdersOf, problemsOf, render, t, translateEnglish, type MessageKey } from '../../lib/i18n/messages';
import { evidenceText, levelLabel, recommendationText } from '../../lib/i18n/ui';
import { badgeText } from '../../lib/i18n/badge-texts';
import { OPTIONS_EN } from '../../lib/i18n/options-en';
import { OPTIONS_ZH_CN } from '../../lib/i18n/options-zh-CN';
import { internalNote, videoRequest } from '../../lib/verdict/note';
import { DEFAULT_VERDICT_SETTINGS } from '../../lib/settings/defaults';
import { SETTING_PATHS } from '../../lib/settings/schema';
import { ROOT } from './helpers';

const EN = CATALOGUES.en;
const ZH = CATALOGUES['zh-CN'];
const KEYS = Object.keys(EN) as MessageKey[];
/** Families whose detectors others are writing; they may carry English texts only. */
const ENGLISH_ONLY = /^rules\./;

/** The checks every evidence item must pass; returns the items checked. */
function checkEvidence(evidence: readonly Pick<Evidence, 'id' | 'title' | 'detail' | 'text'>[], where: string): number {
  let checked = 0;
  for (const e of evidence) {
    if (!e.text) {
      expect(e.id, `${where}: ${e.id} has no message references`).toMatch(ENGLISH_ONLY);
      continue;
    }
    for (const part of ['title', 'detail'] as const) {
      const ref = e.text[part];
      for (const locale of LOCALES) expect(problemsOf(ref, locale), `${where}: ${e.id} ${part} in ${locale}`).toEqual([]);
      expect(render(ref, 'en'), `${where}: ${e.id} ${part}`).toBe(e[part]);
      const zh = render(ref, 'zh-CN');
      expect(zh).not.toBe('');
      expect(zh, `${where}: ${e.id} ${part} in Chinese`).toMatch(/[\u4e00-\u9fff]/);
      // Data is plain and survives the trip to the side panel.
      expect(JSON.parse(JSON.stringify(ref))).toEqual(ref);
    }
    checked++;
  }
  return checked;
}

const files = (dir: string) =>
  readdirSync(join(ROOT, 'tests', 'fixtures', dir))
    .filter((f) => /\.(jpe?g|png|webp|heic|gif|avif|tiff?)$/i.test(f))
    .sort()
    .map((f) => join(ROOT, 'tests', 'fixtures', dir, f));

describe('catalogues', () => {
  it('hold the same keys in both locales, none empty', () => {
    expect(Object.keys(ZH).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(EN[key].trim(), key).not.toBe('');
      expect(ZH[key].trim(), key).not.toBe('');
    }
  });

  it('have the same placeholders for each key in both locales', () => {
    for (const key of KEYS) expect(placeholdersOf(ZH[key]), key).toEqual(placeholdersOf(EN[key]));
  });

  it('translate: Chinese texts are Chinese, and product and format names stay in Latin script', () => {
    const names = ['ClaimLens', 'C2PA', 'ComfyUI', 'Stable Diffusion', 'EXIF', 'IPTC', 'PDQ', 'JPEG', 'libjpeg', 'Photoshop', 'YARA'];
    // Texts that are a name, a unit or a separator, or quote an English UI element as it appears.
    const same = new Set<MessageKey>(['note.reason', 'note.hashes', 'note.pdq', 'metadata.jpeg.trailing-data.kb', 'metadata.jpeg.trailing-data.mb', 'panel.menuItem']);
    for (const key of KEYS) {
      if (!same.has(key) && !key.startsWith('join.') && /[a-z]{3}/i.test(EN[key].replace(/\{\w+\}/g, ''))) expect(ZH[key], key).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
      for (const name of names) if (EN[key].includes(name)) expect(ZH[key], `${key} keeps ${name}`).toContain(name);
    }
  });

  it('fill values once, as text: placeholders and markup in values stay as they are', () => {
    const hostile = '{generator}<img src=x onerror=alert(1)>';
    expect(t('provenance.generator.found.title', { generator: hostile })).toBe(`Made with an AI image generator: ${hostile}`);
    expect(t('provenance.generator.found.title', { generator: hostile }, 'zh-CN')).toBe(`由 AI 图像生成工具制作：${hostile}`);
    expect(t('provenance.generator.found.title', { constructor: 'x' } as never)).toBe('Made with an AI image generator: {generator}');
    expect(problemsOf({ key: 'provenance.generator.found.title' }, 'zh-CN')).toEqual(['provenance.generator.found.title: no value for {generator}']);
    expect(problemsOf({ key: 'no.such.key' }, 'en')).toEqual(['unknown key no.such.key']);
  });

  it('pick the UI language from the browser language tag', () => {
    expect(localeOf('zh-CN')).toBe('zh-CN');
    expect(localeOf('zh')).toBe('zh-CN');
    expect(localeOf('zh-TW')).toBe('zh-CN');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('de')).toBe('en');
    expect(localeOf('zu')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });

  it('hold the default recommendations, the level labels and the texts made outside the catalogue verbatim', () => {
    for (const level of ['low', 'review', 'high'] as const) {
      expect(t(`recommendation.${level}`)).toBe(DEFAULT_VERDICT_SETTINGS.recommendations[level]);
      // The page badge's own small table agrees with the catalogue in both languages.
      expect(badgeText(`level.${level}`, 'en')).toBe(levelLabel(level, 'en'));
      expect(badgeText(`level.${level}`, 'zh-CN')).toBe(levelLabel(level, 'zh-CN'));
      expect(recommendationText({ recommendation: DEFAULT_VERDICT_SETTINGS.recommendations[level] }, 'zh-CN')).toBe(ZH[`recommendation.${level}`]);
    }
    expect(['low', 'review', 'high'].map((l) => levelLabel(l as 'low', 'en'))).toEqual(['Low risk', 'Needs review', 'High risk']);
    expect(levelLabel('high', 'zh-CN')).toBe('高风险');
    // A team's own wording is shown as written.
    expect(recommendationText({ recommendation: 'Call the fraud desk.' }, 'zh-CN')).toBe('Call the fraud desk.');
    for (const text of [...NOT_YET_CHECKED, ELA_TEXTS.mapLabel, NOISE_TEXTS.mapLabel, SPECTRUM_TEXTS.label, NPR_MAP_LABEL]) {
      expect(translateEnglish(text, 'zh-CN'), text).toMatch(/[\u4e00-\u9fff]/);
      expect(translateEnglish(text, 'en')).toBe(text);
    }
  });

  it('carry the manifest name and description, and the context menu item, for both locales of the extension', () => {
    const read = (dir: string) => JSON.parse(readFileSync(join(ROOT, 'public', '_locales', dir, 'messages.json'), 'utf8'));
    const en = read('en');
    const zh = read('zh_CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(en.extName.message).toBe('ClaimLens');
    expect(zh.extName.message).toBe('ClaimLens');
    expect(zh.extDescription.message).toMatch(/[\u4e00-\u9fff]/);
    // The context menu item the side panel quotes.
    expect(en.contextMenuCheckImage.message).toBe(EN['panel.menuItem']);
    expect(en.contextMenuScanPage.message).toBe('Scan this page’s images with ClaimLens');
    for (const key of ['contextMenuCheckImage', 'contextMenuScanPage']) {
      expect(zh[key].message, key).toMatch(/[\u4e00-\u9fff]/);
      expect(zh[key].message, key).toContain('ClaimLens');
    }
    for (const m of [en, zh]) expect(m.extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('include the options page’s texts, the same in both locales, for every setting’s field', () => {
    const keys = Object.keys(OPTIONS_EN) as (keyof typeof OPTIONS_EN)[];
    expect(Object.keys(OPTIONS_ZH_CN).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(key).toMatch(/^options\./);
      expect(EN[key], key).toBe(OPTIONS_EN[key]);
      expect(ZH[key], key).toBe(OPTIONS_ZH_CN[key]);
    }
    for (const path of SETTING_PATHS) expect(keys, path).toContain(`options.field.${path}`);
    // Singular and plural forms come in pairs with the same placeholders (the singular may spell out its count).
    const withoutCount = (text: string) => placeholdersOf(text).filter((name) => name !== 'count');
    for (const key of keys.filter((k) => /\.(one|many)$/.test(k))) {
      const other = key.replace(/\.(one|many)$/, (_, form: string) => (form === 'one' ? '.many' : '.one')) as MessageKey;
      expect(KEYS, key).toContain(other);
      expect(withoutCount(EN[other]), key).toEqual(withoutCount(EN[key]));
      if (key.endsWith('.many')) expect(placeholdersOf(EN[key]), key).toContain('count');
    }
  });
});

describe('message references on the evidence', () => {
  it('resolve in both locales on every image and JPEG fixture, and render the English texts exactly', async () => {
    let checked = 0;
    const contexts: ClaimContext[] = [{}, { orderDate: '2030-01-01', deliveryDate: '2030-01-05', claimDate: '2030-01-06' }];
    const paths = [...files('images'), ...files('jpeg'), ...files('c2pa'), ...files('watermark')];
    for (const path of paths) {
      const bytes = new Uint8Array(readFileSync(path));
      for (const context of contexts) {
        let report: Report;
        try {
          report = await analyze(bytes, context, nodeHost);
        } catch {
          continue;
        }
        checked += checkEvidence(report.evidence, path);
      }
    }
    expect(checked).toBeGreaterThan(300);
  }, 300_000);

  it('resolve for reuse, claim history and known-bad photos', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'samples', 'camera-canon-powershot-g2.jpg')));
    const host = { ...nodeHost, memory: new IndexedCaseMemory({ load: async () => [], append: async () => undefined }) };
    const policy = { claimWindowDays: 90, customerClaimLimit: 1, orderClaimLimit: 1 };
    const ids = new Set<string>();
    const tickets: [string, string | undefined, string | undefined][] = [
      ['1', 'Alice', 'A-1'],
      ['2', 'Bob', 'B-1'],
      ['3', 'Alice', 'A-2'],
      ['4', 'Alice', 'A-2'],
      ['5', undefined, undefined],
    ];
    let first: Report | undefined;
    for (const [ticketId, customerName, orderId] of tickets) {
      const r = await analyze(bytes, { helpdesk: 'zendesk', ticketId, customerName, orderId }, host, { policy });
      first ??= r;
      checkEvidence(r.evidence, `ticket ${ticketId}`);
      for (const e of r.evidence) ids.add(e.id);
    }
    const followUps = { ...nodeHost, memory: new IndexedCaseMemory({ load: async () => [], append: async () => undefined }) };
    for (const ticketId of ['10', '11']) {
      const r = await analyze(bytes, { helpdesk: 'zendesk', ticketId, customerName: 'Dana', orderId: 'D-1' }, followUps);
      checkEvidence(r.evidence, `ticket ${ticketId}`);
      for (const e of r.evidence) ids.add(e.id);
    }
    for (const knownBad of [[{ sha256: first!.sha256, note: 'ring photo' }], [{ pdq: first!.pdq! }]]) {
      const r = await analyze(bytes, {}, nodeHost, { knownBad });
      checkEvidence(r.evidence, 'known-bad');
      for (const e of r.evidence) ids.add(e.id);
    }
    for (const id of [
      'reuse.seen-before.other-customer',
      'reuse.seen-before.other-ticket',
      'reuse.seen-before.same-order',
      'claim.history.frequent-claimant',
      'claim.history.order-limit',
      'reuse.known-bad.listed',
    ]) {
      expect(ids, id).toContain(id);
    }
  }, 120_000);

  it('resolve for the watermark levels, the engine items and Content Credentials no fixture carries', () => {
    const findings: Finding[] = [];
    for (const payload of PAYLOADS) {
      for (const level of ['weak', 'likely', 'decisive'] as const) {
        findings.push(watermarkFinding({ payload, order: 'bgr', decoded: payload.bits, matched: 30, separation: 9, votesPerBit: 4 }, level));
      }
    }
    const IPTC = 'https://cv.iptc.org/newscodes/digitalsourcetype/';
    const manifest = (parts: Partial<C2paManifest> & { label: string }): C2paManifest => ({
      generatorInfo: [],
      actions: [],
      assertions: [],
      ingredients: [],
      sourceTypes: [],
      ...parts,
    });
    const summary = (manifests: C2paManifest[], parts: Partial<C2paSummary> = {}): C2paSummary => ({
      activeLabel: manifests[0].label,
      validationState: 'Valid',
      manifests,
      failures: [{ code: 'signingCredential.untrusted' }],
      ingredientFailures: [],
      ...parts,
    });
    const leica = manifest({ label: 'urn:a', claimGenerator: 'Leica M11-P', signer: { issuer: 'Leica Camera AG' } });
    const edits = manifest({
      label: 'urn:e',
      claimGenerator: 'Adobe_Photoshop/25.0',
      actions: [{ action: 'c2pa.cropped' }, { action: 'c2pa.color_adjustments' }, { action: 'c2pa.published' }, { action: 'c2pa.placed' }],
      ingredients: [{ relationship: 'componentOf', problems: [{ code: 'assertion.dataHash.mismatch' }] }],
    });
    for (const s of [
      summary([leica]),
      summary([leica], { validationState: 'Trusted', failures: [] }),
      summary([leica], { failures: [{ code: 'signingCredential.expired' }] }),
      summary([leica], { failures: [{ code: 'signingCredential.ocsp.revoked' }] }),
      summary([leica], { failures: [{ code: 'signingCredential.invalid' }] }),
      summary([manifest({ label: 'urn:a', claimGenerator: 'SomeCam/1.0', actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}digitalCapture` }] })]),
      summary([manifest({ label: 'urn:a', actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}trainedAlgorithmicMedia` }] })]),
      summary([manifest({ label: 'urn:a', actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}digitalCapture` }] })], {
        failures: [{ code: 'assertion.dataHash.mismatch' }],
      }),
      summary([edits]),
      summary([manifest({ label: 'urn:a', claimGenerator: 'Test Signer c2patool/0.7.0', signer: { issuer: 'Example' } })], { failures: [] }),
      summary([manifest({ label: 'urn:a' })], { failures: [{ code: 'claimSignature.mismatch' }] }),
      summary([manifest({ label: 'urn:a' })], { failures: [{ code: 'assertion.dataHash.mismatch', explanation: 'exclusion does not match the manifest location' }] }),
      { ...summary([leica]), readError: 'truncated' },
    ]) {
      findings.push(...interpretC2pa(s));
    }
    const grid = { cols: 2, rows: 1, corners: [{ x: 0, y: 0 }, { x: 96, y: 0 }] };
    for (const score of [0.95, 0.5, 0.05]) {
      findings.push(nprFinding({ score, cropScores: [score, score], grid, backend: 'wasm', loadMs: 1, inferenceMs: 1 }));
    }
    const engine = [errorEvidence('pixels.ela', new Error('boom')), pixelsSkippedEvidence(['pixels.ela'], 'unsupported format')];
    expect(checkEvidence([...findings, ...engine], 'synthetic')).toBe(findings.length + engine.length);
    const ids = new Set(findings.map((f) => f.id));
    for (const id of ['camera-capture', 'camera-capture-unverified', 'ai-generated', 'edited', 'present', 'invalid', 'untrusted']) expect(ids).toContain(`provenance.c2pa.${id}`);
    const edited = findings.find((f) => f.id === 'provenance.c2pa.edited')!;
    expect(render(edited.text!.detail, 'zh-CN')).toContain('签名记录列出了所做的操作：裁剪、调整了颜色或亮度、置入了另一张图片。');
  });
});

describe('texts in the UI language', () => {
  it('falls back to the English texts for items without references or with unknown keys', () => {
    const plain = { title: 'Rule x matched', detail: 'Some detail' };
    expect(evidenceText(plain, 'title', 'zh-CN')).toBe('Rule x matched');
    const stale = { ...plain, text: { title: { key: 'gone.title' }, detail: { key: 'gone.detail' } } };
    expect(evidenceText(stale, 'detail', 'zh-CN')).toBe('Some detail');
  });

  it('writes the internal note and the video request in Chinese, leaving file and page data as it is', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'images', 'comfyui-prompt-workflow.png')));
    const report = await analyze(bytes, {}, nodeHost);
    const context = { helpdesk: 'zendesk', ticketId: '4821', customerName: 'Jordan Miller', orderId: 'SO-1' };
    const images = [{ name: 'ai.png', report }, { name: 'late.jpg', error: 'HTTP 403' }];
    const now = new Date('2026-11-25T10:00:00Z');
    const zh = internalNote(context, images, now, 'zh-CN').split('\n');
    expect(zh[0]).toBe('ClaimLens 照片检查 — zendesk 工单 #4821（Jordan Miller），2026-11-25 10:00 UTC');
    expect(zh[1]).toBe('共 2 张图片：1 张高风险，0 张需要复核，0 张低风险，1 张未能分析。');
    expect(zh[2]).toBe(`1. ai.png — 高风险（评分 ${report.risk.score}/100）`);
    expect(zh).toContain('   - 由 AI 图像生成工具制作：ComfyUI');
    expect(zh).toContain('2. late.jpg — 无法分析：HTTP 403');
    expect(zh).toContain('建议的下一步：退款前请提交反欺诈审核。');
    expect(internalNote(context, images, now)).toBe(internalNote(context, images, now, 'en'));
    expect(internalNote(context, images, now).split('\n')[0]).toBe('ClaimLens photo check — zendesk ticket #4821 (Jordan Miller), 2026-11-25 10:00 UTC');
    const video = videoRequest(context, 'zh-CN');
    expect(video.startsWith('Jordan，您好：')).toBe(true);
    expect(video).toContain('（订单 SO-1）');
    expect(videoRequest(undefined, 'zh-CN').startsWith('您好：')).toBe(true);
    expect(videoRequest(context)).toBe(videoRequest(context, 'en'));
  });
});
