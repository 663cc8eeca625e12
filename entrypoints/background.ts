/**
 * Background: routes messages, fetches image bytes under the host permission, hands them to
 * the analysis host, caches outcomes by ticket and URL, keeps the per-tab state the side panel shows,
 * and owns the context menu and the side panel.
 */
import { analyzeInHost, checkRulesInHost, forgetEverythingInHost } from '@/lib/background/analysis-host';
import { loadSettings, onSettingsChanged } from '@/lib/store/settings';
import { watchCustomSites } from '@/lib/background/custom-sites';
import { topReasons } from '@/lib/verdict/reasons';
import { evidenceText } from '@/lib/i18n/ui';
import { uiLocale } from '@/lib/i18n/locale';
import type { EffectiveSettings } from '@/lib/settings/schema';
import { fetchImageBase64 } from '@/lib/background/fetch-image';
import { forgetTab, readTab, recordImage, updateTab } from '@/lib/background/tab-state';
import { droppedFileSrc, DroppedFiles } from '@/lib/background/dropped-files';
import {
  MODEL_STATUS_KEY,
  type AnalysisOutcome,
  type AnalysisRequestOptions,
  type AnalysisSettings,
  type AnalyzeFileMessage,
  type AnalyzeImageMessage,
  type CheckSerialMessage,
  type ImageEntry,
  type ToBackground,
} from '@/lib/messaging';

const MENU_IMAGE = 'claimlens-check-image';
const MENU_PAGE = 'claimlens-scan-page';

/**
 * Outcomes by case and image URL for this background's lifetime: a re-render never
 * re-analyses, while the same file in another ticket is analysed in that ticket's context.
 */
const outcomes = new Map<string, Promise<AnalysisOutcome>>();

let settings: Promise<EffectiveSettings> | undefined;
const currentSettings = () => (settings ??= loadSettings());

function analysisSettings({ settings: s }: EffectiveSettings): AnalysisSettings {
  return { verdict: s.verdict, policy: s.policy, knownBad: s.knownBadHashes, teamRules: s.yaraRules, retentionDays: s.retentionDays, modelEnabled: s.modelEnabled };
}

/** Files the agent dropped into the side panel, kept for a serial check on them. */
const dropped = new DroppedFiles();

