/**
 * Near-duplicate search over 256-bit PDQ hashes by multi-index hashing: each hash is cut
 * into sixteen 16-bit chunks, each chunk indexed in its own table. Two hashes within
 * distance d ≤ 31 differ in at most ⌊d/16⌋ = 1 bit in at least one chunk (pigeonhole), so a
 * query probes each chunk's exact value and its 16 one-bit neighbours (272 probes) and
 * verifies the candidates' full distance. Cost grows with the number of candidates, not the
 * number of stored hashes.
 */
const CHUNKS = 16;
const WORDS = 8;

function words(hex: string): Uint32Array {
  const w = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) w[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return w;
}

function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The 16-bit chunk `c` of a hash held as eight 32-bit words. */
const chunk = (w: Uint32Array, c: number) => (c & 1 ? w[c >> 1] & 0xffff : w[c >> 1] >>> 16);

export interface HashHit<T> {
  item: T;
  distance: number;
}

export class HashIndex<T> {
  private readonly tables: Map<number, number[]>[] = Array.from({ length: CHUNKS }, () => new Map());
  private bits = new Uint32Array(WORDS * 1024);
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  add(hex: string, item: T): void {
    const slot = this.items.length;
    if ((slot + 1) * WORDS > this.bits.length) {
      const grown = new Uint32Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    const w = words(hex);
    this.bits.set(w, slot * WORDS);
    this.items.push(item);
    for (let c = 0; c < CHUNKS; c++) {
      const key = chunk(w, c);
      const list = this.tables[c].get(key);
      if (list) list.push(slot);
      else this.tables[c].set(key, [slot]);
    }
  }

  /** Items whose hash is within `maxDistance` (≤ 31) bits of `hex`, nearest first. */
  query(hex: string, maxDistance: number): HashHit<T>[] {
    if (maxDistance > 2 * CHUNKS - 1) throw new Error('HashIndex supports distances up to 31 bits');
    const flips = Math.floor(maxDistance / CHUNKS);
    const q = words(hex);
    const candidates = new Set<number>();
    for (let c = 0; c < CHUNKS; c++) {
      const key = chunk(q, c);
      const probe = (k: number) => {
        for (const slot of this.tables[c].get(k) ?? []) candidates.add(slot);
      };
      probe(key);
      if (flips >= 1) for (let b = 0; b < 16; b++) probe(key ^ (1 << b));
    }
    const hits: HashHit<T>[] = [];
    for (const slot of candidates) {
      let distance = 0;
      for (let i = 0, o = slot * WORDS; i < WORDS; i++) distance += popcount32((q[i] ^ this.bits[o + i]) >>> 0);
      if (distance <= maxDistance) hits.push({ item: this.items[slot], distance });
    }
    return hits.sort((a, b) => a.distance - b.distance);
  }
}
