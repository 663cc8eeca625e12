/**
 * The CLI's case memory (`--db FILE`): sightings as JSON Lines, appended as images are
 * analysed, so batch scans accumulate memory across runs. Damaged lines are skipped with a
 * warning instead of losing the rest of the file.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IndexedCaseMemory, type MemoryBackend, type Sighting } from '../lib/engine/memory';

export function fileBackend(path: string, warn: (s: string) => void = (s) => console.error(s)): MemoryBackend {
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const out: Sighting[] = [];
      let bad = 0;
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          const s = JSON.parse(line) as Sighting;
          if (typeof s.sha256 === 'string' && typeof s.seenAt === 'number') out.push(s);
          else bad++;
        } catch {
          bad++;
        }
      }
      if (bad) warn(`claimlens: skipped ${bad} damaged line(s) in ${path}`);
      return out;
    },
    async append(s) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify(s)}\n`);
    },
  };
}

export function fileMemory(path: string): IndexedCaseMemory {
  return new IndexedCaseMemory(fileBackend(path));
}
