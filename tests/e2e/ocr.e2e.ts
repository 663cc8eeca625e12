/**
 * The serial check in the real extension: the analysis worker fetches the packaged PaddleOCR
 * models and ONNX Runtime's WebAssembly from the extension itself, reads the label on the
 * generated photos (tests/fixtures/serial) and compares it with the serial the claim context
 * carries (`context.serial`); with `options.ocr` and no serial it lists what it read. The
 * serial read is the one the Node host reads.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, analyseInExtensionHost } from './browser';
import { ROOT } from './server';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { serialOnPhoto } from '../../lib/detectors/claim/serial';
import type { ClaimContext, Evidence, Report } from '../../lib/engine/types';

const SERIAL = 'CLA-4821-7730-QZ';
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'serial', name)));

let context: BrowserContext;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  ({ context } = await launchWithExtension());
});

test.afterAll(async () => {
  await context?.close();
});

async function analyseInExtension(bytes: Uint8Array, claim: ClaimContext, options?: { ocr?: boolean }): Promise<Report> {
  return (await analyseInExtensionHost(context, bytes, { claim, options })).report;
}

function serialEvidence(report: Report, where: string): Evidence {
  const errors = report.evidence.filter((e) => e.id === 'engine.error');
  expect(errors, where).toEqual([]);
  const found = report.evidence.filter((e) => e.id.startsWith('claim.serial.'));
  expect(found, where).toHaveLength(1);
  return found[0];
}

test('the extension worker reads the serial on the photo: match, mismatch, not visible, read on request', async () => {
  const clean = bytesOf('serial-clean.jpg');

  // No expected serial and no request: the check stays silent.
  const silent = await analyseInExtension(clean, {});
  expect(silent.evidence.filter((e) => e.id.startsWith('claim.serial.'))).toEqual([]);

  const started = Date.now();
  const match = serialEvidence(await analyseInExtension(clean, { serial: SERIAL }), 'clean, expected serial');
  console.info(`first OCR in the extension (models loaded): ${Date.now() - started} ms`, JSON.stringify(match.data, ['loadMs', 'detectMs', 'recognizeMs', 'backend']));
  expect(match.id).toBe('claim.serial.match');
  expect(match.data?.read).toBe(SERIAL);
  expect(match.data?.backend).toBe('wasm');
  expect(match.weight).toBeLessThan(0);

  const rotated = serialEvidence(await analyseInExtension(bytesOf('serial-rotated.jpg'), { serial: 'cla 4821 773O qz' }), 'rotated, look-alikes');
  expect(rotated.id).toBe('claim.serial.match');

  const mismatch = serialEvidence(await analyseInExtension(clean, { serial: 'CLA-5917-2046-RT' }), 'clean, other serial');
  console.info('a later OCR in the extension:', JSON.stringify(mismatch.data, ['loadMs', 'detectMs', 'recognizeMs']));
  expect(mismatch.id).toBe('claim.serial.mismatch');
  expect(mismatch.data?.read).toContain(SERIAL);
  expect(mismatch.title).toContain(SERIAL);
  expect(mismatch.weight).toBeGreaterThan(0);

  const none = serialEvidence(await analyseInExtension(bytesOf('no-label.jpg'), { serial: SERIAL }), 'no label');
  expect(none.id).toBe('claim.serial.not-visible');

  const read = serialEvidence(await analyseInExtension(clean, {}, { ocr: true }), 'clean, OCR asked');
  expect(read.id).toBe('claim.serial.read');
  expect(read.data?.serialLike).toContain(SERIAL);

  // The Node host reads the same serial from the same file (its own JPEG decoder).
  const node = await analyze(clean, { serial: SERIAL }, nodeHost, { detectors: [serialOnPhoto] });
  expect(serialEvidence(node, 'Node').data?.read).toBe(match.data?.read);
});
