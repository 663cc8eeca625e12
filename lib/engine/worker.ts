/**
 * The analysis Web Worker: the only place in the extension where the engine, its parsers
 * and (later) wasm and models run. Exposed with comlink; callers see plain async functions.
 */
import { expose } from 'comlink';
import { analyze } from './analyze';
import { browserHost } from './host-browser';
import type { ClaimContext, Report } from './types';
import type { EngineHost, Pixels } from './host';
import { DexieCaseMemory, DEFAULT_RETENTION_DAYS } from '../store/memory-dexie';
import type { AnalysisRequestOptions, AnalysisSettings } from '../messaging';
import { bytesToBase64, MODEL_STATUS_EVENT } from '../messaging';
import { checkRules, type RulesCheck } from './yara';
import { onModelStatus } from './models-browser';

const THUMB_SIDE = 320;

/**
 * A small JPEG preview for the side panel: from the browser's own decoder, or — for formats it
 * cannot decode (HEIC) — from the working copy the analysis already decoded.
 */
async function thumbnail(bytes: Uint8Array, working?: Pixels): Promise<string | undefined> {
  try {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
    } catch (err) {
      if (!working) throw err;
      bitmap = await createImageBitmap(new ImageData(new Uint8ClampedArray(working.data), working.width, working.height));
    }
    const scale = Math.min(1, THUMB_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(w, h);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    const b64 = bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
    return `data:image/jpeg;base64,${b64}`;
  } catch {
    return undefined;
  }
}

let memory: DexieCaseMemory | undefined;

/** The browser host with the case memory; IndexedDB failures (private windows) leave it off. */
function host(retentionDays = DEFAULT_RETENTION_DAYS, modelEnabled = true): EngineHost {
  // A team can switch the neural detector off: the host then offers no models.
  const base: EngineHost = modelEnabled ? browserHost : { ...browserHost, models: undefined };
  try {
    memory ??= new DexieCaseMemory(retentionDays);
    return { ...base, memory };
  } catch {
    return base;
  }
}

export const workerApi = {
  async analyze(bytes: Uint8Array, context: ClaimContext, settings?: AnalysisSettings, options: AnalysisRequestOptions = {}): Promise<{ report: Report; thumbnail?: string }> {
    let working: Pixels | undefined;
    const report = await analyze(bytes, context, host(settings?.retentionDays, settings?.modelEnabled ?? true), {
      ...options,
      onWorkingPixels: (px) => (working = px),
      verdict: settings?.verdict,
      policy: settings?.policy,
      knownBad: settings?.knownBad,
      teamRules: settings?.teamRules,
    });
    return { report, thumbnail: await thumbnail(bytes, working) };
  },
  /** Deletes every remembered sighting ("Forget everything" in the options). */
  async forgetEverything(): Promise<void> {
    await (memory ?? new DexieCaseMemory()).forgetEverything();
    memory?.close();
    memory = undefined;
  },
  async rememberedCount(): Promise<number> {
    return (memory ?? new DexieCaseMemory()).count();
  },
  /** Compiles the team's draft rules for the options page: errors and warnings by line. */
  async checkRules(source: string): Promise<RulesCheck> {
    return checkRules(source);
  },
  ping(): string {
    return 'pong';
  },
};

export type WorkerApi = typeof workerApi;

expose(workerApi);

// Loading progress and backend of the models, beside comlink's own messages (which it tells apart by id).
onModelStatus((status) => postMessage({ [MODEL_STATUS_EVENT]: status }));
