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
import type * as Ort from 'onnxruntime-web';
import type { ModelHost, ModelSession, TensorLike } from './host';

/**
 * models/ at the package root (this file is lib/engine/models-node.ts). Resolved on use, so
 * that merely importing the Node host never fails (test environments with a DOM replace URL).
 */
export function modelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');
}

/** A model file name: no folders, no way out of models/. */
const MODEL_NAME = /^[A-Za-z0-9][\w.-]*\.onnx$/;

type OrtModule = typeof Ort;
let runtime: Promise<OrtModule> | undefined;

function loadOrt(): Promise<OrtModule> {
  runtime ??= import('onnxruntime-web').then((ort) => {
    ort.env.wasm.numThreads = 1;
    return ort;
  });
  return runtime;
}

class NodeModelSession implements ModelSession {
  readonly backend = 'node-wasm';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
  ) {}

  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>> {
    const next = this.queue.then(() => this.runNow(feeds));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>> {
    const inputs: Record<string, Ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) inputs[name] = new this.ort.Tensor('float32', t.data, t.dims);
    const outputs = await this.session.run(inputs);
    const result: Record<string, TensorLike> = {};
    for (const [name, t] of Object.entries(outputs)) {
      if (t.type !== 'float32') throw new Error(`Model output ${name} is ${t.type}, expected float32`);
      result[name] = { data: t.data as Float32Array, dims: [...t.dims] };
    }
    return result;
  }

  release(): Promise<void> {
    return this.session.release();
  }
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
          return new NodeModelSession(ort, created);
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
