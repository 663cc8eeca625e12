/**
 * Gmail, for shops that handle claims from a shared mailbox —
 * https://mail.google.com/mail/u/<n>/#inbox/<thread>
 *
 * What is established (Gmail's DOM is undocumented, but these hooks have been read by public
 * extensions and libraries such as gmail.js for years): the thread subject is an `h2` carrying
 * `data-thread-perm-id` and `data-legacy-thread-id`; each message is an element with
 * `data-message-id` / `data-legacy-message-id`; the sender is the message's first `span[email]`
 * (with a `name` attribute); each attachment card carries
 * `download_url="<mime type>:<file name>:<URL>"`. Attachment URLs are
 * mail.google.com/mail/u/<n>?…&attid=<part>&th=<thread>&view=att&disp=<how>: `disp=thd` (and the
 * newer `view=fimg` with an `sz` size) is a thumbnail, `disp=inline` or `disp=safe` the whole file,
 * which Gmail serves by redirecting to mail-attachment.googleusercontent.com.
 *
 * So a thumbnail is never analysed: the adapter takes the card's `download_url`, else the card's
 * link to the file, else rewrites the thumbnail URL to `view=att&disp=inline` without its size.
 * Remote images in HTML mail (proxied through *.googleusercontent.com) and avatars are not
 * attachments and are skipped, as is anything inside a reply being composed.
 *
 * What is not established: the message date's markup, so no claim date is read; Gmail's class
 * names are obfuscated and never used.
 */
import type { ClaimContext } from '../engine/types';
import { absoluteUrl, isDecorative, text, type ClaimImage, type SiteAdapter } from './index';

const SELECTORS = {
  /** Thread view: one message of the conversation. */
  message: '[data-legacy-message-id], [data-message-id]',
  /** Thread view: the subject heading, carrying the thread ids. */
  subject: 'h2[data-thread-perm-id], h2[data-legacy-thread-id]',
  /** Message header: the sender (its email and name as attributes). */
  sender: 'span[email]',
  /** Message: an attachment card, with the file's URL in `download_url`. */
  attachmentCard: '[download_url]',
  /** Reply or forward being written inside the thread: the agent's own content. */
  compose: '[contenteditable="true"], [role="textbox"]',
} as const;

/** "Order #1042", "order number SO-20418", "Order 1042" in a subject line. */
const ORDER_IN_SUBJECT = /\border\s*(?:no\.?|number|#)?\s*#?\s*((?:[a-z]+-?)?\d[\w-]*)/i;

/** Query parameters of a thumbnail request that the full file does not take. */
const THUMBNAIL_PARAMS = ['sz', 'attbid', 'ats', 'fur'];

/** A Gmail attachment URL (thumbnail or file): mail.google.com/mail/…?view=att|fimg&attid=…. */
export function isGmailAttachment(url: string | null | undefined, base: string): url is string {
  if (!url) return false;
  try {
    const u = new URL(url, base);
    return u.hostname === 'mail.google.com' && u.pathname.startsWith('/mail/') && /^(att|fimg)$/.test(u.searchParams.get('view') ?? '') && u.searchParams.has('attid');
  } catch {
    return false;
  }
}

/**
 * The whole file behind a Gmail attachment URL: `view=att&disp=inline`, no thumbnail size.
 * The query is edited as text, in place, so Gmail's own encoding and bare flags (`&zw`) survive.
 */
export function gmailFullSize(url: string, base: string): string {
  const u = new URL(url, base);
  const params = u.search.slice(1).split('&').filter(Boolean);
  const name = (p: string) => p.split('=')[0];
  const value = (key: string) => params.find((p) => name(p) === key)?.split('=')[1];
  if (value('view') === 'att' && /^(inline|safe)$/.test(value('disp') ?? '') && !params.some((p) => name(p) === 'sz')) return u.href;
  const kept = params
    .filter((p) => !THUMBNAIL_PARAMS.includes(name(p)))
    .map((p) => (name(p) === 'view' ? 'view=att' : name(p) === 'disp' ? 'disp=inline' : p));
  if (!kept.some((p) => name(p) === 'disp')) kept.push('disp=inline');
  u.search = `?${kept.join('&')}`;
  return u.href;
}

/** The URL in an attachment card's `download_url` ("image/jpeg:photo.jpg:https://…"), images only. */
function cardUrl(card: Element | null): string | undefined {
  const value = card?.getAttribute('download_url') ?? '';
  const at = value.indexOf(':https://');
  if (at < 0 || !value.toLowerCase().startsWith('image/')) return undefined;
  return value.slice(at + 1);
}

/** The file name in an attachment card's `download_url`. */
function cardName(card: Element | null): string | undefined {
  const value = card?.getAttribute('download_url') ?? '';
  const at = value.indexOf(':https://');
  const name = at > 0 ? value.slice(value.indexOf(':') + 1, at).trim() : '';
  return name && name.length <= 200 ? name : undefined;
}

function threadTokenFrom(url: string): string | undefined {
  const hash = url.split('#')[1];
  return hash?.split('/').filter(Boolean).pop()?.split('?')[0];
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/mail/*'],

  findClaimImages(root) {
    const base = (root as Node).ownerDocument?.baseURI ?? (root as Document).baseURI;
    const images: ClaimImage[] = [];
    const seen = new Set<HTMLImageElement>();
    for (const message of root.querySelectorAll(SELECTORS.message)) {
      for (const img of message.querySelectorAll('img')) {
        if (seen.has(img) || img.closest(SELECTORS.compose) || isDecorative(img)) continue;
        const src = img.getAttribute('src');
        if (!isGmailAttachment(src, base)) continue;
        seen.add(img);
        const link = img.closest('a')?.getAttribute('href');
        const card = img.closest(SELECTORS.attachmentCard);
        const full = cardUrl(card) ?? (isGmailAttachment(link, base) ? link : src);
        images.push({ element: img, src: gmailFullSize(absoluteUrl(full, base), base), name: cardName(card) });
      }
    }
    return images;
  },

  context(doc) {
    const url = doc.location?.href ?? doc.baseURI;
    const subjectEl = doc.querySelector(SELECTORS.subject);
    const subject = text(subjectEl);
    const sender = doc.querySelector(SELECTORS.message)?.querySelector(SELECTORS.sender);
    const ticketId = subjectEl?.getAttribute('data-legacy-thread-id') ?? threadTokenFrom(url);
    const out: ClaimContext = {
      helpdesk: 'gmail',
      pageUrl: url,
      ticketId,
      ticketUrl: ticketId ? url : undefined,
      customerId: sender?.getAttribute('email') ?? undefined,
      customerName: sender?.getAttribute('name') || text(sender),
      orderId: subject?.match(ORDER_IN_SUBJECT)?.[1],
      subject,
    };
    return out;
  },
};

/*
 * Test page: tests/fixtures/sites/gmail.html, served at
 * https://mail.google.com:<port>/mail/u/0/#inbox/FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL by
 * tests/e2e/server.ts; the full files redirect to https://mail-attachment.googleusercontent.com:<port>.
 * Real page: open a customer's email with photos attached. Below the message, each image is a
 * card with a thumbnail (…&view=fimg…&sz=… or …&disp=thd…) and download/open actions; the
 * header shows the sender's name with the address in a tooltip; the subject heads the thread.
 */
