/**
 * lib/verdict: combine() turns evidence into a risk — decisive suspicious evidence forces
 * "high", decisive authentic evidence forces "low", otherwise the log-odds sum of weights
 * on the prior gives the score; recommendations come from the (team) settings.
 * Also weightOf() and topReasons().
 */
import { describe, expect, it } from 'vitest';
import { combine, scoreOf, weightOf, type Calibration } from '../../lib/verdict';
import { topReasons } from '../../lib/verdict/reasons';
import { BADGE_EN } from '../../lib/i18n/badge-texts';
import { DEFAULT_VERDICT_SETTINGS, type VerdictSettings } from '../../lib/settings/defaults';
import type { Evidence } from '../../lib/engine/types';

const FLAT: Calibration = { prior: 0, weights: {} };

let n = 0;
function ev(partial: Partial<Evidence>): Evidence {
  n++;
  return { id: `test.item${n}`, family: 'metadata', points: 'neutral', weight: 0, title: `item ${n}`, detail: 'detail', ...partial };
}

const logistic = (x: number) => Math.round(100 / (1 + Math.exp(-x)));

describe('combine()', () => {
  it('decisive AI evidence makes the level high, whatever the weights say', () => {
    const risk = combine([ev({ points: 'ai', decisive: true, weight: 0 }), ev({ points: 'authentic', weight: -6 })], DEFAULT_VERDICT_SETTINGS, FLAT);
    expect(risk.level).toBe('high');
    expect(risk.score).toBe(DEFAULT_VERDICT_SETTINGS.highAt);
    expect(risk.recommendation).toBe(DEFAULT_VERDICT_SETTINGS.recommendations.high);
  });

  it('keeps a score above the high threshold when decisive AI evidence also weighs a lot', () => {
    const risk = combine([ev({ points: 'ai', decisive: true, weight: 5 })], DEFAULT_VERDICT_SETTINGS, FLAT);
    expect(risk).toMatchObject({ level: 'high', score: logistic(5) });
  });

  it.each(['edited', 'reused'] as const)('decisive %s evidence also makes the level high', (points) => {
    expect(combine([ev({ points, decisive: true })], DEFAULT_VERDICT_SETTINGS, FLAT).level).toBe('high');
  });

  it('decisive authentic evidence makes the level low, whatever the weights say', () => {
    const risk = combine([ev({ points: 'authentic', decisive: true }), ev({ points: 'ai', weight: 4 })], DEFAULT_VERDICT_SETTINGS, FLAT);
    expect(risk.level).toBe('low');
    expect(risk.score).toBe(DEFAULT_VERDICT_SETTINGS.reviewAt - 1);
    expect(risk.recommendation).toBe(DEFAULT_VERDICT_SETTINGS.recommendations.low);
  });

  it('decisive AI wins over decisive authentic evidence', () => {
    const risk = combine([ev({ points: 'authentic', decisive: true }), ev({ points: 'ai', decisive: true })], DEFAULT_VERDICT_SETTINGS, FLAT);
    expect(risk.level).toBe('high');
  });

  it('a decisive neutral item decides nothing', () => {
    expect(combine([ev({ points: 'neutral', decisive: true })], DEFAULT_VERDICT_SETTINGS, FLAT)).toMatchObject({ score: 50, level: 'low' });
  });

  it('sums weights on the prior as log-odds', () => {
    const evidence = [ev({ points: 'ai', weight: 1.5 }), ev({ points: 'ai', weight: 0.5, family: 'rules' }), ev({ points: 'neutral', weight: 0 })];
    expect(combine(evidence, DEFAULT_VERDICT_SETTINGS, FLAT)).toMatchObject({ score: 88, level: 'high' });
    expect(combine(evidence, DEFAULT_VERDICT_SETTINGS, { prior: -1, weights: {} })).toMatchObject({ score: logistic(1), level: 'review' });
    expect(combine([ev({ weight: -2 })], DEFAULT_VERDICT_SETTINGS, FLAT)).toMatchObject({ score: 12, level: 'low' });
    expect(combine([], DEFAULT_VERDICT_SETTINGS, { prior: -1.386, weights: {} }).score).toBe(20);
  });

  it('maps scores to levels at the configured thresholds', () => {
    // Two families push the score, so that high is reachable without decisive evidence.
    const at = (x: number) => combine([ev({ weight: x / 2 }), ev({ weight: x / 2, family: 'rules' })], DEFAULT_VERDICT_SETTINGS, FLAT);
    expect(at(Math.log(59 / 41)).level).toBe('low'); // 59
    expect(at(Math.log(60 / 40)).level).toBe('review'); // 60
    expect(at(Math.log(84 / 16)).level).toBe('review'); // 84
    expect(at(Math.log(85 / 15)).level).toBe('high'); // 85
  });

  it('ignores weights that are not finite numbers', () => {
    const risk = combine([ev({ weight: Number.NaN }), ev({ weight: Number.POSITIVE_INFINITY }), ev({ weight: 0.5 })], DEFAULT_VERDICT_SETTINGS, FLAT);
    expect(risk.score).toBe(logistic(0.5));
  });

  it('keeps the score within 0-100', () => {
    expect(scoreOf([ev({ weight: 1e6 })], 0)).toBe(100);
    expect(scoreOf([ev({ weight: -1e6 })], 0)).toBe(0);
  });

  it('takes thresholds and recommendation texts from the settings', () => {
    const settings: VerdictSettings = {
      reviewAt: 40,
      highAt: 70,
      recommendations: { low: 'Refund as usual.', review: 'Ask for a video of the parcel label.', high: 'Send to the fraud desk.' },
    };
    expect(combine([], settings, FLAT)).toEqual({ score: 50, level: 'review', recommendation: 'Ask for a video of the parcel label.' });
    expect(combine([ev({ weight: -1 })], settings, FLAT).recommendation).toBe('Refund as usual.');
    expect(combine([ev({ points: 'ai', decisive: true })], settings, FLAT)).toEqual({ score: 70, level: 'high', recommendation: 'Send to the fraud desk.' });
    expect(combine([ev({ points: 'authentic', decisive: true })], settings, FLAT)).toEqual({ score: 39, level: 'low', recommendation: 'Refund as usual.' });
  });

  it('uses the committed calibration and default settings when none are given', () => {
    const risk = combine([]);
    expect(['low', 'review', 'high']).toContain(risk.level);
    expect(risk.recommendation).toBe(DEFAULT_VERDICT_SETTINGS.recommendations[risk.level]);
  });
});

