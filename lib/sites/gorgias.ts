/**
 * Gorgias helpdesk — https://<account>.gorgias.com/app/ticket/<id>
 * (also /app/views/<view>/<id> when a ticket is opened from a view)
 *
 * What is established: attachments are served by the account's download API,
 * https://<account>.gorgias.com/api/attachment/download/<path>, behind the agent's session
 * (Gorgias developer changelog: files on uploads.gorgias.io are no longer directly reachable and
 * map to that route by their path). Public extension code that reads Gorgias tickets shows the
 * thread as an ARIA region labelled "Ticket thread", attachment cards linking to the download
 * route with the thumbnail as the same route plus `?format=<w>x<h>`, and the customer linked in
 * the breadcrumbs as /app/customer/<id>.
 *
 * What is not: the message bubbles only carry hashed CSS-module class names, so messages are
 * not told apart; timestamps (`time[datetime]`) and the Shopify widget's order links in the
 * sidebar are assumed. All hooks are in SELECTORS.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';

const SELECTORS = {
  /** Ticket page: the conversation, an ARIA region with this label. */
  thread: '[aria-label="Ticket thread"]',
  /** Ticket thread: images served by the download API (attachment thumbnails and inline images). */
  downloadImage: 'img[src*="/api/attachment/download/"]',
  /** Ticket thread: old inline images still pointing at the upload bucket. */
  uploadImage: 'img[src^="https://uploads.gorgias.io/"]',
  /** Ticket page header: breadcrumbs, whose customer link goes to /app/customer/<id>. */
  customerLink: '[aria-label="Breadcrumbs"] a[href*="/customer/"], a[href*="/app/customer/"]',
  /** Sidebar, Shopify widget: order names link to the order in the Shopify admin. Assumed. */
  orderLink: 'a[href*="admin.shopify.com/store/"][href*="/orders/"], a[href*=".myshopify.com/admin/orders/"]',
  /** Ticket thread: message timestamps. Assumed. */
  messageTime: 'time[datetime]',
} as const;

/** Query parameters the download API uses for resized previews. */
const PREVIEW_PARAMS = ['format', 'width', 'height', 'size'];

/** The original file behind a Gorgias preview: the download route without its resize parameters. */
export function gorgiasOriginal(url: string, pageUrl: string): string {
  let u: URL;
  try {
    u = new URL(url, pageUrl);
  } catch {
    return url;
  }
  if (u.hostname === 'uploads.gorgias.io') {
    const page = new URL(pageUrl);
    return `${page.origin}/api/attachment/download${u.pathname}`;
  }
  if (!u.pathname.includes('/api/attachment/download/')) return u.href;
  for (const p of PREVIEW_PARAMS) u.searchParams.delete(p);
  return u.href;
}

function ticketIdFrom(url: string): string | undefined {
  const path = new URL(url).pathname;
  return path.match(/^\/app\/ticket\/(\d+)/)?.[1] ?? path.match(/^\/app\/views\/\d+\/(\d+)/)?.[1];
}

export const gorgias: SiteAdapter = {
  id: 'gorgias',
  name: 'Gorgias',
  matches: ['https://*.gorgias.com/app/*'],

  findClaimImages(root) {
    const base = (root as Node).ownerDocument?.baseURI ?? (root as Document).baseURI;
    const images: ClaimImage[] = [];
    const seen = new Set<HTMLImageElement>();
    for (const thread of root.querySelectorAll(SELECTORS.thread)) {
      for (const img of thread.querySelectorAll<HTMLImageElement>(`${SELECTORS.downloadImage}, ${SELECTORS.uploadImage}`)) {
        if (seen.has(img) || isDecorative(img)) continue;
        seen.add(img);
        const link = img.closest('a')?.getAttribute('href');
        const full = link && link.includes('/api/attachment/download/') ? link : (img.getAttribute('src') ?? '');
        images.push({ element: img, src: gorgiasOriginal(absoluteUrl(full, base), base) });
      }
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const ticketId = ticketIdFrom(url);
    const customer = doc.querySelector(SELECTORS.customerLink);
    const firstTime = doc.querySelector(SELECTORS.thread)?.querySelector(SELECTORS.messageTime);
    const order = text(doc.querySelector(SELECTORS.orderLink));
    const out: ClaimContext = {
      helpdesk: 'gorgias',
      pageUrl: url,
      ticketId,
      ticketUrl: ticketId ? new URL(`/app/ticket/${ticketId}`, url).href : undefined,
      customerId: customer?.getAttribute('href')?.match(/\/customer\/(\d+)/)?.[1],
      customerName: text(customer),
      orderId: order?.match(/#?[\w-]+/)?.[0],
      claimDate: firstTime?.getAttribute('datetime') ?? undefined,
    };
    return out;
  },
};

/*
 * Test page: tests/fixtures/sites/gorgias.html, served at
 * https://acme.gorgias.com:<port>/app/ticket/88123 by tests/e2e/server.ts.
 * Real page: open a ticket whose customer attached photos. The thread shows each attachment as
 * a card with a small preview (…/api/attachment/download/<path>?format=…) that opens the full
 * file; the breadcrumbs name the customer; the Shopify widget in the sidebar lists the orders.
 */
