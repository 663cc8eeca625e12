/**
 * Host permissions requested at install: the supported helpdesks' pages and the hosts they
 * serve attachments from. Nothing else; other sites are optional permissions the agent grants.
 */
export const HELPDESK_HOST_PERMISSIONS = [
  // Zendesk agent workspace and its attachment redirects / signed file host.
  'https://*.zendesk.com/*',
  'https://*.zdusercontent.com/*',
];
