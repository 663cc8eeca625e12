/**
 * provenance.iptc — the IPTC "Digital Source Type" a tool wrote into the file's XMP
 * (Iptc4xmpExt:DigitalSourceType, http or https vocabulary URI, or the bare term).
 * Generators and editors that follow the IPTC/C2PA guidance (Adobe, Google, Meta, OpenAI,
 * Microsoft) label AI output this way. A label declaring generative AI is decisive.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { EvidencePoints } from '../../engine/types';
import { say, type TextKey } from '../../i18n/messages';

interface SourceTypeText {
  points: EvidencePoints;
  decisive?: boolean;
  title: string;
  detail: string;
}

/** How each term of the IPTC NewsCodes digital source type vocabulary counts. */
const SOURCE_TYPE_POINTS: Record<string, Pick<SourceTypeText, 'points' | 'decisive'>> = {
  trainedAlgorithmicMedia: { points: 'ai', decisive: true },
  compositeWithTrainedAlgorithmicMedia: { points: 'ai', decisive: true },
  algorithmicMedia: { points: 'ai' },
  compositeSynthetic: { points: 'edited' },
  algorithmicallyEnhanced: { points: 'edited' },
  humanEdits: { points: 'edited' },
  composite: { points: 'edited' },
  digitalCapture: { points: 'authentic' },
  computationalCapture: { points: 'authentic' },
  screenCapture: { points: 'neutral' },
  negativeFilm: { points: 'neutral' },
  positiveFilm: { points: 'neutral' },
  print: { points: 'neutral' },
};

const textKey = (term: string) => `provenance.iptc.${term}` as TextKey;

/** The vocabulary written for agents (texts from the catalogue, provenance.iptc.<term>). */
export const SOURCE_TYPES: Record<string, SourceTypeText> = Object.fromEntries(
  Object.entries(SOURCE_TYPE_POINTS).map(([term, points]) => {
    const { title, detail } = say(textKey(term));
    return [term, { ...points, title, detail }];
  }),
);

/** The vocabulary term: the last path segment of the URI, or the bare term (values are clipped first: no backtracking on hostile input). */
const TERM = /^[A-Za-z]{1,64}$/;
/** Matches attribute (`Iptc4xmpExt:DigitalSourceType="…"`) and element forms, any prefix. */
const IN_PACKET = /DigitalSourceType(?:\s{0,8}=\s{0,8}["']([^"']{1,300})["']|>\s{0,8}([^<\s]{1,300})\s{0,8}<)/g;

export function sourceTypeTerms(values: unknown[]): string[] {
  const terms = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const term = v.slice(0, 300).trim().split('/').pop() ?? '';
    if (TERM.test(term) && Object.hasOwn(SOURCE_TYPES, term)) terms.add(term);
  }
  return [...terms];
}

export const iptcSourceType = defineDetector({
  id: 'provenance.iptc',
  family: 'provenance',
  async run(input) {
    const meta = await input.metadata();
    const packet = (await input.xmpPacket()) ?? '';
    const values: unknown[] = [meta.Iptc4xmpExt?.DigitalSourceType, meta.iptc?.DigitalSourceType];
    for (const m of packet.matchAll(IN_PACKET)) values.push(m[1] ?? m[2]);
    const findings: Finding[] = [];
    for (const term of sourceTypeTerms(values)) {
      const text = SOURCE_TYPES[term];
      findings.push({
        id: `provenance.iptc.${term}`,
        points: text.points,
        decisive: text.decisive,
        ...say(textKey(term)),
        data: { digitalSourceType: `http://cv.iptc.org/newscodes/digitalsourcetype/${term}`, foundIn: 'XMP metadata' },
      });
    }
    return findings;
  },
});
