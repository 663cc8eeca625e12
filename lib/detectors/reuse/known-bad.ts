/**
 * reuse.known-bad — the photo is on a hash list the fraud team imported (known fraudulent
 * photos shared between shops or teams): the exact file (sha256) or a PDQ near-duplicate.
 * Decisive: the team has already judged this picture.
 */
import { defineDetector } from '../../engine/detector';
import { HashIndex } from '../../engine/hash-index';
import { PDQ_MATCH_DISTANCE } from '../../engine/pdq';
import { msg, say } from '../../i18n/messages';
import type { KnownBadHash } from '../../settings/schema';

const indexes = new WeakMap<readonly KnownBadHash[], { sha: Map<string, KnownBadHash>; pdq: HashIndex<KnownBadHash> }>();

function indexOf(list: readonly KnownBadHash[]) {
  let idx = indexes.get(list);
  if (!idx) {
    idx = { sha: new Map(), pdq: new HashIndex() };
    for (const h of list) {
      if (h.sha256) idx.sha.set(h.sha256, h);
      if (h.pdq) idx.pdq.add(h.pdq, h);
    }
    indexes.set(list, idx);
  }
  return idx;
}

export const knownBad = defineDetector({
  id: 'reuse.known-bad',
  family: 'reuse',
  async run(input) {
    if (input.knownBad.length === 0) return [];
    const idx = indexOf(input.knownBad);
    const exact = idx.sha.get(await input.sha256());
    const pdq = exact ? undefined : await input.pdq().catch(() => undefined);
    const near = pdq && pdq.quality >= 50 ? idx.pdq.query(pdq.hex, PDQ_MATCH_DISTANCE)[0] : undefined;
    const hit = exact ?? near?.item;
    if (!hit) return [];
    return [
      {
        id: 'reuse.known-bad.listed',
        points: 'reused',
        decisive: true,
        ...say('reuse.known-bad.listed', {
          match: exact ? msg('reuse.known-bad.listed.exact') : msg('reuse.known-bad.listed.near', { distance: near!.distance }),
          note: hit.note ? msg('reuse.known-bad.listed.note', { note: hit.note }) : '',
        }),
        data: { match: exact ? 'identical file (sha256)' : `near-duplicate (PDQ distance ${near!.distance})`, ...(hit.note ? { note: hit.note } : {}), ...(hit.sha256 ? { sha256: hit.sha256 } : {}), ...(hit.pdq ? { pdq: hit.pdq } : {}) },
      },
    ];
  },
});
