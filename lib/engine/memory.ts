/**
 * Case memory: every analysed claim image is remembered as a sighting (hashes plus the
 * ticket it came in), so a photo seen before — in another ticket, from another customer —
 * can be recognised. The index lives in memory (exact sha256, PDQ near-duplicates through
 * HashIndex, customer and order lists); a backend persists it (IndexedDB in the extension,
 * a JSON Lines file for the CLI's --db). Nothing here ever leaves the device.
 */
import { HashIndex } from './hash-index';

export interface Sighting {
  sha256: string;
  pdq?: string;
  /** Extra PDQ hashes of the same photo (its centre), so that cropped copies match too. */
  pdqAlt?: string[];
  helpdesk?: string;
  ticketId?: string;
  ticketUrl?: string;
  customerId?: string;
  customerName?: string;
  orderId?: string;
  /** Epoch ms. */
  seenAt: number;
}

export interface SimilarSighting extends Sighting {
  /** PDQ distance in bits; 0 for the exact same file. */
  distance: number;
  exact: boolean;
  /** How the match was found when it is not the plain picture: mirrored, borders trimmed, cropped, turned back. */
  via?: 'mirrored' | 'trimmed' | 'cropped' | 'rotated';
}

export interface CaseMemory {
  findSimilar(sha256: string, pdq: string | undefined, maxDistance: number): Promise<SimilarSighting[]>;
  /** Sightings of a customer of one helpdesk since `sinceMs`. */
  customerSightings(helpdesk: string | undefined, customerId: string, sinceMs: number): Promise<Sighting[]>;
  /** Sightings of an order of one helpdesk. */
  orderSightings(helpdesk: string | undefined, orderId: string): Promise<Sighting[]>;
  record(sighting: Sighting): Promise<void>;
}

export interface MemoryBackend {
  load(): Promise<Sighting[]>;
  append(sighting: Sighting): Promise<void>;
  /**
   * Sightings that other users of the same store (the other analysis workers) record from now
   * on; returns a disposer. Optional: a backend with one user needs none.
   */
  subscribe?(listener: (sighting: Sighting) => void): () => void;
}

/** One sighting seen twice (the same record read from the store and announced by its writer). */
const sameSighting = (a: Sighting, b: Sighting) =>
  a.sha256 === b.sha256 && a.seenAt === b.seenAt && a.ticketId === b.ticketId && a.helpdesk === b.helpdesk;

/**
 * Which case an analysis belongs to: the ticket, else the page the image was checked on.
 * Images analysed with neither (a bare file) are not remembered.
 */
export function caseOf(context: { helpdesk?: string; ticketId?: string; pageUrl?: string }): Pick<Sighting, 'helpdesk' | 'ticketId'> | undefined {
  const ticketId = context.ticketId ?? (context.pageUrl ? `page:${context.pageUrl}` : undefined);
  return ticketId ? { helpdesk: context.helpdesk, ticketId } : undefined;
}

/** The same ticket seen again (a re-render, a re-scan) is not a reuse. */
export function sameTicket(a: Sighting, b: Pick<Sighting, 'helpdesk' | 'ticketId'>): boolean {
  return a.ticketId !== undefined && a.ticketId === b.ticketId && a.helpdesk === b.helpdesk;
}

/** A customer or order key that never mixes helpdesks (ids are only unique within one). */
const scoped = (helpdesk: string | undefined, id: string) => `${helpdesk ?? ''}\u0000${id}`;

export class IndexedCaseMemory implements CaseMemory {
  private loaded?: Promise<void>;
  private readonly bySha = new Map<string, Sighting[]>();
  private readonly byCustomer = new Map<string, Sighting[]>();
  private readonly byOrder = new Map<string, Sighting[]>();
  private readonly pdqIndex = new HashIndex<Sighting>();

  private readonly unsubscribe?: () => void;

  constructor(private readonly backend: MemoryBackend) {
    this.unsubscribe = backend.subscribe?.((s) => this.learn(s));
  }

  /** Indexes a sighting another user of the store recorded; before the first load, the load reads it. */
  private learn(s: Sighting): void {
    void this.loaded?.then(() => {
      if (!(this.bySha.get(s.sha256) ?? []).some((k) => sameSighting(k, s))) this.index(s);
    });
  }

  /** Stops following the other users' sightings. */
  close(): void {
    this.unsubscribe?.();
  }

  private index(s: Sighting) {
    const push = (map: Map<string, Sighting[]>, key: string) => (map.get(key) ?? map.set(key, []).get(key)!).push(s);
    push(this.bySha, s.sha256);
    if (s.customerId) push(this.byCustomer, scoped(s.helpdesk, s.customerId));
    if (s.orderId) push(this.byOrder, scoped(s.helpdesk, s.orderId));
    if (s.pdq) this.pdqIndex.add(s.pdq, s);
    for (const alt of s.pdqAlt ?? []) this.pdqIndex.add(alt, s);
  }

  private ready(): Promise<void> {
    return (this.loaded ??= this.backend.load().then((all) => all.forEach((s) => this.index(s))));
  }

  get size(): number {
    return this.pdqIndex.size;
  }

  async findSimilar(sha256: string, pdq: string | undefined, maxDistance: number): Promise<SimilarSighting[]> {
    await this.ready();
    const out = new Map<Sighting, SimilarSighting>();
    for (const s of this.bySha.get(sha256) ?? []) out.set(s, { ...s, distance: 0, exact: true });
    if (pdq) {
      for (const { item, distance } of this.pdqIndex.query(pdq, maxDistance)) {
        const known = out.get(item);
        if (!known || distance < known.distance) out.set(item, { ...item, distance, exact: item.sha256 === sha256 });
      }
    }
    return [...out.values()].sort((a, b) => a.distance - b.distance || a.seenAt - b.seenAt);
  }

  async customerSightings(helpdesk: string | undefined, customerId: string, sinceMs: number): Promise<Sighting[]> {
    await this.ready();
    return (this.byCustomer.get(scoped(helpdesk, customerId)) ?? []).filter((s) => s.seenAt >= sinceMs);
  }

  async orderSightings(helpdesk: string | undefined, orderId: string): Promise<Sighting[]> {
    await this.ready();
    return this.byOrder.get(scoped(helpdesk, orderId)) ?? [];
  }

  async record(sighting: Sighting): Promise<void> {
    await this.ready();
    const known = (this.bySha.get(sighting.sha256) ?? []).some((s) => sameTicket(s, sighting));
    if (known) return;
    this.index(sighting);
    await this.backend.append(sighting);
  }
}
