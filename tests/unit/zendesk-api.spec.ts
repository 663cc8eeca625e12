/**
 * The Zendesk Ticket Comments API as a source of claim images: which attachments are taken
 * (full-size pictures on the workspace's origin) and which are not (other types, SVG, inline
 * pictures, thumbnails, deleted or flagged files, oversize or icon-sized files), and the paging:
 * `next_page` followed on the same origin and ticket only, never twice, never past the page cap,
 * with hostile answers (wrong types, huge lists, loops, cross-origin links) contained.
 */
import { describe, expect, it } from 'vitest';
import {
  commentsUrl,
  listTicketImages,
  parseCommentsPage,
  safeNextPage,
  zendeskAttachmentKey,
  ZENDESK_API_LIMITS,
  type FetchLike,
} from '../../lib/sites/zendesk-api';

const ORIGIN = 'https://acme.zendesk.com';
const TICKET = '4821';

const attachment = (token: string, extra: Record<string, unknown> = {}) => ({
  id: token.length,
  file_name: `${token}.jpg`,
  content_url: `${ORIGIN}/attachments/token/${token}/?name=${token}.jpg`,
  content_type: 'image/jpeg',
  size: 200_000,
  width: 1024,
  height: 768,
  inline: false,
  thumbnails: [{ content_url: `${ORIGIN}/attachments/token/${token}t/?name=${token}_thumb.jpg`, content_type: 'image/jpeg', size: 4000 }],
  ...extra,
});

const page = (tokens: unknown[], next: unknown = null) => ({ comments: [{ id: 1, attachments: tokens }], next_page: next, previous_page: null, count: 1 });

/** A fake fetch answering from `pages` by URL, recording every URL asked. */
function server(pages: Record<string, unknown>, status = 200) {
  const asked: string[] = [];
  const fetchPage: FetchLike = async (url, init) => {
    asked.push(url);
    expect(init.credentials).toBe('include');
    const body = url in pages ? JSON.stringify(pages[url]) : 'not found';
    return { ok: url in pages && status === 200, headers: new Headers(), text: async () => body };
  };
  return { asked, fetchPage };
}

const first = commentsUrl(ORIGIN, TICKET);
const second = `${ORIGIN}/api/v2/tickets/${TICKET}/comments.json?page=2`;
const tokens = (images: { key?: string }[]) => images.map((i) => i.key);

