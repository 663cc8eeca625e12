/**
 * model.npr and the Node model host: the committed ONNX model loads with onnxruntime-web's
 * WASM backend, gives the same scores on repeated runs and the scores the Python training
 * script computed for the same input (models/metrics.json, "parity"), and the detector puts
 * one heat-map cell per crop, in the grid the training script evaluated with.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeModelHost, modelsDir, nodeModels } from '../../../lib/engine/models-node';
import { nodeHost } from '../../../lib/engine/host-node';
import type { EngineHost, Pixels, TensorLike } from '../../../lib/engine/host';
import { createInput } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import type { Heatmap } from '../../../lib/engine/types';
import {
  CROP,
  MAX_CROPS,
  NPR_MODEL_FILE,
  NPR_MODEL_VERSION,
  binOf,
  cropGrid,
  cropTensor,
  nprModel,
  scorePixels,
} from '../../../lib/detectors/model/npr';
import metrics from '../../../models/metrics.json' with { type: 'json' };
import { ROOT } from '../helpers';

const host: EngineHost = { ...nodeHost, models: nodeModels };

async function runOn(bytes: Uint8Array, h: EngineHost = host) {
  return nprModel.run(createInput(bytes, {}, sniffFormat(bytes), h));
}

/** The synthetic batch models/train.py scores: ((n·7919 + c·104729 + y·31 + x·17 + x·y) mod 256) / 255. */
function syntheticCrops(n: number): TensorLike {
  const data = new Float32Array(n * 3 * CROP * CROP);
  let i = 0;
  for (let k = 0; k < n; k++)
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < CROP; y++) for (let x = 0; x < CROP; x++) data[i++] = ((k * 7919 + c * 104729 + y * 31 + x * 17 + x * y) % 256) / 255;
  return { data, dims: [n, 3, CROP, CROP] };
}

describe('the committed model', () => {
  it('is small, and is the file metrics.json describes', () => {
    const path = join(modelsDir(), NPR_MODEL_FILE);
    const bytes = readFileSync(path);
    expect(statSync(path).size).toBeLessThanOrEqual(20 * 1024 * 1024);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(metrics.sha256);
    expect(metrics.parameters).toBeLessThanOrEqual(5_000_000);
    expect(metrics.crop).toBe(CROP);
    expect(metrics.maxCrops).toBe(MAX_CROPS);
    expect(NPR_MODEL_VERSION).toBe(metrics.version);
  });

  it('loads in the Node host and matches the Python scores on a synthetic batch, run after run', async () => {
    const session = await nodeModels.load(NPR_MODEL_FILE);
    expect(session.backend).toBe('node-wasm');
    const expected = metrics.parity.syntheticCrops;
    const input = syntheticCrops(expected.length);
    const first = await session.run({ crops: input });
    const second = await session.run({ crops: input });
    expect(first.scores.dims).toEqual([expected.length]);
    expect(Array.from(second.scores.data)).toEqual(Array.from(first.scores.data));
    first.scores.data.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(Math.abs(s - expected[i])).toBeLessThan(1e-3);
    });
  });

  it('shares one session per model and refuses names outside models/', async () => {
    expect(await nodeModels.load(NPR_MODEL_FILE)).toBe(await nodeModels.load(NPR_MODEL_FILE));
    await expect(createNodeModelHost().load('../package.json')).rejects.toThrow(/Not a model file name/);
  });
});

