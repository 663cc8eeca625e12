/**
 * Turns what an admin types as "our helpdesk address" into an https origin
 * ("https://support.example.com"), and refuses hosts ClaimLens already covers through its
 * built-in helpdesk access.
 */
import { HELPDESK_HOST_PERMISSIONS } from '@/lib/sites/permissions';

/** True when the host is one the extension already has access to (a supported helpdesk). */
export function coveredByHelpdesk(hostname: string): boolean {
  return HELPDESK_HOST_PERMISSIONS.some((pattern) => {
    const host = pattern.match(/^https:\/\/([^/]+)\//)?.[1];
    if (!host) return false;
    if (host.startsWith('*.')) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
    return hostname === host;
  });
}

export function parseOrigin(text: string): { origin: string } | { error: string } {
  const input = text.trim();
  if (!input) return { error: 'Enter your helpdesk’s address, such as https://support.example.com.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`);
  } catch {
    return { error: `“${input}” is not a web address. Enter one such as https://support.example.com.` };
  }
  if (url.protocol !== 'https:') return { error: 'Only https addresses can be added: ClaimLens does not read helpdesk pages sent without encryption.' };
  if (url.username || url.password) return { error: 'Enter the address without a user name or password.' };
  const origin = url.origin;
  if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin)) return { error: `“${input}” is not a host name ClaimLens can use, such as support.example.com.` };
  if (coveredByHelpdesk(url.hostname)) return { error: `${origin} is a supported helpdesk: ClaimLens already checks it (see the list above).` };
  return { origin };
}
