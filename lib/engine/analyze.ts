/**
 * analyze(bytes, context) → Report: the single entry point of the engine, identical in the
 * browser worker, the CLI and the tests. Throws only when the file is not an analysable
 * image at all (the caller shows that error); everything past that yields a Report.
 */
import type { EngineHost, Pixels } from './host';
import type { Detector } from './detector';
import type { ClaimContext, Report } from './types';
import { ENGINE_VERSION } from './types';
import { sniffFormat } from './format';
import { createInput } from './inputs';
import { LIMITS } from './limits';
import { errorEvidence, metadataUnreadableEvidence, runDetectors } from './runner';
import { caseOf } from './memory';
import { storedVariantHashes } from './pdq';
import { DETECTORS } from './registry';
import type { OcrRequest } from '../detectors/claim/serial';
import { CALIBRATION, combine } from '../verdict';
import { DEFAULT_VERDICT_SETTINGS, type ClaimPolicy, type VerdictSettings } from '../settings/defaults';
import type { KnownBadHash } from '../settings/schema';

export interface AnalyzeOptions {
  detectors?: readonly Detector[];
  verdict?: VerdictSettings;
  policy?: ClaimPolicy;
  knownBad?: readonly KnownBadHash[];
  /** The team's YARA rules source. */
  teamRules?: string;
  /** Receives the shared working copy when some check decoded the pixels (e.g. for a thumbnail). */
  onWorkingPixels?: (pixels: Pixels) => void;
  /** Remember this image in the case memory (default true when the host has one). */
  remember?: boolean;
  /**
   * Read the text on the photo (serial-like strings) even when the context has no expected
   * serial. With `context.serial` set, the serial check runs anyway; with neither, the OCR
   * models are never loaded.
   */
  ocr?: boolean;
}

export async function analyze(
  bytes: Uint8Array,
  context: ClaimContext,
  host: EngineHost,
  options: AnalyzeOptions = {},
): Promise<Report> {
  const started = performance.now();
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new Error(`File is ${(bytes.length / 1048576).toFixed(1)} MiB, over the ${LIMITS.maxFileBytes / 1048576} MiB limit`);
  }
  const info = sniffFormat(bytes);
  const request: OcrRequest = { ocrRequested: options.ocr === true };
  const input = Object.assign(createInput(bytes, context, info, host, options.policy, options.knownBad, options.teamRules), request);
  const { evidence, timings } = await runDetectors(options.detectors ?? DETECTORS, input, (id) => CALIBRATION.weights[id]);
  if (input.metadataProblem) evidence.push(metadataUnreadableEvidence(input.metadataProblem));
  const sha256 = await input.sha256();
  // The perceptual hash goes into the report (copy-note, hash lists) whenever the pixels were
  // decoded anyway, and always when there is a case memory to search.
  const decoded = 'decode' in input.stageTimings;
  const pdq = decoded || host.memory ? await input.pdq().then((h) => h.hex, () => undefined) : undefined;
  if (options.onWorkingPixels && 'decode' in input.stageTimings) {
    const working = await input.workingPixels().catch(() => undefined);
    if (working) options.onWorkingPixels(working);
  }
  const where = caseOf(context);
  if (host.memory && where && options.remember !== false) {
    try {
      const working = pdq ? await input.workingPixels().catch(() => undefined) : undefined;
      await host.memory.record({
        sha256,
        pdq,
        ...(working ? { pdqAlt: storedVariantHashes(working) } : {}),
        ...where,
        ticketUrl: context.ticketUrl,
        customerId: context.customerId ?? context.customerName,
        customerName: context.customerName,
        orderId: context.orderId,
        seenAt: Date.now(),
      });
    } catch (err) {
      evidence.push(errorEvidence('case memory', err));
    }
  }
  for (const [name, ms] of Object.entries(input.stageTimings)) timings[`stage.${name}`] = ms;
  timings.total = Math.round((performance.now() - started) * 100) / 100;
  return {
    sha256,
    ...(pdq ? { pdq } : {}),
    format: info.format,
    width: info.width,
    height: info.height,
    evidence,
    risk: combine(evidence, options.verdict ?? DEFAULT_VERDICT_SETTINGS),
    timings,
    engineVersion: ENGINE_VERSION,
  };
}
