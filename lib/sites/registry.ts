/** The adapters the content script chooses from, most specific first; generic last. */
import type { SiteAdapter } from './index';
import { zendesk } from './zendesk';
import { shopify } from './shopify';
import { gorgias } from './gorgias';
import { freshdesk } from './freshdesk';
import { intercom } from './intercom';
import { helpscout } from './helpscout';
import { gmail } from './gmail';
import { generic } from './generic';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [zendesk, shopify, gorgias, freshdesk, intercom, helpscout, gmail];

function patternToRegExp(pattern: string): RegExp {
  const m = pattern.match(/^(\*|https?):\/\/([^/]+)(\/.*)$/);
  if (!m) throw new Error(`Bad match pattern ${pattern}`);
  const [, scheme, host, path] = m;
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const hostRe = host === '*' ? '[^/:]+' : host.startsWith('*.') ? `(?:[^/:]+\\.)?${esc(host.slice(2))}` : esc(host);
  const pathRe = esc(path).replace(/\*/g, '.*');
  return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${hostRe}(?::\\d+)?${pathRe}$`);
}

/** The adapter for a page URL; the generic adapter when no helpdesk matches. */
export function adapterFor(url: string): SiteAdapter {
  return SITE_ADAPTERS.find((a) => a.matches.some((p) => patternToRegExp(p).test(url))) ?? generic;
}

/** Every match pattern of every helpdesk adapter (the manifest's content script matches). */
export const HELPDESK_MATCHES = SITE_ADAPTERS.flatMap((a) => a.matches);
