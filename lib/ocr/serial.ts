/**
 * Comparing an expected serial (or order) number with text read on a photo. OCR confuses
 * look-alike characters, and labels print serials with spaces, dashes or a "S/N:" prefix, so
 * both sides are reduced to a canonical form first: letters upper-cased, separators dropped,
 * and look-alikes folded onto one character (O→0, I/L→1, S→5, B→8, Z→2). A serial matches a
 * line when its canonical form appears in the line's canonical form — for serials of at least
 * LONG_SERIAL canonical characters, with at most one character substituted, missing or extra.
 *
 * Serial-like strings (for "does not match" and for reading without an expected value): runs
 * of at least 5 canonical characters with at least one digit, taken from a line after any
 * serial/order label, or as single words.
 */

/** Canonical serials at least this long tolerate one edit (shorter ones must match exactly). */
export const LONG_SERIAL = 8;
/** Expected values shorter than this (canonical) are too short to look for. */
export const MIN_SERIAL = 4;
/** Longest expected value considered (longer input is cut). */
export const MAX_SERIAL = 64;

const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2' };

/** The canonical form: upper case, letters and digits only, look-alikes folded. */
export function canonicalSerial(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toUpperCase()) {
    if (/[A-Z0-9]/.test(ch)) out += LOOK_ALIKES[ch] ?? ch;
  }
  return out;
}

/**
 * The smallest edit distance (substitutions, insertions, deletions) between `needle` and any
 * substring of `hay` (Sellers' algorithm), with where that substring ends.
 */
export function bestSubstringDistance(needle: string, hay: string): { distance: number; end: number } {
  const m = needle.length;
  if (m === 0) return { distance: 0, end: 0 };
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = { distance: m, end: 0 };
  for (let j = 1; j <= hay.length; j++) {
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const cost = needle[i - 1] === hay[j - 1] ? 0 : 1;
      cur[i] = Math.min(prev[i - 1] + cost, prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[m] < best.distance) best = { distance: cur[m], end: j };
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** Plain edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export interface SerialMatch {
  /** The line that carries the serial, as read. */
  line: string;
  /** The serial-like part of that line closest to the expected value (the line when none). */
  read: string;
  /** 0: identical once canonical; 1: one character off. */
  distance: number;
  /** True when the raw texts differ only by case, spaces and separators (no look-alike needed). */
  exact: boolean;
}

const squeeze = (s: string) => s.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Where `expected` appears among the lines read, allowing for OCR's usual confusions. */
export function findSerial(expected: string, lines: readonly string[]): SerialMatch | undefined {
  const want = canonicalSerial(expected.slice(0, MAX_SERIAL));
  if (want.length < MIN_SERIAL) return undefined;
  const allowed = want.length >= LONG_SERIAL ? 1 : 0;
  let best: SerialMatch | undefined;
  // Lines read separately (a serial printed over two boxes) are also tried joined pairwise.
  const texts = [...lines, ...lines.slice(1).map((l, i) => `${lines[i]} ${l}`)];
  for (const line of texts) {
    const { distance } = bestSubstringDistance(want, canonicalSerial(line));
    if (distance > allowed || (best && best.distance <= distance)) continue;
    best = { line, read: line, distance, exact: distance === 0 && squeeze(line).includes(squeeze(expected)) };
    if (distance === 0) break;
  }
  if (best) {
    const closest = serialLikeStrings([best.line])
      .map((text) => ({ text, d: bestSubstringDistance(want, canonicalSerial(text)).distance + Math.abs(canonicalSerial(text).length - want.length) }))
      .sort((a, b) => a.d - b.d)[0];
    if (closest && bestSubstringDistance(want, canonicalSerial(closest.text)).distance <= allowed) best.read = closest.text;
  }
  return best;
}

/** Words that introduce a serial or order number on a label. */
const LABEL = /\b(?:S\s*\/\s*N|SN|SER(?:IAL)?(?:\s*(?:NO|NUMBER|#))?|ORDER(?:\s*(?:NO|NUMBER|#))?|P\s*\/\s*N|IMEI)\b\.?\s*[:#.]?\s*/i;

/** True for text shaped like a serial: 5–64 letters and digits, a digit among them, no lower-case words. */
export function isSerialLike(text: string): boolean {
  const canon = squeeze(text);
  return canon.length >= 5 && canon.length <= MAX_SERIAL && /[0-9]/.test(canon) && !/\p{Ll}{3}/u.test(text) && !/[^\p{L}\p{N}\s\-./#:_]/u.test(text);
}

/**
 * Serial-like strings in the lines read, as read: the text after a serial/order label first,
 * then single words.
 */
export function serialLikeStrings(lines: readonly string[]): string[] {
  const labelled: string[] = [];
  const words: string[] = [];
  const add = (raw: string, into: string[]) => {
    const text = raw.trim().replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    if (isSerialLike(text) && !labelled.includes(text) && !words.includes(text)) into.push(text);
  };
  for (const line of lines) {
    const label = LABEL.exec(line);
    if (label) add(line.slice(label.index + label[0].length), labelled);
    for (const word of line.split(/[\s:]+/)) add(word, words);
  }
  // A longer string that contains a shorter one (the words of a labelled serial) replaces it.
  const all = [...labelled, ...words];
  return all.filter((s) => !all.some((o) => o !== s && squeeze(o).includes(squeeze(s)) && squeeze(o).length > squeeze(s).length));
}

const letters = (s: string) => squeeze(s).replace(/[0-9]/g, '').length;

/**
 * The strings read that have the expected value's shape without matching it, closest first:
 * about the same length (within 30%, at least 2 characters) and about as many letters
 * (within 25%, at least 1), so that a model number is not taken for an order number.
 */
export function similarSerials(expected: string, candidates: readonly string[]): { text: string; distance: number }[] {
  const value = expected.slice(0, MAX_SERIAL);
  const want = canonicalSerial(value);
  const slack = Math.max(2, Math.round(want.length * 0.3));
  const letterSlack = Math.max(1, Math.floor(want.length * 0.25));
  return candidates
    .map((text) => ({ text, canon: canonicalSerial(text) }))
    .filter(({ text, canon }) => Math.abs(canon.length - want.length) <= slack && Math.abs(letters(text) - letters(value)) <= letterSlack)
    .map(({ text, canon }) => ({ text, distance: editDistance(want, canon) }))
    .sort((a, b) => a.distance - b.distance);
}
