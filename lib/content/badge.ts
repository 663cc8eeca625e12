/**
 * The risk badge drawn over a claim image: a button in a closed shadow root, so the page's
 * CSS cannot restyle it and ours cannot leak. Text carries the level (never colour alone);
 * the tooltip gives the top reason; click or Enter opens the side panel on that image. A light
 * and a dark variant follow the page's theme (./theme.ts).
 * Texts are in the browser's UI language (lib/i18n). Every string from a report is set with
 * textContent: never parsed as HTML.
 */
import type { AnalysisOutcome } from '../messaging';
import { badgeLocale, badgeText } from '../i18n/badge-texts';
import { topReasons } from '../verdict/reasons';

type Locale = 'en' | 'zh-CN';
const t = (key: Parameters<typeof badgeText>[0], params: Record<string, string | number> | undefined, locale: Locale) => badgeText(key, locale, params);

/**
 * Badge colours per page theme: on a light page, white text on deep fills; on a dark page, dark
 * text on light fills, so the badge stands out from either. Every text/fill pair meets WCAG AA
 * (4.5:1, tests/unit/badge-theme.spec.ts), and the level is always written out as well.
 */
export const BADGE_COLOURS = {
  light: { text: '#ffffff', edge: '#ffffff', focus: '#1d4ed8', pending: '#4b5563', high: '#b91c1c', review: '#b45309', low: '#15803d', error: '#374151' },
  dark: { text: '#111827', edge: '#111827', focus: '#93c5fd', pending: '#d1d5db', high: '#fca5a5', review: '#fcd34d', low: '#86efac', error: '#e5e7eb' },
} as const;

export type BadgeTheme = keyof typeof BADGE_COLOURS;
const LEVELS = ['high', 'review', 'low', 'error'] as const;

const themeRules = (theme: BadgeTheme) => {
  const c = BADGE_COLOURS[theme];
  const on = `button[data-theme="${theme}"]`;
  return `${on} { color: ${c.text}; border-color: ${c.edge}; background: ${c.pending}; }
${on}:focus-visible { outline-color: ${c.focus}; }
${LEVELS.map((level) => `${on}[data-level="${level}"] { background: ${c[level]}; }`).join('\n')}`;
};

const STYLE = `
:host { all: initial; display: block; position: relative; width: 0; height: 0; z-index: 2147483000; }
button { position: absolute; left: 6px; bottom: 6px; display: inline-flex; align-items: center; gap: 6px;
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif; white-space: nowrap;
  padding: 4px 9px; border-radius: 999px; border: 2px solid; cursor: pointer;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); }
button:focus-visible { outline: 3px solid; outline-offset: 2px; }
${themeRules('light')}
${themeRules('dark')}
.spin { width: 10px; height: 10px; border: 2px solid color-mix(in srgb, currentColor 40%, transparent); border-top-color: currentColor;
  border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spin { animation: none; } }
`;

export class Badge {
  readonly host: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly locale: Locale;

  constructor(onOpen: () => void, locale: Locale = badgeLocale()) {
    this.locale = locale;
    this.host = document.createElement('claimlens-badge');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      onOpen();
    });
    root.append(style, this.button);
    this.setTheme(false);
    this.pending();
  }

  /** The variant for a dark (true) or light page; the scanner re-checks it on every pass. */
  setTheme(dark: boolean) {
    const theme: BadgeTheme = dark ? 'dark' : 'light';
    if (this.button.dataset.theme === theme) return;
    this.button.dataset.theme = theme;
    this.host.dataset.theme = theme;
  }

  /** Data the tests (and the page's own inspectors) can read without piercing the shadow root. */
  private setState(level: string, label: string, tooltip: string) {
    this.host.dataset.level = level;
    this.host.dataset.label = label;
    this.button.dataset.level = level;
    this.button.title = tooltip;
    this.button.setAttribute('aria-label', t('badge.ariaLabel', { label, tooltip }, this.locale));
  }

  pending() {
    this.button.replaceChildren(Object.assign(document.createElement('span'), { className: 'spin' }), t('badge.checking', undefined, this.locale));
    this.setState('pending', t('badge.checkingLabel', undefined, this.locale), t('badge.checkingTooltip', undefined, this.locale));
  }

  show(outcome: AnalysisOutcome) {
    const locale = this.locale;
    if (!outcome.ok) {
      this.button.replaceChildren(t('badge.failed', undefined, locale));
      this.setState('error', t('badge.failedLabel', undefined, locale), outcome.error);
      return;
    }
    const { level, score } = outcome.report.risk;
    const label = t(`level.${level}`, undefined, locale);
    // The background sends the top reason already in the UI language (the catalogues stay out of the page).
    const reason = outcome.reason ?? topReasons(outcome.report.evidence, 1)[0]?.title ?? t('badge.noSignal', undefined, locale);
    const icon = level === 'high' ? '▲' : level === 'review' ? '◆' : '✓';
    this.button.replaceChildren(`${icon} ${label}`);
    this.setState(level, label, t('badge.tooltip', { reason, score }, locale));
  }

  /** Places the badge right after `anchor`, overlapping the image's lower-left corner. */
  attach(anchor: Element) {
    if (anchor.nextSibling !== this.host) anchor.after(this.host);
  }

  remove() {
    this.host.remove();
  }
}
