/**
 * HTTPS server for the end-to-end tests and the demo. Chromium resolves every host name to
 * 127.0.0.1 (--host-resolver-rules), so this one server answers for the real helpdesk host
 * names and dispatches on the Host header:
 *   https://acme.zendesk.com:<port>/agent/tickets/<id>       fixture ticket page (sets a session cookie)
 *   https://acme.zendesk.com:<port>/attachments/token/<t>/?name=<file>
 *       needs the session cookie, redirects to the signed file URL below
 *   https://acme.zdusercontent.com:<port>/file/<file>?sig=…  needs the zdu_auth cookie (a second origin)
 *   https://acme.zdusercontent.com:<port>/thumb/<file>       public thumbnail
 * Every request is logged so tests can assert what the extension fetched.
 * The certificate is self-signed, made at start-up with Debian's openssl.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
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
} as const;

export interface LoggedRequest {
  host: string;
  path: string;
  status: number;
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
    '-addext', 'subjectAltName=DNS:*.zendesk.com,DNS:*.zdusercontent.com,DNS:localhost',
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function cookies(header: string | undefined): Record<string, string> {
  return Object.fromEntries((header ?? '').split(/;\s*/).filter(Boolean).map((c) => c.split('=') as [string, string]));
}

/** Sample files are addressed by file name only; nothing outside samples/ is served. */
function sampleFile(name: string): string | undefined {
  const file = join(SAMPLES, basename(decodeURIComponent(name)));
  return existsSync(file) ? file : undefined;
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];
  const server: Server = createServer(selfSignedCert(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const jar = cookies(req.headers.cookie);
    const send = (status: number, body: Buffer | string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}) => {
      requests.push({ host, path: url.pathname + url.search, status });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };

    if (host.endsWith('.zendesk.com')) {
      const ticket = url.pathname.match(/^\/agent\/tickets\/(\d+)$/);
      if (ticket) {
        const port = (server.address() as AddressInfo).port;
        let html = readFileSync(join(SITES, 'zendesk.html'), 'utf8')
          .replaceAll('{{TICKET}}', ticket[1])
          .replaceAll('{{FILES}}', `https://${host.replace('.zendesk.com', '.zdusercontent.com')}:${port}`);
        for (const [role, file] of Object.entries(SAMPLE_ROLES)) html = html.replaceAll(`{{SAMPLE_${role}}}`, file);
        return send(200, html, TYPES['.html'], { 'set-cookie': 'zd_session=agent; Path=/; Secure; HttpOnly; SameSite=Lax' });
      }
      const attachment = url.pathname.match(/^\/attachments\/token\/([\w-]+)\/$/);
      if (attachment) {
        if (jar.zd_session !== 'agent') return send(401, 'Sign in to Zendesk to see this attachment');
        const name = url.searchParams.get('name') ?? '';
        const location = `https://${host.replace('.zendesk.com', '.zdusercontent.com')}:${(server.address() as AddressInfo).port}/file/${encodeURIComponent(name)}?sig=${attachment[1]}`;
        return send(302, '', 'text/plain', { location });
      }
    }
    if (host.endsWith('.zdusercontent.com')) {
      const file = url.pathname.match(/^\/(file|thumb)\/([^/]+)$/);
      const path = file && sampleFile(file[2]);
      if (!file || !path) return send(404, 'Not found');
      if (file[1] === 'file' && jar.zdu_auth !== 'signed') return send(403, 'Signed cookie missing');
      return send(200, readFileSync(path), TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
    }
    return send(404, 'Not found');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
