// @vitest-environment happy-dom
/**
 * The Shopify admin, Gorgias, Freshdesk, Intercom, Help Scout and Gmail adapters on small DOMs
 * shaped like the pages they read: which URLs they match, which images they take (the full file
 * behind each thumbnail) and which they skip (avatars, logos, signatures, catalogue pictures,
 * page chrome), and the ticket context they read. happy-dom does no layout, so sizes come from
 * width/height attributes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shopify, shopifyOriginal } from '../../lib/sites/shopify';
import { gorgias, gorgiasOriginal } from '../../lib/sites/gorgias';
import { freshdesk } from '../../lib/sites/freshdesk';
import { intercom } from '../../lib/sites/intercom';
import { helpscout } from '../../lib/sites/helpscout';
import { gmail, gmailFullSize, isGmailAttachment } from '../../lib/sites/gmail';
import { generic } from '../../lib/sites/generic';
import { adapterFor, HELPDESK_MATCHES, SITE_ADAPTERS } from '../../lib/sites/registry';
import { HELPDESK_HOST_PERMISSIONS } from '../../lib/sites/permissions';
import type { SiteAdapter } from '../../lib/sites/index';

interface HappyWindow {
  happyDOM: { setURL(url: string): void };
}

function page(url: string, html: string): Document {
  (window as unknown as HappyWindow).happyDOM.setURL(url);
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', html);
  return document;
}

const srcs = (images: { src: string }[]) => images.map((i) => i.src);
const shown = (images: { element: HTMLImageElement }[]) => images.map((i) => i.element.getAttribute('src'));

afterEach(() => {
  document.body.replaceChildren();
});

describe('registry and permissions', () => {
  it('routes each helpdesk page to its adapter, and nothing else', () => {
    const routes: [string, string][] = [
      ['https://admin.shopify.com/store/acme/orders/5550001234', 'shopify'],
      ['https://admin.shopify.com/store/acme/orders/5550001234/returns/77', 'shopify'],
      ['https://acme.gorgias.com/app/ticket/88123', 'gorgias'],
      ['https://acme.gorgias.com/app/views/1384557/88123', 'gorgias'],
      ['https://acme.freshdesk.com/a/tickets/7731', 'freshdesk'],
      ['https://app.intercom.com/a/inbox/acme/inbox/shared/all/conversation/215471234567', 'intercom'],
      ['https://secure.helpscout.net/conversation/2614551234/8812/', 'helpscout'],
      ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL', 'gmail'],
      ['https://mail.google.com:8443/mail/u/1/', 'gmail'],
      // Single-page apps: the script is on the whole app, the adapter only acts on ticket pages.
      ['https://admin.shopify.com/store/acme/orders', 'shopify'],
      ['https://acme.freshdesk.com/a/dashboard/default', 'freshdesk'],
      ['https://app.intercom.com/a/apps/acme/home', 'intercom'],
      ['https://secure.helpscout.net/mailbox/221/', 'helpscout'],
    ];
    for (const [url, id] of routes) expect(adapterFor(url).id, url).toBe(id);
    for (const url of [
      'https://admin.shopify.com/',
      'https://acme.myshopify.com/admin/orders/1',
      'http://acme.gorgias.com/app/ticket/1',
      'https://acme.gorgias.com/help/article/1',
      'https://acme.freshdesk.com/support/tickets/7731',
      'https://acme.freshdesk.com.evil.example/a/tickets/1',
      'https://intercom.help/acme/en/',
      'https://docs.helpscout.net/article/1',
      'https://docs.google.com/mail/u/0/',
      'https://evil.example/?u=https://mail.google.com/mail/u/0/',
    ]) {
      expect(adapterFor(url), url).toBe(generic);
    }
  });

  it('takes no image off a ticket page of a single-page app, whatever the page shows', () => {
    const photo = (src: string) => `<main role="main" data-cy="ThreadList"><a href="${src}"><img src="${src}" width="400" height="300"></a></main>`;
    const cases: { adapter: SiteAdapter; off: string; on: string; html: string }[] = [
      {
        adapter: shopify,
        off: 'https://admin.shopify.com/store/acme/products/8812',
        on: 'https://admin.shopify.com/store/acme/orders/1',
        html: photo('https://cdn.shopify.com/s/files/1/1/files/a.jpg'),
      },
      { adapter: freshdesk, off: 'https://acme.freshdesk.com/a/contacts/9001', on: 'https://acme.freshdesk.com/a/tickets/1', html: photo('/helpdesk/attachments/5001') },
      { adapter: helpscout, off: 'https://secure.helpscout.net/customer/3300112/221', on: 'https://secure.helpscout.net/conversation/1/2', html: photo('/file/1/ab/a.jpg') },
    ];
    for (const { adapter, off, on, html } of cases) {
      expect(adapter.findClaimImages(page(off, html)), off).toEqual([]);
      expect(adapter.findClaimImages(page(on, html)), on).toHaveLength(1);
    }
  });

  it('lists every adapter and its matches; every match is covered by a host permission', () => {
    expect(SITE_ADAPTERS.map((a) => a.id)).toEqual(['zendesk', 'shopify', 'gorgias', 'freshdesk', 'intercom', 'helpscout', 'gmail']);
    expect(HELPDESK_MATCHES).toHaveLength(7);
    const host = (pattern: string) => pattern.match(/^https:\/\/([^/]+)\//)?.[1] ?? '';
    for (const match of HELPDESK_MATCHES) {
      const covered = HELPDESK_HOST_PERMISSIONS.some((p) => host(p) === host(match));
      expect(covered, match).toBe(true);
    }
  });

  it('asks for https hosts only, never every site', () => {
    for (const p of HELPDESK_HOST_PERMISSIONS) {
      expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/([a-z0-9.-]+\/)?\*$/);
      expect(p).not.toMatch(/^https:\/\/\*\/|<all_urls>|^\*:/);
    }
    expect(new Set(HELPDESK_HOST_PERMISSIONS).size).toBe(HELPDESK_HOST_PERMISSIONS.length);
  });
});

const CDN = 'https://cdn.shopify.com/s/files/1/0612/3456';
const SHOPIFY_ORDER = `
  <nav aria-label="Admin navigation"><img alt="Acme logo" src="${CDN}/files/logo.png?width=64" width="28" height="28"></nav>
  <main>
    <h1>#1001 <span>Return in progress</span></h1>
    <div><a href="/store/acme/products/8812"><img alt="Glass carafe" src="${CDN}/products/carafe.jpg?width=120" width="120" height="120"></a></div>
    <div role="region" aria-label="Return request">
      <a href="${CDN}/files/crack.png?v=17"><img alt="Return photo" src="${CDN}/files/crack_240x240.png?v=17" width="240" height="240"></a>
    </div>
    <section aria-label="Timeline">
      <ul>
        <li><img alt="Sam Lee avatar" src="${CDN}/files/sam.png?width=56" width="28" height="28">
          Sam Lee left a comment <time datetime="2026-11-21T10:15:00Z">Nov 21</time>
          <img alt="IMG_0412.jpg" src="${CDN}/files/IMG_0412.jpg?v=18&width=240&height=240&crop=center" width="240" height="240">
          <img alt="IMG_0413.jpg" src="${CDN}/files/IMG_0413_x240.jpg?v=18" width="240" height="240">
          <img alt="pasted" src="https://images.example.com/photo.jpg" width="240" height="240">
        </li>
        <li>Jordan Miller requested a return. <time datetime="2026-11-21T09:02:00Z">Nov 21</time></li>
        <li>Order was delivered. <time datetime="2026-11-18T16:20:00Z">Nov 18</time></li>
        <li>Order confirmation email was sent. <time datetime="2026-11-10T14:03:30Z">Nov 10</time></li>
        <li>Jordan Miller placed this order on Online Store. <time datetime="2026-11-10T14:03:00Z">Nov 10</time></li>
      </ul>
    </section>
  </main>
  <aside><a href="/store/acme/customers/7001">Jordan Miller</a></aside>`;

describe('Shopify admin adapter', () => {
  it('takes the originals of the return and timeline photos, not product pictures, logos or avatars', () => {
    const doc = page('https://admin.shopify.com/store/acme/orders/5550001234', SHOPIFY_ORDER);
    const images = shopify.findClaimImages(doc);
    expect(srcs(images)).toEqual([`${CDN}/files/crack.png?v=17`, `${CDN}/files/IMG_0412.jpg?v=18`, `${CDN}/files/IMG_0413.jpg?v=18`]);
    expect(shown(images)[0]).toBe(`${CDN}/files/crack_240x240.png?v=17`);
  });

  it('falls back to the main area when the cards are not found, still skipping catalogue pictures', () => {
    const doc = page(
      'https://admin.shopify.com/store/acme/orders/1',
      `<main><img src="${CDN}/products/carafe.jpg" width="300" height="300"><a href="/store/acme/products/1"><img src="${CDN}/files/p.jpg" width="300" height="300"></a>
       <img src="${CDN}/files/claim_large.jpg" width="300" height="300"></main>`,
    );
    expect(srcs(shopify.findClaimImages(doc))).toEqual([`${CDN}/files/claim.jpg`]);
  });

  it('strips rendition suffixes and transform parameters, and leaves other URLs alone', () => {
    expect(shopifyOriginal(`${CDN}/files/a_100x100.jpg?v=1&width=100`)).toBe(`${CDN}/files/a.jpg?v=1`);
    expect(shopifyOriginal(`${CDN}/files/a_x120@2x.png`)).toBe(`${CDN}/files/a.png`);
    expect(shopifyOriginal(`${CDN}/files/a_grande.webp?format=jpg&quality=80`)).toBe(`${CDN}/files/a.webp`);
    expect(shopifyOriginal(`${CDN}/files/screenshot-1170x2532.png`)).toBe(`${CDN}/files/screenshot-1170x2532.png`);
    expect(shopifyOriginal('https://images.example.com/a_100x100.jpg?width=1')).toBe('https://images.example.com/a_100x100.jpg?width=1');
    expect(shopifyOriginal('not a url')).toBe('not a url');
  });

  it('reads the order, the customer and the dates of the timeline events', () => {
    const doc = page('https://admin.shopify.com/store/acme/orders/5550001234', SHOPIFY_ORDER);
    expect(shopify.context(doc)).toEqual({
      helpdesk: 'shopify',
      pageUrl: 'https://admin.shopify.com/store/acme/orders/5550001234',
      ticketId: '5550001234',
      ticketUrl: 'https://admin.shopify.com/store/acme/orders/5550001234',
      orderId: '#1001',
      customerId: '7001',
      customerName: 'Jordan Miller',
      orderDate: '2026-11-10T14:03:00Z',
      deliveryDate: '2026-11-18T16:20:00Z',
      claimDate: '2026-11-21T09:02:00Z',
    });
  });
});

const GORGIAS_TICKET = `
  <header><img alt="Gorgias logo" src="/api/attachment/download/brand/logo.png?format=56x56" width="28" height="28">
    <nav aria-label="Breadcrumbs"><a href="/app/tickets">Tickets</a> <a href="/app/customer/4410">Jordan Miller</a></nav></header>
  <main><div role="region" aria-label="Ticket thread">
    <div class="MessageBubble--messageBubble-9xQ1c">
      <img alt="Jordan Miller avatar" src="/api/attachment/download/av/jm.png?format=64x64" width="32" height="32">
      <time datetime="2026-11-21T09:14:00Z">9:14</time>
      <a href="/api/attachment/download/k1/broken.jpg"><img src="/api/attachment/download/k1/broken.jpg?format=240x180" width="240" height="180"></a>
      <p><img alt="pasted" src="/api/attachment/download/k2/pasted.png?format=800x600" width="400" height="300"></p>
      <p><img alt="old" src="https://uploads.gorgias.io/k3/old.jpg" width="400" height="300"></p>
      <p><img alt="remote" src="https://images.example.com/x.jpg" width="400" height="300"></p>
    </div>
    <div class="MessageBubble--messageBubble-9xQ1c">
      <img alt="Acme signature logo" src="/api/attachment/download/brand/sig.png?format=240x80" width="120" height="40">
    </div>
  </div></main>
  <aside><a href="https://admin.shopify.com/store/acme/orders/5550001234">#1001</a></aside>`;

describe('Gorgias adapter', () => {
  it('takes the thread’s download-route images without their preview size, skipping avatars, logos and signatures', () => {
    const doc = page('https://acme.gorgias.com/app/ticket/88123', GORGIAS_TICKET);
    expect(srcs(gorgias.findClaimImages(doc))).toEqual([
      'https://acme.gorgias.com/api/attachment/download/k1/broken.jpg',
      'https://acme.gorgias.com/api/attachment/download/k2/pasted.png',
      'https://acme.gorgias.com/api/attachment/download/k3/old.jpg',
    ]);
  });

  it('finds nothing outside a ticket thread', () => {
    const doc = page('https://acme.gorgias.com/app/views/1', `<main><img src="/api/attachment/download/k1/a.jpg" width="400" height="300"></main>`);
    expect(gorgias.findClaimImages(doc)).toEqual([]);
  });

  it('maps previews and old upload-bucket URLs to the download route', () => {
    const pageUrl = 'https://acme.gorgias.com/app/ticket/1';
    expect(gorgiasOriginal('/api/attachment/download/k/a.jpg?format=120x80&v=2', pageUrl)).toBe('https://acme.gorgias.com/api/attachment/download/k/a.jpg?v=2');
    expect(gorgiasOriginal('https://uploads.gorgias.io/JakiuM7ama/image.png', pageUrl)).toBe('https://acme.gorgias.com/api/attachment/download/JakiuM7ama/image.png');
    expect(gorgiasOriginal('https://images.example.com/a.jpg?format=1', pageUrl)).toBe('https://images.example.com/a.jpg?format=1');
  });

  it('reads the ticket id (also from a view), the customer, the Shopify order and the first message time', () => {
    const doc = page('https://acme.gorgias.com/app/views/1384557/88123', GORGIAS_TICKET);
    expect(gorgias.context(doc)).toEqual({
      helpdesk: 'gorgias',
      pageUrl: 'https://acme.gorgias.com/app/views/1384557/88123',
      ticketId: '88123',
      ticketUrl: 'https://acme.gorgias.com/app/ticket/88123',
      customerId: '4410',
      customerName: 'Jordan Miller',
      orderId: '#1001',
      claimDate: '2026-11-21T09:14:00Z',
    });
  });
});

const S3 = 'https://s3.amazonaws.com/cdn.freshdesk.com/data/helpdesk/attachments/production';
const SIGNED = '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261121T084000Z&X-Amz-Expires=300&X-Amz-Signature=abc';
const FRESHDESK_TICKET = `
  <header role="banner"><img alt="Acme Support" src="${S3}/48024308683/logo/logo.png" width="120" height="32"></header>
  <main>
    <a data-test-id="requester-name" href="/a/contacts/9001">Priya Shah</a>
    <div role="log">
      <article>
        <img alt="Priya Shah" src="${S3}/9001/thumb/me.jpg${SIGNED}" width="36" height="36">
        <time datetime="2026-11-21T08:40:00Z">8:40</time>
        <img alt="image.png" src="https://attachment.freshdesk.com/inline/attachment?token=eyJ.eyJ.sig" width="320" height="240">
        <ul>
          <li><a href="/helpdesk/attachments/5001"><img alt="frame.jpg" src="${S3}/5001/thumb/frame.jpg${SIGNED}" width="160" height="120"></a></li>
          <li><img alt="unlinked.jpg" src="${S3}/5002/thumb/unlinked.jpg${SIGNED}" width="160" height="120"></li>
        </ul>
      </article>
      <article><img alt="Acme Support signature" src="${S3}/48024308700/original/sig.png${SIGNED}" width="140" height="40">
        <img alt="elsewhere" src="https://s3.amazonaws.com/other-bucket/data/helpdesk/attachments/x.jpg" width="300" height="300"></article>
    </div>
  </main>
  <aside role="complementary">
    <img alt="" src="${S3}/9002/medium/me.jpg${SIGNED}" width="160" height="160">
    <label for="cf_order">Order number</label><input id="cf_order" value="FD-20931">
    <label for="cf_delivery">Delivery date</label><input id="cf_delivery" value="2026-11-19">
    <label for="cf_empty">Order date</label><input id="cf_empty" value="">
  </aside>`;

describe('Freshdesk adapter', () => {
  it('hands over the account’s attachment route (fresh signature each time), never a signed S3 thumbnail', () => {
    const doc = page('https://acme.freshdesk.com/a/tickets/7731', FRESHDESK_TICKET);
    const images = freshdesk.findClaimImages(doc);
    expect(srcs(images)).toEqual([
      'https://acme.freshdesk.com/helpdesk/attachments/5001',
      'https://attachment.freshdesk.com/inline/attachment?token=eyJ.eyJ.sig',
      'https://acme.freshdesk.com/helpdesk/attachments/5002',
    ]);
    expect(shown(images)[0]).toContain('/5001/thumb/');
  });

  it('skips the portal logo, avatars, signatures, the sidebar and other S3 buckets', () => {
    const doc = page('https://acme.freshdesk.com/a/tickets/7731', FRESHDESK_TICKET);
    const found = shown(freshdesk.findClaimImages(doc)).join(' ');
    for (const skipped of ['/logo/', '/9001/', '/9002/', '/48024308700/', 'other-bucket']) expect(found).not.toContain(skipped);
  });

  it('reads the ticket id, the requester and the labelled ticket fields', () => {
    const doc = page('https://acme.freshdesk.com/a/tickets/7731?current_tab=details', FRESHDESK_TICKET);
    expect(freshdesk.context(doc)).toEqual({
      helpdesk: 'freshdesk',
      pageUrl: 'https://acme.freshdesk.com/a/tickets/7731?current_tab=details',
      ticketId: '7731',
      ticketUrl: 'https://acme.freshdesk.com/a/tickets/7731',
      customerId: '9001',
      customerName: 'Priya Shah',
      claimDate: '2026-11-21T08:40:00Z',
      orderId: 'FD-20931',
      deliveryDate: '2026-11-19',
    });
  });
});

const SIG = '?expires=1790000000&signature=0a1b&req=x';
const INTERCOM_CONVERSATION = `
  <nav><img alt="Intercom logo" src="https://static.intercomassets.com/logo.png" width="32" height="32"></nav>
  <div data-conversation-id="215471234567"><img alt="Jordan Miller" src="https://static.intercomassets.com/avatars/1/square_128/jm.jpg" width="32" height="32"></div>
  <div data-intercom-target="conversation-space">
    <div data-conversation-stream="true">
      <div data-intercom-target="conversation-stream-content-part">
        <time datetime="2026-11-22T10:05:00Z">10:05</time>
        <a href="https://downloads.intercomcdn.com/i/o/1/ab/case.png${SIG}"><img src="https://downloads.intercomcdn.com/i/o/1/ab/case.png${SIG}" width="220" height="165"></a>
        <img src="https://acme-5f1e.intercom-attachments-7.com/i/o/2/cd/back.jpg${SIG}" width="220" height="165">
        <img src="https://uploads.intercomusercontent.com/i/o/3/ef/side.jpg" width="220" height="165">
        <img src="https://images.example.com/remote.jpg" width="220" height="165">
      </div>
      <div data-intercom-target="conversation-stream-content-part">
        <span data-testid="admin-avatar-name">Sam</span><time datetime="2026-11-22T10:11:00Z">10:11</time>
        <img alt="Acme logo" src="https://downloads.intercomcdn.com/i/o/9/zz/logo.png${SIG}" width="120" height="40">
      </div>
    </div>
  </div>
  <div data-intercom-target="conversation-sidebar">
    <a href="/a/apps/acme/users/64f0c2a9/all-conversations">Jordan Miller</a>
    <dl><dt>Order number</dt><dd>#1001</dd><dt>Delivery date</dt><dd>2026-11-18</dd><dt>Plan</dt><dd>Free</dd></dl>
  </div>`;

describe('Intercom adapter', () => {
  it('takes images served from Intercom’s attachment hosts in the conversation parts only', () => {
    const doc = page('https://app.intercom.com/a/inbox/acme/inbox/shared/all/conversation/215471234567', INTERCOM_CONVERSATION);
    expect(srcs(intercom.findClaimImages(doc))).toEqual([
      `https://downloads.intercomcdn.com/i/o/1/ab/case.png${SIG}`,
      `https://acme-5f1e.intercom-attachments-7.com/i/o/2/cd/back.jpg${SIG}`,
      'https://uploads.intercomusercontent.com/i/o/3/ef/side.jpg',
    ]);
  });

  it('does not take a look-alike host', () => {
    const doc = page(
      'https://app.intercom.com/a/inbox/acme/inbox/conversation/1',
      `<div data-intercom-target="conversation-space"><div data-intercom-target="conversation-stream-content-part">
        <img src="https://downloads.intercomcdn.com.evil.example/i/o/1/a.jpg" width="300" height="300">
        <img src="https://x.intercom-attachments-7.com.evil.example/i/o/1/a.jpg" width="300" height="300"></div></div>`,
    );
    expect(intercom.findClaimImages(doc)).toEqual([]);
  });

  it('reads the conversation id, the customer, the customer’s first message time and the attributes', () => {
    const url = 'https://app.intercom.com/a/inbox/acme/inbox/shared/all/conversation/215471234567';
    const doc = page(url, INTERCOM_CONVERSATION);
    expect(intercom.context(doc)).toEqual({
      helpdesk: 'intercom',
      pageUrl: url,
      ticketId: '215471234567',
      ticketUrl: url,
      customerId: '64f0c2a9',
      customerName: 'Jordan Miller',
      claimDate: '2026-11-22T10:05:00Z',
      orderId: '#1001',
      deliveryDate: '2026-11-18',
    });
  });

  it('falls back to the conversation card for the id', () => {
    const doc = page('https://app.intercom.com/a/inbox/acme/inbox/shared/all', INTERCOM_CONVERSATION);
    expect(intercom.context(doc)).toMatchObject({ ticketId: '215471234567', ticketUrl: undefined });
  });
});

const HELPSCOUT_CONVERSATION = `
  <header role="banner"><img alt="Mailbox logo" src="/file/90030/cc33/logo.png" width="28" height="28"></header>
  <main>
    <textarea data-cy="EditableTextarea">Order #1042 arrived with a cracked lid</textarea>
    <div data-cy="ThreadList">
      <section><a href="/customer/3300112/221">Jordan Miller</a><time datetime="2026-11-23T15:30:00Z">3:30pm</time>
        <a href="/file/90001/6f1c2e/lid.jpg"><img alt="" src="/file/90001/6f1c2e/lid.jpg" width="180" height="135"></a>
        <img alt="" src="/file/90002/7a2d3f/box.png" width="180" height="135">
        <img alt="" src="https://images.example.com/file/1/2/x.jpg" width="180" height="135">
      </section>
      <section><img alt="Acme signature" src="/file/90010/aa11/sig.png" width="120" height="40"></section>
    </div>
  </main>
  <aside role="complementary"><img alt="" src="/file/90020/bb22/photo.jpg" width="160" height="160"><a href="/customer/3300112/221">Jordan Miller</a></aside>`;

describe('Help Scout adapter', () => {
  it('takes the thread’s /file/ attachments on Help Scout’s host, not the sidebar, header or signatures', () => {
    const doc = page('https://secure.helpscout.net/conversation/2614551234/8812/?folderId=1', HELPSCOUT_CONVERSATION);
    expect(srcs(helpscout.findClaimImages(doc))).toEqual([
      'https://secure.helpscout.net/file/90001/6f1c2e/lid.jpg',
      'https://secure.helpscout.net/file/90002/7a2d3f/box.png',
    ]);
  });

  it('reads the conversation number, the customer, the order in the subject and the first message time', () => {
    const doc = page('https://secure.helpscout.net/conversation/2614551234/8812/?folderId=1', HELPSCOUT_CONVERSATION);
    expect(helpscout.context(doc)).toEqual({
      helpdesk: 'helpscout',
      pageUrl: 'https://secure.helpscout.net/conversation/2614551234/8812/?folderId=1',
      ticketId: '8812',
      ticketUrl: 'https://secure.helpscout.net/conversation/2614551234/8812',
      customerId: '3300112',
      customerName: 'Jordan Miller',
      orderId: '1042',
      claimDate: '2026-11-23T15:30:00Z',
    });
  });

  it('has no order id when the subject names none', () => {
    const doc = page('https://secure.helpscout.net/conversation/1/2', '<textarea data-cy="EditableTextarea">My order arrived broken</textarea>');
    expect(helpscout.context(doc).orderId).toBeUndefined();
  });
});

const GM = 'https://mail.google.com/mail/u/0?ui=2&ik=a1b2c3d4e5&permmsgid=msg-f:1816&th=1933a1b2c3d4e5f6';
const THUMB = (attid: string) => `${GM}&attid=${attid}&view=fimg&fur=ip&sz=s0-l75-ft&attbid=ANGjdJ_x&disp=thd&realattid=f_${attid}&zw`;
const FILE = (attid: string) => `${GM}&attid=${attid}&view=att&disp=safe&realattid=f_${attid}&zw`;
const amp = (s: string) => s.replaceAll('&', '&amp;');
const GMAIL_THREAD = `
  <div role="navigation"><img alt="Gmail" src="https://ssl.gstatic.com/ui/v1/icons/mail/rfr/logo_gmail.png" width="109" height="40"></div>
  <div role="main">
    <h2 data-thread-perm-id="thread-f:1816" data-legacy-thread-id="1933a1b2c3d4e5f6">Order #1001 – teapot arrived broken</h2>
    <div data-message-id="#msg-f:1816" data-legacy-message-id="1933a1b2c3d4e5f6">
      <img alt="" src="https://lh3.googleusercontent.com/a/ACg8oc=s40-p" width="40" height="40">
      <span email="jordan.miller@example.com" name="Jordan Miller">Jordan Miller</span> to <span email="support@acme.example" name="Support">me</span>
      <div><img alt="Miller &amp; Co logo" src="${amp(THUMB('0.4'))}" width="120" height="40">
        <img src="https://ci3.googleusercontent.com/meips/abc#https://shop.example/banner.jpg" width="600" height="200"></div>
      <span download_url="image/png:broken.png:${amp(FILE('0.1'))}"><a href="${amp(FILE('0.1'))}"><img src="${amp(THUMB('0.1'))}" width="180" height="120"></a></span>
      <span><a href="${amp(FILE('0.2'))}"><img src="${amp(THUMB('0.2'))}" width="180" height="120"></a></span>
      <span><img src="${amp(THUMB('0.3'))}" width="180" height="120"></span>
      <div contenteditable="true" role="textbox"><img src="${amp(THUMB('0.5'))}" width="300" height="200"></div>
    </div>
  </div>`;

describe('Gmail adapter', () => {
  it('takes the full file behind each attachment thumbnail: card URL, link, or rewritten thumbnail', () => {
    const doc = page('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL', GMAIL_THREAD);
    const images = gmail.findClaimImages(doc);
    expect(srcs(images)).toEqual([FILE('0.1'), FILE('0.2'), `${GM}&attid=0.3&view=att&disp=inline&realattid=f_0.3&zw`]);
    for (const src of srcs(images)) expect(src).not.toMatch(/disp=thd|view=fimg|sz=/);
    // The attachment card's file name, since Gmail's URLs carry none.
    expect(images.map((i) => i.name)).toEqual(['broken.png', undefined, undefined]);
  });

  it('skips avatars, the Gmail logo, proxied remote images, signature logos and the reply being written', () => {
    const doc = page('https://mail.google.com/mail/u/0/#inbox/FMfcgz', GMAIL_THREAD);
    const found = shown(gmail.findClaimImages(doc)).join(' ');
    for (const skipped of ['lh3.googleusercontent.com', 'gstatic', 'ci3.googleusercontent.com', 'attid=0.4', 'attid=0.5']) expect(found).not.toContain(skipped);
  });

  it('rewrites thumbnails to the inline file and recognises attachment URLs only', () => {
    const base = 'https://mail.google.com/mail/u/0/';
    expect(gmailFullSize(`${GM}&attid=0.1&view=att&disp=thd`, base)).toBe(`${GM}&attid=0.1&view=att&disp=inline`);
    expect(gmailFullSize(FILE('0.1'), base)).toBe(FILE('0.1'));
    expect(isGmailAttachment(THUMB('0.1'), base)).toBe(true);
    expect(isGmailAttachment('?ui=2&attid=0.1&view=att&disp=safe', base)).toBe(true);
    expect(isGmailAttachment(`${GM}&view=att`, base)).toBe(false);
    expect(isGmailAttachment('https://mail.google.com.evil.example/mail/u/0?attid=0.1&view=att', base)).toBe(false);
    expect(isGmailAttachment('https://lh3.googleusercontent.com/a/x', base)).toBe(false);
  });

  it('reads the thread id, the sender and an order number in the subject', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL';
    const doc = page(url, GMAIL_THREAD);
    expect(gmail.context(doc)).toEqual({
      helpdesk: 'gmail',
      pageUrl: url,
      ticketId: '1933a1b2c3d4e5f6',
      ticketUrl: url,
      customerId: 'jordan.miller@example.com',
      customerName: 'Jordan Miller',
      orderId: '1001',
      subject: expect.stringContaining('1001'),
    });
  });

  it('falls back to the thread token in the URL', () => {
    const doc = page('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL', '<div data-message-id="x"></div>');
    expect(gmail.context(doc).ticketId).toBe('FMfcgzQbgRnVwXkLdTqPjHsSbZcWmNpL');
  });
});
