/**
 * HTTPS server for the end-to-end tests and the demo. Chromium resolves every host name to
 * 127.0.0.1 (--host-resolver-rules), so this one server answers for the real helpdesk host
 * names and dispatches on the Host header, one handler per helpdesk (HOSTS below). Pages are the
 * fixtures in tests/fixtures/sites/, rendered with their placeholders; files come from samples/.
 *
 * Zendesk
 *   https://acme.zendesk.com:<port>/agent/tickets/<id>[?theme=dark]   ticket page (sets a session cookie);
 *       ticket ZENDESK_COLLAPSED_TICKET also has a collapsed comment whose photo is rendered on "show more"
 *   https://acme.zendesk.com:<port>/api/v2/tickets/<id>/comments[.json][?page=2]   Ticket Comments API,
 *       needs the session cookie; two pages, with decoys (PDF, SVG, oversize file, inline signature, thumbnails)
 *   https://acme.zendesk.com:<port>/hc/en-us/requests/<id>     help-center page (generic fallback)
 *   https://acme.zendesk.com:<port>/attachments/token/<t>/?name=<file>
 *       needs the session cookie, redirects to the signed file URL below
 *   https://acme.zdusercontent.com:<port>/file/<file>?sig=…  needs the zdu_auth cookie (a second origin)
 *   https://acme.zdusercontent.com:<port>/thumb/<file>       public thumbnail
 * Shopify admin
 *   https://admin.shopify.com:<port>/store/acme/orders/<id>  order page
 *   https://cdn.shopify.com:<port>/s/files/…/<file>           public CDN; size suffixes and ?width= accepted
 * Gorgias
 *   https://acme.gorgias.com:<port>/app/ticket/<id>          ticket page (sets a session cookie)
 *   https://acme.gorgias.com:<port>/api/attachment/download/<key>/<file>[?format=WxH]   needs the cookie
 * Freshdesk
 *   https://acme.freshdesk.com:<port>/a/tickets/<id>         ticket page (sets a session cookie)
 *   https://acme.freshdesk.com:<port>/helpdesk/attachments/<id>   needs the cookie, redirects to S3
 *   https://attachment.freshdesk.com:<port>/inline/attachment?token=<jwt>   redirects to S3
 *   https://s3.amazonaws.com:<port>/cdn.freshdesk.com/data/helpdesk/attachments/production/<id>/<size>/<file>
 *       pre-signed: refused (403) once X-Amz-Date + X-Amz-Expires (300 s) has passed
 * Intercom
 *   https://app.intercom.com:<port>/a/inbox/…/conversation/<id>   inbox page
 *   https://downloads.intercomcdn.com:<port>/i/o/<n>/<hash>/<file>?expires=…&signature=…
 *   https://acme-5f1e.intercom-attachments-7.com:<port>/i/o/…   same; refused once `expires` has passed
 * Help Scout
 *   https://secure.helpscout.net:<port>/conversation/<id>/<number>   conversation page (sets a session cookie)
 *   https://secure.helpscout.net:<port>/file/<id>/<hash>/<file>      needs the cookie
 * Gmail
 *   https://mail.google.com:<port>/mail/u/0/[?theme=dark]   mailbox page (sets a session cookie)
 *   https://mail.google.com:<port>/mail/u/0?…&attid=…&view=fimg|att&disp=thd   thumbnail, needs the cookie
 *   https://mail.google.com:<port>/mail/u/0?…&attid=…&view=att&disp=inline|safe   needs the cookie,
 *       redirects to https://mail-attachment.googleusercontent.com:<port>/attachment/u/0/?…&saddbat=…
 *
 * Every request is logged (with its Sec-Fetch-Dest, so tests can tell the page's image loads
 * from the extension's fetches). The certificate is self-signed, made at start-up with Debian's
 * openssl, and names every host above.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, extname, resolve, basename } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const SITES = join(ROOT, 'tests', 'fixtures', 'sites');
const SAMPLES = join(ROOT, 'samples');

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

/** Which bundled sample plays which part on the fixture ticket. */
export const SAMPLE_ROLES = {
  AI: 'ai-comfyui-hypernetwork.png',
  AI_PLAIN: 'ai-kandinsky3-no-metadata.jpg',
  CAMERA: 'camera-canon-powershot-g2.jpg',
  PHONE: 'camera-iphone4-receipt.jpg',
  SCREENSHOT: 'screenshot-chat-1170x2532.png',
  LOGO: 'camera-iphone4-receipt.jpg',
  /** The photo of the collapsed Zendesk comment. */
  AI_COLLAPSED: 'ai-invokeai-banana-sushi.png',
} as const;

