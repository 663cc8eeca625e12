/**
 * claim.serial on the generated label photos (tests/fixtures/serial): the expected serial is
 * found (match), another serial of the same shape is reported with what was read (mismatch),
 * the photo without a label gives "not visible", and the OCR models are never loaded when
 * the context has no serial and nobody asked for OCR.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../lib/engine/analyze';
import { nodeHost } from '../../../lib/engine/host-node';
import type { EngineHost } from '../../../lib/engine/host';
import { serialOnPhoto } from '../../../lib/detectors/claim/serial';
import { DETECTORS } from '../../../lib/engine/registry';
import { nodeOcr } from '../../../lib/ocr/models-node';
import { problemsOf } from '../../../lib/i18n/messages';
import type { ClaimContext, Evidence } from '../../../lib/engine/types';
import { ROOT } from '../helpers';

const SERIAL = 'CLA-4821-7730-QZ';
const photo = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'serial', name)));

/** The Node host with the OCR model loader watched. */
function watchedHost(): { host: EngineHost; load: ReturnType<typeof vi.fn> } {
  const load = vi.fn(() => nodeOcr.load());
  return { host: { ...nodeHost, ocr: { load } }, load };
}

async function serialFindings(name: string, context: ClaimContext, options: { ocr?: boolean } = {}, host: EngineHost = nodeHost): Promise<Evidence[]> {
  const report = await analyze(photo(name), context, host, { detectors: [serialOnPhoto], remember: false, ...options });
  expect(report.evidence.filter((e) => e.id === 'engine.error')).toEqual([]);
  return report.evidence.filter((e) => e.id.startsWith('claim.serial'));
}

function rendersInBothLanguages(e: Evidence): void {
  for (const locale of ['en', 'zh-CN'] as const) {
    expect(problemsOf(e.text!.title, locale), `${e.id} title ${locale}`).toEqual([]);
    expect(problemsOf(e.text!.detail, locale), `${e.id} detail ${locale}`).toEqual([]);
  }
}

describe('claim.serial', () => {
  it('is registered after the timeline check, in the claim family, with declared weights', () => {
    expect(DETECTORS).toContain(serialOnPhoto);
    expect(serialOnPhoto.family).toBe('claim');
    expect(serialOnPhoto.budgetMs).toBeGreaterThan(5_000);
  });

  it('never loads the OCR models without an expected serial or an OCR request', async () => {
    const { host, load } = watchedHost();
    const report = await analyze(photo('serial-clean.jpg'), { orderId: 'SO-1', orderDate: '2026-11-01' }, host, { remember: false });
    expect(report.evidence.some((e) => e.id.startsWith('claim.serial'))).toBe(false);
    // A value too short to look for counts as none.
    await analyze(photo('serial-clean.jpg'), { serial: ' -/- ' }, host, { detectors: [serialOnPhoto], remember: false });
    expect(load).not.toHaveBeenCalled();
  });

  for (const name of ['serial-clean.jpg', 'serial-rotated.jpg', 'serial-q75.jpg', 'serial-small.jpg']) {
    it(`matches the serial printed on ${name}`, async () => {
      const { host, load } = watchedHost();
      const [e, ...rest] = await serialFindings(name, { serial: SERIAL }, {}, host);
      expect(rest).toEqual([]);
      expect(load).toHaveBeenCalledTimes(1);
      expect(e.id).toBe('claim.serial.match');
      expect(e.points).toBe('authentic');
      expect(e.weight).toBe(-0.5);
      expect(e.data?.read).toBe(SERIAL);
      expect(e.title).toContain(SERIAL);
      const lines = e.data?.lines as { text: string; confidence: number; box: number[] }[];
      expect(lines.some((l) => l.text.includes(SERIAL) && l.confidence > 0.9 && l.box.length === 8)).toBe(true);
      rendersInBothLanguages(e);
    }, 120_000);
  }

  it('tolerates look-alike characters, spaces and dashes in the expected value', async () => {
    const [e] = await serialFindings('serial-clean.jpg', { serial: 'cla 4821 773O qz' });
    expect(e.id).toBe('claim.serial.match');
    expect(e.detail).toMatch(/look-alike/);
  }, 120_000);

  it('reports a different serial of the same shape as a mismatch, with what was read', async () => {
    const [e] = await serialFindings('serial-q75.jpg', { serial: 'CLA-5917-2046-RT' });
    expect(e.id).toBe('claim.serial.mismatch');
    expect(e.points).toBe('reused');
    expect(e.weight).toBeGreaterThan(0);
    expect(e.data?.read).toContain(SERIAL);
    expect(e.title).toContain(SERIAL);
    expect(e.title).toContain('CLA-5917-2046-RT');
    rendersInBothLanguages(e);
  }, 120_000);

  it('says "not visible" when no text of the serial’s shape is on the photo, naming innocent causes', async () => {
    const [e] = await serialFindings('no-label.jpg', { serial: SERIAL });
    expect(e.id).toBe('claim.serial.not-visible');
    expect(e.points).toBe('neutral');
    expect(e.weight).toBe(0);
    expect(e.detail).toMatch(/out of frame/);
    expect(e.detail).toMatch(/blurred/);
    expect(e.detail).toContain('FRAGILE');
    rendersInBothLanguages(e);
    // A short order number printed nowhere on the label is "not visible" too, not a mismatch.
    const [short] = await serialFindings('serial-clean.jpg', { serial: '#77123' });
    expect(short.id).toBe('claim.serial.not-visible');
  }, 120_000);

  it('lists the serial-like strings read when OCR is asked for without an expected serial', async () => {
    const { host, load } = watchedHost();
    const [e] = await serialFindings('serial-clean.jpg', {}, { ocr: true }, host);
    expect(load).toHaveBeenCalledTimes(1);
    expect(e.id).toBe('claim.serial.read');
    expect(e.weight).toBe(0);
    expect(e.data?.serialLike).toContain(SERIAL);
    expect(e.title).toContain(SERIAL);
    rendersInBothLanguages(e);
    const [none] = await serialFindings('no-label.jpg', {}, { ocr: true });
    expect(none.id).toBe('claim.serial.none-read');
    rendersInBothLanguages(none);
  }, 120_000);

  it('turns a host without OCR into an engine error, not a silent pass', async () => {
    const report = await analyze(photo('serial-clean.jpg'), { serial: SERIAL }, { ...nodeHost, ocr: undefined }, { detectors: [serialOnPhoto], remember: false });
    expect(report.evidence.map((e) => e.id)).toEqual(['engine.error']);
  });

  it('skips with the other picture checks when the pixels cannot be decoded', async () => {
    const { host, load } = watchedHost();
    const broken = photo('serial-clean.jpg').slice(0, 2000);
    const report = await analyze(broken, { serial: SERIAL }, host, { detectors: [serialOnPhoto], remember: false });
    expect(report.evidence.map((e) => e.id)).toEqual(['engine.pixels-skipped']);
    expect(load).not.toHaveBeenCalled();
  });
});
