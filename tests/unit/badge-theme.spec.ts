// @vitest-environment happy-dom
/**
 * The badge's light and dark variants: the colour helpers (parsing, WCAG luminance and
 * contrast, compositing), every text/fill pair of both palettes at WCAG AA, the theme the page
 * declares, the background measured behind an anchor (translucent layers composited, the canvas
 * following `color-scheme`), and the badge switching variant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composite, contrastRatio, declaredTheme, isDarkColor, parseColor, relativeLuminance, themeProbe, type Rgba } from '../../lib/content/theme';
import { Badge, BADGE_COLOURS } from '../../lib/content/badge';

/** Test markup, fixed in this file. */
function setBody(html: string) {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', html);
}

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
  document.documentElement.removeAttribute('class');
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('class');
  document.body.removeAttribute('style');
});

const rgb = (css: string): Rgba => {
  const c = parseColor(css);
  if (!c) throw new Error(`unparsed ${css}`);
  return c;
};

describe('colour helpers', () => {
  it('parses the colours computed styles give', () => {
    expect(parseColor('rgb(255, 0, 10)')).toEqual([255, 0, 10, 1]);
    expect(parseColor('rgba(0, 0, 0, 0.5)')).toEqual([0, 0, 0, 0.5]);
    expect(parseColor('rgb(10 20 30 / 25%)')).toEqual([10, 20, 30, 0.25]);
    expect(parseColor('rgb(100%, 0%, 50%)')).toEqual([255, 0, 127.5, 1]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('#11182780')).toEqual([17, 24, 39, 128 / 255]);
    expect(parseColor('RGB(300, -5, 0)')).toEqual([255, 0, 0, 1]);
  });

  it('gives undefined for what it cannot read', () => {
    for (const s of ['', null, undefined, 'oklch(0.5 0.1 30)', 'red', '#12', 'rgb(1,2)', 'rgb(a,b,c)', 'url(x)']) expect(parseColor(s), String(s)).toBeUndefined();
  });

  it('computes WCAG luminance and contrast', () => {
    expect(relativeLuminance(rgb('#000'))).toBe(0);
    expect(relativeLuminance(rgb('#fff'))).toBeCloseTo(1, 10);
    expect(relativeLuminance(rgb('#808080'))).toBeCloseTo(0.2159, 3);
    expect(contrastRatio(rgb('#000'), rgb('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb('#fff'), rgb('#000'))).toBeCloseTo(21, 5);
    // Known pairs: #767676 on white is the classic 4.54:1.
    expect(contrastRatio(rgb('#767676'), rgb('#fff'))).toBeCloseTo(4.54, 2);
    expect(contrastRatio(rgb('#abc'), rgb('#abc'))).toBe(1);
  });

  it('composites translucent layers and tells dark from light', () => {
    expect(composite([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1]);
    expect(composite([10, 20, 30, 1], [255, 255, 255, 1])).toEqual([10, 20, 30, 1]);
    expect(isDarkColor(rgb('#1b1f23'))).toBe(true);
    expect(isDarkColor(rgb('#202124'))).toBe(true);
    expect(isDarkColor(rgb('#03363d'))).toBe(true);
    expect(isDarkColor(rgb('#fff'))).toBe(false);
    expect(isDarkColor(rgb('#f6f8fc'))).toBe(false);
    // The switch sits where black and white text read equally well (luminance ≈ 0.18).
    expect(isDarkColor(rgb('#757575'))).toBe(true);
    expect(isDarkColor(rgb('#777777'))).toBe(false);
  });
});

describe('badge palettes', () => {
  it('meet WCAG AA (4.5:1) for every level in both variants, and the variants differ', () => {
    for (const theme of ['light', 'dark'] as const) {
      const c = BADGE_COLOURS[theme];
      for (const level of ['pending', 'high', 'review', 'low', 'error'] as const) {
        expect(contrastRatio(rgb(c.text), rgb(c[level])), `${theme} ${level}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    for (const level of ['pending', 'high', 'review', 'low', 'error'] as const) expect(BADGE_COLOURS.dark[level]).not.toBe(BADGE_COLOURS.light[level]);
    expect(BADGE_COLOURS.dark.text).not.toBe(BADGE_COLOURS.light.text);
  });

  it('stand out from the page they are meant for: a light badge edge on dark fills, a dark edge on light fills', () => {
    expect(isDarkColor(rgb(BADGE_COLOURS.light.high))).toBe(true);
    expect(isDarkColor(rgb(BADGE_COLOURS.dark.high))).toBe(false);
    expect(contrastRatio(rgb(BADGE_COLOURS.dark.focus), rgb('#1b1f23'))).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(rgb(BADGE_COLOURS.light.focus), rgb('#ffffff'))).toBeGreaterThanOrEqual(3);
  });
});

describe('page theme', () => {
  it('reads the theme a page declares on <html> or <body>, and nothing else', () => {
    expect(declaredTheme(document)).toBeUndefined();
    document.documentElement.setAttribute('data-theme', 'dark');
    expect(declaredTheme(document)).toBe(true);
    document.documentElement.setAttribute('data-theme', 'light');
    expect(declaredTheme(document)).toBe(false);
    document.documentElement.removeAttribute('data-theme');
    document.body.className = 'app theme-dark';
    expect(declaredTheme(document)).toBe(true);
    document.body.className = 'darkness sc-dark9';
    expect(declaredTheme(document)).toBeUndefined();
  });

  it('measures the background behind an anchor, composited over the canvas', () => {
    setBody(`
      <div id="dark" style="background-color: rgb(27, 31, 35)"><div><a id="a1"><img></a></div></div>
      <div id="veil" style="background-color: rgba(0, 0, 0, 0.9)"><a id="a2"><img></a></div>
      <div id="light" style="background-color: rgba(0, 0, 0, 0.1)"><a id="a3"><img></a></div>
      <div><a id="a4"><img></a></div>`);
    const dark = themeProbe(document, undefined);
    expect(dark(document.getElementById('a1')!)).toBe(true);
    expect(dark(document.getElementById('a2')!)).toBe(true);
    expect(dark(document.getElementById('a3')!)).toBe(false);
    expect(dark(document.getElementById('a4')!)).toBe(false);
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    // A new probe (the next scanner pass) sees the change.
    expect(themeProbe(document, undefined)(document.getElementById('a4')!)).toBe(true);
  });

  it('lets a declared theme answer for every anchor', () => {
    setBody(`<div style="background-color: #fff"><a id="a"><img></a></div>`);
    expect(themeProbe(document, true)(document.getElementById('a')!)).toBe(true);
    expect(themeProbe(document, false)(document.getElementById('a')!)).toBe(false);
  });

  it('takes the canvas as dark when every layer is transparent and the page’s colour scheme is dark', () => {
    setBody(`<a id="a"><img></a>`);
    expect(themeProbe(document, undefined)(document.getElementById('a')!)).toBe(false);
    document.documentElement.style.setProperty('color-scheme', 'dark');
    expect(themeProbe(document, undefined)(document.getElementById('a')!)).toBe(true);
  });
});

describe('badge', () => {
  it('switches variant, and says so on its host', () => {
    const badge = new Badge(() => undefined, 'en');
    expect(badge.host.dataset.theme).toBe('light');
    badge.setTheme(true);
    expect(badge.host.dataset.theme).toBe('dark');
    badge.setTheme(false);
    expect(badge.host.dataset.theme).toBe('light');
    // The level stays written out in either variant.
    expect(badge.host.dataset.label).toBe('Checking');
  });
});