type Role = keyof typeof SAMPLE_ROLES;

/** Freshdesk attachment ids on the fixture ticket (ids 48…: the portal's own assets). */
const FRESHDESK_ATTACHMENTS: Record<string, Role> = {
  '5001': 'AI',
  '5002': 'CAMERA',
  '5003': 'PHONE',
  '48024308683': 'LOGO',
  '48024308700': 'LOGO',
  '9001': 'LOGO',
  '9002': 'CAMERA',
};

/** The Zendesk ticket whose conversation has a collapsed comment (any other ticket has none). */
export const ZENDESK_COLLAPSED_TICKET = '4822';

/** Attachment tokens the Zendesk API lists that must never be fetched: not photos, or too big, or thumbnails. */
export const ZENDESK_DECOY_TOKENS = ['tk7PDF', 'tk8BIG', 'tk9SVG', 'tkSIG', 'tk1AIt', 'tk2CAMt'];

/** A Zendesk attachment object as the Ticket Comments API gives it. */
function zendeskAttachment(origin: string, id: number, token: string, file: string, type: string, size: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    url: `${origin}/api/v2/attachments/${id}.json`,
    file_name: file,
    content_url: `${origin}/attachments/token/${token}/?name=${encodeURIComponent(file)}`,
    mapped_content_url: `${origin}/attachments/token/${token}/?name=${encodeURIComponent(file)}`,
    content_type: type,
    size,
    width: 1024,
    height: 768,
    inline: false,
    deleted: false,
    malware_access_override: false,
    malware_scan_result: 'malware_not_found',
    thumbnails: [],
    ...extra,
  };
}

/** One page of GET /api/v2/tickets/<id>/comments on the fixture: page 1 the first comments, page 2 the later ones. */
function zendeskComments(origin: string, ticket: string, page: number): object {
  const a = zendeskAttachment.bind(null, origin);
  const thumb = (id: number, token: string, file: string) => [a(id, token, file.replace(/(\.\w+)$/, '_thumb$1'), 'image/png', 4200, { width: 80, height: 60 })];
  const first = [
    {
      id: 9001, type: 'Comment', author_id: 501, public: true, created_at: '2026-11-21T09:14:00Z',
      body: 'Hi, the jug was cracked when I opened the box. Photos attached.',
      attachments: [
        a(7001, 'tk1AI', SAMPLE_ROLES.AI, 'image/png', 1_048_576, { thumbnails: thumb(7101, 'tk1AIt', SAMPLE_ROLES.AI) }),
        a(7002, 'tk2CAM', SAMPLE_ROLES.CAMERA, 'image/jpeg', 524_288, { thumbnails: thumb(7102, 'tk2CAMt', SAMPLE_ROLES.CAMERA) }),
        a(7004, 'tk4PLN', SAMPLE_ROLES.AI_PLAIN, 'image/jpeg', 262_144),
        a(7005, 'tk5PHN', SAMPLE_ROLES.PHONE, 'image/jpeg', 262_144),
        a(7007, 'tk7PDF', 'invoice.pdf', 'application/pdf', 90_112),
        a(7008, 'tk8BIG', 'raw-scan.png', 'image/png', 200 * 1024 * 1024),
        a(7009, 'tk9SVG', 'drawing.svg', 'image/svg+xml', 2_048),
      ],
    },
    {
      id: 9002, type: 'Comment', author_id: 601, public: true, created_at: '2026-11-21T10:02:00Z',
      body: 'Thanks Jordan, we are looking into it.',
      attachments: [a(7010, 'tkSIG', 'acme-signature.png', 'image/png', 3_100, { inline: true, width: 120, height: 40 })],
    },
  ];
  const later = [
    ...(ticket === ZENDESK_COLLAPSED_TICKET
      ? [{
          id: 9003, type: 'Comment', author_id: 501, public: true, created_at: '2026-11-21T10:30:00Z',
          body: 'And the base, also damaged.',
          attachments: [a(7006, 'tk6COL', SAMPLE_ROLES.AI_COLLAPSED, 'image/png', 1_048_576)],
        }]
      : []),
    {
      id: 9004, type: 'Comment', author_id: 501, public: true, created_at: '2026-11-21T11:40:00Z',
      body: 'Another one, screenshot from my phone.',
      attachments: [a(7003, 'tk3SCR', SAMPLE_ROLES.SCREENSHOT, 'image/png', 524_288)],
    },
  ];
  const base = `${origin}/api/v2/tickets/${ticket}/comments.json`;
  return page === 1
    ? { comments: first, next_page: `${base}?page=2`, previous_page: null, count: first.length + later.length }
    : { comments: later, next_page: null, previous_page: `${base}?page=1`, count: first.length + later.length };
}

