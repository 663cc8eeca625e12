/**
 * Starts the analysis worker and talks to it through comlink. A worker that dies (out of
 * memory on a hostile file, a crash in wasm) is replaced on the next call, and the call that
 * was running reports an error instead of hanging.
 */
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from './worker';
import type { ClaimContext, Report } from './types';
import { MODEL_STATUS_EVENT, type AnalysisRequestOptions, type AnalysisSettings, type ModelStatus } from '../messaging';
import type { RulesCheck } from './yara';

/** Longest an analysis may take before the worker is considered stuck and restarted. */
const WATCHDOG_MS = 30_000;

export class AnalysisClient {
  private worker?: Worker;
  private api?: Remote<WorkerApi>;

  /** @param onModelStatus receives the worker's model loading progress and backend. */
  constructor(private readonly onModelStatus?: (status: ModelStatus) => void) {}

  private start(): Remote<WorkerApi> {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'claimlens-analysis' });
    this.worker.addEventListener('error', () => this.restart());
    this.worker.addEventListener('message', (event: MessageEvent) => {
      const status = (event.data as Record<string, unknown> | null)?.[MODEL_STATUS_EVENT];
      if (status) this.onModelStatus?.(status as ModelStatus);
    });
    this.api = wrap<WorkerApi>(this.worker);
    return this.api;
  }

  private restart() {
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
  }

  async checkRules(source: string): Promise<RulesCheck> {
    return (this.api ?? this.start()).checkRules(source);
  }

  async forgetEverything(): Promise<void> {
    await (this.api ?? this.start()).forgetEverything();
  }

  async analyze(bytes: Uint8Array, context: ClaimContext, settings?: AnalysisSettings, options?: AnalysisRequestOptions): Promise<{ report: Report; thumbnail?: string }> {
    const api = this.api ?? this.start();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.restart();
        reject(new Error(`Analysis did not finish within ${WATCHDOG_MS / 1000} s and was stopped`));
      }, WATCHDOG_MS);
    });
    try {
      return await Promise.race([api.analyze(bytes, context, settings, options), watchdog]);
    } finally {
      clearTimeout(timer);
    }
  }
}
