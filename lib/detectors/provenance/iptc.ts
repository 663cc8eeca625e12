/**
 * provenance.iptc — the IPTC "Digital Source Type" a tool wrote into the file's XMP
 * (Iptc4xmpExt:DigitalSourceType, http or https vocabulary URI, or the bare term).
 * Generators and editors that follow the IPTC/C2PA guidance (Adobe, Google, Meta, OpenAI,
 * Microsoft) label AI output this way. A label declaring generative AI is decisive.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { EvidencePoints } from '../../engine/types';

interface SourceTypeText {
  points: EvidencePoints;
  decisive?: boolean;
  title: string;
  detail: string;
}

/** The IPTC NewsCodes digital source type vocabulary, written for agents. */
export const SOURCE_TYPES: Record<string, SourceTypeText> = {
  trainedAlgorithmicMedia: {
    points: 'ai',
    decisive: true,
    title: 'Labelled as created by generative AI',
    detail:
      'The file carries the industry-standard label (IPTC digital source type "trained algorithmic media") that AI image tools write into the images they generate. ' +
      'A camera never writes it. It could only be innocent if the customer deliberately sent an AI picture, which is still not a photo of their item.',
  },
  compositeWithTrainedAlgorithmicMedia: {
    points: 'ai',
    decisive: true,
    title: 'Labelled as edited with generative AI',
    detail:
      'The file carries the standard label (IPTC "composite with trained algorithmic media") that editors such as Photoshop generative fill or phone "AI edit" features write when part of a picture was generated. ' +
      'The damage shown may have been added or changed. A customer who only removed a background object would also leave this label, so check what was edited.',
  },
  algorithmicMedia: {
    points: 'ai',
    title: 'Labelled as computer-generated',
    detail: 'The file is labelled as created by an algorithm without a camera (IPTC "algorithmic media"), for example a 3D render. It is not a plain photo.',
  },
  compositeSynthetic: {
    points: 'edited',
    title: 'Labelled as a composite including synthetic elements',
    detail: 'The file is labelled as a composite that includes synthetic (non-camera) elements. Parts of the picture did not come from a camera.',
  },
  algorithmicallyEnhanced: {
    points: 'edited',
    title: 'Labelled as algorithmically enhanced',
    detail: 'A tool labelled this image as enhanced by an algorithm (for example AI upscaling or denoising). Enhancement changes pixels but usually not what is shown.',
  },
  humanEdits: {
    points: 'edited',
    title: 'Labelled as edited by a person',
    detail: 'An editing program labelled this image as edited. Cropping and brightness changes are common and innocent; it still means the photo is not as it left the camera.',
  },
  composite: {
    points: 'edited',
    title: 'Labelled as a composite',
    detail: 'The file is labelled as a composite of several images.',
  },
  digitalCapture: {
    points: 'authentic',
    title: 'Labelled as a camera capture',
    detail: 'The file carries the standard label for an original digital camera capture. This supports the photo being genuine, though labels can be copied into other files.',
  },
  computationalCapture: {
    points: 'authentic',
    title: 'Labelled as a phone camera capture (computational photography)',
    detail: 'The file is labelled as captured by a camera with computational processing, which is what modern phones do. This supports the photo being genuine.',
  },
  screenCapture: {
    points: 'neutral',
    title: 'Labelled as a screenshot',
    detail: 'The file is labelled as a screen capture. The customer sent a screenshot rather than the original photo; ask for the original file if the claim depends on this picture.',
  },
  negativeFilm: { points: 'neutral', title: 'Labelled as a scan of film', detail: 'The file is labelled as a scan of a film negative.' },
  positiveFilm: { points: 'neutral', title: 'Labelled as a scan of film', detail: 'The file is labelled as a scan of a slide.' },
  print: { points: 'neutral', title: 'Labelled as a scan of a print', detail: 'The file is labelled as a scan of a printed picture.' },
};

const TERM = /(?:digitalsourcetype\/)?([A-Za-z]+)\s*$/;
/** Matches attribute (`Iptc4xmpExt:DigitalSourceType="…"`) and element forms, any prefix. */
const IN_PACKET = /DigitalSourceType(?:\s*=\s*["']([^"']+)["']|>\s*([^<\s]+)\s*<)/g;

export function sourceTypeTerms(values: unknown[]): string[] {
  const terms = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = v.trim().match(TERM);
    if (m && Object.hasOwn(SOURCE_TYPES, m[1])) terms.add(m[1]);
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
        title: text.title,
        detail: text.detail,
        data: { digitalSourceType: `http://cv.iptc.org/newscodes/digitalsourcetype/${term}`, foundIn: 'XMP metadata' },
      });
    }
    return findings;
  },
});
