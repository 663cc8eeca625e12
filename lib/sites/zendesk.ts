/**
 * Zendesk agent workspace — https://<subdomain>.zendesk.com/agent/tickets/<id>
 *
 * Zendesk does not document its agent UI's DOM. The hooks below are the `data-test-id`
 * attributes the workspace renders for its conversation log (stable across releases, unlike
 * its generated class names); the fixture page tests/fixtures/sites/zendesk.html reproduces
 * that shape. If Zendesk renames a hook, change it here, in one place.
 *
 * Attachments: each comment lists its files as links to
 * `https://<subdomain>.zendesk.com/attachments/token/<token>/?name=<file>`, which redirect to a
 * signed URL on *.zdusercontent.com; the `<img>` inside may be a thumbnail, so the link's
 * href (the full file) is what gets analysed.
 *
 * Comments the workspace has collapsed, or not rendered yet, are read from the Ticket Comments
 * API (./zendesk-api.ts): their photos are analysed before the page shows them, and keyed by
 * attachment token so that the link, once shown, reuses that analysis.
 *
 * Dark theme: Zendesk lets agents switch the Support workspace to a dark theme but documents no
 * page attribute for it, so the badge follows the background behind each image.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';
import { listTicketImages, zendeskAttachmentKey } from './zendesk-api';

const SELECTORS = {
  /** The conversation log of the open ticket. */
  conversation: '[data-test-id="omni-log-container"], [role="log"]',
  /** One comment (public reply or internal note). */
  comment: '[data-test-id="omni-log-comment-item"]',
  /** Attachment links of a comment. */
  attachmentLink: 'a[data-test-id="attachment-thumbnail"], a[href*="/attachments/token/"]',
  /** Images pasted inline into a comment body. */
  inlineImage: '[data-test-id="omni-log-message-content"] img',
  /** Author of a comment. */
  commentAuthor: '[data-test-id="omni-log-item-sender"]',
  /** The requester field in the ticket properties panel. */
  requester: '[data-test-id="ticket-system-field-requester-value"]',
  /** Ticket custom fields for order number and dates, labelled by the team. */
  field: '[data-test-id^="ticket-form-field-"]',
} as const;

function ticketIdFrom(url: string): string | undefined {
  return url.match(/\/agent\/tickets\/(\d+)/)?.[1];
}

/** Reads custom ticket fields whose label names an order number or a date. */
function customFields(doc: Document): Partial<ClaimContext> {
  const out: Partial<ClaimContext> = {};
  for (const field of doc.querySelectorAll(SELECTORS.field)) {
    const label = text(field.querySelector('label'))?.toLowerCase() ?? '';
    const input = field.querySelector('input, [data-test-id$="-value"]') as HTMLInputElement | null;
    const value = (input?.value || text(input))?.trim();
    if (!value) continue;
    if (/order\s*(id|number|#|no)/.test(label)) out.orderId = value;
    else if (/serial/.test(label)) out.serial = value;
    else if (/order date|ordered/.test(label)) out.orderDate = value;
    else if (/deliver/.test(label)) out.deliveryDate = value;
  }
  return out;
}

export const zendesk: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],

  findClaimImages(root) {
    const images: ClaimImage[] = [];
    const base = (root as Node).ownerDocument?.baseURI ?? (root as Document).baseURI;
    const origin = new URL(base).origin;
    for (const log of root.querySelectorAll(SELECTORS.conversation)) {
      for (const link of log.querySelectorAll<HTMLAnchorElement>(SELECTORS.attachmentLink)) {
        const img = link.querySelector('img');
        if (!img || isDecorative(img)) continue;
        const src = absoluteUrl(link.getAttribute('href') ?? img.src, base);
        images.push({ element: img, src, key: zendeskAttachmentKey(src, origin) });
      }
      for (const img of log.querySelectorAll<HTMLImageElement>(SELECTORS.inlineImage)) {
        if (img.closest('a[href*="/attachments/token/"]') || isDecorative(img)) continue;
        const src = absoluteUrl(img.getAttribute('src') ?? '', base);
        images.push({ element: img, src, key: zendeskAttachmentKey(src, origin) });
      }
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const ticketId = ticketIdFrom(url);
    const first = doc.querySelector(SELECTORS.comment);
    const created = first?.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
    return {
      helpdesk: 'zendesk',
      pageUrl: url,
      ticketId,
      ticketUrl: ticketId ? new URL(`/agent/tickets/${ticketId}`, url).href : undefined,
      customerName: text(doc.querySelector(SELECTORS.requester)) ?? text(first?.querySelector(SELECTORS.commentAuthor)),
      claimDate: created,
      ...customFields(doc),
    };
  },

  listAttachments(doc, ticketId, signal) {
    return listTicketImages(new URL(doc.location?.href ?? doc.baseURI).origin, ticketId, signal);
  },
};

/*
 * Test page: tests/fixtures/sites/zendesk.html, served at
 * https://acme.zendesk.com:<port>/agent/tickets/4821 by tests/e2e/server.ts.
 * Real page: open any ticket with an image attachment in the Zendesk agent workspace; the
 * attachment appears under the comment as a thumbnail that links to /attachments/token/….
 */