describe('Zendesk comments API: attachments', () => {
  it('takes full-size pictures by their content_url, keyed by attachment token, and never a thumbnail', () => {
    const { images, next } = parseCommentsPage(page([attachment('tkA'), attachment('tkB', { content_type: 'IMAGE/PNG' })], second), ORIGIN, TICKET);
    expect(images).toEqual([
      { src: `${ORIGIN}/attachments/token/tkA/?name=tkA.jpg`, key: 'zendesk:tkA' },
      { src: `${ORIGIN}/attachments/token/tkB/?name=tkB.jpg`, key: 'zendesk:tkB' },
    ]);
    expect(next).toBe(second);
  });

  it('skips other types, SVG, inline pictures, deleted and flagged files, oversize and icon-sized files', () => {
    const skipped = [
      attachment('pdf', { content_type: 'application/pdf' }),
      attachment('svg', { content_type: 'image/svg+xml' }),
      attachment('inl', { inline: true }),
      attachment('del', { deleted: true }),
      attachment('mal', { malware_scan_result: 'malware_found' }),
      attachment('big', { size: 200 * 1024 * 1024 }),
      attachment('ico', { width: 64, height: 64 }),
      attachment('ics', { width: '40', height: '40' }),
      attachment('zero', { size: 0 }),
    ];
    expect(parseCommentsPage(page([...skipped, attachment('ok')]), ORIGIN, TICKET).images.map((i) => i.key)).toEqual(['zendesk:ok']);
  });

  it('keeps a picture whose size or dimensions are unknown (the background checks the bytes)', () => {
    const { images } = parseCommentsPage(page([attachment('nos', { size: null, width: null, height: undefined })]), ORIGIN, TICKET);
    expect(tokens(images)).toEqual(['zendesk:nos']);
  });

  it('survives wrong types anywhere in the answer', () => {
    for (const hostile of [null, 42, 'comments', [], { comments: 'x' }, { comments: [null, 1, 'a', [], { attachments: {} }, { attachments: 'x' }] }]) {
      expect(parseCommentsPage(hostile, ORIGIN, TICKET)).toEqual({ images: [], next: undefined });
    }
    const weird = [
      null,
      7,
      'image/png',
      [],
      attachment('t1', { content_type: 5 }),
      attachment('t2', { content_url: 12 }),
      attachment('t3', { content_url: 'javascript:alert(1)' }),
      attachment('t4', { content_url: 'not a url' }),
      attachment('t5', { size: '200000' }),
      attachment('t6', { size: Number.NaN }),
      attachment('t7', { size: -1 }),
      attachment('t8', { content_url: `${ORIGIN}/attachments/token/../../api/v2/users/me/?name=x` }),
      attachment('t9', { content_url: `${ORIGIN}/api/v2/users/me.json` }),
      attachment('t10', { content_url: 'x'.repeat(5000) }),
    ];
    expect(parseCommentsPage(page(weird), ORIGIN, TICKET).images).toEqual([]);
  });

  it('takes files on the workspace’s own origin only, never another host’s URL', () => {
    const foreign = [
      attachment('x1', { content_url: 'https://evil.example/attachments/token/x1/?name=a.jpg' }),
      attachment('x2', { content_url: 'https://other.zendesk.com/attachments/token/x2/?name=a.jpg' }),
      attachment('x3', { content_url: 'http://acme.zendesk.com/attachments/token/x3/?name=a.jpg' }),
      attachment('x4', { content_url: 'https://acme.zendesk.com.evil.example/attachments/token/x4/?name=a.jpg' }),
    ];
    expect(parseCommentsPage(page(foreign), ORIGIN, TICKET).images).toEqual([]);
  });

  it('caps huge lists of comments and attachments', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => attachment(`a${i}`));
    const oneComment = parseCommentsPage(page(many), ORIGIN, TICKET).images;
    expect(oneComment).toHaveLength(ZENDESK_API_LIMITS.maxAttachmentsPerComment);
    const comments = Array.from({ length: 5_000 }, (_, i) => ({ attachments: [attachment(`c${i}`)] }));
    expect(parseCommentsPage({ comments }, ORIGIN, TICKET).images).toHaveLength(ZENDESK_API_LIMITS.maxCommentsPerPage);
  });

  it('names an attachment by its token, whatever the rest of its URL', () => {
    expect(zendeskAttachmentKey('/attachments/token/tk1AI/?name=a.png', ORIGIN)).toBe('zendesk:tk1AI');
    expect(zendeskAttachmentKey(`${ORIGIN}/attachments/token/tk1AI/?name=other%20name.png`, ORIGIN)).toBe('zendesk:tk1AI');
    expect(zendeskAttachmentKey(`${ORIGIN}/attachments/token/tk1AI`, ORIGIN)).toBe('zendesk:tk1AI');
    expect(zendeskAttachmentKey('https://acme.zdusercontent.com/attachments/token/tk1AI/', ORIGIN)).toBeUndefined();
    expect(zendeskAttachmentKey(`${ORIGIN}/inline/pasted.jpg`, ORIGIN)).toBeUndefined();
  });
});

