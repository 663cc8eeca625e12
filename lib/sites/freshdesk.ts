/**
 * Freshdesk agent portal — https://<account>.freshdesk.com/a/tickets/<id>
 *
 * What is established: the URL shapes. Ticket pages are /a/tickets/<id> and contacts
 * /a/contacts/<id>. Attachment files live in Freshdesk's S3 bucket per data centre
 * (s3.amazonaws.com/cdn.freshdesk.com, s3-eu-central-1.amazonaws.com/euc-cdn.freshdesk.com,
 * s3[.-]ap-south-1.amazonaws.com/ind-cdn.freshdesk.com) under
 * /data/helpdesk/attachments/production/<attachment id>/<original|thumb|…>/<name>; images pasted
 * into a message go through (euc)attachment.freshdesk.com/inline/attachment?token=…; and the
 * account's /helpdesk/attachments/<attachment id> redirects, for a signed-in agent, to the file.
 *
 * The S3 links on the page are pre-signed and expire after about five minutes (X-Amz-Expires=300),
 * and a thumbnail's signature cannot be reused for the original. So the adapter never hands the
 * background an S3 link: it hands the account's /helpdesk/attachments/<id> route, which signs a
 * fresh link on every request, and the background fetches it as soon as the image is found.
 *
 * What is not: Freshdesk does not document the agent portal's DOM and no public extension shows
 * stable hooks for its conversation. The adapter therefore finds attachments by the URL shapes
 * above anywhere outside the page chrome and the sidebars (where contact avatars and the portal
 * logo, also stored as attachments, are shown); the conversation, requester and ticket-field
 * hooks in SELECTORS are assumptions.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';

const SELECTORS = {
  /** Ticket page: the conversation thread. Assumed hooks, with the main area as fallback. */
  conversation: '[data-test-id="ticket-conversation"], [role="log"], main, [role="main"]',
  /** Page chrome and sidebars: contact avatars, agent avatars, portal logo. */
  chrome: 'header, nav, aside, [role="banner"], [role="navigation"], [role="complementary"]',
  /** Ticket thread: links to an attachment by id (the stable, session-authorised route). */
  attachmentLink: 'a[href*="/helpdesk/attachments/"]',
  /** Ticket thread: attachment pictures, by their storage URL shapes (hosts checked in code). */
  attachmentImage: 'img[src*="/data/helpdesk/attachments/"], img[src*="/inline/attachment"]',
  /** Ticket page: the requester's name. Assumed hook, with the contact link as fallback. */
  requester: '[data-test-id="requester-name"], a[href*="/a/contacts/"]',
  /** Ticket page: the requester links to their contact page, /a/contacts/<id>. */
  contactLink: 'a[href*="/a/contacts/"]',
  /** Ticket page: the first message's timestamp. Assumed. */
  messageTime: 'time[datetime]',
  /** Ticket properties: labelled fields (order number, dates), wherever the form puts them. */
  fieldLabel: 'label',
} as const;

const ATTACHMENT_ID = /\/data\/helpdesk\/attachments\/production\/(\d+)\//;

/** The account's route to an attachment, from a link or from a storage URL carrying its id. */
function stableAttachmentUrl(src: string, pageUrl: string): string {
  const id = src.match(ATTACHMENT_ID)?.[1] ?? src.match(/\/helpdesk\/attachments\/(\d+)/)?.[1];
  if (id) return new URL(`/helpdesk/attachments/${id}`, pageUrl).href;
  return src;
}

/** Freshdesk's own hosts (accounts, inline-image tokens) or one of its S3 buckets (<region->cdn.freshdesk.com). */
function isFreshdeskFile(url: string): boolean {
  try {
    const u = new URL(url);
    if (/\.freshdesk\.com$/.test(u.hostname)) return true;
    return /^s3[.-][\w.-]*amazonaws\.com$/.test(u.hostname) && /^\/(?:[a-z]+-)?cdn\.freshdesk\.com\//.test(u.pathname);
  } catch {
    return false;
  }
}

