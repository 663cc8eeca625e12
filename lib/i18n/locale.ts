/**
 * The language of the extension's own UI (side panel, badges, copied texts): the browser's UI
 * language as `browser.i18n` reports it, falling back to the page's `navigator.language` where
 * the extension API is not available. Chinese of any region → 'zh-CN', anything else → 'en'.
 */
import { localeOf, type Locale } from './messages';

export function uiLocale(): Locale {
  let tag: string | undefined;
  try {
    tag = browser.i18n.getUILanguage();
  } catch {
    tag = undefined;
  }
  return localeOf(tag || globalThis.navigator?.language);
}
