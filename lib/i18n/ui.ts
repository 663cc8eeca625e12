/**
 * Report texts in the UI language: an evidence item's title and detail from its message
 * references (falling back to the English strings when an item has none, e.g. from detectors
 * that only write English, or when a reference does not resolve), the risk level's label, and
 * the recommendation — the default texts translated, a team's own wording shown as written.
 */
import type { Evidence, Risk, RiskLevel } from '../engine/types';
import { DEFAULT_VERDICT_SETTINGS } from '../settings/defaults';
import { problemsOf, render, t, type Locale } from './messages';

export function evidenceText(e: Pick<Evidence, 'title' | 'detail' | 'text'>, part: 'title' | 'detail', locale: Locale): string {
  const ref = e.text?.[part];
  if (locale === 'en' || !ref || problemsOf(ref, locale).length > 0) return e[part];
  return render(ref, locale);
}

export function levelLabel(level: RiskLevel, locale: Locale): string {
  return t(`level.${level}`, undefined, locale);
}

const LEVELS: readonly RiskLevel[] = ['low', 'review', 'high'];

export function recommendationText(risk: Pick<Risk, 'recommendation'>, locale: Locale): string {
  if (locale === 'en') return risk.recommendation;
  const level = LEVELS.find((l) => DEFAULT_VERDICT_SETTINGS.recommendations[l] === risk.recommendation);
  return level ? t(`recommendation.${level}`, undefined, locale) : risk.recommendation;
}
