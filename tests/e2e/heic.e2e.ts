/**
 * HEIC in the extension: Chromium cannot decode HEIC, so the analysis worker decodes it with
 * libheif (a lazily loaded chunk, its .wasm packaged in the extension, under the MV3 CSP). The
 * same files analysed by the CLI's Node host must give the same evidence ids, level, sha256
 * and a PDQ hash within 8 bits. Phone files from ../shared/corpus join in where it exists.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, analyseInExtensionHost } from './browser';
import { ROOT } from './server';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { hammingDistance } from '../../lib/engine/pdq';
import type { Report } from '../../lib/engine/types';

const FIXTURES = ['tests/fixtures/heic/parcel-640x480.heic', 'tests/fixtures/heic/parcel-irot-320x240.heic'];
/** Grid-tiled phone files: Xiaomi, Samsung (with auxiliary images), iPhone 15 Pro (12 MP, irot). */
const CORPUS = ['real-camera/phif_xiaomi.heic', 'real-camera/phif_aux_YCbCr.heic', 'real-camera/pvw_exif_subsec_timezone.heic']
  .map((f) => join(ROOT, '..', 'shared', 'corpus', f))
  .filter((f) => existsSync(f));

let context: BrowserContext;

test.beforeAll(async () => {
  ({ context } = await launchWithExtension());
});

test.afterAll(async () => {
  await context?.close();
});

async function analyseInExtension(bytes: Uint8Array): Promise<Report & { thumbnail?: string }> {
  const { report, thumbnail } = await analyseInExtensionHost(context, bytes);
  return { ...report, thumbnail };
}

const idsOf = (r: Report) => r.evidence.map((e) => e.id).sort();

async function compare(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const inNode = await analyze(bytes, {}, nodeHost);
  const inBrowser = await analyseInExtension(bytes);
  const name = file.slice(file.lastIndexOf('/') + 1);
  expect(inBrowser.format, name).toBe('heic');
  // Chromium cannot decode HEIC itself: the side panel's preview comes from the analysis's own pixels.
  expect(inBrowser.thumbnail, name).toMatch(/^data:image\/jpeg;base64,/);
  expect(inBrowser.evidence.filter((e) => e.family === 'engine'), name).toEqual([]);
  expect(inBrowser.evidence.some((e) => e.family === 'pixels'), name).toBe(true);
  expect(idsOf(inBrowser), name).toEqual(idsOf(inNode));
  expect(inBrowser.risk.level, name).toBe(inNode.risk.level);
  expect(inBrowser.sha256, name).toBe(inNode.sha256);
  expect(inBrowser.pdq, name).toMatch(/^[0-9a-f]{64}$/);
  expect(hammingDistance(inBrowser.pdq!, inNode.pdq!), name).toBeLessThanOrEqual(8);
  test.info().annotations.push({
    type: 'decode ms',
    description: `${name}: browser ${inBrowser.timings['stage.decode']} (Node ${inNode.timings['stage.decode']}), pdq distance ${hammingDistance(inBrowser.pdq!, inNode.pdq!)}`,
  });
}

test('HEIC fixtures: the extension worker decodes them and agrees with the CLI', async () => {
  for (const file of FIXTURES) await compare(join(ROOT, file));
});

test('phone HEIC files of the shared corpus agree between the extension and the CLI', async () => {
  test.skip(CORPUS.length === 0, 'the shared corpus is not checked out');
  for (const file of CORPUS) await compare(file);
});
