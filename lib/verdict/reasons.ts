/** The reasons an agent should read first: decisive items, then the strongest weights. */
import type { Evidence } from '../engine/types';

export function topReasons(evidence: readonly Evidence[], n = 2): Evidence[] {
  return [...evidence]
    .filter((e) => e.family !== 'engine')
    .sort((a, b) => Number(b.decisive ?? false) - Number(a.decisive ?? false) || Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, n);
}

