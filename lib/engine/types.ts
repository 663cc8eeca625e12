/**
 * The evidence model shared by every part of ClaimLens (see DESIGN.md, "Evidence").
 * Plain data only: a Report must survive structured clone, JSON and runtime messaging.
 */

export type EvidenceFamily =
  | 'provenance'
  | 'metadata'
  | 'pixels'
  | 'model'
  | 'reuse'
  | 'claim'
  | 'rules'
  | 'engine';

export type EvidencePoints = 'ai' | 'edited' | 'reused' | 'authentic' | 'neutral';

export interface Heatmap {
  kind: 'heatmap';
  width: number;
  height: number;
  /** Row-major values, `width * height` long. */
  values: number[];
  min: number;
  max: number;
  label: string;
}

export interface Spectrum {
  kind: 'spectrum';
  size: number;
  values: number[];
  label: string;
}

/**
 * A catalogue message (lib/i18n): its key and the values for its `{name}` placeholders. Values
 * are file or page data (render as text only), or nested messages and lists of them.
 */
export interface MessageRef {
  key: string;
  params?: Record<string, MessageParam>;
}

/** Items joined with the catalogue's separator `join.<join>` (', ' in English, '、' in Chinese …). */
export interface MessageList {
  join: 'comma' | 'semicolon' | 'and';
  items: MessageParam[];
}

export type MessageParam = string | number | MessageRef | MessageList;

export interface Evidence {
  /** Stable dotted id, e.g. 'provenance.generator.comfyui'. */
  id: string;
  family: EvidenceFamily;
  points: EvidencePoints;
  /** Log-likelihood-ratio contribution; filled from the committed calibration. */
  weight: number;
  /** Decides the level on its own (a generator's own metadata, a C2PA AI claim ...). */
  decisive?: boolean;
  /** One short line for the agent. */
  title: string;
  /** What was seen, what it usually means, what else could explain it. */
  detail: string;
  /** Raw values for the expandable table. Strings here are page/file data: render as text only. */
  data?: Record<string, unknown>;
  visual?: Heatmap | Spectrum;
  /** The same title and detail as catalogue messages, so the UI can show them in its language. */
  text?: { title: MessageRef; detail: MessageRef };
}

export type RiskLevel = 'low' | 'review' | 'high';

export interface Risk {
  score: number;
  level: RiskLevel;
  recommendation: string;
}

export interface Report {
  sha256: string;
  pdq?: string;
  format: string;
  width: number;
  height: number;
  evidence: Evidence[];
  risk: Risk;
  timings: Record<string, number>;
  engineVersion: string;
  modelVersion?: string;
}

/** What the page (or the CLI's flags) knows about the claim. All fields optional. */
export interface ClaimContext {
  helpdesk?: string;
  pageUrl?: string;
  ticketId?: string;
  ticketUrl?: string;
  customerId?: string;
  customerName?: string;
  orderId?: string;
  /** Subject line of the ticket or mail thread. */
  subject?: string;
  serial?: string;
  /** ISO dates (YYYY-MM-DD or full ISO timestamps). */
  orderDate?: string;
  deliveryDate?: string;
  claimDate?: string;
}

export const ENGINE_VERSION = '0.1.0';
