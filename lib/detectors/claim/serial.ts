/**
 * claim.serial — the serial (or order) number printed on the photographed item against the
 * one the claim expects. Runs only when the claim context carries an expected value
 * (`context.serial`) or the analysis was asked to read text (`analyze(…, { ocr: true })`);
 * otherwise it returns nothing and the OCR models are never loaded.
 *
 * Text is read with PaddleOCR's PP-OCRv4 models (lib/ocr) on a bounded working resolution;
 * see lib/ocr/serial.ts for how look-alike characters (O/0, I/1/l, S/5, B/8, Z/2), spaces and
 * dashes are tolerated. Outcomes: the serial matches, a serial-like string of the same shape
 * but a different value was read (does not match), or nothing of that shape was read (not
 * visible — innocent more often than not). With no expected value, the serial-like strings
 * read are listed, without weight.
 *
 * Budget: OCR_BUDGET_MS, larger than the default detector budget because the first picture
 * also loads the models (about 15 MB; 3–4 s in Node) and a cold WebAssembly runtime. The
 * text lines are read largest first and reading stops READ_MARGIN_MS before the budget ends,
 * so a slow device reports the lines it has read instead of nothing.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { AnalysisInput } from '../../engine/inputs';
import { clip } from '../../engine/limits';
import { list, msg, say } from '../../i18n/messages';
import { readText, type OcrLine } from '../../ocr/read';
import { canonicalSerial, findSerial, MAX_SERIAL, MIN_SERIAL, serialLikeStrings, similarSerials } from '../../ocr/serial';

/** Time budget of the serial check, model loading included. */
export const OCR_BUDGET_MS = 20_000;
/** No new text line is started this close to the end of the budget. */
const READ_MARGIN_MS = 2_500;
/** Most serial-like strings shown. */
const MAX_SHOWN = 8;

/** Set by analyze() when the caller asked for the text on the photo to be read. */
export interface OcrRequest {
  readonly ocrRequested?: boolean;
}

const requested = (input: AnalysisInput): boolean => (input as AnalysisInput & OcrRequest).ocrRequested === true;

/** The expected serial from the context, when it is long enough to look for. */
function expectedSerial(value: string | undefined): string | undefined {
  const text = value?.trim().slice(0, MAX_SERIAL);
  return text && canonicalSerial(text).length >= MIN_SERIAL ? text : undefined;
}

const shown = (text: string) => clip(text, 80);

export const serialOnPhoto = defineDetector({
  id: 'claim.serial',
  family: 'claim',
  budgetMs: OCR_BUDGET_MS,
  /*
   * No labelled image corpus carries expected serials, so these weights are declared, not
   * calibrated. A matching serial ties the photo to the ordered unit (−0.5: mild support; a
   * label can be photographed from a genuine unit for a false claim, or edited in). A
   * different serial of the same shape suggests another unit (+1.0, about 2.7:1), kept well
   * short of decisive because OCR misreads and second labels (box, charger) are common. Not
   * finding the serial, and reading without an expected value, carry no weight.
   */
  declaredWeights: {
    'claim.serial.match': -0.5,
    'claim.serial.mismatch': 1.0,
    'claim.serial.not-visible': 0,
    'claim.serial.read': 0,
    'claim.serial.none-read': 0,
  },
  async run(input) {
    const started = performance.now();
    const expected = expectedSerial(input.context.serial);
    if (!expected && !requested(input)) return [];
    if (!input.host.ocr) throw new Error('this host has no OCR models');
    const pixels = await input.pixels();
    const loadStarted = performance.now();
    const models = await input.host.ocr.load();
    const loadMs = Math.round(performance.now() - loadStarted);
    const result = await readText(pixels, models, { deadline: started + OCR_BUDGET_MS - READ_MARGIN_MS });
    const texts = result.lines.map((l) => l.text);
    const serialLike = serialLikeStrings(texts);
    const data: Record<string, unknown> = {
      ...(expected ? { expected } : {}),
      serialLike: serialLike.slice(0, MAX_SHOWN * 2).map(shown),
      lines: result.lines.map(lineData),
      textBoxes: result.boxesFound,
      ...(result.partial ? { partial: true } : {}),
      backend: models.detection.backend,
      detectionSize: `${result.detectionSize.width}×${result.detectionSize.height}`,
      loadMs,
      detectMs: result.detectMs,
      recognizeMs: result.recognizeMs,
    };
    const seen = texts.length
      ? msg('claim.serial.seen.some', { texts: list('comma', texts.slice(0, MAX_SHOWN).map(shown)) })
      : msg('claim.serial.seen.none');
    const findings: Finding[] = [];
    if (expected) {
      const match = findSerial(expected, texts);
      if (match) {
        const how = match.distance > 0 ? 'claim.serial.how.one-off' : match.exact ? 'claim.serial.how.exact' : 'claim.serial.how.lookalike';
        findings.push({
          id: 'claim.serial.match',
          points: 'authentic',
          ...say('claim.serial.match', { read: shown(match.read), expected, how: msg(how) }),
          data: { ...data, read: shown(match.read), line: shown(match.line), differingCharacters: match.distance },
        });
        return findings;
      }
      const similar = similarSerials(expected, serialLike).slice(0, MAX_SHOWN);
      if (similar.length) {
        findings.push({
          id: 'claim.serial.mismatch',
          points: 'reused',
          ...say('claim.serial.mismatch', { first: shown(similar[0].text), read: list('comma', similar.map((s) => shown(s.text))), expected }),
          data: { ...data, read: similar.map((s) => shown(s.text)), closestDistance: similar[0].distance },
        });
        return findings;
      }
      findings.push({ id: 'claim.serial.not-visible', points: 'neutral', ...say('claim.serial.not-visible', { expected, seen }), data });
      return findings;
    }
    if (serialLike.length) {
      const strings = serialLike.slice(0, MAX_SHOWN).map(shown);
      findings.push({
        id: 'claim.serial.read',
        points: 'neutral',
        ...say('claim.serial.read', { first: strings[0], count: serialLike.length, read: list('comma', strings) }),
        data,
      });
    } else {
      findings.push({ id: 'claim.serial.none-read', points: 'neutral', ...say('claim.serial.none-read', { seen }), data });
    }
    return findings;
  },
});

function lineData(line: OcrLine): Record<string, unknown> {
  return { text: shown(line.text), confidence: line.confidence, box: line.box.flat() };
}
