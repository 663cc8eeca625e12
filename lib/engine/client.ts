/**
 * Runs the analysis workers and talks to them through comlink. A small pool: each analysis
 * goes to an idle worker, a new worker is started while fewer than `size` run, and further
 * analyses wait in a queue. A worker that dies (out of memory on a hostile file, a crash in
 * wasm) or that exceeds the watchdog is terminated and replaced; the call it was running
 * reports an error instead of hanging, and the other workers carry on.
 *
 * Pool size: each analysis is single-threaded (ONNX Runtime runs on one thread here: the
 * analysis host is not cross-origin isolated), so one worker keeps one core busy. The default
 * is one worker per core, at most two: on the two-core machines agents commonly use, two
 * workers halve a busy ticket's wait while the page still gets its share of the CPU, and a
 * larger pool would add another copy of the model, the wasm modules and the decoded pictures
 * (hundreds of MB for large photos) for little gain on a ticket of a few images. The second
 * worker starts only when two analyses are waiting at once, and is ended after a minute
 * without work to give its memory back; the first one stays, so single checks never wait for
 * a worker to start.
 *
 * The case memory is one IndexedDB store; each worker keeps its own index of it in memory and
 * the workers announce the sightings they record to each other (lib/store/memory-dexie.ts).
 */
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from './worker';
import type { ClaimContext, Report } from './types';
import { MODEL_STATUS_EVENT, type AnalysisRequestOptions, type AnalysisSettings, type ModelStatus } from '../messaging';
import type { RulesCheck } from './yara';

/** Longest an analysis may take before its worker is considered stuck and replaced. */
const WATCHDOG_MS = 30_000;
/** The watchdog of an analysis that also reads text (serial check): twice as long. */
const OCR_WATCHDOG_FACTOR = 2;
/** Idle time after which a worker beyond the first is ended. */
const IDLE_MS = 60_000;
/** Most workers by default, whatever the number of cores (see the header). */
const MAX_DEFAULT_WORKERS = 2;

export interface AnalysisClientOptions {
  /** Receives every worker's model loading progress and backend. */
  onModelStatus?: (status: ModelStatus) => void;
  /** Most workers at once (default: one per core, at most two). */
  size?: number;
  /** Starts one worker; the extension's module worker by default. */
  createWorker?: () => Worker;
  watchdogMs?: number;
  idleMs?: number;
}

type Result = { report: Report; thumbnail?: string };

/** The default pool size for a machine with `cores` logical cores. */
export function defaultPoolSize(cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, Math.floor(cores ?? 1)));
}

function startModuleWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'claimlens-analysis' });
}

interface Slot {
  worker: Worker;
  api: Remote<WorkerApi>;
  /** An analysis is running on it. */
  busy: boolean;
  /** Cases other workers recorded sightings of since this worker last read the case memory. */
  /** Models this worker reported ready. */
  readyModels: Set<string>;
  /** Rejects this worker's outstanding calls when it is ended. */
  failures: Set<(err: Error) => void>;
  idleTimer?: ReturnType<typeof setTimeout>;
}

interface Waiting {
  run: (slot: Slot) => void;
}

export class AnalysisClient {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private readonly size: number;
  private readonly onModelStatus?: (status: ModelStatus) => void;
  private readonly createWorker: () => Worker;
  private readonly watchdogMs: number;
  private readonly idleMs: number;

  /** @param options the model status callback, or the pool's options. */
  constructor(options: AnalysisClientOptions | ((status: ModelStatus) => void) = {}) {
    const o = typeof options === 'function' ? { onModelStatus: options } : options;
    this.onModelStatus = o.onModelStatus;
    this.size = Math.max(1, Math.floor(o.size ?? defaultPoolSize(globalThis.navigator?.hardwareConcurrency)));
    this.createWorker = o.createWorker ?? startModuleWorker;
    this.watchdogMs = o.watchdogMs ?? WATCHDOG_MS;
    this.idleMs = o.idleMs ?? IDLE_MS;
  }

  /** Workers running now. */
  get workers(): number {
    return this.slots.length;
  }