describe('weightOf()', () => {
  it('reads the calibration and gives 0 for ids it does not know', () => {
    const cal: Calibration = { prior: 0, weights: { 'metadata.camera.present': -2.5 } };
    expect(weightOf('metadata.camera.present', cal)).toBe(-2.5);
    expect(weightOf('test.unknown', cal)).toBe(0);
    expect(weightOf('test.never-calibrated')).toBe(0);
  });
});

describe('topReasons()', () => {
  it('puts decisive items first, then the strongest weights, and skips engine errors', () => {
    const error = ev({ id: 'engine.error', family: 'engine', weight: 0 });
    const weak = ev({ id: 'metadata.weak', weight: 0.2 });
    const strong = ev({ id: 'metadata.strong', weight: -3 });
    const decisive = ev({ id: 'provenance.x', family: 'provenance', points: 'ai', decisive: true, weight: 0 });
    expect(topReasons([error, weak, strong, decisive]).map((e) => e.id)).toEqual(['provenance.x', 'metadata.strong']);
    expect(topReasons([error, weak, strong, decisive], 5).map((e) => e.id)).toEqual(['provenance.x', 'metadata.strong', 'metadata.weak']);
  });

  it('has a label for every level', () => {
    expect(['level.high', 'level.low', 'level.review'].every((k) => k in BADGE_EN)).toBe(true);
  });
});

describe('combine() without decisive evidence', () => {
  const item = (id: string, family: Evidence['family'], weight: number): Evidence => ({ id, family, points: 'ai', weight, title: id, detail: '' });

  it('keeps weak signs of one family at review however high they add up', () => {
    const risk = combine([item('metadata.a', 'metadata', 2), item('metadata.b', 'metadata', 2.5)], DEFAULT_VERDICT_SETTINGS, { prior: 0, weights: {} });
    expect(risk.level).toBe('review');
    expect(risk.score).toBe(DEFAULT_VERDICT_SETTINGS.highAt - 1);
  });

  it('lets signs of two families reach high', () => {
    const risk = combine([item('metadata.a', 'metadata', 2), item('rules.b', 'rules', 2.5)], DEFAULT_VERDICT_SETTINGS, { prior: 0, weights: {} });
    expect(risk.level).toBe('high');
    expect(risk.score).toBeGreaterThanOrEqual(DEFAULT_VERDICT_SETTINGS.highAt);
  });
});
