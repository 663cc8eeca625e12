/**
 * Runs detectors over one input: a time budget each, timings recorded, and a thrown error
 * turned into an `engine.error` evidence item so one failing detector never loses the
 * others' results.
 */
import type { Detector, Finding } from './detector';
import { PixelsUnavailableError, type AnalysisInput } from './inputs';
import type { Evidence } from './types';
import { clip, LIMITS } from './limits';
import { msg, sayRefs } from '../i18n/messages';

export interface RunResult {
  evidence: Evidence[];
  timings: Record<string, number>;
}

/** The calibrated weight of an evidence id, or undefined when the calibration has none. */
export type WeightLookup = (evidenceId: string) => number | undefined;

class BudgetExceeded extends Error {}

function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceeded(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function errorEvidence(detectorId: string, err: unknown): Evidence {
  const message = err instanceof Error ? err.message : String(err);
  const timedOut = err instanceof BudgetExceeded;
  return {
    id: 'engine.error',
    family: 'engine',
    points: 'neutral',
    weight: 0,
    ...sayRefs(
      msg(timedOut ? 'engine.error.timeout.title' : 'engine.error.failed.title', { detector: detectorId }),
      msg('engine.error.detail', { message }),
    ),
    data: { detector: detectorId, error: message },
  };
}

/** One item when the file's metadata block is damaged (the metadata checks then see none). */
export function metadataUnreadableEvidence(reason: string): Evidence {
  return {
    id: 'engine.metadata-unreadable',
    family: 'engine',
    points: 'neutral',
    weight: 0,
    title: 'The file’s metadata block is damaged and could not be read',
    detail:
      `The camera/editing metadata of this file could not be read (${clip(reason, 200)}), so the checks that rely on it found nothing. ` +
      'Damaged metadata happens with some apps and transfers; it is not in itself a sign of fraud.',
    data: { reason: clip(reason, 200) },
  };
}

/** One item for every check skipped because the pixels could not be decoded. */
export function pixelsSkippedEvidence(detectorIds: string[], reason: string): Evidence {
  return {
    id: 'engine.pixels-skipped',
    family: 'engine',
    points: 'neutral',
    weight: 0,
    ...sayRefs(msg('engine.pixels-skipped.title'), msg('engine.pixels-skipped.detail', { reason })),
    data: { reason, skipped: detectorIds.join(', ') },
  };
}

export async function runDetectors(
  detectors: readonly Detector[],
  input: AnalysisInput,
  weightOf: WeightLookup,
): Promise<RunResult> {
  const evidence: Evidence[] = [];
  const timings: Record<string, number> = {};
  const skipped: string[] = [];
  let skipReason = '';
  for (const detector of detectors) {
    const started = performance.now();
    try {
      const findings: Finding[] = await withBudget(
        Promise.resolve().then(() => detector.run(input)),
        detector.budgetMs ?? LIMITS.detectorBudgetMs,
      );
      for (const f of findings) {
        const weight = weightOf(f.id) ?? detector.declaredWeights?.[f.id] ?? 0;
        evidence.push({ ...f, family: detector.family, weight });
      }
    } catch (err) {
      if (err instanceof PixelsUnavailableError) {
        skipped.push(detector.id);
        skipReason = err.message;
      } else evidence.push(errorEvidence(detector.id, err));
    }
    timings[detector.id] = Math.round((performance.now() - started) * 100) / 100;
  }
  if (skipped.length) evidence.push(pixelsSkippedEvidence(skipped, skipReason));
  return { evidence, timings };
}
