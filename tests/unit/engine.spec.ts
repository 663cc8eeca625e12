/**
 * analyze() with the Node host: the Report's shape, detector isolation (a throwing or slow
 * detector becomes an `engine.error` item and the others' evidence is kept), clear errors
 * for files that are not images, and lazy shared inputs (no pixel decoding unless asked).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine/analyze';
import { defineDetector, type Detector } from '../../lib/engine/detector';
import type { EngineHost, Pixels } from '../../lib/engine/host';
import { nodeHost } from '../../lib/engine/host-node';
import { UnsupportedImageError } from '../../lib/engine/format';
import { DETECTORS } from '../../lib/engine/registry';
import { ENGINE_VERSION, type Report } from '../../lib/engine/types';
import { generatorMetadata } from '../../lib/detectors/provenance/generator';
import { iptcSourceType } from '../../lib/detectors/provenance/iptc';
import { cameraMetadata } from '../../lib/detectors/metadata/camera';
import { dimensions } from '../../lib/detectors/metadata/dimensions';
import { DEFAULT_VERDICT_SETTINGS } from '../../lib/settings/defaults';
import { fixture, ids } from './helpers';

const FAMILIES = ['provenance', 'metadata', 'pixels', 'model', 'reuse', 'claim', 'rules', 'engine'];
const POINTS = ['ai', 'edited', 'reused', 'authentic', 'neutral'];

function expectReportShape(report: Report): void {
  expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(typeof report.format).toBe('string');
  expect(Number.isInteger(report.width)).toBe(true);
  expect(Number.isInteger(report.height)).toBe(true);
  expect(report.engineVersion).toBe(ENGINE_VERSION);
  expect(report.risk.score).toBeGreaterThanOrEqual(0);
  expect(report.risk.score).toBeLessThanOrEqual(100);
  expect(['low', 'review', 'high']).toContain(report.risk.level);
  expect(report.risk.recommendation).toBe(DEFAULT_VERDICT_SETTINGS.recommendations[report.risk.level]);
  for (const e of report.evidence) {
    expect(e.id).toMatch(/^[a-z0-9]+(\.[A-Za-z0-9-]+)+$/);
    expect(FAMILIES).toContain(e.family);
    expect(POINTS).toContain(e.points);
    expect(Number.isFinite(e.weight)).toBe(true);
    expect(e.title.length).toBeGreaterThan(0);
    expect(e.detail.length).toBeGreaterThan(0);
  }
  // A report crosses worker and extension boundaries: it must survive JSON unchanged.
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
}

/** A host that counts pixel decodes and hashes, delegating the work to the Node host. */
function countingHost(): EngineHost & { decodes: number; hashes: number } {
  const host = {
    name: 'node' as const,
    decodes: 0,
    hashes: 0,
    async sha256(bytes: Uint8Array) {
      host.hashes++;
      return nodeHost.sha256(bytes);
    },
    async decodePixels(bytes: Uint8Array, format: Parameters<EngineHost['decodePixels']>[1]): Promise<Pixels> {
      host.decodes++;
      return nodeHost.decodePixels(bytes, format);
    },
  };
  return host;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('analyze()', () => {
  it('returns a complete report for an AI PNG with generator metadata', async () => {
    const report = await analyze(fixture('comfyui-prompt-workflow.png'), {}, nodeHost);
    expectReportShape(report);
    expect(report).toMatchObject({ format: 'png', width: 60, height: 40 });
    expect(ids(report.evidence)).toContain('provenance.generator.comfyui');
    expect(report.risk.level).toBe('high');
    for (const d of DETECTORS) expect(report.timings[d.id]).toBeGreaterThanOrEqual(0);
    expect(report.timings.total).toBeGreaterThanOrEqual(0);
  });

  it('returns a complete report for a camera JPEG', async () => {
    const report = await analyze(fixture('camera-exif.jpg'), { helpdesk: 'test', ticketId: '1' }, nodeHost);
    expectReportShape(report);
    expect(report).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(ids(report.evidence)).toContain('metadata.camera.present');
    expect(ids(report.evidence).filter((id) => id.startsWith('provenance.'))).toEqual([]);
    expect(report.risk.level).toBe('low');
  });

  it('hashes the exact bytes (sha256)', async () => {
    const report = await analyze(fixture('plain.jpg'), {}, nodeHost);
    const { createHash } = await import('node:crypto');
    expect(report.sha256).toBe(createHash('sha256').update(fixture('plain.jpg')).digest('hex'));
  });

  it('is deterministic apart from timings', async () => {
    const a = await analyze(fixture('a1111-parameters.png'), {}, nodeHost);
    const b = await analyze(fixture('a1111-parameters.png'), {}, nodeHost);
    expect({ ...a, timings: {} }).toEqual({ ...b, timings: {} });
  });

  it('turns a throwing detector into engine.error and keeps the other detectors’ evidence', async () => {
    const broken = defineDetector({
      id: 'test.broken',
      family: 'pixels',
      async run() {
        throw new Error('synthetic failure');
      },
    });
    const report = await analyze(fixture('a1111-parameters.png'), {}, nodeHost, { detectors: [broken, generatorMetadata, cameraMetadata] });
    expectReportShape(report);
    expect(ids(report.evidence)).toEqual(['engine.error', 'provenance.generator.a1111', 'metadata.camera.absent']);
    const error = report.evidence[0];
    expect(error).toMatchObject({ family: 'engine', points: 'neutral', weight: 0, data: { detector: 'test.broken', error: 'synthetic failure' } });
    expect(error.decisive).toBeFalsy();
    expect(error.title).toContain('test.broken');
    expect(error.detail).toContain('synthetic failure');
    // The decisive generator evidence still decides the level.
    expect(report.risk.level).toBe('high');
    expect(report.timings['test.broken']).toBeGreaterThanOrEqual(0);
  });

  it('turns a synchronous throw (not a rejected promise) into engine.error too', async () => {
    const syncThrow: Detector = {
      id: 'test.sync',
      family: 'rules',
      run() {
        throw new TypeError('sync failure');
      },
    };
    const report = await analyze(fixture('plain.jpg'), {}, nodeHost, { detectors: [syncThrow, cameraMetadata] });
    expect(ids(report.evidence)).toEqual(['engine.error', 'metadata.camera.absent']);
    expect(report.evidence[0].data).toMatchObject({ detector: 'test.sync', error: 'sync failure' });
  });

  it('turns a detector that exceeds its budgetMs into engine.error', async () => {
    const slow = defineDetector({
      id: 'test.slow',
      family: 'model',
      budgetMs: 30,
      async run() {
        await sleep(500);
        return [{ id: 'test.slow.late', points: 'ai', title: 'late', detail: 'late' }];
      },
    });
    const started = performance.now();
    const report = await analyze(fixture('plain.jpg'), {}, nodeHost, { detectors: [slow, cameraMetadata] });
    expect(performance.now() - started).toBeLessThan(400);
    expect(ids(report.evidence)).toEqual(['engine.error', 'metadata.camera.absent']);
    expect(report.evidence[0].title).toMatch(/ran out of time/);
    expect(report.evidence[0].data).toMatchObject({ detector: 'test.slow' });
    expect(String(report.evidence[0].data?.error)).toMatch(/30 ms/);
  });

  it('keeps a detector that finishes within its budget', async () => {
    const quick = defineDetector({
      id: 'test.quick',
      family: 'pixels',
      budgetMs: 1_000,
      async run() {
        await sleep(5);
        return [{ id: 'test.quick.done', points: 'neutral', title: 'done', detail: 'done' }];
      },
    });
    const report = await analyze(fixture('plain.jpg'), {}, nodeHost, { detectors: [quick] });
    expect(report.evidence).toEqual([{ id: 'test.quick.done', family: 'pixels', points: 'neutral', weight: 0, title: 'done', detail: 'done' }]);
  });

  it('throws a clear error for a 0-byte file', async () => {
    await expect(analyze(fixture('empty.jpg'), {}, nodeHost)).rejects.toThrow(UnsupportedImageError);
    await expect(analyze(fixture('empty.jpg'), {}, nodeHost)).rejects.toThrow(/too short.*0 bytes/);
  });

  it('throws a clear error for an HTML page saved as .jpg', async () => {
    await expect(analyze(fixture('html-page.jpg'), {}, nodeHost)).rejects.toThrow(/web page/);
  });

  it('throws a clear error for a JPEG cut before its frame header', async () => {
    await expect(analyze(fixture('truncated-header.jpg'), {}, nodeHost)).rejects.toThrow(/truncated or damaged/);
  });

  it('still reports on a JPEG cut inside its image data (metadata checks need no pixels)', async () => {
    const report = await analyze(fixture('truncated-scan.jpg'), {}, nodeHost);
    expect(report).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(ids(report.evidence)).toContain('metadata.camera.present');
  });

  it('never decodes pixels for a metadata-only run', async () => {
    const host = countingHost();
    const metadataOnly = [generatorMetadata, iptcSourceType, cameraMetadata, dimensions];
    const report = await analyze(fixture('camera-size-4032x3024.png'), {}, host, { detectors: metadataOnly });
    expect(ids(report.evidence)).toContain('metadata.dimensions.camera-size');
    expect(host.decodes).toBe(0);
    expect(host.hashes).toBe(1);
  });

  it('decodes pixels once however many detectors ask, and shares the working copy', async () => {
    const host = countingHost();
    const seen: string[] = [];
    const pixelUser = (id: string) =>
      defineDetector({
        id,
        family: 'pixels',
        async run(input) {
          const full = await input.pixels();
          const working = await input.workingPixels();
          seen.push(`${full.width}x${full.height}/${working.width}x${working.height}/${full.data.length}`);
          return [];
        },
      });
    await analyze(fixture('generator-1024x1024.png'), {}, host, { detectors: [pixelUser('test.a'), pixelUser('test.b')] });
    expect(host.decodes).toBe(1);
    expect(seen).toEqual(['1024x1024/1024x1024/4194304', '1024x1024/1024x1024/4194304']);
  });

  it('downscales the working copy to at most 1024 px on the longer side', async () => {
    let size = '';
    const probe = defineDetector({
      id: 'test.size',
      family: 'pixels',
      async run(input) {
        const w = await input.workingPixels();
        size = `${w.width}x${w.height}`;
        return [];
      },
    });
    await analyze(fixture('screenshot-1170x2532.png'), {}, nodeHost, { detectors: [probe] });
    expect(size).toBe('473x1024');
  });

  it('reports an undecodable format once, as the pixel checks it skipped', async () => {
    // GIF89a header declaring 256×256.
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01, 0x00, 0x01, 0, 0, 0, 0]);
    const pixelUser = defineDetector({
      id: 'test.pixels',
      family: 'pixels',
      async run(input) {
        await input.pixels();
        return [];
      },
    });
    const report = await analyze(gif, {}, nodeHost, { detectors: [pixelUser, dimensions] });
    expect(report).toMatchObject({ format: 'gif', width: 256, height: 256 });
    expect(ids(report.evidence)).toEqual(['metadata.dimensions.generator-size', 'engine.pixels-skipped']);
    const skipped = report.evidence[1];
    expect(String(skipped.data?.reason)).toMatch(/GIF/);
    expect(skipped.data?.skipped).toBe('test.pixels');
    expect(skipped.weight).toBe(0);
  });

  it('does not reparse metadata per detector', async () => {
    const calls: unknown[] = [];
    const reader = (id: string) =>
      defineDetector({
        id,
        family: 'metadata',
        async run(input) {
          calls.push(await input.metadata());
          return [];
        },
      });
    await analyze(fixture('camera-exif.jpg'), {}, nodeHost, { detectors: [reader('test.m1'), reader('test.m2')] });
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe(calls[1]);
  });

  it('applies custom verdict settings', async () => {
    const verdict = { ...DEFAULT_VERDICT_SETTINGS, recommendations: { low: 'L', review: 'R', high: 'Call the fraud team.' } };
    const report = await analyze(fixture('invokeai-dream.png'), {}, nodeHost, { verdict });
    expect(report.risk).toMatchObject({ level: 'high', recommendation: 'Call the fraud team.' });
  });
});
