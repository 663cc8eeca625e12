/**
 * The extension's case memory store: sightings in IndexedDB (dexie), inside the analysis
 * worker. Old sightings are purged at start-up after the retention period; "forget
 * everything" empties the store. The index over them lives in IndexedCaseMemory.
 */
import Dexie, { type Table } from 'dexie';
import { IndexedCaseMemory, type Sighting } from '../engine/memory';

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
    super({
      load: async () => {
        await db.sightings.where('seenAt').below(Date.now() - retentionDays * DAY_MS).delete();
        return db.sightings.toArray();
      },
      append: async (s) => {
        await db.sightings.add(s);
      },
    });
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
