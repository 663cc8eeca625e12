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
  return new Uint8Array(await response.arrayBuffer());
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
        session.catch(() => sessions.delete(name));
        sessions.set(name, session);
      }
      return session;
    },
  };
}

export const browserModels: ModelHost = createBrowserModelHost();
