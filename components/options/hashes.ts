/** Known-bad hash lists: merging an imported list into the current one without duplicates. */
import type { KnownBadHash } from '@/lib/settings/schema';

const keyOf = (h: KnownBadHash) => `${h.sha256 ?? ''}|${h.pdq ?? ''}`;

/** The current list followed by the imported entries it did not have yet (same sha256 and pdq). */
export function mergeHashes(current: readonly KnownBadHash[], imported: readonly KnownBadHash[]): { list: KnownBadHash[]; added: number; duplicates: number } {
  const seen = new Set(current.map(keyOf));
  const list = [...current];
  let duplicates = 0;
  for (const h of imported) {
    const key = keyOf(h);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    list.push(h);
  }
  return { list, added: list.length - current.length, duplicates };
}
