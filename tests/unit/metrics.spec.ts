/** ROC AUC and TPR-at-FPR of `claimlens eval`, on arrays small enough to check by hand. */
import { describe, expect, it } from 'vitest';
import { rocAuc, separation, tprAtFpr, type Scored } from '../../cli/metrics';

const items = (pos: number[], neg: number[]): Scored[] => [
  ...pos.map((score) => ({ score, positive: true })),
  ...neg.map((score) => ({ score, positive: false })),
];

describe('rocAuc', () => {
  it('is 1 for perfect separation and 0 for perfectly reversed scores', () => {
    expect(rocAuc(items([3, 4], [1, 2]))).toBe(1);
    expect(rocAuc(items([1, 2], [3, 4]))).toBe(0);
  });

  it('counts the share of positive-negative pairs ranked right', () => {
    // pairs: 8>5, 8>3, 6>5, 6>3, 4<5, 4>3 → 5 of 6
    expect(rocAuc(items([8, 6, 4], [5, 3]))).toBeCloseTo(5 / 6, 12);
  });

  it('counts tied pairs as one half', () => {
    expect(rocAuc(items([5, 5], [5, 5]))).toBe(0.5);
    // pairs: (2,1)=1, (2,0)=1, (1,1)=½, (1,0)=1 → 3.5 of 4
    expect(rocAuc(items([2, 1], [1, 0]))).toBe(0.875);
    // (7,3)=1, (7,3)=1, (3,3)=½, (3,3)=½ → 3 of 4
    expect(rocAuc(items([7, 3], [3, 3]))).toBe(0.75);
  });

  it('does not depend on input order', () => {
    const a = items([8, 6, 4], [5, 3]);
    expect(rocAuc([...a].reverse())).toBeCloseTo(5 / 6, 12);
  });

  it('is NaN when a class is empty', () => {
    expect(rocAuc(items([1, 2], []))).toBeNaN();
    expect(rocAuc(items([], [1]))).toBeNaN();
  });
});

describe('tprAtFpr', () => {
  // 4 positives, 10 negatives: each flagged negative adds 10% FPR.
  const sweep = items([10, 9, 7, 5], [8, 6, 4, 3, 2, 1, 1, 1, 1, 1]);

  it('takes the lowest threshold that keeps the FPR within the limit', () => {
    expect(tprAtFpr(sweep, 0)).toEqual({ tpr: 0.5, fpr: 0, threshold: 9 });
    expect(tprAtFpr(sweep, 0.05)).toEqual({ tpr: 0.5, fpr: 0, threshold: 9 });
    expect(tprAtFpr(sweep, 0.1)).toEqual({ tpr: 0.75, fpr: 0.1, threshold: 7 });
    expect(tprAtFpr(sweep, 0.2)).toEqual({ tpr: 1, fpr: 0.2, threshold: 5 });
    expect(tprAtFpr(sweep, 1)).toEqual({ tpr: 1, fpr: 1, threshold: 1 });
  });

  it('flags tied scores together', () => {
    // At threshold 5 both positives and one of two negatives are flagged (FPR 50%).
    const tied = items([5, 5], [5, 1]);
    expect(tprAtFpr(tied, 0.4)).toEqual({ tpr: 0, fpr: 0, threshold: Infinity });
    expect(tprAtFpr(tied, 0.5)).toEqual({ tpr: 1, fpr: 0.5, threshold: 5 });
  });

  it('returns NaN rates when a class is empty', () => {
    const r = tprAtFpr(items([1], []), 0.01);
    expect(r.tpr).toBeNaN();
    expect(r.fpr).toBeNaN();
  });
});

describe('separation', () => {
  // 100 positives at k + 0.5 and 100 negatives at k (k = 0…99): a positive beats a negative
  // exactly when its k is at least the negative's, 5050 of 10000 pairs.
  const ks = Array.from({ length: 100 }, (_, k) => k);
  const interleaved = items(
    ks.map((k) => k + 0.5),
    ks,
  );

  it('gives the AUC of interleaved scores and the TPR at 1% and 5% FPR', () => {
    const s = separation(interleaved);
    expect(s.positives).toBe(100);
    expect(s.negatives).toBe(100);
    expect(s.rocAuc).toBeCloseTo(0.505, 12);
    // From the top: 99.5 (AI), 99 (real: 1% FPR), 98.5 (AI), 98 (real: 2%, too many).
    expect(s.tprAt1PctFpr).toEqual({ tpr: 0.02, fpr: 0.01, threshold: 98.5 });
    // Five real photos flagged (≥ 95) leaves room for six AI images (≥ 94.5).
    expect(s.tprAt5PctFpr).toEqual({ tpr: 0.06, fpr: 0.05, threshold: 94.5 });
  });

  it('is 1 when the statistic separates perfectly and 0 when it runs the other way', () => {
    const up = separation(items([0.9, 0.8, 0.7], [0.3, 0.2]));
    expect(up.rocAuc).toBe(1);
    expect(up.tprAt1PctFpr).toEqual({ tpr: 1, fpr: 0, threshold: 0.7 });
    const down = separation(items([0.3, 0.2], [0.9, 0.8, 0.7]));
    expect(down.rocAuc).toBe(0);
    expect(down.tprAt5PctFpr).toEqual({ tpr: 0, fpr: 0, threshold: Infinity });
  });

  it('gives NaN for a missing class', () => {
    const s = separation(items([1, 2], []));
    expect(s.negatives).toBe(0);
    expect(s.rocAuc).toBeNaN();
    expect(s.tprAt5PctFpr.tpr).toBeNaN();
  });
});
