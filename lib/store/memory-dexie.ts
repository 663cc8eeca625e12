/**
 * The extension's case memory store: sightings in IndexedDB (dexie), inside the analysis
 * workers. Old sightings are purged at start-up after the retention period; "forget
 * everything" empties the store; workers tell each other what they record. The index over them lives in IndexedCaseMemory.
 */
import Dexie, { type Table } from 'dexie';
import { IndexedCaseMemory, type MemoryBackend, type Sighting } from '../engine/memory';

/** Channel on which the analysis workers announce the sightings they record. */
export const CASE_MEMORY_CHANNEL = 'claimlens-case-memory';

/**
 * `backend` shared by several workers: each announces what it appends on a BroadcastChannel, so
 * the others index it at once instead of reading the whole store again (a photo reused across
 * tickets is found whichever worker saw it first). Without BroadcastChannel, the backend as is.
 */
export function sharedAcrossWorkers(backend: MemoryBackend, name = CASE_MEMORY_CHANNEL): MemoryBackend {
  if (typeof BroadcastChannel !== 'function') return backend;
  const channel = new BroadcastChannel(name);
  return {
    load: () => backend.load(),
    append: async (s) => {
      await backend.append(s);
      channel.postMessage(s);
    },
    subscribe(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data as Sighting);
      channel.addEventListener('message', onMessage);
      return () => {
        channel.removeEventListener('message', onMessage);
        channel.close();
      };
    },
  };
}

const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_DAYS = 180;

class MemoryDb extends Dexie {
  sightings!: Table<Sighting & { id?: number }, number>;

  constructor() {
    super('claimlens-case-memory');
    this.version(1).stores({ sightings: '++id, sha256, seenAt, customerId, orderId, ticketId' });
  }
}

export class DexieCaseMemory extends IndexedCaseMemory {
  private readonly db: MemoryDb;

  constructor(retentionDays = DEFAULT_RETENTION_DAYS, db = new MemoryDb()) {
    super(
      sharedAcrossWorkers({
        load: async () => {
          await db.sightings.where('seenAt').below(Date.now() - retentionDays * DAY_MS).delete();
          return db.sightings.toArray();
        },
        append: async (s) => {
          await db.sightings.add(s);
        },
      }),
    );
    this.db = db;
  }

  /** Empties the store; the caller drops this instance and makes a new one. */
  async forgetEverything(): Promise<void> {
    await this.db.sightings.clear();
  }

  async count(): Promise<number> {
    return this.db.sightings.count();
  }
}
