/**
 * The image attachments of a Zendesk ticket, read from Zendesk's Ticket Comments API rather
 * than from the page: the agent workspace collapses older comments and renders later ones on
 * demand, so the page alone can miss photos.
 *
 * Established (developer.zendesk.com, "Ticket Comments" and "Attachments"): `GET
 * /api/v2/tickets/{ticket_id}/comments` answers `{ comments: [...], next_page, previous_page,
 * count }` with offset pagination (`next_page` is the full URL of the next page, null on the
 * last one). Each comment has `attachments: [{ id, file_name, content_url, content_type, size,
 * width, height, inline, deleted, malware_scan_result, thumbnails: [...] }]`. `content_url` is
 * `https://<subdomain>.zendesk.com/attachments/token/<token>/?name=<file>`, the same link the
 * workspace shows under the comment, which redirects to a signed URL on *.zdusercontent.com.
 * `inline` attachments are pictures pasted into the comment's body (signature logos among them):
 * the page shows those, where their rendered size tells a logo from a photo, so the API list
 * leaves them out, as it leaves out thumbnails. The API is same-origin for the workspace and
 * answers with the agent's session cookie, so the content script reads it directly.
 *
 * The answer is treated as untrusted: wrong types are skipped, lists and pages are capped,
 * `next_page` must stay on the same origin and the same ticket's comments, and a page is never
 * read twice.
 */
import { LIMITS } from '../engine/limits';
import { MIN_CLAIM_SIDE, type ListedImage } from './index';

export const ZENDESK_API_LIMITS = {
  /** Pages read per ticket (100 comments a page at most: 1,000 comments). */
  maxPages: 10,
  /** Comments read from one page. */
  maxCommentsPerPage: 100,
  /** Attachments read from one comment. */
  maxAttachmentsPerComment: 50,
  /** Images listed per ticket. */
  maxImages: 200,
  /** Largest page accepted, in characters. */
  maxPageChars: 8 * 1024 * 1024,
} as const;

const ATTACHMENT_PATH = /^\/attachments\/token\/([A-Za-z0-9_-]{1,200})\/?$/;

/** `zendesk:<token>`: one attachment, whatever URL (page link or API content_url) names it. */
export function zendeskAttachmentKey(url: string, origin: string): string | undefined {
  try {
    const u = new URL(url, origin);
    if (u.origin !== origin) return undefined;
    const token = u.pathname.match(ATTACHMENT_PATH)?.[1];
    return token ? `zendesk:${token}` : undefined;
  } catch {
    return undefined;
  }
}

/** The comments API's first page for a ticket on the workspace's origin. */
export function commentsUrl(origin: string, ticketId: string): string {
  return `${origin}/api/v2/tickets/${encodeURIComponent(ticketId)}/comments.json`;
}

/** `next_page` when it is the same ticket's comments on the same origin; undefined otherwise. */
export function safeNextPage(next: unknown, origin: string, ticketId: string): string | undefined {
  if (typeof next !== 'string' || next.length > 2000) return undefined;
  try {
    const u = new URL(next);
    if (u.origin !== origin || u.username || u.password) return undefined;
    const m = u.pathname.match(/^\/api\/v2\/tickets\/(\d+)\/comments(?:\.json)?$/);
    return m && m[1] === ticketId ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A claim photo among a comment's attachments, or undefined for anything else. */
function claimImage(a: unknown, origin: string): ListedImage | undefined {
  if (!isRecord(a)) return undefined;
  const type = typeof a.content_type === 'string' ? a.content_type.toLowerCase() : '';
  // Pictures only; SVG is a drawing (and a script carrier), never a photo.
  if (!type.startsWith('image/') || type.startsWith('image/svg')) return undefined;
  if (a.inline === true || a.deleted === true || a.malware_scan_result === 'malware_found') return undefined;
  // Size in bytes: a declared size must be a sane number within the engine's limit.
  if (a.size !== undefined && a.size !== null) {
    if (typeof a.size !== 'number' || !Number.isFinite(a.size) || a.size <= 0 || a.size > LIMITS.maxFileBytes) return undefined;
  }
  // Pixel sizes, when known: icons are no claim photos.
  for (const side of [a.width, a.height]) {
    const n = typeof side === 'string' ? Number(side) : side;
    if (typeof n === 'number' && Number.isFinite(n) && n > 0 && n < MIN_CLAIM_SIDE) return undefined;
  }
  if (typeof a.content_url !== 'string' || a.content_url.length > 2000) return undefined;
  const key = zendeskAttachmentKey(a.content_url, origin);
  if (!key) return undefined;
  return { src: new URL(a.content_url).href, key };
}

/** The claim images of one page of the comments API, and its validated next page. */
export function parseCommentsPage(json: unknown, origin: string, ticketId: string): { images: ListedImage[]; next?: string } {
  if (!isRecord(json)) return { images: [] };
  const images: ListedImage[] = [];
  const comments = Array.isArray(json.comments) ? json.comments.slice(0, ZENDESK_API_LIMITS.maxCommentsPerPage) : [];
  for (const comment of comments) {
    if (!isRecord(comment) || !Array.isArray(comment.attachments)) continue;
    for (const a of comment.attachments.slice(0, ZENDESK_API_LIMITS.maxAttachmentsPerComment)) {
      const image = claimImage(a, origin);
      if (image) images.push(image);
    }
  }
  return { images, next: safeNextPage(json.next_page, origin, ticketId) };
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'text' | 'headers'>>;

/**
 * Every claim image of the ticket, following `next_page` up to the page cap. A failed page
 * ends the listing with what was read so far; an aborted `signal` ends it with an AbortError.
 */
export async function listTicketImages(origin: string, ticketId: string, signal: AbortSignal, fetchPage: FetchLike = (u, init) => fetch(u, init)): Promise<ListedImage[]> {
  if (!/^\d{1,20}$/.test(ticketId)) return [];
  const images = new Map<string, ListedImage>();
  const visited = new Set<string>();
  let url: string | undefined = commentsUrl(origin, ticketId);
  while (url && visited.size < ZENDESK_API_LIMITS.maxPages && !visited.has(url)) {
    visited.add(url);
    signal.throwIfAborted();
    const res = await fetchPage(url, { credentials: 'include', headers: { accept: 'application/json' }, signal });
    if (!res.ok || Number(res.headers.get('content-length') ?? 0) > ZENDESK_API_LIMITS.maxPageChars) break;
    const body = await res.text();
    signal.throwIfAborted();
    if (body.length > ZENDESK_API_LIMITS.maxPageChars) break;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      break;
    }
    const page = parseCommentsPage(json, origin, ticketId);
    for (const image of page.images) {
      if (images.size >= ZENDESK_API_LIMITS.maxImages) return [...images.values()];
      if (!images.has(image.key!)) images.set(image.key!, image);
    }
    url = page.next;
  }
  return [...images.values()];
}
