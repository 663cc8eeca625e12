/**
 * Reaches the analysis host, where the engine's Web Worker lives: an offscreen document on
 * Chrome/Edge (MV3 service workers cannot start Workers), a hidden frame of the same page
 * inside the background page on Firefox. Both answer the same `analyze-bytes` message.
 */
import type { AnalysisOutcome, AnalysisRequestOptions, AnalysisSettings, AnalyzeBytesMessage, CheckRulesHostMessage, ForgetMessage } from '../messaging';
import type { RulesCheck } from '../engine/yara';
import type { ClaimContext } from '../engine/types';

const HOST_PAGE = '/offscreen.html';
let ready: Promise<void> | undefined;

async function ensureChromeHost(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (contexts.length > 0) return;
  await chrome.offscreen.createDocument({
    url: HOST_PAGE,
    reasons: [chrome.offscreen.Reason.WORKERS],
    justification: 'Runs the image checks in a Web Worker, on the device.',
  });
}

async function ensureFirefoxHost(): Promise<void> {
  if (document.querySelector('iframe[data-claimlens-host]')) return;
  const frame = document.createElement('iframe');
  frame.dataset.claimlensHost = '';
  frame.src = browser.runtime.getURL(HOST_PAGE as '/offscreen.html');
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  await loaded;
}

async function ensureHost(): Promise<void> {
  ready ??= (import.meta.env.FIREFOX ? ensureFirefoxHost() : ensureChromeHost()).finally(() => {
    ready = undefined;
  });
  return ready;
}

export async function checkRulesInHost(source: string): Promise<RulesCheck | { error: string }> {
  await ensureHost();
  const message: CheckRulesHostMessage = { target: 'analysis-host', type: 'check-rules', source };
  return ((await browser.runtime.sendMessage(message)) as RulesCheck | { error: string } | undefined) ?? { error: 'The analysis host did not answer' };
}

export async function forgetEverythingInHost(): Promise<void> {
  await ensureHost();
  const message: ForgetMessage = { target: 'analysis-host', type: 'forget-everything' };
  const answer = (await browser.runtime.sendMessage(message)) as { ok: boolean; error?: string } | undefined;
  if (!answer?.ok) throw new Error(answer?.error ?? 'The analysis host did not answer');
}

export async function analyzeInHost(bytesBase64: string, context: ClaimContext, settings?: AnalysisSettings, options?: AnalysisRequestOptions): Promise<AnalysisOutcome> {
  await ensureHost();
  const message: AnalyzeBytesMessage = { target: 'analysis-host', type: 'analyze-bytes', bytesBase64, context, settings, options };
  const outcome = (await browser.runtime.sendMessage(message)) as AnalysisOutcome | undefined;
  return outcome ?? { ok: false, error: 'The analysis host did not answer' };
}