/** Gmail attachment part ids (`attid`) on the fixture thread. */
const GMAIL_ATTACHMENTS: Record<string, Role> = {
  '0.1': 'AI',
  '0.2': 'CAMERA',
  '0.3': 'PHONE',
  '0.4': 'LOGO',
};

/** Host names the fixtures use; the certificate names each. */
const CERT_NAMES = [
  '*.zendesk.com',
  '*.zdusercontent.com',
  'admin.shopify.com',
  'cdn.shopify.com',
  '*.gorgias.com',
  '*.freshdesk.com',
  's3.amazonaws.com',
  'app.intercom.com',
  'downloads.intercomcdn.com',
  '*.intercom-attachments-7.com',
  'secure.helpscout.net',
  'mail.google.com',
  'mail-attachment.googleusercontent.com',
  'localhost',
];

/** The signed-file cookie Zendesk's file host checks (the agent's session on *.zdusercontent.com). */
export const ZENDESK_FILES_COOKIE = { name: 'zdu_auth', value: 'signed', domain: 'acme.zdusercontent.com', path: '/', secure: true, sameSite: 'None' } as const;

export interface LoggedRequest {
  host: string;
  path: string;
  status: number;
  /** Sec-Fetch-Dest: "image" for the page's <img> loads, "empty" for fetch() (the extension). */
  dest?: string;
}

