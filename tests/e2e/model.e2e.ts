/**
 * The neural detector in the real extension: the analysis worker loads the packaged ONNX
 * model and ONNX Runtime's WebAssembly from the extension itself, runs it on the WASM backend
 * (Chromium without a WebGPU adapter) and on the WebGPU backend (--enable-unsafe-webgpu, a
 * SwiftShader adapter), and both give the score the Node host gives for the same picture.
 * PNG files only, so that every host decodes exactly the same pixels.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, analyseInExtensionHost } from './browser';
import { ROOT } from './server';
import { PNG } from 'pngjs';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { nodeModels } from '../../lib/engine/models-node';
import { nprModel } from '../../lib/detectors/model/npr';
import type { Evidence, Heatmap, Report } from '../../lib/engine/types';

/** Full-size pictures, scored on the WASM backend (16 crops each for the two 512-px ones). */
const FILES = ['samples/ai-comfyui-hypernetwork.png', 'samples/ai-invokeai-banana-sushi.png', 'samples/screenshot-chat-1170x2532.png'];

/**
 * One-crop pictures (128×128 cut out of the files above) for the WebGPU backend: Chromium's
 * software adapter (SwiftShader) takes seconds per crop, more than the detector's budget
 * allows for a full grid.
 */
const SMALL = FILES.map((file) => ({ name: `${file} 128×128 at (192, 192)`, bytes: cutPng(file, 192, 192, 128) }));

function cutPng(file: string, x0: number, y0: number, side: number): Uint8Array {
  const src = PNG.sync.read(readFileSync(join(ROOT, file)));
  const out = new PNG({ width: side, height: side });
  PNG.bitblt(src, out, x0, y0, side, side, 0, 0);
  return new Uint8Array(PNG.sync.write(out));
}

const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)));

/** Node and the browser's WASM backend run the same kernels. */
const NODE_TOLERANCE = 1e-3;
/** WebGPU kernels sum in another order and may use fused multiply-adds. */
const GPU_TOLERANCE = 5e-3;

interface ModelResult {
  score: number;
  backend: string;
  values: number[];
  inferenceMs: number;
  loadMs: number;
}

function modelEvidence(report: Report, where: string): ModelResult {
  const errors = report.evidence.filter((e) => e.id === 'engine.error');
  expect(errors, where).toEqual([]);
  const found: Evidence | undefined = report.evidence.find((e) => e.id.startsWith('model.npr.'));
  if (!found) throw new Error(`${where}: no model.npr evidence in ${report.evidence.map((e) => e.id).join(', ')}`);
  const data = found.data as { score: number; backend: string; inferenceMs: number; loadMs: number };
  return { score: data.score, backend: data.backend, values: (found.visual as Heatmap).values, inferenceMs: data.inferenceMs, loadMs: data.loadMs };
}

async function analyseInExtension(context: BrowserContext, bytes: Uint8Array): Promise<Report> {
  return (await analyseInExtensionHost(context, bytes)).report;
}

type Results = Map<string, ModelResult>;

async function scoreAll(analyse: (bytes: Uint8Array) => Promise<Report>, pictures: { name: string; bytes: Uint8Array }[], where: string): Promise<Results> {
  const results: Results = new Map();
  for (const { name, bytes } of pictures) results.set(name, modelEvidence(await analyse(bytes), `${name} (${where})`));
  return results;
}

/**
 * Analyses until the model answers within its budget: the first picture also loads ONNX
 * Runtime and the model and, on WebGPU, compiles the shaders (tens of seconds on a software
 * adapter); the session stays loaded for the pictures after it.
 */
async function warmUp(context: BrowserContext, bytes: Uint8Array): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const report = await analyseInExtension(context, bytes);
    if (report.evidence.some((e) => e.id.startsWith('model.npr.'))) return;
  }
  throw new Error('The model never answered within its time budget');
}

function compare(label: string, a: Results, b: Results, tolerance: number): void {
  for (const [name, x] of a) {
    const y = b.get(name)!;
    expect(Math.abs(x.score - y.score), `${name}: ${label}`).toBeLessThan(tolerance);
    expect(x.values).toHaveLength(y.values.length);
    x.values.forEach((v, i) => expect(Math.abs(v - y.values[i]), `${name}: crop ${i}, ${label}`).toBeLessThan(tolerance));
  }
}

const pictures = FILES.map((file) => ({ name: file, bytes: bytesOf(file) }));

test.describe.configure({ timeout: 300_000 });

test('the extension runs the model on WASM and on WebGPU, with the scores of the Node host', async () => {
  expect(nprModel.id).toBe('model.npr');
  const host = { ...nodeHost, models: nodeHost.models ?? nodeModels };
  const nodeAnalyse = (bytes: Uint8Array) => analyze(bytes, {}, host, { detectors: [nprModel] });
  const node = await scoreAll(nodeAnalyse, [...pictures, ...SMALL], 'Node');

  // Chromium without --enable-unsafe-webgpu has no adapter here: the WASM backend.
  let wasm: Results;
  {
    const { context } = await launchWithExtension();
    try {
      await warmUp(context, SMALL[0].bytes);
      wasm = await scoreAll((b) => analyseInExtension(context, b), [...pictures, ...SMALL], 'WASM');
    } finally {
      await context.close();
    }
  }
  // With it, a SwiftShader adapter: the WebGPU backend.
  let gpu: Results;
  {
    const { context } = await launchWithExtension({ webgpu: true });
    try {
      await warmUp(context, SMALL[0].bytes);
      gpu = await scoreAll((b) => analyseInExtension(context, b), SMALL, 'WebGPU');
    } finally {
      await context.close();
    }
  }

  for (const [name, n] of node) {
    const w = wasm.get(name)!;
    const g = gpu.get(name);
    console.info(
      `${name}: node ${n.score} (${n.inferenceMs} ms) · wasm ${w.score} (${w.inferenceMs} ms)` +
        (g ? ` · webgpu ${g.score} (${g.inferenceMs} ms)` : ''),
    );
    expect(n.backend).toBe('node-wasm');
    expect(w.backend, name).toBe('wasm');
    if (g) expect(g.backend, name).toBe('webgpu');
  }
  compare('WASM vs Node', wasm, node, NODE_TOLERANCE);
  compare('WebGPU vs WASM', gpu, wasm, GPU_TOLERANCE);
  compare('WebGPU vs Node', gpu, node, GPU_TOLERANCE);
});
