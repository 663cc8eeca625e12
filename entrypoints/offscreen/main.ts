/**
 * Analysis host: an offscreen document on Chrome/Edge (reason WORKERS), a frame inside the
 * background page on Firefox. It owns the analysis worker and answers `analyze-bytes`.
 */
import { AnalysisClient } from '@/lib/engine/client';
import { base64ToBytes, type AnalysisOutcome, type AnalyzeBytesMessage, type CheckRulesHostMessage, type ForgetMessage, type ModelStatusMessage } from '@/lib/messaging';

const client = new AnalysisClient((status) => {
  const message: ModelStatusMessage = { type: 'model-status', status };
  browser.runtime.sendMessage(message).catch(() => undefined);
});

browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  const msg = message as AnalyzeBytesMessage | ForgetMessage | CheckRulesHostMessage;
  if (msg?.target !== 'analysis-host') return undefined;
  if (msg.type === 'check-rules') {
    client.checkRules(msg.source).then(sendResponse, (err: unknown) => sendResponse({ error: String(err) }));
    return true;
  }
  if (msg.type === 'forget-everything') {
    client.forgetEverything().then(
      () => sendResponse({ ok: true }),
      (err: unknown) => sendResponse({ ok: false, error: String(err) }),
    );
    return true;
  }
  if (msg.type !== 'analyze-bytes') return undefined;
  client
    .analyze(base64ToBytes(msg.bytesBase64), msg.context, msg.settings, msg.options)
    .then(({ report, thumbnail }): AnalysisOutcome => ({ ok: true, report, thumbnail }))
    .catch((err: unknown): AnalysisOutcome => ({ ok: false, error: err instanceof Error ? err.message : String(err) }))
    .then(sendResponse);
  return true;
});
