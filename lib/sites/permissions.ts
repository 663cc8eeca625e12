/**
 * Host permissions requested at install: the supported helpdesks' pages and the hosts they
 * serve attachments from. Nothing else; other sites are optional permissions the agent grants.
 * Chrome ignores the path of a host permission, so an entry with a path (the S3 buckets) grants
 * the whole host; the path still documents which bucket it is for.
 */
export const HELPDESK_HOST_PERMISSIONS = [
  // Zendesk agent workspace and its attachment redirects / signed file host.
  'https://*.zendesk.com/*',
  'https://*.zdusercontent.com/*',

  // Shopify admin: the order and return pages.
  'https://admin.shopify.com/*',
  // Shopify: files attached to orders and returns (public CDN, originals fetched without size parameters).
  'https://cdn.shopify.com/*',

  // Gorgias: the agent app and its /api/attachment/download/ route (session cookie).
  'https://*.gorgias.com/*',

  // Freshdesk: the agent portal, /helpdesk/attachments/<id> redirects and inline-image tokens on (euc)attachment.freshdesk.com.
  'https://*.freshdesk.com/*',
  // Freshdesk, US data centre: the pre-signed S3 files those redirects lead to.
  'https://s3.amazonaws.com/cdn.freshdesk.com/*',
  // Freshdesk, EU data centre.
  'https://s3-eu-central-1.amazonaws.com/euc-cdn.freshdesk.com/*',
  // Freshdesk, India data centre (both S3 host spellings are in use).
  'https://s3.ap-south-1.amazonaws.com/ind-cdn.freshdesk.com/*',
  'https://s3-ap-south-1.amazonaws.com/ind-cdn.freshdesk.com/*',

  // Intercom Inbox (US-hosted workspaces).
  'https://app.intercom.com/*',
  // Intercom: signed conversation attachments.
  'https://downloads.intercomcdn.com/*',
  // Intercom: files uploaded by customers from the Messenger.
  'https://uploads.intercomusercontent.com/*',
  // Intercom: per-workspace attachment hosts, <app>-<hash>.intercom-attachments-<n>.com (n = 1–9 in Intercom's CSP guide).
  'https://*.intercom-attachments-1.com/*',
  'https://*.intercom-attachments-2.com/*',
  'https://*.intercom-attachments-3.com/*',
  'https://*.intercom-attachments-4.com/*',
  'https://*.intercom-attachments-5.com/*',
  'https://*.intercom-attachments-6.com/*',
  'https://*.intercom-attachments-7.com/*',
  'https://*.intercom-attachments-8.com/*',
  'https://*.intercom-attachments-9.com/*',

  // Help Scout: the mailbox app and its /file/ attachment route (session cookie), one host.
  'https://secure.helpscout.net/*',

  // Gmail: the mailbox and its attachment URLs (view=att).
  'https://mail.google.com/*',
  // Gmail: where view=att redirects for the file's bytes.
  'https://mail-attachment.googleusercontent.com/*',
];
