/**
 * Detection metrics for `claimlens eval`: ROC AUC (Mann–Whitney, ties count one half) and the
 * true-positive rate reachable at a given false-positive rate (threshold sweep). Scores are
 * "higher means more likely AI"; an image counts as flagged when its score is ≥ the threshold.
 */

export interface Scored {
  score: number;
  /** true for AI (positive), false for real (negative). */
  positive: boolean;
}

/**
 * Probability that a random positive scores above a random negative, ties counted as one
 * half. Computed from average ranks (the Mann–Whitney U statistic). NaN when either class
 * is empty.
 */
export function rocAuc(items: readonly Scored[]): number {
  const pos = items.filter((i) => i.positive).length;
  const neg = items.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
    // items i..j-1 share ranks i+1..j; each gets their average
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k].positive) rankSumPos += avgRank;
    i = j;
  }
  const u = rankSumPos - (pos * (pos + 1)) / 2;
  return u / (pos * neg);
}

export interface RatePoint {
  /** Share of positives flagged (score ≥ threshold). */
  tpr: number;
  /** Share of negatives flagged at the same threshold. */
  fpr: number;
  /** Lowest score flagged; Infinity when no threshold keeps the FPR low enough except "flag nothing". */
  threshold: number;
}

/**
 * The highest TPR over all thresholds whose FPR is at most `maxFpr`. Thresholds are the
 * distinct scores (plus "flag nothing"), so tied scores are flagged or passed together.
 * NaN rates when either class is empty.
 */
export function tprAtFpr(items: readonly Scored[], maxFpr: number): RatePoint {
  const pos = items.filter((i) => i.positive).length;
  const neg = items.length - pos;
  if (pos === 0 || neg === 0) return { tpr: NaN, fpr: NaN, threshold: NaN };
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let best: RatePoint = { tpr: 0, fpr: 0, threshold: Infinity };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; ) {
    const threshold = sorted[i].score;
    while (i < sorted.length && sorted[i].score === threshold) {
      if (sorted[i].positive) tp++;
      else fp++;
      i++;
    }
    const fpr = fp / neg;
    if (fpr > maxFpr + 1e-12) break;
    best = { tpr: tp / pos, fpr, threshold };
  }
  return best;
}

export interface Separation {
  positives: number;
  negatives: number;
  /** NaN when either class is empty. */
  rocAuc: number;
  tprAt1PctFpr: RatePoint;
  tprAt5PctFpr: RatePoint;
}

/** ROC AUC and TPR at 1% and 5% FPR of one set of scores. */
export function separation(items: readonly Scored[]): Separation {
  const positives = items.filter((i) => i.positive).length;
  return {
    positives,
    negatives: items.length - positives,
    rocAuc: rocAuc(items),
    tprAt1PctFpr: tprAtFpr(items, 0.01),
    tprAt5PctFpr: tprAtFpr(items, 0.05),
  };
}
