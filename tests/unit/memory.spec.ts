/** Case memory: the multi-index hash search against brute force, reuse and claim-history evidence, and the CLI's --db. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashIndex } from '../../lib/engine/hash-index';
import { IndexedCaseMemory, type MemoryBackend, type Sighting } from '../../lib/engine/memory';
import { centerCrop, hammingDistance, mirrored, rotated } from '../../lib/engine/pdq';
import jpeg from 'jpeg-js';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import type { ClaimContext } from '../../lib/engine/types';
import { main } from '../../cli/main';
import { ROOT } from './helpers';

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
}

function randomHash(rand: () => number): string {
  return Array.from({ length: 64 }, () => Math.floor(rand() * 16).toString(16)).join('');
}

/** Flips `bits` distinct random bits of a hex hash. */
function flip(hex: string, bits: number, rand: () => number): string {
  const digits = hex.split('').map((d) => parseInt(d, 16));
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(rand() * 256));
  for (const b of chosen) digits[b >> 2] ^= 1 << (b & 3);
  return digits.map((d) => d.toString(16)).join('');
}

const memoryBackend = (): MemoryBackend & { saved: Sighting[] } => {
  const saved: Sighting[] = [];
  return { saved, load: async () => [], append: async (s) => void saved.push(s) };
};

describe('HashIndex', () => {
  it('finds exactly what a brute-force scan finds within 31 bits', () => {
    const rand = rng(7);
    const index = new HashIndex<number>();
    const stored: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const h = i % 10 === 0 && i > 0 ? flip(stored[i - 1], Math.floor(rand() * 40), rand) : randomHash(rand);
      stored.push(h);
      index.add(h, i);
    }
    for (let q = 0; q < 200; q++) {
      const query = q % 2 ? flip(stored[Math.floor(rand() * stored.length)], Math.floor(rand() * 35), rand) : randomHash(rand);
      const expected = stored.map((h, i) => ({ i, d: hammingDistance(h, query) })).filter((x) => x.d <= 31).map((x) => x.i).sort((a, b) => a - b);
      const got = index.query(query, 31).map((h) => h.item).sort((a, b) => a - b);
      expect(got).toEqual(expected);
    }
  });

  it('refuses distances its chunking cannot guarantee', () => {
    expect(() => new HashIndex().query('0'.repeat(64), 32)).toThrow(/31/);
  });
});

