/**
 * Turns evidence into a risk level: a log-odds sum of calibrated weights on top of the
 * calibrated prior, squashed to 0-100; decisive evidence sets the level directly, and without
 * it, high needs signs from at least two evidence families.
 * The weights come from calibration.json, written by `claimlens eval --write-calibration`.
 */
import type { Evidence, Risk, RiskLevel } from '../engine/types';
import { DEFAULT_VERDICT_SETTINGS, type VerdictSettings } from '../settings/defaults';
import calibration from './calibration.json' with { type: 'json' };

export interface Calibration {
  /** Log prior odds the verdict starts from. */
  prior: number;
  /** Log-likelihood ratio per evidence id. */
  weights: Record<string, number>;
  generatedAt?: string;
  source?: string;
}

export const CALIBRATION: Calibration = calibration as Calibration;

/** Evidence ids not present in the calibration contribute nothing until calibrated. */
export function weightOf(evidenceId: string, cal: Calibration = CALIBRATION): number {
  return cal.weights[evidenceId] ?? 0;
}

const SUSPICIOUS = new Set(['ai', 'edited', 'reused']);

export function scoreOf(evidence: readonly Evidence[], prior: number = CALIBRATION.prior): number {
  const logOdds = evidence.reduce((sum, e) => sum + (Number.isFinite(e.weight) ? e.weight : 0), prior);
  return Math.round(100 / (1 + Math.exp(-logOdds)));
}

function levelOf(score: number, s: VerdictSettings): RiskLevel {
  if (score >= s.highAt) return 'high';
  if (score >= s.reviewAt) return 'review';
  return 'low';
}

/** How many evidence families push the score up (metadata, pixels, model, reuse, …). */
function familiesRaising(evidence: readonly Evidence[]): number {
  return new Set(evidence.filter((e) => e.weight > 0).map((e) => e.family)).size;
}

export function combine(
  evidence: readonly Evidence[],
  settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS,
  cal: Calibration = CALIBRATION,
): Risk {
  let score = scoreOf(evidence, cal.prior);
  let level = levelOf(score, settings);
  const decisive = evidence.filter((e) => e.decisive);
  if (decisive.some((e) => SUSPICIOUS.has(e.points))) {
    level = 'high';
    score = Math.max(score, settings.highAt);
  } else if (decisive.some((e) => e.points === 'authentic')) {
    level = 'low';
    score = Math.min(score, settings.reviewAt - 1);
  } else if (level === 'high' && familiesRaising(evidence) < 2) {
    // Weak signs of a single kind (say, no camera details and a generator-like size) ask for a
    // closer look, not for an escalation: high needs decisive evidence or two kinds of signs.
    level = 'review';
    score = Math.min(score, settings.highAt - 1);
  }
  return { score, level, recommendation: settings.recommendations[level] };
}
