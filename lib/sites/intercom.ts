/**
 * Intercom Inbox — https://app.intercom.com/a/inbox/<workspace>/inbox/…/conversation/<id>
 *
 * What is established: the Inbox marks its parts with `data-intercom-target` attributes (its own
 * product-tour hooks, stable across redesigns): the open conversation is
 * `[data-intercom-target="conversation-space"]`, each message `…="conversation-stream-content-part"`,
 * the details panel `…="conversation-sidebar"`; the stream carries `data-conversation-stream`,
 * conversation cards `data-conversation-id`, and a teammate's part shows
 * `[data-testid="admin-avatar-name"]` (all seen in public extensions and userscripts, 2019–2026).
 * Attachment hosts are listed in Intercom's CSP guide: downloads.intercomcdn.com,
 * uploads.intercomusercontent.com and the per-workspace <app>-<hash>.intercom-attachments-<n>.com.
 * Files there are signed (`?expires=…&signature=…`) and need no cookie; avatars come from
 * static.intercomassets.com and gravatar, never from those hosts.
 *
 * What is not: how a customer's name and conversation attributes (order number, dates) are
 * rendered in the sidebar. The customer is read from the profile link (/users/<id>/…), the
 * attributes from labelled fields; both assumed, in SELECTORS.
 *
 * Only the US-hosted Inbox (app.intercom.com) is matched; EU and Australian workspaces
 * (app.eu.intercom.com, app.au.intercom.com) serve files from regional hosts not yet verified.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';

const SELECTORS = {
  /** Inbox: the open conversation. */
  conversation: '[data-intercom-target="conversation-space"]',
  /** Open conversation: one message, note or event. */
  part: '[data-intercom-target="conversation-stream-content-part"]',
  /** Message part: present on a teammate's (not the customer's) part. */
  adminName: '[data-testid="admin-avatar-name"]',
  /** Conversation card: carries the conversation id. */
  conversationId: '[data-conversation-id]',
  /** Details panel of the open conversation. */
  sidebar: '[data-intercom-target="conversation-sidebar"]',
  /** Details panel: the customer's profile link, /a/apps/<app>/users/<id>/…. Assumed. */
  userLink: 'a[href*="/users/"]',
  /** Message part: its timestamp. Assumed. */
  partTime: 'time[datetime]',
  /** Details panel: labelled conversation attributes. Assumed. */
  attributeLabel: 'label, dt',
} as const;

/** Hosts Intercom serves conversation attachments from (Intercom's CSP guide). */
const ATTACHMENT_HOST = /^(?:downloads\.intercomcdn\.com|uploads\.intercomusercontent\.com|[a-z0-9-]+\.intercom-attachments-[1-9]\.com)$/;

function isAttachmentUrl(url: string | null | undefined, base: string): url is string {
  if (!url) return false;
  try {
    return ATTACHMENT_HOST.test(new URL(url, base).hostname);
  } catch {
    return false;
  }
}

function conversationIdFrom(doc: Document, url: string): string | undefined {
  return url.match(/\/conversations?\/(\d+)/)?.[1] ?? doc.querySelector(SELECTORS.conversationId)?.getAttribute('data-conversation-id') ?? undefined;
}

/** Conversation attributes whose label names an order number or a date. */
function attributes(scope: ParentNode): Partial<ClaimContext> {
  const out: Partial<ClaimContext> = {};
  for (const label of scope.querySelectorAll(SELECTORS.attributeLabel)) {
    const name = text(label)?.toLowerCase() ?? '';
    const holder = label.tagName === 'DT' ? label.nextElementSibling : label.parentElement?.querySelector('input, [data-value]');
    const value = ((holder as HTMLInputElement | null)?.value || text(holder))?.trim();
    if (!value) continue;
    if (/order\s*(id|number|no|#)/.test(name)) out.orderId ??= value;
    else if (/order date|ordered/.test(name)) out.orderDate ??= value;
    else if (/deliver/.test(name)) out.deliveryDate ??= value;
  }
  return out;
}

export const intercom: SiteAdapter = {
  id: 'intercom',
  name: 'Intercom',
  // The app navigates without page loads (home, contacts, inbox), so the script runs on all of
  // it and only takes images inside an open conversation.
  matches: ['https://app.intercom.com/a/*'],

  findClaimImages(root) {
    const base = (root as Node).ownerDocument?.baseURI ?? (root as Document).baseURI;
    const images: ClaimImage[] = [];
    const seen = new Set<HTMLImageElement>();
    for (const conversation of root.querySelectorAll(SELECTORS.conversation)) {
      for (const part of conversation.querySelectorAll(SELECTORS.part)) {
        for (const img of part.querySelectorAll('img')) {
          if (seen.has(img) || isDecorative(img)) continue;
          const link = img.closest('a')?.getAttribute('href');
          const src = isAttachmentUrl(link, base) ? link : img.getAttribute('src');
          if (!isAttachmentUrl(src, base)) continue;
          seen.add(img);
          images.push({ element: img, src: absoluteUrl(src, base) });
        }
      }
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const id = conversationIdFrom(doc, url);
    const sidebar = doc.querySelector(SELECTORS.sidebar) ?? doc;
    const user = sidebar.querySelector(SELECTORS.userLink);
    const customerPart = [...doc.querySelectorAll(SELECTORS.part)].find((p) => !p.querySelector(SELECTORS.adminName));
    return {
      helpdesk: 'intercom',
      pageUrl: url,
      ticketId: id,
      ticketUrl: url.includes('/conversation/') ? url.split(/[?#]/)[0] : undefined,
      customerId: user?.getAttribute('href')?.match(/\/users\/([\w-]+)/)?.[1],
      customerName: text(user),
      claimDate: customerPart?.querySelector(SELECTORS.partTime)?.getAttribute('datetime') ?? undefined,
      ...attributes(sidebar),
    };
  },
};

/*
 * Test page: tests/fixtures/sites/intercom.html, served at
 * https://app.intercom.com:<port>/a/inbox/acme/inbox/shared/all/conversation/215471234567 by
 * tests/e2e/server.ts, attachments on https://downloads.intercomcdn.com:<port>/i/o/… and
 * https://acme-5f1e.intercom-attachments-7.com:<port>/i/o/… (expiring signatures, checked).
 * Real page: Inbox → open a conversation in which the customer sent photos. Each photo shows in
 * the customer's part as an image linked to its signed file; the details panel on the right
 * names the customer and lists conversation attributes.
 */