describe('reuse and claim history evidence', () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'samples', 'camera-canon-powershot-g2.jpg')));
  const other = new Uint8Array(readFileSync(join(ROOT, 'samples', 'camera-iphone4-receipt.jpg')));
  const ticket = (id: string, customer: string, order: string): ClaimContext => ({ helpdesk: 'zendesk', ticketId: id, customerName: customer, orderId: order, ticketUrl: `https://acme.zendesk.com/agent/tickets/${id}` });

  it('flags the same photo from another customer and from the same customer for another order, decisively', async () => {
    const backend = memoryBackend();
    const host = { ...nodeHost, memory: new IndexedCaseMemory(backend) };
    const first = await analyze(bytes, ticket('1', 'Alice', 'A-1'), host);
    expect(first.evidence.filter((e) => e.family === 'reuse')).toEqual([]);
    expect(first.pdq).toMatch(/^[0-9a-f]{64}$/);

    const again = await analyze(bytes, ticket('1', 'Alice', 'A-1'), host);
    expect(again.evidence.filter((e) => e.family === 'reuse')).toEqual([]);
    expect(backend.saved).toHaveLength(1);

    const bob = await analyze(bytes, ticket('2', 'Bob', 'B-1'), host);
    const item = bob.evidence.find((e) => e.id === 'reuse.seen-before.other-customer');
    expect(item?.decisive).toBe(true);
    expect(item?.title).toContain('Alice');
    expect(JSON.stringify(item?.data)).toContain('https://acme.zendesk.com/agent/tickets/1');
    expect(bob.risk.level).toBe('high');

    const alice = await analyze(bytes, ticket('3', 'Alice', 'A-2'), host);
    expect(alice.evidence.map((e) => e.id)).toEqual(expect.arrayContaining(['reuse.seen-before.other-customer', 'reuse.seen-before.other-ticket']));

    const unrelated = await analyze(other, ticket('4', 'Carol', 'C-1'), host);
    expect(unrelated.evidence.filter((e) => e.family === 'reuse')).toEqual([]);
  });

  it('recognises a mirrored, re-encoded copy of an earlier photo', async () => {
    const host = { ...nodeHost, memory: new IndexedCaseMemory(memoryBackend()) };
    await analyze(bytes, ticket('30', 'Frank', 'F-1'), host);
    const px = await nodeHost.decodePixels(bytes, 'jpeg');
    const flipped = jpeg.encode({ data: mirrored(px).data, width: px.width, height: px.height }, 80).data;
    const report = await analyze(new Uint8Array(flipped), ticket('31', 'Grace', 'G-1'), host);
    const item = report.evidence.find((e) => e.id === 'reuse.seen-before.other-customer');
    expect(JSON.stringify(item?.data)).toContain('mirrored near-duplicate');
  });

  it('recognises a copy cropped at the edges and a screenshot of the photo with borders', async () => {
    const host = { ...nodeHost, memory: new IndexedCaseMemory(memoryBackend()) };
    await analyze(bytes, ticket('40', 'Hana', 'H-1'), host);
    const px = await nodeHost.decodePixels(bytes, 'jpeg');
    const cropped = centerCrop(px, 0.9);
    const asJpeg = (p: { data: Uint8ClampedArray; width: number; height: number }) => new Uint8Array(jpeg.encode({ data: p.data, width: p.width, height: p.height }, 85).data);
    const crop = await analyze(asJpeg(cropped), ticket('41', 'Ivan', 'I-1'), host);
    expect(JSON.stringify(crop.evidence.find((e) => e.id === 'reuse.seen-before.other-customer')?.data)).toMatch(/near-duplicate/);
    // White margins and a dark status bar around the photo, as a phone screenshot has.
    const w = px.width + 40;
    const h = px.height + 120;
    const shot = new Uint8ClampedArray(w * h * 4).fill(255);
    for (let i = 0; i < w * 30; i++) shot.set([30, 30, 30, 255], i * 4);
    for (let y = 0; y < px.height; y++) shot.set(px.data.subarray(y * px.width * 4, (y + 1) * px.width * 4), ((y + 80) * w + 20) * 4);
    const screenshot = await analyze(asJpeg({ data: shot, width: w, height: h }), ticket('42', 'Jo', 'J-1'), host);
    expect(JSON.stringify(screenshot.evidence.find((e) => e.id === 'reuse.seen-before.other-customer')?.data)).toContain('trimmed near-duplicate');
  });

  it('recognises a re-encoded copy turned by 3°, and not a different photo turned the same way', async () => {
    const host = { ...nodeHost, memory: new IndexedCaseMemory(memoryBackend()) };
    await analyze(bytes, ticket('50', 'Kim', 'K-1'), host);
    const asJpeg = (p: { data: Uint8ClampedArray; width: number; height: number }) => new Uint8Array(jpeg.encode({ data: p.data, width: p.width, height: p.height }, 85).data);
    const turned = await analyze(asJpeg(rotated(await nodeHost.decodePixels(bytes, 'jpeg'), 3)), ticket('51', 'Lee', 'L-1'), host);
    const item = turned.evidence.find((e) => e.id === 'reuse.seen-before.other-customer');
    expect(item?.decisive).toBe(true);
    expect(JSON.stringify(item?.data)).toContain('rotated near-duplicate');
    const unrelated = await analyze(asJpeg(rotated(await nodeHost.decodePixels(other, 'jpeg'), 3)), ticket('52', 'Max', 'M-1'), host);
    expect(unrelated.evidence.filter((e) => e.family === 'reuse')).toEqual([]);
  });

  it('only notes the same photo resent for the same order', async () => {
    const host = { ...nodeHost, memory: new IndexedCaseMemory(memoryBackend()) };
    await analyze(bytes, ticket('10', 'Dana', 'D-1'), host);
    const followUp = await analyze(bytes, ticket('11', 'Dana', 'D-1'), host);
    const ids = followUp.evidence.map((e) => e.id);
    expect(ids).toContain('reuse.seen-before.same-order');
    expect(ids).not.toContain('reuse.seen-before.other-ticket');
    expect(followUp.risk.level).not.toBe('high');
  });

  it('counts a customer’s tickets and an order’s claims against the team policy', async () => {
    const host = { ...nodeHost, memory: new IndexedCaseMemory(memoryBackend()) };
    const policy = { claimWindowDays: 90, customerClaimLimit: 2, orderClaimLimit: 1 };
    await analyze(other, ticket('20', 'Eve', 'E-1'), host, { policy });
    const second = await analyze(bytes, ticket('21', 'Eve', 'E-1'), host, { policy });
    expect(second.evidence.map((e) => e.id)).toEqual(expect.arrayContaining(['claim.history.order-limit']));
    expect(second.evidence.map((e) => e.id)).not.toContain('claim.history.frequent-claimant');
    const synthetic = new Uint8Array(readFileSync(join(ROOT, 'samples', 'screenshot-chat-1170x2532.png')));
    const third = await analyze(synthetic, ticket('22', 'Eve', 'E-2'), host, { policy });
    const frequent = third.evidence.find((e) => e.id === 'claim.history.frequent-claimant');
    expect(frequent?.title).toBe('Eve has made 3 photo claims in 90 days');
    expect(frequent?.weight).toBe(0.8);
  });
});