  private start(): Slot {
    const worker = this.createWorker();
    const slot: Slot = { worker, api: wrap<WorkerApi>(worker), busy: false, readyModels: new Set(), failures: new Set() };
    worker.addEventListener('error', () => this.end(slot, new Error('The analysis worker stopped with an error')));
    worker.addEventListener('message', (event: MessageEvent) => {
      const status = (event.data as Record<string, unknown> | null)?.[MODEL_STATUS_EVENT] as ModelStatus | undefined;
      if (status) this.modelStatus(slot, status);
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * Forwards a worker's model status. Once a model is ready in one worker, another worker
   * loading the same model is not news for the agent (analyses already use it), so that
   * worker's progress is not forwarded; its ready or failed status is.
   */
  private modelStatus(slot: Slot, status: ModelStatus) {
    if (!this.slots.includes(slot)) return;
    if (status.phase === 'ready') slot.readyModels.add(status.model);
    else slot.readyModels.delete(status.model);
    if (status.phase === 'loading' && this.slots.some((s) => s !== slot && s.readyModels.has(status.model))) return;
    this.onModelStatus?.(status);
  }

  /** Terminates a worker, fails its outstanding calls and lets queued work use a new one. */
  private end(slot: Slot, reason: Error) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    clearTimeout(slot.idleTimer);
    slot.worker.terminate();
    for (const fail of [...slot.failures]) fail(reason);
    this.dispatch();
  }

  /** Runs `call` on a worker, failing it if the worker ends first or (when set) after `watchdogMs`. */
  private call<T>(slot: Slot, call: (api: Remote<WorkerApi>) => Promise<T>, watchdogMs?: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const fail = (err: Error) => settle(() => reject(err));
      const settle = (then: () => void) => {
        if (!slot.failures.delete(fail)) return;
        clearTimeout(timer);
        then();
      };
      slot.failures.add(fail);
      if (watchdogMs !== undefined) {
        timer = setTimeout(() => this.end(slot, new Error(`Analysis did not finish within ${watchdogMs / 1000} s and was stopped`)), watchdogMs);
      }
      call(slot.api).then(
        (value) => settle(() => resolve(value)),
        (err: unknown) => settle(() => reject(err)),
      );
    });
  }

  /** A worker for one-off requests: an existing one (idle first), else a new one. */
  private anyWorker(): Slot {
    return this.slots.find((s) => !s.busy) ?? this.slots[0] ?? this.start();
  }

  /** Gives waiting analyses to idle workers, starting workers up to the pool size. */
  private dispatch() {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (!slot) return;
      slot.busy = true;
      clearTimeout(slot.idleTimer);
      this.queue.shift()!.run(slot);
    }
  }

  private released(slot: Slot) {
    slot.busy = false;
    this.dispatch();
    if (slot.busy || !this.slots.includes(slot) || slot === this.slots[0]) return;
    const idle = () => {
      if (slot.busy || slot === this.slots[0]) return;
      if (slot.failures.size) slot.idleTimer = setTimeout(idle, this.idleMs);
      else this.end(slot, new Error('The analysis worker was ended'));
    };
    slot.idleTimer = setTimeout(idle, this.idleMs);
  }

  async checkRules(source: string): Promise<RulesCheck> {
    return this.call(this.anyWorker(), (api) => api.checkRules(source));
  }

  /** Empties the case memory, and every worker's index of it. */
  async forgetEverything(): Promise<void> {
    const slots = this.slots.length ? [...this.slots] : [this.start()];
    await Promise.all(slots.map((slot) => this.call(slot, (api) => api.forgetEverything())));
  }

  async analyze(bytes: Uint8Array, context: ClaimContext, settings?: AnalysisSettings, options?: AnalysisRequestOptions): Promise<Result> {
    const slot = await new Promise<Slot>((resolve) => {
      this.queue.push({ run: resolve });
      this.dispatch();
    });
    try {
      // Reading the text on the photo loads two more models on first use and has a budget of its own.
      const reads = options?.ocr || !!context.serial;
      return await this.call(slot, (api) => api.analyze(bytes, context, settings, options), reads ? this.watchdogMs * OCR_WATCHDOG_FACTOR : this.watchdogMs);
    } finally {
      this.released(slot);
    }
  }

}
