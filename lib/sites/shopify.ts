/**
 * Shopify admin, order page — https://admin.shopify.com/store/<shop>/orders/<id>
 *
 * What is established: the URL shapes. Order pages live at /store/<shop>/orders/<id> (return
 * pages below them), customers at /store/<shop>/customers/<id>, and every file a merchant or
 * customer attaches (timeline comments, return requests) is served from cdn.shopify.com, where
 * a rendition is the original plus a size suffix (`photo_240x240.jpg`) or transform parameters
 * (`?width=240&height=240&crop=center`). Renditions are re-encoded and lose the camera's
 * metadata, so the adapter strips both to analyse the uploaded original.
 *
 * What is not: Shopify does not document the admin's DOM, its Polaris class names are hashed
 * per build, and no public extension or userscript shows stable hooks for the order timeline or
 * the return request card. The region hooks below (ARIA labels named after the cards' visible
 * titles) are assumptions, kept in SELECTORS; when neither region is present the adapter falls
 * back to the page's main area. Either way catalogue pictures are skipped by URL shape: they link
 * to /products/<id> or are stored under /products/ on the CDN, while uploads go to /files/.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';

const SELECTORS = {
  /** Order page: the "Timeline" card (comments with attached files, fulfilment and delivery events). Assumed hook. */
  timeline: '[aria-label="Timeline"], [data-testid="order-timeline"]',
  /** Order page and return page: the return request card (reason, customer note, photos). Assumed hook. */
  returnRequest: '[aria-label^="Return request"], [data-testid="return-request"]',
  /** Admin frame: the page body, used when neither card above is found. */
  main: 'main, [role="main"]',
  /** Any picture served by Shopify's file CDN (attachments, but also product images); the host is checked in code. */
  cdnImage: 'img[src*="//cdn.shopify.com"]',
  /** Order page: line items and product cards link to the product's admin page. */
  productLink: 'a[href*="/products/"]',
  /** Order page: the customer card links to /store/<shop>/customers/<id>. */
  customerLink: 'a[href*="/customers/"]',
  /** Order page: the page title carries the order name ("#1001"). */
  title: 'h1',
  /** Timeline: each event's timestamp. */
  eventTime: 'time[datetime]',
} as const;

/** File names of Shopify's named renditions and pixel-size suffixes (`_240x240`, `_x120`, `_small`, `@2x`). */
const RENDITION_SUFFIX =
  /_(?:\d+x\d*|x\d+|pico|icon|thumb|small|compact|medium|large|grande|master)(?:_crop_[a-z]+)?(?:@\dx)?(?=\.[a-z0-9]+$)/i;
const TRANSFORM_PARAMS = ['width', 'height', 'crop', 'pad_color', 'format', 'quality'];

/** The uploaded original behind a cdn.shopify.com rendition; other URLs unchanged. */
export function shopifyOriginal(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.hostname !== 'cdn.shopify.com') return url;
  for (const p of TRANSFORM_PARAMS) u.searchParams.delete(p);
  u.pathname = u.pathname.replace(RENDITION_SUFFIX, '');
  return u.href;
}

function isCdnUrl(url: string | null | undefined, base: string): url is string {
  if (!url) return false;
  try {
    return new URL(url, base).hostname === 'cdn.shopify.com';
  } catch {
    return false;
  }
}

function isCatalogueImage(img: HTMLImageElement, src: string): boolean {
  return Boolean(img.closest(SELECTORS.productLink)) || /\/products\//.test(src.split('?')[0]);
}

function orderIdFrom(url: string): string | undefined {
  return url.match(/\/store\/[^/]+\/orders\/(\d+)/)?.[1];
}

/** Dates named by the timeline's events: placed, delivered, return requested. */
function timelineDates(doc: Document): Partial<ClaimContext> {
  const out: Partial<ClaimContext> = {};
  const timeline = doc.querySelector(SELECTORS.timeline);
  if (!timeline) return out;
  for (const time of timeline.querySelectorAll(SELECTORS.eventTime)) {
    const event = time.closest('li, article, [role="listitem"]') ?? time.parentElement;
    const what = text(event)?.toLowerCase() ?? '';
    const when = time.getAttribute('datetime') ?? undefined;
    if (/\bdelivered\b/.test(what)) out.deliveryDate ??= when;
    else if (/\breturn\b.*\brequested\b|\brequested a return\b/.test(what)) out.claimDate ??= when;
    else if (/\border\b.*\b(placed|created)\b|\bplaced this order\b/.test(what)) out.orderDate ??= when;
  }
  return out;
}

export const shopify: SiteAdapter = {
  id: 'shopify',
  name: 'Shopify',
  // The admin navigates without page loads, so the script runs on every admin page of a store
  // and only takes images on an order page.
  matches: ['https://admin.shopify.com/store/*'],

  findClaimImages(root) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    if (!orderIdFrom(doc.URL)) return [];
    const base = doc.baseURI;
    const cards = [...root.querySelectorAll(`${SELECTORS.timeline}, ${SELECTORS.returnRequest}`)];
    const scopes = cards.length ? cards : [...root.querySelectorAll(SELECTORS.main)];
    const seen = new Set<HTMLImageElement>();
    const images: ClaimImage[] = [];
    for (const scope of scopes) {
      for (const img of scope.querySelectorAll<HTMLImageElement>(SELECTORS.cdnImage)) {
        const own = img.getAttribute('src');
        if (seen.has(img) || !isCdnUrl(own, base) || isDecorative(img)) continue;
        const link = img.closest('a')?.getAttribute('href');
        const src = absoluteUrl(isCdnUrl(link, base) ? link : own, base);
        if (isCatalogueImage(img, src)) continue;
        seen.add(img);
        images.push({ element: img, src: shopifyOriginal(src) });
      }
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const id = orderIdFrom(url);
    const shop = url.match(/\/store\/([^/]+)\//)?.[1];
    const name = text(doc.querySelector(SELECTORS.title))?.match(/#[\w-]+/)?.[0];
    const customer = doc.querySelector<HTMLAnchorElement>(SELECTORS.customerLink);
    return {
      helpdesk: 'shopify',
      pageUrl: url,
      ticketId: id,
      ticketUrl: id && shop ? `https://admin.shopify.com/store/${shop}/orders/${id}` : undefined,
      orderId: name ?? id,
      customerId: customer?.getAttribute('href')?.match(/\/customers\/(\d+)/)?.[1],
      customerName: text(customer),
      ...timelineDates(doc),
    };
  },
};

/*
 * Test page: tests/fixtures/sites/shopify.html, served at
 * https://admin.shopify.com:<port>/store/acme/orders/5550001234 by tests/e2e/server.ts.
 * Real page: Orders → open an order with a return request or a timeline comment carrying a
 * photo. The order title reads "#1001", the customer card links to the customer, line items
 * show product thumbnails (not claims), and the Timeline card lists comments (with attached
 * files shown as thumbnails from cdn.shopify.com) and events such as "Order was delivered".
 */
