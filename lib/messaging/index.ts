/**
 * Typed messages between the extension's contexts. Runtime messages are JSON: bytes travel
 * as base64 (an ArrayBuffer arrives as {}), and a message is capped at 64 MiB.
 *
 *   content script ──analyze-image / open-panel──▶ background
 *   background ──analyze-bytes──▶ analysis host (offscreen document / Firefox background frame)
 *   side panel ──analyze-file / check-serial──▶ background
 *   analysis host ──model-status──▶ background
 *   side panel ◀── chrome.storage.session (tab state, model status) ── background
 */
import type { ClaimContext, Report } from '../engine/types';
import type { ClaimPolicy, VerdictSettings } from '../settings/defaults';
import type { KnownBadHash } from '../settings/schema';

/** The part of the team's settings the analysis needs, sent with every request. */
export interface AnalysisSettings {
  verdict: VerdictSettings;
  policy: ClaimPolicy;
  knownBad: KnownBadHash[];
  /** The team's YARA rules source. */
  teamRules: string;
  retentionDays: number;
  modelEnabled: boolean;
}

/** Options of one analysis beyond the team's settings. */
export interface AnalysisRequestOptions {
  /** Read the text on the photo even without an expected serial (the agent asked). */
  ocr?: boolean;
}

export interface AnalyzeImageMessage {
  type: 'analyze-image';
  /** Full-size image URL (http(s), data: or blob: read by the content script). */
  src: string;
  /** Base64 bytes when the content script read them itself (blob:/data: URLs). */
  bytesBase64?: string;
  context: ClaimContext;
  /** The file name the page shows for the image, when it has one (page data: text only). */
  name?: string;
}

export interface OpenPanelMessage {
  type: 'open-panel';
  src?: string;
}

export interface AnalyzeBytesMessage {
  target: 'analysis-host';
  type: 'analyze-bytes';
  bytesBase64: string;
  context: ClaimContext;
  settings?: AnalysisSettings;
  options?: AnalysisRequestOptions;
}

/** From the side panel: a file the agent dropped, pasted or picked, checked in the tab's ticket. */
export interface AnalyzeFileMessage {
  type: 'analyze-file';
  tabId: number;
  name: string;
  bytesBase64: string;
}

/**
 * From the side panel: check one listed image again against the serial or order number the
 * agent typed (empty: read the text on the photo without an expected value).
 */
export interface CheckSerialMessage {
  type: 'check-serial';
  tabId: number;
  src: string;
  serial: string;
}

/** The neural model's state in the analysis worker, for the side panel. */
export type ModelStatus =
  | { phase: 'loading'; model: string; loaded: number; total?: number; at: number }
  | { phase: 'ready'; model: string; backend: string; loadMs: number; at: number }
  | { phase: 'failed'; model: string; error: string; at: number };

/** From the analysis host: the model's loading progress and the backend it runs on. */
export interface ModelStatusMessage {
  type: 'model-status';
  status: ModelStatus;
}

/** Property of the analysis worker's own messages (beside comlink's) that carry a ModelStatus. */
export const MODEL_STATUS_EVENT = 'claimlensModelStatus';

/** chrome.storage.session key of the latest ModelStatus. */
export const MODEL_STATUS_KEY = 'model-status';

export interface ForgetMessage {
  target: 'analysis-host';
  type: 'forget-everything';
}

/** Compile the team's YARA source and report errors by line (host side). */
export interface CheckRulesHostMessage {
  target: 'analysis-host';
  type: 'check-rules';
  source: string;
}

/** From the options page: check the team's YARA source. Answers a RulesCheck or {error}. */
export interface CheckRulesMessage {
  type: 'check-rules';
  source: string;
}

/** From the options page: empty the case memory. */
export interface ForgetEverythingMessage {
  type: 'forget-everything';
}

export type ToBackground =
  | AnalyzeImageMessage
  | OpenPanelMessage
  | ForgetEverythingMessage
  | CheckRulesMessage
  | AnalyzeFileMessage
  | CheckSerialMessage
  | ModelStatusMessage;

export type AnalysisOutcome =
  | { ok: true; report: Report; thumbnail?: string; /** The top reason in the UI language, for the badge. */ reason?: string }
  | { ok: false; error: string };

export type ImageStatus = 'analysing' | 'done' | 'error';

export interface ImageEntry {
  src: string;
  /** The file's name when its URL does not show it (shown by the page, or of a dropped file). */
  name?: string;
  /** The agent dropped, pasted or picked it in the side panel. */
  dropped?: boolean;
  /** Its heat maps were dropped to keep the tab's list within its storage budget. */
  visualsOmitted?: boolean;
  /** The serial or order number this analysis checked the photo against ('' : text read without one). */
  serial?: string;
  status: ImageStatus;
  report?: Report;
  thumbnail?: string;
  error?: string;
  updatedAt: number;
}

/** What the side panel shows for one tab; kept in chrome.storage.session under tabKey(tabId). */
export interface TabState {
  tabId: number;
  pageUrl?: string;
  context?: ClaimContext;
  images: ImageEntry[];
  /** The image the agent asked to see (badge click). */
  focus?: string;
}

export const tabKey = (tabId: number) => `tab:${tabId}`;

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