export interface FixtureServer {
  port: number;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=claimlens-test',
    '-addext', `subjectAltName=${CERT_NAMES.map((n) => `DNS:${n}`).join(',')}`,
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function cookies(header: string | undefined): Record<string, string> {
  return Object.fromEntries((header ?? '').split(/;\s*/).filter(Boolean).map((c) => c.split('=') as [string, string]));
}

/** Sample files are addressed by file name only; nothing outside samples/ is served. */
/** Extra folders whose files are served like samples (the browser benchmark's generated images). */
const extraDirs: string[] = [];

function sampleFile(name: string): string | undefined {
  for (const dir of [SAMPLES, ...extraDirs]) {
    const file = join(dir, basename(decodeURIComponent(name)));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Epoch seconds as S3's compact ISO form, 20261121T084000Z. */
function amzDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function fromAmzDate(value: string): number {
  const m = value.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 : NaN;
}

/** What a handler gets: the request, the answer helpers and the server's port. */
interface Exchange {
  host: string;
  url: URL;
  jar: Record<string, string>;
  port: number;
  send(status: number, body: Buffer | string, type?: string, headers?: Record<string, string>): void;
  redirect(location: string): void;
  sample(name: string | undefined): void;
  /** Renders a fixture; `<!-- section:start NAME -->…<!-- section:end NAME -->` blocks named in `drop` are left out. */
  page(fixture: string, vars: Record<string, string>, cookie?: string, drop?: string[]): void;
}

/** `{{SAMPLE_AI}}` → file name; `{{SAMPLE_AI@240x240}}` → the name with Shopify's `_240x240` suffix. */
function renderFixture(fixture: string, vars: Record<string, string>, drop: string[] = []): string {
  let html = readFileSync(join(SITES, fixture), 'utf8');
  for (const name of drop) html = html.replace(new RegExp(`<!-- section:start ${name} -->[\\s\\S]*?<!-- section:end ${name} -->`, 'g'), '');
  html = html.replace(/\{\{SAMPLE_([A-Z_]+)@([\w]+)\}\}/g, (_, role: Role, suffix: string) =>
    SAMPLE_ROLES[role].replace(/(\.[a-z]+)$/, `_${suffix}$1`),
  );
  for (const [role, file] of Object.entries(SAMPLE_ROLES)) html = html.replaceAll(`{{SAMPLE_${role}}}`, file);
  for (const [key, value] of Object.entries(vars)) html = html.replaceAll(`{{${key}}}`, value);
  return html;
}

const NOW = () => Math.floor(Date.now() / 1000);

/** Freshdesk: a pre-signed S3 link valid for five minutes from now. */
function freshdeskS3(port: number, id: string, size: 'original' | 'thumb' | 'medium' | 'logo'): string {
  const file = SAMPLE_ROLES[FRESHDESK_ATTACHMENTS[id]];
  const q = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': 'AKIAFIXTURE/us-east-1/s3/aws4_request',
    'X-Amz-Date': amzDate(NOW()),
    'X-Amz-Expires': '300',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': `fixture${id}${size}`,
  });
  return `https://s3.amazonaws.com:${port}/cdn.freshdesk.com/data/helpdesk/attachments/production/${id}/${size}/${file}?${q}`;
}

/** Freshdesk's inline-image token: a JWT whose payload names the attachment id. */
function freshdeskToken(id: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'HS256' })}.${part({ id: Number(id), domain: 'acme.freshdesk.com', account_id: 1 })}.fixture`;
}

/** Intercom: a signed file URL valid for an hour. */
function intercomSigned(path: string): string {
  return `${path}?expires=${NOW() + 3600}&signature=fixture${path.length}&req=fixture`;
}

/** Gmail: attachment URL of part `attid` on the fixture thread. */
function gmailAttachment(port: number, attid: string, kind: 'thumb' | 'file'): string {
  const q = new URLSearchParams({ ui: '2', ik: 'a1b2c3d4e5', attid, permmsgid: 'msg-f:1816032145311123', th: '1933a1b2c3d4e5f6' });
  if (kind === 'thumb') {
    q.set('view', 'fimg');
    q.set('fur', 'ip');
    q.set('sz', 's0-l75-ft');
    q.set('attbid', 'ANGjdJ_fixture');
    q.set('disp', 'thd');
  } else {
    q.set('view', 'att');
    q.set('disp', 'safe');
  }
  q.set('realattid', `f_m3x${attid.replace('.', '')}`);
  return `https://mail.google.com:${port}/mail/u/0?${q}&zw`;
}

const SESSION = (name: string) => `${name}=agent; Path=/; Secure; HttpOnly; SameSite=Lax`;

