/**
 * Resource limits of the engine, in one place. They protect the agent's browser from
 * hostile files (decompression bombs, huge declared sizes) while leaving every real photo
 * (phones reach 200 MP in special modes; regular ones are 12–50 MP) analysable.
 */
export const LIMITS = {
  /** Largest file the engine accepts at all. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Largest image that pixel checks decode; bigger images keep their metadata checks. */
  maxDecodePixels: 100_000_000,
  /** Above this ratio of declared pixels to file bytes (and 4 MP), pixels are not decoded: a bomb. */
  maxPixelsPerByte: 2_000,
  /** Longer side of the working copy that pixel detectors share. */
  workingLongSide: 1024,
  /** Default time budget of one detector, in milliseconds. */
  detectorBudgetMs: 5_000,
  /** Longest text (prompt, metadata string) carried into a report. */
  maxTextLength: 4_000,
} as const;

/** Shortens untrusted text to a bounded length, marking the cut. */
export function clip(text: string, max: number = LIMITS.maxTextLength): string {
  return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}
