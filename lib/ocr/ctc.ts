/**
 * Greedy CTC decoding of PaddleOCR's recogniser output: for every time step the most likely
 * class; repeats collapsed, blanks (class 0) dropped; class k > 0 is the dictionary's
 * character k − 1 (the dictionary file's lines, then a space). The line's confidence is the
 * mean probability of the characters kept, as PaddleOCR reports it.
 */

export interface Decoded {
  text: string;
  /** Mean probability of the kept characters (0 when none). */
  confidence: number;
}

/** The recogniser's classes for a dictionary file: its lines and a space (blank is class 0). */
export function dictionaryFrom(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return [...lines, ' '];
}

/**
 * Decodes one sequence: `probs` holds `steps` rows of `classes` probabilities. Classes beyond
 * the dictionary decode to nothing.
 */
export function ctcGreedyDecode(probs: ArrayLike<number>, steps: number, classes: number, dictionary: readonly string[]): Decoded {
  if (probs.length < steps * classes) throw new Error(`Recogniser output has ${probs.length} values, expected ${steps * classes}`);
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row];
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      const ch = dictionary[best - 1];
      if (ch !== undefined) {
        text += ch;
        sum += bestP;
        kept++;
      }
    }
    previous = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}
