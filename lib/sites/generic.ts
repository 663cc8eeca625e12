/**
 * Generic fallback for pages without an adapter, run only when the agent asks (toolbar
 * button or context menu): large images inside the page's conversation-like area
 * (main content, ARIA log/feed/article regions), never header/nav/footer chrome.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, type ClaimImage, type SiteAdapter } from './index';

/** Smallest side (px) of a picture the generic adapter considers a claim photo. */
const MIN_GENERIC_SIDE = 200;

const CONVERSATION = '[role="log"], [role="feed"], [role="article"], article, main, [role="main"]';
const CHROME = 'header, nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"]';

function bigEnough(img: HTMLImageElement): boolean {
  const w = img.naturalWidth || img.width || Number(img.getAttribute('width')) || 0;
  const h = img.naturalHeight || img.height || Number(img.getAttribute('height')) || 0;
  return w >= MIN_GENERIC_SIDE && h >= MIN_GENERIC_SIDE;
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Any page',
  matches: [],

  findClaimImages(root) {
    const areas = [...root.querySelectorAll(CONVERSATION)];
    const scope: ParentNode[] = areas.length ? areas : [root];
    const seen = new Set<HTMLImageElement>();
    const images: ClaimImage[] = [];
    for (const area of scope) {
      for (const img of area.querySelectorAll('img')) {
        if (seen.has(img) || img.closest(CHROME) || isDecorative(img) || !bigEnough(img)) continue;
        seen.add(img);
        const link = img.closest('a');
        const href = link?.getAttribute('href');
        const full = href && /\.(jpe?g|png|webp|gif|avif|heic)(\?|$)/i.test(href) ? href : img.currentSrc || img.src;
        images.push({ element: img, src: absoluteUrl(full, img.baseURI) });
      }
    }
    return images;
  },

  context(doc): ClaimContext {
    return { helpdesk: 'generic', pageUrl: doc.location?.href };
  },
};
