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

/** Team limits for claim patterns (the "limit refunds per order id without review" policy). */
export interface ClaimPolicy {
  /** Window for counting a customer's claims, in days. */
  claimWindowDays: number;
  /** A customer with more claims than this within the window gets a flag. */
  customerClaimLimit: number;
  /** An order with more claims than this gets a flag. */
  orderClaimLimit: number;
}

export const DEFAULT_CLAIM_POLICY: ClaimPolicy = {
  claimWindowDays: 90,
  customerClaimLimit: 2,
  orderClaimLimit: 1,
};