describe('cropGrid', () => {
  it('spreads up to 16 crops over the picture, matching its shape', () => {
    expect(cropGrid(512, 512)).toMatchObject({ cols: 4, rows: 4 });
    expect(cropGrid(4000, 3000)).toMatchObject({ cols: 5, rows: 3 });
    expect(cropGrid(1170, 2532)).toMatchObject({ cols: 3, rows: 5 });
    expect(cropGrid(128, 128)).toEqual({ cols: 1, rows: 1, corners: [{ x: 16, y: 16 }] });
    expect(cropGrid(200, 100)).toMatchObject({ cols: 2, rows: 1 });
    expect(cropGrid(95, 400).corners).toEqual([]);
  });

  it('keeps every crop inside the picture, on the 8-pixel grid', () => {
    for (const [w, h] of [[96, 96], [97, 300], [641, 479], [4032, 3024], [1500, 100]]) {
      const g = cropGrid(w, h);
      expect(g.corners.length).toBe(g.cols * g.rows);
      expect(g.corners.length).toBeLessThanOrEqual(MAX_CROPS);
      for (const { x, y } of g.corners) {
        expect(x % 8).toBe(0);
        expect(y % 8).toBe(0);
        expect(x + CROP).toBeLessThanOrEqual(w);
        expect(y + CROP).toBeLessThanOrEqual(h);
      }
    }
  });

  it('builds the input tensor as planar RGB in 0..1', () => {
    const px: Pixels = { width: 100, height: 100, data: new Uint8ClampedArray(100 * 100 * 4) };
    px.data[(10 * 100 + 20) * 4] = 255; // red at (20, 10)
    px.data[(10 * 100 + 20) * 4 + 2] = 51; // blue
    const t = cropTensor(px, [{ x: 8, y: 0 }]);
    expect(t.dims).toEqual([1, 3, CROP, CROP]);
    expect(t.data[10 * CROP + 12]).toBe(1);
    expect(t.data[2 * CROP * CROP + 10 * CROP + 12]).toBeCloseTo(0.2, 6);
  });
});

describe('model.npr', () => {
  for (const expected of metrics.parity.files) {
    it(`scores ${expected.file} like the training script, with one heat-map cell per crop`, async () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, expected.file)));
      const started = performance.now();
      const [finding, ...rest] = await runOn(bytes);
      const ms = performance.now() - started;
      expect(rest).toEqual([]);
      const data = finding.data as Record<string, number | string>;
      expect(finding.id).toBe(`model.npr.${binOf(expected.score)}`);
      expect(finding.decisive).toBeUndefined();
      expect(Math.abs((data.score as number) - expected.score)).toBeLessThan(1e-3);
      expect(data.crops).toBe(expected.cols * expected.rows);
      expect(data.backend).toBe('node-wasm');
      expect(data.modelVersion).toBe(metrics.version);
      const map = finding.visual as Heatmap;
      expect(map).toMatchObject({ kind: 'heatmap', width: expected.cols, height: expected.rows, min: 0, max: 1 });
      expect(map.values).toHaveLength(expected.cols * expected.rows);
      map.values.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(Math.abs(v - expected.cropScores[i])).toBeLessThan(1e-3);
      });
      expect(finding.detail).toMatch(/statistical signal|neither supports/);
      console.info(`model.npr ${expected.file} (${expected.width}×${expected.height}): score ${data.score}, ${ms.toFixed(0)} ms (inference ${data.inferenceMs} ms)`);
    });
  }

  it('gives identical evidence on repeated runs', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, metrics.parity.files[0].file)));
    const a = await runOn(bytes);
    const b = await runOn(bytes);
    expect(b[0].visual).toEqual(a[0].visual);
    expect((b[0].data as { score: number }).score).toBe((a[0].data as { score: number }).score);
  });

  it('says nothing about pictures smaller than one crop', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/images/png-plain.png')));
    expect(await runOn(bytes)).toEqual([]);
  });

  it('says nothing when the host has no model runtime', async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, metrics.parity.files[0].file)));
    expect(await runOn(bytes, { ...nodeHost, models: undefined })).toEqual([]);
  });

  it('averages the crop scores of a session', async () => {
    const fake = {
      backend: 'fake',
      async run(feeds: Record<string, TensorLike>) {
        const n = feeds.crops.dims[0];
        return { scores: { data: Float32Array.from({ length: n }, (_, i) => (i % 2 ? 1 : 0)), dims: [n] } };
      },
    };
    const px: Pixels = { width: 192, height: 96, data: new Uint8ClampedArray(192 * 96 * 4) };
    const r = await scorePixels(px, fake);
    expect(r?.cropScores).toEqual([0, 1]);
    expect(r?.score).toBe(0.5);
    expect(binOf(0.5)).toBe('uncertain');
    expect(binOf(0.9)).toBe('likely-ai');
    expect(binOf(0.1)).toBe('likely-real');
  });
});
