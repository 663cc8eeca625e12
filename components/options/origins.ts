/**
 * Turns what an admin types as "our helpdesk address" into an https origin
 * ("https://support.example.com"), and refuses hosts ClaimLens already covers through its
 * built-in helpdesk access.
 */
import { HELPDESK_HOST_PERMISSIONS } from '@/lib/sites/permissions';
import { t, type Locale } from '@/lib/i18n/messages';

/** True when the host is one the extension already has access to (a supported helpdesk). */
export function coveredByHelpdesk(hostname: string): boolean {
  return HELPDESK_HOST_PERMISSIONS.some((pattern) => {
    const host = pattern.match(/^https:\/\/([^/]+)\//)?.[1];
    if (!host) return false;
    if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
    return hostname === host;
  });
}

/** The https origin an admin means by `text`, or why it cannot be added (in `locale`). */
export function parseOrigin(text: string, locale: Locale = 'en'): { origin: string } | { error: string } {
  const input = text.trim();
  if (!input) return { error: t('options.origin.empty', undefined, locale) };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`);
  } catch {
    return { error: t('options.origin.notAddress', { input }, locale) };
  }
  if (url.protocol !== 'https:') return { error: t('options.origin.notHttps', undefined, locale) };
  if (url.username || url.password) return { error: t('options.origin.credentials', undefined, locale) };
  const origin = url.origin;
  if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin)) return { error: t('options.origin.badHost', { input }, locale) };
  if (coveredByHelpdesk(url.hostname)) return { error: t('options.origin.covered', { origin }, locale) };
  return { origin };
}