function analyse(msg: AnalyzeImageMessage, options: AnalysisRequestOptions = {}): Promise<AnalysisOutcome> {
  const key = `${msg.context.helpdesk ?? ''}|${msg.context.ticketId ?? msg.context.pageUrl ?? ''}|${msg.src}|${msg.context.serial ?? ''}|${options.ocr ? 'ocr' : ''}`;
  let p = outcomes.get(key);
  if (!p) {
    p = (async (): Promise<AnalysisOutcome> => {
      try {
        const bytes = msg.bytesBase64 ?? dropped.get(msg.src) ?? (await fetchImageBase64(msg.src));
        return await analyzeInHost(bytes, msg.context, analysisSettings(await currentSettings()), options);
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    })();
    outcomes.set(key, p);
    // Failed fetches (expired links, network) may succeed later.
    void p.then((o) => !o.ok && outcomes.delete(key));
  }
  return p;
}

/** The badge's tooltip reason in the UI language, so the content script needs no catalogue. */
function withReason(outcome: AnalysisOutcome): AnalysisOutcome {
  if (!outcome.ok) return outcome;
  const top = topReasons(outcome.report.evidence, 1)[0];
  return top ? { ...outcome, reason: evidenceText(top, 'title', uiLocale()) } : outcome;
}

/** What the side panel lists beside the analysis: a dropped file's name, the serial checked. */
type EntryLabels = Pick<ImageEntry, 'name' | 'serial' | 'dropped'>;

async function handleAnalyze(msg: AnalyzeImageMessage, tabId: number | undefined, labels: EntryLabels = {}, options: AnalysisRequestOptions = {}): Promise<AnalysisOutcome> {
  // The panel's list is written in the background: the analysis and the badge never wait for it.
  const noted = (entry: Omit<ImageEntry, 'updatedAt'>) => {
    if (tabId !== undefined) recordImage(tabId, msg.context, entry).catch(() => undefined);
  };
  noted({ ...labels, src: msg.src, status: 'analysing' });
  const outcome = withReason(await analyse(msg, options));
  noted(outcome.ok
    ? { ...labels, src: msg.src, status: 'done', report: outcome.report, thumbnail: outcome.thumbnail }
    : { ...labels, src: msg.src, status: 'error', error: outcome.error });
  return outcome;
}

/** The ticket the tab shows, or the page itself when it shows none. */
async function tabContext(tabId: number) {
  const state = await readTab(tabId);
  if (state.context) return state.context;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return { helpdesk: 'generic', pageUrl: tab?.url };
}

/** A file dropped, pasted or picked in the side panel: checked in the context of the tab's ticket. */
async function handleFile(msg: AnalyzeFileMessage): Promise<AnalysisOutcome> {
  const src = await droppedFileSrc(msg.name, msg.bytesBase64);
  dropped.set(src, msg.bytesBase64);
  const context = await tabContext(msg.tabId);
  await updateTab(msg.tabId, (s) => void (s.focus = src));
  return handleAnalyze({ type: 'analyze-image', src, bytesBase64: msg.bytesBase64, context }, msg.tabId, { name: msg.name, dropped: true });
}

/** Checks a listed image again against the serial the agent typed (or reads its text when none). */
async function handleSerial(msg: CheckSerialMessage): Promise<AnalysisOutcome> {
  const state = await readTab(msg.tabId);
  const entry = state.images.find((e) => e.src === msg.src);
  if (!entry) return { ok: false, error: 'This image is no longer listed for the tab' };
  if (entry.dropped && !dropped.get(msg.src)) return { ok: false, error: 'ClaimLens keeps dropped files only for a while: drop the file into the panel again' };
  const serial = msg.serial.trim().slice(0, 100);
  const context = { ...(state.context ?? (await tabContext(msg.tabId))), serial: serial || undefined };
  await updateTab(msg.tabId, (s) => void (s.focus = msg.src));
  return handleAnalyze({ type: 'analyze-image', src: msg.src, context }, msg.tabId, { name: entry.name, dropped: entry.dropped, serial }, serial ? {} : { ocr: true });
}

async function openPanel(tabId: number, windowId: number | undefined, focus?: string) {
  if (import.meta.env.FIREFOX) {
    await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  } else {
    await chrome.sidePanel.open(windowId !== undefined ? { tabId, windowId } : { tabId });
  }
  if (focus) await updateTab(tabId, (s) => void (s.focus = focus));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_IMAGE, title: browser.i18n.getMessage('contextMenuCheckImage') || 'Check this image with ClaimLens', contexts: ['image'] });
    browser.contextMenus.create({ id: MENU_PAGE, title: browser.i18n.getMessage('contextMenuScanPage') || 'Scan this page’s images with ClaimLens', contexts: ['page'] });
  });

  if (!import.meta.env.FIREFOX) {
    void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  }

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    // Open first: the click's user gesture does not survive an await.
    const opened = openPanel(tabId, tab.windowId, info.srcUrl).catch(() => undefined);
    if (info.menuItemId === MENU_IMAGE && info.srcUrl) {
      void opened.then(() => handleAnalyze({ type: 'analyze-image', src: info.srcUrl!, context: { helpdesk: 'generic', pageUrl: tab.url } }, tabId));
    } else if (info.menuItemId === MENU_PAGE) {
      void browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/generic.js'] });
    }
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const msg = message as ToBackground;
    const tabId = sender.tab?.id;
    if (msg?.type === 'analyze-image') {
      void handleAnalyze(msg, tabId, msg.name ? { name: msg.name.slice(0, 200) } : {}).then(sendResponse);
      return true;
    }
    if (msg?.type === 'analyze-file') {
      void handleFile(msg).then(sendResponse);
      return true;
    }
    if (msg?.type === 'check-serial') {
      void handleSerial(msg).then(sendResponse);
      return true;
    }
    if (msg?.type === 'model-status') {
      void browser.storage.session.set({ [MODEL_STATUS_KEY]: msg.status });
      return undefined;
    }
    if (msg?.type === 'check-rules') {
      void checkRulesInHost(msg.source).then(sendResponse, (err: unknown) => sendResponse({ error: String(err) }));
      return true;
    }
    if (msg?.type === 'forget-everything') {
      outcomes.clear();
      dropped.clear();
      void forgetEverythingInHost().then(
        () => sendResponse({ ok: true }),
        (err: unknown) => sendResponse({ ok: false, error: String(err) }),
      );
      return true;
    }
    if (msg?.type === 'open-panel' && tabId !== undefined) {
      void openPanel(tabId, sender.tab?.windowId, msg.src).then(
        () => sendResponse({ ok: true }),
        (err: unknown) => sendResponse({ ok: false, error: String(err) }),
      );
      return true;
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // Automatic scanning on the team's own helpdesk origins, once the agent granted access.
  watchCustomSites();

  // New thresholds, texts or lists apply to the next analyses, not to stale cached ones.
  onSettingsChanged((next) => {
    settings = Promise.resolve(next);
    outcomes.clear();
  });
});
