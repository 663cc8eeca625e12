/**
 * reuse.seen-before — the same photo (the exact file, or a PDQ near-duplicate within 31 bits:
 * resized, re-encoded, lightly cropped or filtered; mirrored, framed by a screenshot or turned
 * a few degrees) already came in with another ticket.
 * From another customer it is strong evidence that the photo is not of this customer's item;
 * from the same customer for another order it is a photo reused for a second claim. Both are
 * decisive (DESIGN: reuse of the same photo is deterministic evidence). The same photo again
 * for the same order is usually a follow-up and only noted. Needs the case memory
 * (host.memory); without it, says nothing.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { caseOf, sameTicket, type SimilarSighting } from '../../engine/memory';
import { queryVariantHashes, PDQ_MATCH_DISTANCE } from '../../engine/pdq';
import { msg, say } from '../../i18n/messages';

/** Below this PDQ quality the hash of a flat picture matches too easily; only exact copies count. */
const MIN_PDQ_QUALITY = 50;
const SHOWN = 5;

const who = (s: SimilarSighting) => s.customerId ?? s.customerName;
const ticketOf = (s: SimilarSighting) => s.ticketId ?? msg('reuse.seen-before.unknownTicket');
const matchOf = (s: SimilarSighting) => msg(s.exact ? 'reuse.seen-before.exact' : 'reuse.seen-before.similar');
const dayOf = (s: SimilarSighting) => new Date(s.seenAt).toISOString().slice(0, 10);

function describe(s: SimilarSighting): Record<string, unknown> {
  return {
    ticket: s.ticketId ?? '—',
    ...(s.ticketUrl ? { link: s.ticketUrl } : {}),
    customer: who(s) ?? 'unknown',
    seen: new Date(s.seenAt).toISOString().slice(0, 10),
    match: s.exact ? 'identical file' : `${s.via ? `${s.via} ` : ''}near-duplicate (${s.distance} of 256 bits differ)`,
  };
}

export const seenBefore = defineDetector({
  id: 'reuse.seen-before',
  family: 'reuse',
  /*
   * Declared weight (no labelled corpus has ticket history): the same photo resent for the
   * same order is mostly an honest follow-up (+0.3, a note for the agent).
   */
  declaredWeights: {
    'reuse.seen-before.same-order': 0.3,
  },
  async run(input) {
    const memory = input.host.memory;
    if (!memory) return [];
    const { context } = input;
    const sha256 = await input.sha256();
    const pdq = await input.pdq().catch(() => undefined);
    const usable = pdq && pdq.quality >= MIN_PDQ_QUALITY ? pdq.hex : undefined;
    const here = caseOf(context) ?? { helpdesk: context.helpdesk, ticketId: undefined };
    const me = context.customerId ?? context.customerName;
    const found = await memory.findSimilar(sha256, usable, PDQ_MATCH_DISTANCE);
    // Copies altered to dodge matching: mirrored, screenshotted with borders, cropped at the
    // edges, turned by a few degrees (those looked up within a stricter distance).
    if (usable) {
      for (const { hex, how, maxDistance } of queryVariantHashes(await input.workingPixels())) {
        for (const s of await memory.findSimilar('', hex, maxDistance)) {
          if (!found.some((f) => f.sha256 === s.sha256 && f.ticketId === s.ticketId)) found.push({ ...s, via: how });
        }
      }
    }
    const earlier = found.filter((s) => !sameTicket(s, here));
    if (earlier.length === 0) return [];
    const others = earlier.filter((s) => who(s) !== undefined && me !== undefined && who(s) !== me);
    const findings: Finding[] = [];
    if (others.length) {
      const first = others[0];
      findings.push({
        id: 'reuse.seen-before.other-customer',
        points: 'reused',
        decisive: true,
        ...say('reuse.seen-before.other-customer', { customer: String(who(first)), ticket: ticketOf(first), match: matchOf(first), date: dayOf(first) }),
        data: { matches: others.length, ...Object.fromEntries(others.slice(0, SHOWN).map((s, i) => [`match ${i + 1}`, describe(s)])) },
      });
    }
    const mine = earlier.filter((s) => !others.includes(s));
    const sameOrder = (s: SimilarSighting) => context.orderId !== undefined && s.orderId === context.orderId;
    const reused = mine.filter((s) => !sameOrder(s));
    if (reused.length) {
      const first = reused[0];
      findings.push({
        id: 'reuse.seen-before.other-ticket',
        points: 'reused',
        decisive: true,
        ...say('reuse.seen-before.other-ticket', {
          ticket: ticketOf(first),
          order: first.orderId ? msg('reuse.seen-before.other-ticket.order', { order: first.orderId }) : '',
          match: matchOf(first),
          date: dayOf(first),
          sameCustomer: who(first) ? msg('reuse.seen-before.other-ticket.sameCustomer') : '',
          otherOrder: first.orderId ? msg('reuse.seen-before.other-ticket.otherOrder') : '',
        }),
        data: { matches: reused.length, ...Object.fromEntries(reused.slice(0, SHOWN).map((s, i) => [`match ${i + 1}`, describe(s)])) },
      });
    }
    const followUps = mine.filter(sameOrder);
    if (followUps.length && !reused.length) {
      const first = followUps[0];
      findings.push({
        id: 'reuse.seen-before.same-order',
        points: 'neutral',
        ...say('reuse.seen-before.same-order', { ticket: ticketOf(first) }),
        data: { matches: followUps.length, ...Object.fromEntries(followUps.slice(0, SHOWN).map((s, i) => [`match ${i + 1}`, describe(s)])) },
      });
    }
    return findings;
  },
});