describe('Zendesk comments API: paging', () => {
  it('follows next_page to the last page and lists each file once', async () => {
    const { asked, fetchPage } = server({
      [first]: page([attachment('tkA'), attachment('tkB')], second),
      [second]: page([attachment('tkC'), attachment('tkA')], null),
    });
    const images = await listTicketImages(ORIGIN, TICKET, new AbortController().signal, fetchPage);
    expect(tokens(images)).toEqual(['zendesk:tkA', 'zendesk:tkB', 'zendesk:tkC']);
    expect(asked).toEqual([first, second]);
  });

  it('refuses a next_page on another origin, another ticket or another route', () => {
    for (const next of [
      'https://evil.example/api/v2/tickets/4821/comments.json?page=2',
      'http://acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2',
      'https://acme.zendesk.com:8443/api/v2/tickets/4821/comments.json?page=2',
      'https://user:pass@acme.zendesk.com/api/v2/tickets/4821/comments.json?page=2',
      'https://acme.zendesk.com/api/v2/tickets/9999/comments.json?page=2',
      'https://acme.zendesk.com/api/v2/users/me.json',
      '/api/v2/tickets/4821/comments.json?page=2',
      'javascript:alert(1)',
      42,
      { href: second },
    ]) {
      expect(safeNextPage(next, ORIGIN, TICKET), String(next)).toBeUndefined();
    }
    expect(safeNextPage(`${ORIGIN}/api/v2/tickets/4821/comments?page=2`, ORIGIN, TICKET)).toBe(`${ORIGIN}/api/v2/tickets/4821/comments?page=2`);
  });

  it('does not fetch a cross-origin next_page', async () => {
    const evil = 'https://evil.example/api/v2/tickets/4821/comments.json?page=2';
    const { asked, fetchPage } = server({ [first]: page([attachment('tkA')], evil), [evil]: page([attachment('tkEvil')]) });
    expect(tokens(await listTicketImages(ORIGIN, TICKET, new AbortController().signal, fetchPage))).toEqual(['zendesk:tkA']);
    expect(asked).toEqual([first]);
  });

  it('stops on a next_page loop and at the page cap', async () => {
    const loop = server({ [first]: page([attachment('tkA')], second), [second]: page([attachment('tkB')], first) });
    expect(tokens(await listTicketImages(ORIGIN, TICKET, new AbortController().signal, loop.fetchPage))).toEqual(['zendesk:tkA', 'zendesk:tkB']);
    expect(loop.asked).toEqual([first, second]);

    const pages: Record<string, unknown> = {};
    const url = (n: number) => (n === 1 ? first : `${ORIGIN}/api/v2/tickets/${TICKET}/comments.json?page=${n}`);
    for (let n = 1; n <= 50; n++) pages[url(n)] = page([attachment(`p${n}`)], url(n + 1));
    const endless = server(pages);
    const images = await listTicketImages(ORIGIN, TICKET, new AbortController().signal, endless.fetchPage);
    expect(endless.asked).toHaveLength(ZENDESK_API_LIMITS.maxPages);
    expect(images).toHaveLength(ZENDESK_API_LIMITS.maxPages);
  });

  it('caps the images of a ticket', async () => {
    const pages: Record<string, unknown> = {};
    const url = (n: number) => (n === 1 ? first : `${ORIGIN}/api/v2/tickets/${TICKET}/comments.json?page=${n}`);
    for (let n = 1; n <= 10; n++) {
      const comments = Array.from({ length: 100 }, (_, c) => ({ attachments: [attachment(`p${n}c${c}`)] }));
      pages[url(n)] = { comments, next_page: url(n + 1) };
    }
    const images = await listTicketImages(ORIGIN, TICKET, new AbortController().signal, server(pages).fetchPage);
    expect(images).toHaveLength(ZENDESK_API_LIMITS.maxImages);
  });

  it('keeps what it read when a page fails, is not JSON or is too large', async () => {
    const broken = `${ORIGIN}/api/v2/tickets/${TICKET}/comments.json?page=3`;
    const notJson: FetchLike = async (u) =>
      u === first
        ? { ok: true, headers: new Headers(), text: async () => JSON.stringify(page([attachment('tkA')], second)) }
        : u === second
          ? { ok: true, headers: new Headers(), text: async () => '<html>Sign in</html>' }
          : { ok: true, headers: new Headers(), text: async () => JSON.stringify(page([attachment('never')], broken)) };
    expect(tokens(await listTicketImages(ORIGIN, TICKET, new AbortController().signal, notJson))).toEqual(['zendesk:tkA']);

    const huge: FetchLike = async () => ({ ok: true, headers: new Headers({ 'content-length': String(ZENDESK_API_LIMITS.maxPageChars + 1) }), text: async () => '{}' });
    expect(await listTicketImages(ORIGIN, TICKET, new AbortController().signal, huge)).toEqual([]);

    const signedOut = server({ [first]: page([attachment('tkA')]) }, 401);
    expect(await listTicketImages(ORIGIN, TICKET, new AbortController().signal, signedOut.fetchPage)).toEqual([]);
  });

  it('asks nothing for a ticket id that is not a number', async () => {
    const { asked, fetchPage } = server({});
    expect(await listTicketImages(ORIGIN, '../users/me', new AbortController().signal, fetchPage)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('stops when the ticket changes (signal aborted)', async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    const fetchPage: FetchLike = async (url, init) => {
      asked.push(url);
      expect(init.signal).toBeDefined();
      controller.abort();
      return { ok: true, headers: new Headers(), text: async () => JSON.stringify(page([attachment('tkA')], second)) };
    };
    await expect(listTicketImages(ORIGIN, TICKET, controller.signal, fetchPage)).rejects.toThrow();
    expect(asked).toEqual([first]);
  });
});
