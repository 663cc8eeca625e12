/**
 * The analysis host's pool of workers (lib/engine/client.ts), with fake workers: each one is
 * a MessageChannel whose far end exposes, through comlink as the real worker does, an API
 * whose analyses finish only when the test says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { AnalysisClient, defaultPoolSize, type AnalysisClientOptions } from '../../lib/engine/client';
import { MODEL_STATUS_EVENT, type ModelStatus } from '../../lib/messaging';
import type { ClaimContext, Report } from '../../lib/engine/types';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What one fake worker was asked, in order, and the analyses it is running. */
class FakeWorker extends EventTarget {
  readonly calls: string[] = [];
  readonly running: { name: string; done: Deferred<void> }[] = [];
  terminated = false;
  private readonly channel = new MessageChannel();

  constructor(readonly index: number) {
    super();
    const api = {
      analyze: async (bytes: Uint8Array, context: ClaimContext) => {
        const name = new TextDecoder().decode(bytes);
        this.calls.push(`analyze ${name} ${context.ticketId ?? '-'}`);
        const done = deferred<void>();
        this.running.push({ name, done });
        await done.promise;
        return { report: { sha256: name } as Report };
      },
      forgetEverything: async () => void this.calls.push('forget'),
      checkRules: async (source: string) => {
        this.calls.push(`rules ${source}`);
        return { ok: true, worker: this.index };
      },
    };
    expose(api, this.channel.port2 as never);
    this.channel.port1.start();
  }

  postMessage(message: unknown, transfer?: Transferable[]) {
    if (!this.terminated) this.channel.port1.postMessage(message, (transfer ?? []) as never);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.channel.port1.addEventListener('message', listener as never);
    else super.addEventListener(type, listener);
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.channel.port1.removeEventListener('message', listener as never);
    else super.removeEventListener(type, listener);
  }

  terminate() {
    this.terminated = true;
    this.close();
  }

  close() {
    this.channel.port1.close();
    this.channel.port2.close();
  }

  /** A message from inside the worker, as its model loader posts them. */
  postStatus(status: ModelStatus) {
    this.channel.port2.postMessage({ [MODEL_STATUS_EVENT]: status });
  }

  /** Finishes the running analysis of `name`. */
  finish(name: string) {
    const job = this.running.find((j) => j.name === name);
    if (!job) throw new Error(`worker ${this.index} is not analysing ${name}`);
    job.done.resolve();
  }
}

let workers: FakeWorker[] = [];

afterEach(() => {
  for (const w of workers) w.close();
  workers = [];
});