/** A storage URL that is not a message attachment: portal logos and avatars have their own folders. */
function isPortalAsset(src: string): boolean {
  return /\/(logo|fav_icon|avatar|profile_picture)\//i.test(src);
}

function ticketIdFrom(url: string): string | undefined {
  return url.match(/\/a\/tickets\/(\d+)/)?.[1];
}

/** Values of the ticket's labelled fields (custom fields for order number and dates). */
function labelledFields(doc: Document): Partial<ClaimContext> {
  const out: Partial<ClaimContext> = {};
  for (const label of doc.querySelectorAll<HTMLLabelElement>(SELECTORS.fieldLabel)) {
    const name = text(label)?.toLowerCase() ?? '';
    const control = (label.htmlFor ? doc.getElementById(label.htmlFor) : null) ?? label.parentElement?.querySelector('input, select, textarea');
    const value = ((control as HTMLInputElement | null)?.value ?? '').trim();
    if (!value) continue;
    if (/order\s*(id|number|no|#)/.test(name)) out.orderId ??= value;
    else if (/serial/.test(name)) out.serial ??= value;
    else if (/order date|ordered on/.test(name)) out.orderDate ??= value;
    else if (/deliver/.test(name)) out.deliveryDate ??= value;
  }
  return out;
}

export const freshdesk: SiteAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  // The agent portal navigates without page loads, so the script runs on all of it (/a/…) and
  // only takes images on a ticket page.
  matches: ['https://*.freshdesk.com/a/*'],

  findClaimImages(root) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    if (!ticketIdFrom(doc.URL)) return [];
    const base = doc.baseURI;
    const images: ClaimImage[] = [];
    const seen = new Set<HTMLImageElement>();
    const candidates = [
      ...[...root.querySelectorAll(SELECTORS.attachmentLink)].flatMap((a) => [...a.querySelectorAll('img')]),
      ...root.querySelectorAll<HTMLImageElement>(SELECTORS.attachmentImage),
    ];
    for (const img of candidates) {
      if (seen.has(img)) continue;
      seen.add(img);
      if (!img.closest(SELECTORS.conversation) || img.closest(SELECTORS.chrome) || isDecorative(img)) continue;
      const src = absoluteUrl(img.getAttribute('src') ?? '', base);
      const link = img.closest(SELECTORS.attachmentLink)?.getAttribute('href');
      if (isPortalAsset(src) || (!link && !isFreshdeskFile(src))) continue;
      const full = link ? absoluteUrl(link, base) : src.includes('/inline/attachment') ? src : stableAttachmentUrl(src, base);
      images.push({ element: img, src: stableAttachmentUrl(full, base) });
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const ticketId = ticketIdFrom(url);
    const requester = doc.querySelector(SELECTORS.requester);
    const contact = doc.querySelector(SELECTORS.contactLink);
    const first = doc.querySelector(SELECTORS.conversation)?.querySelector(SELECTORS.messageTime);
    return {
      helpdesk: 'freshdesk',
      pageUrl: url,
      ticketId,
      ticketUrl: ticketId ? new URL(`/a/tickets/${ticketId}`, url).href : undefined,
      customerId: contact?.getAttribute('href')?.match(/\/a\/contacts\/(\d+)/)?.[1],
      customerName: text(requester),
      claimDate: first?.getAttribute('datetime') ?? undefined,
      ...labelledFields(doc),
    };
  },
};

/*
 * Test page: tests/fixtures/sites/freshdesk.html, served at
 * https://acme.freshdesk.com:<port>/a/tickets/7731 by tests/e2e/server.ts, with the S3 bucket
 * (five-minute signatures, checked) on https://s3.amazonaws.com:<port>/cdn.freshdesk.com/….
 * Real page: Tickets → open a ticket whose requester attached photos. Each message lists its
 * attachments as thumbnails (signed S3 "thumb" links); pasted images show inline; the requester
 * links to /a/contacts/<id>; custom ticket fields such as "Order number" sit in the properties
 * panel.
 */