/** One handler per helpdesk; the first whose `hosts` matches answers. */
const HOSTS: { hosts: RegExp; handle(x: Exchange): void }[] = [
  {
    hosts: /\.zendesk\.com$/,
    handle(x) {
      const ticket = x.url.pathname.match(/^\/agent\/tickets\/(\d+)$/);
      if (ticket) {
        // Ticket 4821 comes from Jordan Miller; any other ticket from another customer (reuse tests).
        const REQUESTER = ticket[1] === '4821' || ticket[1] === ZENDESK_COLLAPSED_TICKET ? 'Jordan Miller' : 'Casey Brown';
        const vars = {
          TICKET: ticket[1],
          REQUESTER,
          FILES: `https://${x.host.replace('.zendesk.com', '.zdusercontent.com')}:${x.port}`,
          THEME_CLASS: x.url.searchParams.get('theme') === 'dark' ? 'sc-d4k' : '',
        };
        return x.page('zendesk.html', vars, SESSION('zd_session'), ticket[1] === ZENDESK_COLLAPSED_TICKET ? [] : ['collapsed']);
      }
      const comments = x.url.pathname.match(/^\/api\/v2\/tickets\/(\d+)\/comments(?:\.json)?$/);
      if (comments) {
        if (x.jar.zd_session !== 'agent') return x.send(401, JSON.stringify({ error: "Couldn't authenticate you" }), 'application/json; charset=utf-8');
        const page = x.url.searchParams.get('page') ?? '1';
        if (page !== '1' && page !== '2') return x.send(404, JSON.stringify({ error: 'InvalidPage' }), 'application/json; charset=utf-8');
        return x.send(200, JSON.stringify(zendeskComments(`https://${x.host}:${x.port}`, comments[1], Number(page))), 'application/json; charset=utf-8');
      }
      // A help-center request page: no adapter matches it, the generic fallback runs on request.
      const request = x.url.pathname.match(/^\/hc\/en-us\/requests\/(\d+)$/);
      if (request) return x.page('generic.html', { TICKET: request[1], FILES: `https://${x.host.replace('.zendesk.com', '.zdusercontent.com')}:${x.port}` });
      const attachment = x.url.pathname.match(/^\/attachments\/token\/([\w-]+)\/$/);
      if (attachment) {
        if (x.jar.zd_session !== 'agent') return x.send(401, 'Sign in to Zendesk to see this attachment');
        const name = x.url.searchParams.get('name') ?? '';
        return x.redirect(`https://${x.host.replace('.zendesk.com', '.zdusercontent.com')}:${x.port}/file/${encodeURIComponent(name)}?sig=${attachment[1]}`);
      }
      x.send(404, 'Not found');
    },
  },
  {
    hosts: /\.zdusercontent\.com$/,
    handle(x) {
      const file = x.url.pathname.match(/^\/(file|thumb)\/([^/]+)$/);
      if (!file || !sampleFile(file[2])) return x.send(404, 'Not found');
      if (file[1] === 'file' && x.jar.zdu_auth !== 'signed') return x.send(403, 'Signed cookie missing');
      x.sample(file[2]);
    },
  },
  {
    hosts: /^admin\.shopify\.com$/,
    handle(x) {
      const order = x.url.pathname.match(/^\/store\/acme\/orders\/(\d+)$/);
      if (!order) return x.send(404, 'Not found');
      x.page('shopify.html', { ORDER: order[1], PORT: String(x.port) }, SESSION('_admin_session'));
    },
  },
  {
    hosts: /^cdn\.shopify\.com$/,
    handle(x) {
      // Renditions: `name_240x240.jpg`, `name_x120.jpg`; the original is `name.jpg`.
      const name = x.url.pathname.match(/^\/s\/files\/1\/[\d/]+\/(?:files|products)\/([^/]+)$/)?.[1];
      x.sample(name?.replace(/_(?:\d+x\d*|x\d+)(?=\.[a-z]+$)/, ''));
    },
  },
  {
    hosts: /\.gorgias\.com$/,
    handle(x) {
      const ticket = x.url.pathname.match(/^\/app\/ticket\/(\d+)$/);
      if (ticket) return x.page('gorgias.html', { TICKET: ticket[1], PORT: String(x.port) }, SESSION('gorgias_session'));
      const file = x.url.pathname.match(/^\/api\/attachment\/download\/[\w-]+\/([^/]+)$/);
      if (!file) return x.send(404, 'Not found');
      if (x.jar.gorgias_session !== 'agent') return x.send(401, 'Unauthorized');
      x.sample(file[1]);
    },
  },
  {
    hosts: /^attachment\.freshdesk\.com$/,
    handle(x) {
      const token = x.url.pathname === '/inline/attachment' ? (x.url.searchParams.get('token') ?? '') : '';
      let id = '';
      try {
        id = String(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).id);
      } catch {
        // Not a token this server issued.
      }
      if (!FRESHDESK_ATTACHMENTS[id]) return x.send(404, 'Not found');
      x.redirect(freshdeskS3(x.port, id, 'original'));
    },
  },
  {
    hosts: /\.freshdesk\.com$/,
    handle(x) {
      const ticket = x.url.pathname.match(/^\/a\/tickets\/(\d+)$/);
      if (ticket) {
        const vars: Record<string, string> = { TICKET: ticket[1], PORT: String(x.port) };
        for (const id of Object.keys(FRESHDESK_ATTACHMENTS)) {
          for (const size of ['original', 'thumb', 'medium', 'logo'] as const) vars[`S3_${id}_${size.toUpperCase()}`] = freshdeskS3(x.port, id, size);
          vars[`INLINE_${id}`] = `https://attachment.freshdesk.com:${x.port}/inline/attachment?token=${freshdeskToken(id)}`;
        }
        return x.page('freshdesk.html', vars, SESSION('_helpkit_session'));
      }
      const attachment = x.url.pathname.match(/^\/helpdesk\/attachments\/(\d+)$/);
      if (!attachment || !FRESHDESK_ATTACHMENTS[attachment[1]]) return x.send(404, 'Not found');
      if (x.jar._helpkit_session !== 'agent') return x.send(302, '', 'text/plain', { location: `https://${x.host}:${x.port}/login` });
      x.redirect(freshdeskS3(x.port, attachment[1], 'original'));
    },
  },
  {
    hosts: /^s3\.amazonaws\.com$/,
    handle(x) {
      const file = x.url.pathname.match(/^\/cdn\.freshdesk\.com\/data\/helpdesk\/attachments\/production\/\d+\/\w+\/([^/]+)$/);
      if (!file) return x.send(404, 'NoSuchKey');
      const signedAt = fromAmzDate(x.url.searchParams.get('X-Amz-Date') ?? '');
      const expires = Number(x.url.searchParams.get('X-Amz-Expires'));
      if (!x.url.searchParams.get('X-Amz-Signature') || !(signedAt + expires >= NOW())) return x.send(403, 'AccessDenied: Request has expired');
      x.sample(file[1]);
    },
  },
  {
    hosts: /^app\.intercom\.com$/,
    handle(x) {
      const conversation = x.url.pathname.match(/^\/a\/inbox\/acme\/inbox\/[\w/]+\/conversation\/(\d+)$/);
      if (!conversation) return x.send(404, 'Not found');
      const vars: Record<string, string> = { CONVERSATION: conversation[1], PORT: String(x.port) };
      for (const role of Object.keys(SAMPLE_ROLES) as Role[]) vars[`SIGNED_${role}`] = intercomSigned(`/i/o/81234${role.length}/ab12cd34/${SAMPLE_ROLES[role]}`);
      x.page('intercom.html', vars, SESSION('intercom-session-acme'));
    },
  },
  {
    hosts: /^(downloads\.intercomcdn\.com|[\w-]+\.intercom-attachments-7\.com)$/,
    handle(x) {
      const file = x.url.pathname.match(/^\/i\/o\/\d+\/\w+\/([^/]+)$/);
      if (!file) return x.send(404, 'Not found');
      if (!x.url.searchParams.get('signature') || !(Number(x.url.searchParams.get('expires')) >= NOW())) return x.send(403, 'Expired');
      x.sample(file[1]);
    },
  },
  {
    hosts: /^secure\.helpscout\.net$/,
    handle(x) {
      const conversation = x.url.pathname.match(/^\/conversation\/(\d+)\/(\d+)\/?$/);
      if (conversation) return x.page('helpscout.html', { CONVERSATION: conversation[1], NUMBER: conversation[2] }, SESSION('hs_session'));
      const file = x.url.pathname.match(/^\/file\/\d+\/\w+\/([^/]+)$/);
      if (!file) return x.send(404, 'Not found');
      if (x.jar.hs_session !== 'agent') return x.send(302, '', 'text/plain', { location: `https://${x.host}:${x.port}/members/login/` });
      x.sample(file[1]);
    },
  },
  {
    hosts: /^mail\.google\.com$/,
    handle(x) {
      const attid = x.url.searchParams.get('attid');
      if (/^\/mail\/u\/0\/?$/.test(x.url.pathname) && attid) {
        const role = GMAIL_ATTACHMENTS[attid];
        if (!role || x.url.searchParams.get('th') !== '1933a1b2c3d4e5f6') return x.send(404, 'Not found');
        if (x.jar.SID !== 'agent') return x.send(302, '', 'text/plain', { location: 'https://accounts.google.com/ServiceLogin' });
        const view = x.url.searchParams.get('view');
        const disp = x.url.searchParams.get('disp');
        if (view === 'fimg' || disp === 'thd' || disp === 'emb') return x.sample(SAMPLE_ROLES[role]);
        if (view === 'att' && (disp === 'inline' || disp === 'safe')) {
          return x.redirect(`https://mail-attachment.googleusercontent.com:${x.port}/attachment/u/0/?ui=2&attid=${attid}&th=1933a1b2c3d4e5f6&view=att&disp=${disp}&saddbat=signed-${attid}`);
        }
        return x.send(400, 'Bad request');
      }
      if (/^\/mail\/u\/0\/?$/.test(x.url.pathname)) {
        const vars: Record<string, string> = { PORT: String(x.port), THEME_CLASS: x.url.searchParams.get('theme') === 'dark' ? 'qT5' : '' };
        for (const id of Object.keys(GMAIL_ATTACHMENTS)) {
          vars[`THUMB_${id}`] = gmailAttachment(x.port, id, 'thumb').replaceAll('&', '&amp;');
          vars[`FILE_${id}`] = gmailAttachment(x.port, id, 'file').replaceAll('&', '&amp;');
        }
        return x.page('gmail.html', vars, SESSION('SID'));
      }
      x.send(404, 'Not found');
    },
  },
  {
    hosts: /^mail-attachment\.googleusercontent\.com$/,
    handle(x) {
      const attid = x.url.searchParams.get('attid') ?? '';
      const role = GMAIL_ATTACHMENTS[attid];
      if (x.url.pathname !== '/attachment/u/0/' || !role) return x.send(404, 'Not found');
      if (x.url.searchParams.get('saddbat') !== `signed-${attid}`) return x.send(403, 'Forbidden');
      x.sample(SAMPLE_ROLES[role]);
    },
  },
];

