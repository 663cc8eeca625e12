/**
 * Help Scout mailbox — https://secure.helpscout.net/conversation/<id>/<number>/…
 *
 * What is established: the URL shapes. A conversation is /conversation/<id>/<number> (the number
 * is the "#1234" agents see), a customer profile /customer/<id>/<mailbox>, and every attachment is
 * served from the same host as /file/<id>/<hash>/<file name>, behind the agent's session (Mailbox
 * API attachment URLs). The app marks its components with Cypress hooks (`data-cy`), e.g.
 * `ConversationHeader.Actions` and the subject's `EditableTextarea`, seen in public extensions.
 *
 * What is not: the `data-cy` names of the thread list and of a thread's attachment strip. The
 * adapter therefore finds attachments by URL shape inside the conversation area, skipping the
 * sidebar (customer avatar, served from a CDN anyway) and page chrome; the thread hook and the
 * timestamp are assumptions in SELECTORS.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';

const SELECTORS = {
  /** Conversation page: the thread list. Assumed hook, with the main area as fallback. */
  conversation: '[data-cy="ThreadList"], main, [role="main"]',
  /** Page chrome and the customer sidebar. */
  chrome: 'header, nav, aside, [role="banner"], [role="navigation"], [role="complementary"]',
  /** Thread: links to an attachment, /file/<id>/<hash>/<name> (host checked in code). */
  fileLink: 'a[href*="/file/"]',
  /** Thread: attachment previews and pasted images served from the same route. */
  fileImage: 'img[src*="/file/"]',
  /** Conversation header: the editable subject. */
  subject: '[data-cy="EditableTextarea"]',
  /** Sidebar and thread: the customer's profile link. */
  customerLink: 'a[href*="/customer/"]',
  /** Thread: timestamps. Assumed. */
  threadTime: 'time[datetime]',
} as const;

/** "Order #1042", "order number SO-20418", "Order 1042" in a subject line. */
const ORDER_IN_SUBJECT = /\border\s*(?:no\.?|number|#)?\s*#?\s*((?:[a-z]+-?)?\d[\w-]*)/i;

const FILE_PATH = /^\/file\/\d+\/[\w-]+\/[^/]+$/;

function isFileUrl(url: string | null | undefined, base: string): url is string {
  if (!url) return false;
  try {
    const u = new URL(url, base);
    return u.hostname === 'secure.helpscout.net' && FILE_PATH.test(u.pathname);
  } catch {
    return false;
  }
}

function conversationFrom(url: string): { id?: string; number?: string } {
  const m = url.match(/\/conversation\/(\d+)(?:\/(\d+))?/);
  return { id: m?.[1], number: m?.[2] };
}

export const helpscout: SiteAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  // The app navigates from mailbox to conversation without a page load, so the script runs on
  // the whole app and only takes images on a conversation page.
  matches: ['https://secure.helpscout.net/*'],

  findClaimImages(root) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    if (!conversationFrom(doc.URL).id) return [];
    const base = doc.baseURI;
    const images: ClaimImage[] = [];
    const seen = new Set<HTMLImageElement>();
    const candidates = [
      ...[...root.querySelectorAll(SELECTORS.fileLink)].flatMap((a) => [...a.querySelectorAll('img')]),
      ...root.querySelectorAll<HTMLImageElement>(SELECTORS.fileImage),
    ];
    for (const img of candidates) {
      if (seen.has(img)) continue;
      seen.add(img);
      if (!img.closest(SELECTORS.conversation) || img.closest(SELECTORS.chrome) || isDecorative(img)) continue;
      const link = img.closest('a')?.getAttribute('href');
      const src = isFileUrl(link, base) ? link : img.getAttribute('src');
      if (!isFileUrl(src, base)) continue;
      images.push({ element: img, src: absoluteUrl(src, base) });
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const { id, number } = conversationFrom(url);
    const customer = doc.querySelector(SELECTORS.customerLink);
    const subject = text(doc.querySelector(SELECTORS.subject)) ?? (doc.querySelector(SELECTORS.subject) as HTMLTextAreaElement | null)?.value;
    const first = doc.querySelector(SELECTORS.conversation)?.querySelector(SELECTORS.threadTime);
    const out: ClaimContext = {
      helpdesk: 'helpscout',
      pageUrl: url,
      ticketId: number ?? id,
      ticketUrl: id ? `https://secure.helpscout.net/conversation/${id}${number ? `/${number}` : ''}` : undefined,
      customerId: customer?.getAttribute('href')?.match(/\/customer\/(\d+)/)?.[1],
      customerName: text(customer),
      orderId: subject?.match(ORDER_IN_SUBJECT)?.[1],
      claimDate: first?.getAttribute('datetime') ?? undefined,
    };
    return out;
  },
};

/*
 * Test page: tests/fixtures/sites/helpscout.html, served at
 * https://secure.helpscout.net:<port>/conversation/2614551234/8812 by tests/e2e/server.ts.
 * Real page: open a conversation in which the customer attached photos. The customer's thread
 * lists each attachment (a preview image and the file name) linking to /file/…; the sidebar
 * shows the customer's profile with an avatar; the header holds the editable subject.
 */
