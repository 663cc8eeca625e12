/**
 * claim.timeline — the photo's recorded capture time against the claim's dates (order,
 * delivery, claim) from the ticket or the CLI flags. A photo of damage taken before the
 * parcel arrived, or dated after the claim, does not fit the story. Needs both a capture
 * time in the file and at least one date in the context; otherwise it says nothing.
 *
 * Dates in tickets are days and EXIF times have no reliable time zone, so comparisons allow
 * one day of slack (TOLERANCE_MS) before calling anything inconsistent.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { exifWallClock } from '../../engine/exif-text';
import { say } from '../../i18n/messages';

const DAY_MS = 86_400_000;
const TOLERANCE_MS = DAY_MS;

/** A ticket date ("2025-11-19" or a full ISO time) in ms; date-only values are UTC midnight. */
function parseDate(v: string | undefined): number | undefined {
  if (!v?.trim()) return undefined;
  const t = Date.parse(v.trim());
  return Number.isNaN(t) ? undefined : t;
}

/** A date without a time ("2025-11-19") covers that whole day. */
function endOf(v: string | undefined, t: number | undefined): number | undefined {
  return t !== undefined && v && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? t + DAY_MS : t;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export const claimTimeline = defineDetector({
  id: 'claim.timeline',
  family: 'claim',
  /*
   * No labelled corpus carries claim dates, so these weights are declared, not calibrated:
   * a capture before the order is hard to explain innocently (+1.5, about 4.5:1 odds);
   * before delivery somewhat less (+1.0: customers sometimes photograph an earlier, similar
   * delivery); dated after the claim usually means a wrong camera clock or a re-saved file
   * (+0.5); a consistent timeline is mild support (−0.3).
   */
  declaredWeights: {
    'claim.timeline.captured-before-order': 1.5,
    'claim.timeline.captured-before-delivery': 1.0,
    'claim.timeline.captured-after-claim': 0.5,
    'claim.timeline.consistent': -0.3,
  },
  async run(input) {
    const meta = await input.metadata();
    const wall = exifWallClock(meta.exif?.DateTimeOriginal) ?? exifWallClock(meta.exif?.CreateDate);
    const captured = wall?.ms;
    const { orderDate, deliveryDate, claimDate } = input.context;
    const order = parseDate(orderDate);
    const delivery = parseDate(deliveryDate);
    const claim = endOf(claimDate, parseDate(claimDate));
    if (captured === undefined || (order === undefined && delivery === undefined && claim === undefined)) return [];
    const data = {
      captured: wall!.text,
      ...(orderDate ? { orderDate } : {}),
      ...(deliveryDate ? { deliveryDate } : {}),
      ...(claimDate ? { claimDate } : {}),
    };
    const findings: Finding[] = [];
    if (order !== undefined && captured < order - TOLERANCE_MS) {
      findings.push({
        id: 'claim.timeline.captured-before-order',
        points: 'reused',
        ...say('claim.timeline.captured-before-order', { captured: day(captured), order: day(order) }),
        data,
      });
    } else if (delivery !== undefined && captured < delivery - TOLERANCE_MS) {
      findings.push({
        id: 'claim.timeline.captured-before-delivery',
        points: 'reused',
        ...say('claim.timeline.captured-before-delivery', { captured: day(captured), delivery: day(delivery) }),
        data,
      });
    }
    if (claim !== undefined && captured > claim + TOLERANCE_MS) {
      findings.push({
        id: 'claim.timeline.captured-after-claim',
        points: 'edited',
        ...say('claim.timeline.captured-after-claim', { captured: day(captured), claim: String(claimDate) }),
        data,
      });
    }
    if (findings.length === 0) {
      findings.push({
        id: 'claim.timeline.consistent',
        points: 'authentic',
        ...say('claim.timeline.consistent'),
        data,
      });
    }
    return findings;
  },
});
