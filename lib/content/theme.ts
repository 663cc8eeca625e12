/**
 * Light or dark: which badge variant suits the page. The helpdesk's own signal wins when it has
 * one (the adapter's `isDark`), then the theme attributes and classes web apps commonly set on
 * <html>/<body>; otherwise the colour actually painted behind the image is measured: the nearest
 * backgrounds up the tree, composited when translucent, over the canvas (dark when the page's
 * `color-scheme` resolves to dark). Measured once per scanner pass, memoised per element.
 */

/** sRGB channels 0–255 and alpha 0–1. */
export type Rgba = readonly [number, number, number, number];

const NUMBER = String.raw`(-?[\d.]+)(%?)`;
const RGB = new RegExp(String.raw`^rgba?\(\s*${NUMBER}[\s,]+${NUMBER}[\s,]+${NUMBER}(?:\s*[,/]\s*${NUMBER})?\s*\)$`, 'i');

const clamp = (n: number, max: number) => Math.min(max, Math.max(0, n));

/** A CSS colour as computed styles give it (`rgb()`, `rgba()`, `#hex`, `transparent`); undefined for other syntaxes. */
export function parseColor(css: string | null | undefined): Rgba | undefined {
  const s = (css ?? '').trim().toLowerCase();
  if (s === 'transparent') return [0, 0, 0, 0];
  const hex = s.match(/^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const n = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return [n(0), n(1), n(2), full.length === 8 ? n(3) / 255 : 1];
  }
  const m = s.match(RGB);
  if (!m) return undefined;
  const channel = (v: string, pct: string) => clamp(pct ? (Number(v) * 255) / 100 : Number(v), 255);
  const alpha = m[7] === undefined ? 1 : clamp(m[8] ? Number(m[7]) / 100 : Number(m[7]), 1);
  const out = [channel(m[1], m[2]), channel(m[3], m[4]), channel(m[5], m[6]), alpha] as const;
  return out.every(Number.isFinite) ? out : undefined;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` painted over the opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** Dark when black text would read worse on it than white text (luminance below ≈0.18). */
export function isDarkColor(c: Rgba): boolean {
  const l = relativeLuminance(c);
  return (l + 0.05) / 0.05 < 1.05 / (l + 0.05);
}

const THEME_ATTRIBUTES = ['data-theme', 'data-color-mode', 'data-color-scheme', 'data-bs-theme', 'data-mode'];
const DARK_CLASSES = ['dark', 'dark-mode', 'dark-theme', 'theme-dark', 'night-mode'];
const LIGHT_CLASSES = ['light', 'light-mode', 'light-theme', 'theme-light'];

/** Attributes the scanner watches on <html> and <body> to follow a theme switch. */
export const THEME_WATCHED_ATTRIBUTES = ['class', 'style', ...THEME_ATTRIBUTES];

/** The theme the page declares on <html> or <body> by common conventions; undefined when it declares none. */
export function declaredTheme(doc: Document): boolean | undefined {
  for (const el of [doc.documentElement, doc.body]) {
    if (!el) continue;
    for (const name of THEME_ATTRIBUTES) {
      const v = el.getAttribute(name)?.toLowerCase();
      if (v && /\bdark/.test(v)) return true;
      if (v && /\blight/.test(v)) return false;
    }
    if (DARK_CLASSES.some((c) => el.classList.contains(c))) return true;
    if (LIGHT_CLASSES.some((c) => el.classList.contains(c))) return false;
  }
  return undefined;
}

/** The canvas behind a page whose every layer is transparent: dark when its `color-scheme` resolves to dark. */
function canvasColour(doc: Document): Rgba {
  const view = doc.defaultView;
  const scheme = (view?.getComputedStyle(doc.documentElement).colorScheme ?? '').toLowerCase();
  const prefersDark = view?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const dark = scheme.includes('dark') && (!scheme.includes('light') || prefersDark);
  return dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
}

/**
 * A function telling, for a badge's anchor, whether the page around it is dark. `declared` (the
 * adapter's or the page's own signal) answers for every anchor; without it the background behind
 * the anchor is measured, each element's computed background read at most once per probe.
 */
export function themeProbe(doc: Document, declared: boolean | undefined): (anchor: Element) => boolean {
  if (declared !== undefined) return () => declared;
  const view = doc.defaultView;
  const painted = new Map<Element, Rgba>();
  let canvas: Rgba | undefined;
  const paint = (start: Element | null): Rgba => {
    const chain: [Element, Rgba | undefined][] = [];
    let below: Rgba | undefined;
    for (let el = start; el; el = el.parentElement) {
      const known = painted.get(el);
      if (known) {
        below = known;
        break;
      }
      const own = parseColor(view?.getComputedStyle(el).backgroundColor);
      chain.push([el, own]);
      if (own && own[3] >= 1) break;
    }
    // Resolve from the outermost layer inwards.
    for (let i = chain.length - 1; i >= 0; i--) {
      const [el, own] = chain[i];
      const base = below ?? (canvas ??= canvasColour(doc));
      below = !own || own[3] <= 0 ? base : own[3] >= 1 ? own : composite(own, base);
      painted.set(el, below);
    }
    return below ?? (canvas ??= canvasColour(doc));
  };
  return (anchor) => isDarkColor(paint(anchor.parentElement ?? anchor));
}
