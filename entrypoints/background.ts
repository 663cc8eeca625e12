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
import { forgetTab, recordImage, updateTab } from '@/lib/background/tab-state';
import type { AnalysisOutcome, AnalysisSettings, AnalyzeImageMessage, ToBackground } from '@/lib/messaging';

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

function analyse(msg: AnalyzeImageMessage): Promise<AnalysisOutcome> {
  const key = `${msg.context.helpdesk ?? ''}|${msg.context.ticketId ?? msg.context.pageUrl ?? ''}|${msg.src}`;
  let p = outcomes.get(key);
  if (!p) {
    p = (async (): Promise<AnalysisOutcome> => {
      try {
        const bytes = msg.bytesBase64 ?? (await fetchImageBase64(msg.src));
        return await analyzeInHost(bytes, msg.context, analysisSettings(await currentSettings()));
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

async function handleAnalyze(msg: AnalyzeImageMessage, tabId: number | undefined): Promise<AnalysisOutcome> {
  if (tabId !== undefined) await recordImage(tabId, msg.context, { src: msg.src, status: 'analysing' });
  const outcome = withReason(await analyse(msg));
  if (tabId !== undefined) {
    await recordImage(tabId, msg.context, outcome.ok
      ? { src: msg.src, status: 'done', report: outcome.report, thumbnail: outcome.thumbnail }
      : { src: msg.src, status: 'error', error: outcome.error });
  }
  return outcome;
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
    browser.contextMenus.create({ id: MENU_PAGE, title: 'Scan this page’s images with ClaimLens', contexts: ['page'] });
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
      void handleAnalyze(msg, tabId).then(sendResponse);
      return true;
    }
    if (msg?.type === 'check-rules') {
      void checkRulesInHost(msg.source).then(sendResponse, (err: unknown) => sendResponse({ error: String(err) }));
      return true;
    }
    if (msg?.type === 'forget-everything') {
      outcomes.clear();
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