describe('claimlens scan --db', () => {
  it('remembers photos across runs and reports reuse the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-db-'));
    const db = join(dir, 'memory.jsonl');
    const file = join(ROOT, 'samples', 'camera-canon-powershot-g2.jpg');
    const lines: string[] = [];
    const out = (s: string) => lines.push(s);
    expect(await main(['scan', '--json', '--db', db, '--ticket', 'T1', '--customer', 'alice', file], out)).toBe(0);
    expect(await main(['scan', '--json', '--db', db, '--ticket', 'T2', '--customer', 'bob', file], out)).toBe(0);
    const second = JSON.parse(lines[1]);
    expect(second.evidence.map((e: { id: string }) => e.id)).toContain('reuse.seen-before.other-customer');
    expect(second.risk.level).toBe('high');
    expect(readFileSync(db, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('skips damaged lines in the memory file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-db-'));
    const db = join(dir, 'memory.jsonl');
    writeFileSync(db, 'not json\n{"sha256":1}\n');
    const lines: string[] = [];
    expect(await main(['scan', '--json', '--db', db, join(ROOT, 'samples', 'camera-canon-powershot-g2.jpg')], (s) => lines.push(s))).toBe(0);
    expect(JSON.parse(lines[0]).risk.level).toBe('low');
  });
});

describe('case memory shared by the analysis workers', () => {
  const PDQ = 'f'.repeat(64);
  const seen = (ticketId: string, seenAt: number): Sighting => ({ sha256: 'a'.repeat(64), pdq: PDQ, helpdesk: 'zendesk', ticketId, customerId: 'c1', seenAt });

  /** One store (the IndexedDB of the extension) read by several workers. */
  function store() {
    const rows: Sighting[] = [];
    let loads = 0;
    const backend = (): MemoryBackend => ({
      load: async () => {
        loads++;
        return rows.map((r) => ({ ...r }));
      },
      append: async (s) => void rows.push({ ...s }),
    });
    return { backend, loads: () => loads };
  }

  async function eventually(check: () => Promise<boolean>) {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('never happened');
  }

  it('finds what another worker recorded without reading the store again, and indexes it once', async () => {
    const { sharedAcrossWorkers } = await import('../../lib/store/memory-dexie');
    const channel = `claimlens-test-${Math.random()}`;
    const db = store();
    const first = new IndexedCaseMemory(sharedAcrossWorkers(db.backend(), channel));
    const second = new IndexedCaseMemory(sharedAcrossWorkers(db.backend(), channel));
    try {
      // Both have read the (empty) store.
      expect(await first.findSimilar('x', PDQ, 0)).toEqual([]);
      expect(await second.findSimilar('x', PDQ, 0)).toEqual([]);
      await first.record(seen('101', 1));
      await eventually(async () => (await second.findSimilar('x', PDQ, 0)).length === 1);
      expect((await second.findSimilar('x', PDQ, 0))[0]).toMatchObject({ ticketId: '101', distance: 0 });
      expect(db.loads()).toBe(2);
      // A worker that reads the store afterwards has it once, not again from the announcement.
      const third = new IndexedCaseMemory(sharedAcrossWorkers(db.backend(), channel));
      expect(await third.findSimilar('x', PDQ, 0)).toHaveLength(1);
      await second.record(seen('102', 2));
      await eventually(async () => (await third.findSimilar('x', PDQ, 0)).length === 2);
      await new Promise((r) => setTimeout(r, 50));
      expect(await third.findSimilar('x', PDQ, 0)).toHaveLength(2);
      expect(await first.findSimilar('x', PDQ, 0)).toHaveLength(2);
      third.close();
    } finally {
      first.close();
      second.close();
    }
  });

  it('without the announcements, the other worker would not know', async () => {
    const db = store();
    const first = new IndexedCaseMemory(db.backend());
    const second = new IndexedCaseMemory(db.backend());
    await second.findSimilar('x', PDQ, 0);
    await first.record(seen('101', 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(await second.findSimilar('x', PDQ, 0)).toEqual([]);
  });
});
