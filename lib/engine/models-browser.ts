/**
 * ModelHost for the extension's analysis Web Worker: onnxruntime-web with the WebGPU
 * execution provider when `navigator.gpu` hands out an adapter, else its WebAssembly
 * backend (multi-threaded only when the context is cross-origin isolated, which
 * SharedArrayBuffer needs). Everything ships in the extension package and is fetched from
 * the extension's own origin: Vite emits the .onnx models and ORT's WebAssembly binary as
 * assets and `?url` gives their packaged paths, so ORT never reaches for a CDN.
 * ONNX Runtime itself is imported on the first load, so it stays in a chunk of its own that
 * pictures never needing a model never fetch. One session per model, created on first use
 * and shared; runs are queued per session.
 */
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import nprModelUrl from '../../models/claimlens-npr.onnx?url';
import type { ModelHost, ModelSession } from './host';
import { OrtModelSession, type OrtModule } from './models-ort';
import type { ModelStatus } from '../messaging';

type StatusListener = (status: ModelStatus) => void;
const statusListeners = new Set<StatusListener>();

/** Follows every model's loading progress and the backend it ends up on; returns a disposer. */
export function onModelStatus(listener: StatusListener): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

function report(status: ModelStatus): void {
  for (const listener of statusListeners) {
    try {
      listener(status);
    } catch {
      // A listener's failure never stops the model.
    }
  }
}

/** Fewest bytes between two progress reports (the model is a few MiB). */
const PROGRESS_STEP = 256 * 1024;

/** The models shipped with the extension, by their file name under models/. */
const MODEL_URLS: Readonly<Record<string, string>> = {
  'claimlens-npr.onnx': nprModelUrl,
};

export type BrowserBackend = 'webgpu' | 'wasm';

export interface BrowserModelOptions {
  /** Use only this backend (tests); default: WebGPU when an adapter exists, else WASM. */
  backend?: BrowserBackend;
}

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** True when this context has a WebGPU adapter (a software one counts). */
export async function hasWebGpu(): Promise<boolean> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}

let runtime: Promise<OrtModule> | undefined;

/** ONNX Runtime Web, loaded and configured once. */
function loadOrt(): Promise<OrtModule> {
  runtime ??= import('onnxruntime-web').then((ort) => {
    configureOrt(ort);
    return ort;
  });
  return runtime;
}

function configureOrt(ort: OrtModule): void {
  ort.env.wasm.wasmPaths = { wasm: new URL(ortWasmUrl, globalThis.location?.href).href };
  ort.env.wasm.proxy = false;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  ort.env.wasm.numThreads = isolated ? Math.max(1, Math.min(4, cores)) : 1;
}

async function fetchModel(name: string): Promise<Uint8Array> {
  const url = MODEL_URLS[name];
  if (!url) throw new Error(`No model named ${name} ships with this extension`);
  const response = await fetch(new URL(url, globalThis.location?.href));
  if (!response.ok) throw new Error(`Model ${name} could not be read from the extension package (HTTP ${response.status})`);
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : undefined;
  report({ phase: 'loading', model: name, loaded: 0, total, at: Date.now() });
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    if (loaded - reported >= PROGRESS_STEP) {
      reported = loaded;
      report({ phase: 'loading', model: name, loaded, total, at: Date.now() });
    }
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  report({ phase: 'loading', model: name, loaded, total: total ?? loaded, at: Date.now() });
  return bytes;
}

async function createSession(ort: OrtModule, bytes: Uint8Array, backend: BrowserBackend): Promise<OrtModelSession> {
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: [backend],
    graphOptimizationLevel: 'all',
  });
  return new OrtModelSession(ort, session, backend);
}

/** A browser model host; `options.backend` pins the backend (used by the end-to-end tests). */
export function createBrowserModelHost(options: BrowserModelOptions = {}): ModelHost {
  const sessions = new Map<string, Promise<ModelSession>>();
  return {
    load(name: string): Promise<ModelSession> {
      let session = sessions.get(name);
      if (!session) {
        const started = Date.now();
        session = (async () => {
          const [ort, bytes] = await Promise.all([loadOrt(), fetchModel(name)]);
          const wanted = options.backend ?? ((await hasWebGpu()) ? 'webgpu' : 'wasm');
          if (wanted === 'wasm' || options.backend === 'webgpu') return createSession(ort, bytes, wanted);
          try {
            return await createSession(ort, bytes, 'webgpu');
          } catch {
            // An adapter that cannot run the model (old driver, lost device): the CPU path still can.
            return createSession(ort, bytes, 'wasm');
          }
        })();
        session.then(
          (s) => report({ phase: 'ready', model: name, backend: s.backend, loadMs: Date.now() - started, at: Date.now() }),
          (err: unknown) => {
            sessions.delete(name);
            report({ phase: 'failed', model: name, error: err instanceof Error ? err.message : String(err), at: Date.now() });
          },
        );
        sessions.set(name, session);
      }
      return session;
    },
  };
}

export const browserModels: ModelHost = createBrowserModelHost();
