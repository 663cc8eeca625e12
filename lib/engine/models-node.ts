/**
 * ModelHost for Node (CLI, tests, evaluation, benchmarks): onnxruntime-web's WebAssembly
 * backend — the same kernels the extension runs when it has no GPU — with the .onnx files
 * read from the package's models/ folder. Node runs the WASM backend single-threaded.
 * ONNX Runtime is imported on the first load only. One session per model file, created on
 * first use and shared; runs on a session are queued one after another. Never bundled into
 * the extension.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { ModelHost, ModelSession } from './host';
import { OrtModelSession, type OrtModule } from './models-ort';

/**
 * models/ at the package root (this file is lib/engine/models-node.ts). Resolved on use, so
 * that merely importing the Node host never fails (test environments with a DOM replace URL).
 */
export function modelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');
}

/** A model file name: no folders, no way out of models/. */
const MODEL_NAME = /^[A-Za-z0-9][\w.-]*\.onnx$/;

let runtime: Promise<OrtModule> | undefined;

function loadOrt(): Promise<OrtModule> {
  runtime ??= import('onnxruntime-web').then((ort) => {
    ort.env.wasm.numThreads = 1;
    return ort;
  });
  return runtime;
}

/** A Node model host reading models from `dir` (default: the package's models/). */
export function createNodeModelHost(dir?: string): ModelHost {
  const sessions = new Map<string, Promise<ModelSession>>();
  return {
    load(name: string): Promise<ModelSession> {
      if (!MODEL_NAME.test(name)) return Promise.reject(new Error(`Not a model file name: ${name}`));
      let session = sessions.get(name);
      if (!session) {
        session = (async () => {
          const [ort, bytes] = await Promise.all([loadOrt(), readFile(join(dir ?? modelsDir(), name))]);
          const created = await ort.InferenceSession.create(new Uint8Array(bytes), {
            executionProviders: ['wasm'],
            graphOptimizationLevel: 'all',
          });
          return new OrtModelSession(ort, created, 'node-wasm');
        })();
        // A failed load is retried on the next call rather than remembered.
        session.catch(() => sessions.delete(name));
        sessions.set(name, session);
      }
      return session;
    },
  };
}

export const nodeModels: ModelHost = createNodeModelHost();
