/**
 * Side panel state (zustand): which tab the panel follows and that tab's images, kept in
 * step with chrome.storage.session, where the background writes them.
 */
import { create } from 'zustand';
import { MODEL_STATUS_KEY, tabKey, type ModelStatus, type TabState } from '../messaging';
import { loadSettings, onSettingsChanged } from './settings';

interface PanelStore {
  tabId?: number;
  tab?: TabState;
  loading: boolean;
  /** The neural model's latest state in the analysis worker (loading progress, backend). */
  model?: ModelStatus;
  /** False when the team switched the neural model off. */
  modelEnabled: boolean;
  setTab(tabId: number | undefined, tab: TabState | undefined): void;
}

export const usePanelStore = create<PanelStore>((set) => ({
  loading: true,
  modelEnabled: true,
  setTab: (tabId, tab) => set({ tabId, tab, loading: false }),
}));

/** Follows the model's state and the model switch of the settings; returns a disposer. */
export function followModelStatus(): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && MODEL_STATUS_KEY in changes) usePanelStore.setState({ model: changes[MODEL_STATUS_KEY].newValue as ModelStatus | undefined });
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.session.get(MODEL_STATUS_KEY).then((stored) => {
    const model = stored[MODEL_STATUS_KEY] as ModelStatus | undefined;
    if (model) usePanelStore.setState({ model });
  });
  void loadSettings().then((s) => usePanelStore.setState({ modelEnabled: s.settings.modelEnabled }), () => undefined);
  const stopSettings = onSettingsChanged((s) => usePanelStore.setState({ modelEnabled: s.settings.modelEnabled }));
  return () => {
    browser.storage.onChanged.removeListener(onChanged);
    stopSettings();
  };
}

/** Follows the active tab of this window and its stored state; returns a disposer. */
export function followActiveTab(): () => void {
  const load = async (tabId?: number) => {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return usePanelStore.getState().setTab(undefined, undefined);
    const key = tabKey(id);
    const tab = (await browser.storage.session.get(key))[key] as TabState | undefined;
    usePanelStore.getState().setTab(id, tab);
  };
  const onActivated = (info: { tabId: number }) => void load(info.tabId);
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const id = usePanelStore.getState().tabId;
    if (area !== 'session' || id === undefined) return;
    const change = changes[tabKey(id)];
    if (change) usePanelStore.getState().setTab(id, change.newValue as TabState | undefined);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.storage.onChanged.addListener(onChanged);
  const forced = new URLSearchParams(location.search).get('tab');
  void load(forced ? Number(forced) : undefined);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