export async function startFixtureServer(port = 0, options: { extraDir?: string } = {}): Promise<FixtureServer> {
  if (options.extraDir && !extraDirs.includes(options.extraDir)) extraDirs.push(options.extraDir);
  const requests: LoggedRequest[] = [];
  const server: Server = createServer(selfSignedCert(), (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const dest = req.headers['sec-fetch-dest'] as string | undefined;
    const send: Exchange['send'] = (status, body, type = 'text/plain; charset=utf-8', headers = {}) => {
      requests.push({ host, path: url.pathname + url.search, status, ...(dest ? { dest } : {}) });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    const x: Exchange = {
      host,
      url,
      jar: cookies(req.headers.cookie),
      port: (server.address() as AddressInfo).port,
      send,
      redirect: (location) => send(302, '', 'text/plain', { location }),
      sample(name) {
        const path = name ? sampleFile(name) : undefined;
        if (!path) return send(404, 'Not found');
        send(200, readFileSync(path), TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
      },
      page: (fixture, vars, cookie, drop) => send(200, renderFixture(fixture, vars, drop), TYPES['.html'], cookie ? { 'set-cookie': cookie } : {}),
    };
    const handler = HOSTS.find((h) => h.hosts.test(host));
    if (!handler) return send(404, 'Not found');
    handler.handle(x);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
