/**
 * The site adapter contract. One adapter per helpdesk, one file each; an adapter knows where
 * a helpdesk shows claim images and where it shows the ticket's context, using stable hooks
 * (data-test ids, ARIA roles, URL shapes) and never generated class names.
 */
import type { ClaimContext } from '../engine/types';

export interface ClaimImage {
  /** The element the badge is anchored to. */
  element: HTMLImageElement;
  /** URL of the full-size file to analyse (not a thumbnail). */
  src: string;
  /**
   * The file's identity when the helpdesk names one file by several URLs (an attachment token):
   * a file listed by `listAttachments` and later shown on the page is analysed once.
   */
  key?: string;
  /** The file name the helpdesk shows for it, when its URL does not carry one (page data: text only). */
  name?: string;
}

/** A claim image the helpdesk lists for the ticket, whether or not the page shows it yet. */
export interface ListedImage {
  /** URL of the full-size file, the same URL `findClaimImages` gives once the image is shown. */
  src: string;
  /** Same meaning as ClaimImage.key. */
  key?: string;
}

export interface SiteAdapter {
  id: string;
  /** Human name shown in the panel. */
  name: string;
  /** Match patterns (manifest syntax) of the pages the adapter runs on. */
  matches: string[];
  /** Claim images currently in `root`, skipping avatars, logos, emoji and signatures. */
  findClaimImages(root: ParentNode): ClaimImage[];
  /** What the page says about the claim: ticket, customer, order, dates. */
  context(doc: Document): ClaimContext;
  /**
   * Every claim image of the open ticket from the helpdesk's own API, including those in comments
   * the page has collapsed or not rendered yet. Optional; stops when `signal` aborts (ticket changed).
   */
  listAttachments?(doc: Document, ticketId: string, signal: AbortSignal): Promise<ListedImage[]>;
  /**
   * Whether the helpdesk shows its dark theme, from a signal the helpdesk sets itself; undefined
   * when it says nothing (the badge then reads the background behind the image).
   */
  isDark?(doc: Document): boolean | undefined;
}

/** Smallest rendered or natural size (px) of an image that can be a claim photo. */
export const MIN_CLAIM_SIDE = 96;

/** Shown smaller than this (px) on the page, an image is an avatar or an icon whatever its file size. */
export const MIN_SHOWN_SIDE = 48;

/** True for images too small or too decorative to be a customer's photo. */
export function isDecorative(img: HTMLImageElement): boolean {
  const w = Math.max(img.naturalWidth, img.width, Number(img.getAttribute('width')) || 0);
  const h = Math.max(img.naturalHeight, img.height, Number(img.getAttribute('height')) || 0);
  if (img.complete && w > 0 && h > 0 && (w < MIN_CLAIM_SIDE || h < MIN_CLAIM_SIDE)) return true;
  const shownW = img.width || Number(img.getAttribute('width')) || 0;
  const shownH = img.height || Number(img.getAttribute('height')) || 0;
  if (shownW > 0 && shownH > 0 && (shownW < MIN_SHOWN_SIDE || shownH < MIN_SHOWN_SIDE)) return true;
  // The URL's path only: signed links carry "…Signature=" in their query, which is no e-mail signature.
  const path = (img.getAttribute('src') ?? img.src).split(/[?#]/)[0];
  const hint = `${img.alt} ${img.className} ${img.getAttribute('role') ?? ''} ${path}`.toLowerCase();
  return /avatar|logo|emoji|icon|signature|gravatar|profile|spinner|badge/.test(hint) || img.getAttribute('aria-hidden') === 'true';
}

const FILE_NAME = /^[^\\/:*?"<>|\u0000-\u001f]{1,150}\.(jpe?g|jfif|png|webp|heic|heif|avif|gif|bmp|tiff?)$/i;

/**
 * The file name a page shows for an image — the link's `download` attribute, the image's title
 * or alt text — when it looks like one ("IMG_2041.HEIC"); undefined otherwise.
 */
export function fileNameOf(img: HTMLImageElement): string | undefined {
  const candidates = [img.closest('a')?.getAttribute('download'), img.getAttribute('title'), img.getAttribute('alt')];
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && FILE_NAME.test(c));
}

/** Makes relative URLs absolute against the page. */
export function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

export function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}
