/**
 * Team-configurable settings and their defaults. The engine receives the verdict part;
 * the extension stores the rest (see lib/store). Managed policy merges over these.
 */
import type { RiskLevel } from '../engine/types';

export interface VerdictSettings {
  /** Score (0-100) from which an image needs review. */
  reviewAt: number;
  /** Score (0-100) from which an image is high risk. */
  highAt: number;
  /** What the agent should do next, per level. */
  recommendations: Record<RiskLevel, string>;
}

export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = {
  reviewAt: 60,
  highAt: 85,
  recommendations: {
    low: 'No sign of manipulation found — follow the standard policy. Absence of evidence is not proof.',
    review: 'Ask for a short video of the item showing the damage and the shipping label.',
    high: 'Escalate to fraud review before refunding.',
  },
};
