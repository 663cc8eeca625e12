/**
 * The detector contract. A detector reads shared inputs and returns evidence; it never
 * decides the verdict, never touches browser or extension APIs, and never sets weights
 * (weights come from the committed calibration, applied by the runner).
 */
import type { AnalysisInput } from './inputs';
import type { Evidence, EvidenceFamily } from './types';

export type Finding = Omit<Evidence, 'weight' | 'family'>;

export interface Detector {
  /** Dotted id; every evidence id it emits starts with it. */
  id: string;
  family: EvidenceFamily;
  /**
   * Weights for evidence that a labelled image corpus cannot calibrate because it depends on
   * the claim's context (dates, ticket history). Used only when calibration.json has no entry
   * for the id; each value is a log-likelihood ratio justified in the detector's module.
   */
  declaredWeights?: Readonly<Record<string, number>>;
  /** Overrides LIMITS.detectorBudgetMs for slow detectors. */
  budgetMs?: number;
  run(input: AnalysisInput): Promise<Finding[]>;
}

export function defineDetector(d: Detector): Detector {
  return d;
}
