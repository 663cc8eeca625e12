/**
 * The few texts the page badge needs (level labels, checking, failure, tooltip), kept apart
 * from the full catalogues so the content script stays small; en.ts and zh-CN.ts include them.
 */
export const BADGE_EN = {
  'level.low': 'Low risk',
  'level.review': 'Needs review',
  'level.high': 'High risk',
  'badge.checking': 'Checking…',
  'badge.checkingLabel': 'Checking',
  'badge.checkingTooltip': 'ClaimLens is checking this image',
  'badge.failed': '✕ Could not analyse',
  'badge.failedLabel': 'Could not analyse',
  'badge.noSignal': 'No signal found',
  'badge.tooltip': '{reason} (score {score}/100). Click for details.',
  'badge.ariaLabel': 'ClaimLens: {label}. {tooltip}',
} as const;

export const BADGE_ZH_CN: Readonly<Record<keyof typeof BADGE_EN, string>> = {
  'level.low': '低风险',
  'level.review': '需要复核',
  'level.high': '高风险',
  'badge.checking': '检查中…',
  'badge.checkingLabel': '检查中',
  'badge.checkingTooltip': 'ClaimLens 正在检查这张图片',
  'badge.failed': '✕ 无法分析',
  'badge.failedLabel': '无法分析',
  'badge.noSignal': '未发现任何信号',
  'badge.tooltip': '{reason}（评分 {score}/100）。点击查看详情。',
  'badge.ariaLabel': 'ClaimLens：{label}。{tooltip}',
};

export type BadgeKey = keyof typeof BADGE_EN;

/** A badge text in `locale` with `{name}` placeholders filled (values inserted as text). */
export function badgeText(key: BadgeKey, locale: 'en' | 'zh-CN', params: Record<string, string | number> = {}): string {
  const template: string = (locale === 'zh-CN' ? BADGE_ZH_CN : BADGE_EN)[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The browser's UI language reduced to the badge's two locales (no catalogue needed). */
export function badgeLocale(): 'en' | 'zh-CN' {
  let tag: string | undefined;
  try {
    tag = browser.i18n.getUILanguage();
  } catch {
    tag = globalThis.navigator?.language;
  }
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