function pool(options: Omit<AnalysisClientOptions, 'createWorker'> = {}): AnalysisClient {
  return new AnalysisClient({
    size: 2,
    ...options,
    createWorker: () => {
      const worker = new FakeWorker(workers.length);
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
}

const bytes = (name: string) => new TextEncoder().encode(name);
const ticket = (id: string): ClaimContext => ({ helpdesk: 'zendesk', ticketId: id });

/** Waits until `check` holds (messages between the fake workers and the client take a few turns). */
async function until(check: () => boolean, what: string, ms = 2_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('AnalysisClient pool', () => {
  it('runs analyses in parallel up to the pool size and queues the rest', async () => {
    const client = pool();
    const results = ['a', 'b', 'c'].map((n) => client.analyze(bytes(n), ticket('1')));
    await until(() => workers.length === 2 && workers.every((w) => w.running.length === 1), 'two analyses running');
    // The third waits for a free worker instead of starting a third one.
    await new Promise((r) => setTimeout(r, 30));
    expect(workers).toHaveLength(2);
    expect(workers.flatMap((w) => w.running.map((j) => j.name)).sort()).toEqual(['a', 'b']);

    workers[1].finish('b');
    expect((await results[1]).report.sha256).toBe('b');
    await until(() => workers[1].running.length === 2, 'the queued analysis on the freed worker');
    expect(workers[1].running[1].name).toBe('c');
    expect(workers[0].running).toHaveLength(1);

    workers[0].finish('a');
    workers[1].finish('c');
    expect((await Promise.all(results)).map((r) => r.report.sha256)).toEqual(['a', 'b', 'c']);
    expect(workers).toHaveLength(2);
  });

  it('runs one analysis at a time with a pool of one', async () => {
    const client = pool({ size: 1 });
    const results = ['a', 'b'].map((n) => client.analyze(bytes(n), ticket('1')));
    await until(() => workers[0]?.running.length === 1, 'the first analysis');
    await new Promise((r) => setTimeout(r, 30));
    expect(workers).toHaveLength(1);
    expect(workers[0].running).toHaveLength(1);
    workers[0].finish('a');
    await until(() => workers[0].running.length === 2, 'the second analysis');
    workers[0].finish('b');
    expect((await Promise.all(results)).map((r) => r.report.sha256)).toEqual(['a', 'b']);
  });

  it('replaces a stuck worker after the watchdog, fails only its call, and the others finish', async () => {
    const client = pool({ watchdogMs: 300 });
    const stuck = client.analyze(bytes('stuck'), ticket('1'));
    const fine = client.analyze(bytes('fine'), ticket('1'));
    const queued = client.analyze(bytes('queued'), ticket('1'));
    await until(() => workers.length === 2 && workers.every((w) => w.running.length === 1), 'two analyses running');
    const stuckWorker = workers.find((w) => w.running[0].name === 'stuck')!;
    const otherWorker = workers.find((w) => w !== stuckWorker)!;
    const stuckError = stuck.catch((err: Error) => err);

    otherWorker.finish('fine');
    expect((await fine).report.sha256).toBe('fine');
    // The queued call went to the free worker; finish it too while the stuck one hangs.
    await until(() => otherWorker.running.length === 2, 'the queued analysis');
    otherWorker.finish('queued');
    expect((await queued).report.sha256).toBe('queued');
    expect(stuckWorker.terminated).toBe(false);

    const error = await stuckError;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/did not finish within 0.3 s/);
    expect(stuckWorker.terminated).toBe(true);
    expect(otherWorker.terminated).toBe(false);

    // The pool is whole again: two analyses at once, on the surviving worker and a new one.
    const next = ['d', 'e'].map((n) => client.analyze(bytes(n), ticket('1')));
    await until(() => workers.length === 3 && workers[2].running.length === 1 && otherWorker.running.length === 3, 'a replacement worker');
    workers[2].finish(workers[2].running[0].name);
    otherWorker.finish(otherWorker.running[2].name);
    expect((await Promise.all(next)).map((r) => r.report.sha256).sort()).toEqual(['d', 'e']);
  });

  it('ends a worker that reports an error and fails the call it was running', async () => {
    const client = pool({ size: 1 });
    const failing = client.analyze(bytes('a'), ticket('1'));
    await until(() => workers[0]?.running.length === 1, 'the analysis');
    workers[0].dispatchEvent(new Event('error'));
    await expect(failing).rejects.toThrow(/stopped with an error/);
    expect(workers[0].terminated).toBe(true);
    const next = client.analyze(bytes('b'), ticket('1'));
    await until(() => workers[1]?.running.length === 1, 'a new worker');
    workers[1].finish('b');
    expect((await next).report.sha256).toBe('b');
  });

  it('forwards model status from every worker', async () => {
    const statuses: ModelStatus[] = [];
    const client = pool({ onModelStatus: (s) => statuses.push(s) });
    const results = ['a', 'b'].map((n) => client.analyze(bytes(n), ticket('1')));
    await until(() => workers.length === 2, 'two workers');
    workers[1].postStatus({ phase: 'loading', model: 'npr', loaded: 10, total: 100, at: 1 });
    workers[0].postStatus({ phase: 'failed', model: 'other', error: 'no', at: 2 });
    await until(() => statuses.length === 2, 'both statuses');
    expect(statuses.map((s) => s.phase).sort()).toEqual(['failed', 'loading']);

    // Once one worker has the model ready, another worker loading it again is not news...
    workers[1].postStatus({ phase: 'ready', model: 'npr', backend: 'wasm', loadMs: 5, at: 3 });
    await until(() => statuses.length === 3, 'ready');
    workers[0].postStatus({ phase: 'loading', model: 'npr', loaded: 10, total: 100, at: 4 });
    // ...but its ready (and a failure) are.
    workers[0].postStatus({ phase: 'ready', model: 'npr', backend: 'wasm', loadMs: 6, at: 5 });
    await until(() => statuses.length === 4, 'the second ready');
    expect(statuses.map((s) => s.at)).toEqual([expect.any(Number), expect.any(Number), 3, 5]);

    workers.forEach((w, i) => w.finish(['a', 'b'][i]));
    await Promise.all(results);
  });

  it('sends "forget everything" to every worker, and starts one when none runs', async () => {
    const client = pool();
    await client.forgetEverything();
    expect(workers).toHaveLength(1);
    expect(workers[0].calls).toEqual(['forget']);

    const results = ['a', 'b'].map((n) => client.analyze(bytes(n), ticket('1')));
    await until(() => workers.length === 2 && workers.every((w) => w.running.length === 1), 'two workers');
    await client.forgetEverything();
    expect(workers.map((w) => w.calls.filter((c) => c === 'forget').length)).toEqual([2, 1]);
    workers.forEach((w) => w.finish(w.running[0].name));
    await Promise.all(results);
  });

  it('checks rules on one worker without starting another', async () => {
    const client = pool();
    const running = client.analyze(bytes('a'), ticket('1'));
    await until(() => workers[0]?.running.length === 1, 'the analysis');
    expect(await client.checkRules('rule x { condition: true }')).toEqual({ ok: true, worker: 0 });
    expect(workers).toHaveLength(1);
    workers[0].finish('a');
    await running;
  });

  it('ends idle workers beyond the first after a while, and keeps the first', async () => {
    const client = pool({ idleMs: 100 });
    const results = ['a', 'b'].map((n) => client.analyze(bytes(n), ticket('1')));
    await until(() => workers.length === 2 && workers.every((w) => w.running.length === 1), 'two workers');
    workers.forEach((w) => w.finish(w.running[0].name));
    await Promise.all(results);
    expect(client.workers).toBe(2);
    await until(() => client.workers === 1, 'the second worker to end');
    await new Promise((r) => setTimeout(r, 250));
    expect(client.workers).toBe(1);
    expect(workers[0].terminated).toBe(false);
    expect(workers[1].terminated).toBe(true);
  });

  it('defaults to one worker per core, at most two', () => {
    expect(defaultPoolSize(undefined)).toBe(1);
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(16)).toBe(2);
  });
});
