// @vitest-environment happy-dom
/**
 * Site adapters on small DOMs shaped like the pages they read: the Zendesk adapter (attachment
 * links' full files rather than thumbnails, inline pasted images, avatars/signatures/emoji
 * skipped, ticket id from the URL, requester and order fields) and the generic adapter
 * (conversation areas only, header/nav/aside skipped, small and decorative images skipped).
 * happy-dom does no layout, so sizes come from width/height attributes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { zendesk } from '../../lib/sites/zendesk';
import { generic } from '../../lib/sites/generic';
import { absoluteUrl, fileNameOf, isDecorative } from '../../lib/sites/index';
import { adapterFor, HELPDESK_MATCHES } from '../../lib/sites/registry';

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

afterEach(() => {
  document.body.replaceChildren();
});

const ZENDESK_TICKET = `
  <nav aria-label="Main">
    <img alt="Zendesk" src="/brand/zendesk.svg" width="32" height="32">
    <div data-test-id="ticket-system-field-requester-select">
      <span data-test-id="ticket-system-field-requester-value">Jordan Miller</span>
    </div>
    <div data-test-id="ticket-form-field-360001"><label>Order number</label><input value="#SO-20418"></div>
    <div data-test-id="ticket-form-field-360002"><label>Order date</label><input value="2025-11-01"></div>
    <div data-test-id="ticket-form-field-360003"><label>Delivery date</label><input value="2025-11-05"></div>
    <div data-test-id="ticket-form-field-360004"><label>Serial number</label><span data-test-id="ticket-form-field-360004-value">SN-88-1234</span></div>
    <div data-test-id="ticket-form-field-360005"><label>Priority</label><input value="High"></div>
    <div data-test-id="ticket-form-field-360006"><label>Order number (old)</label><input value=""></div>
  </nav>
  <section>
    <h1>My blender arrived cracked</h1>
    <div data-test-id="omni-log-container" role="log">
      <article data-test-id="omni-log-comment-item">
        <img data-test-id="omni-log-item-avatar" alt="Jordan Miller avatar" src="/avatars/jm.png" width="32" height="32">
        <strong data-test-id="omni-log-item-sender">Jordan Miller</strong>
        <time datetime="2025-11-06T09:14:00Z">Nov 6, 09:14</time>
        <div data-test-id="omni-log-message-content">
          <p>The jug was cracked when I opened the box.</p>
          <img alt="pasted" src="https://acme.zendesk.com/inline/pasted-photo.jpg" width="400" height="300">
          <img class="avatar" src="/avatars/jm-large.png" width="200" height="200">
          <a href="/attachments/token/tk5INL/?name=inline.jpg"><img src="/thumb/inline.jpg" width="300" height="200"></a>
        </div>
        <div data-test-id="omni-log-comment-attachments">
          <a data-test-id="attachment-thumbnail" href="/attachments/token/tk1BOX/?name=box.jpg">
            <img alt="box.jpg" src="https://acme.zdusercontent.com/thumb/box.jpg" width="240" height="180">
          </a>
          <a data-test-id="attachment-thumbnail" href="/attachments/token/tk2LBL/?name=label.png">
            <img alt="label.png" src="/thumb/label.png" width="240" height="180">
          </a>
          <a data-test-id="attachment-thumbnail" href="/attachments/token/tk3PDF/?name=invoice.pdf"><span>invoice.pdf</span></a>
        </div>
      </article>
      <article data-test-id="omni-log-comment-item">
        <strong data-test-id="omni-log-item-sender">Sam (Acme Support)</strong>
        <time datetime="2025-11-06T10:02:00Z">Nov 6, 10:02</time>
        <div data-test-id="omni-log-message-content">
          <p>Thanks, we are looking into it.</p>
          <img alt="Acme signature" src="/brand/sig.png" width="120" height="40">
          <img alt="" src="/emoji/1f600.png" width="20" height="20">
        </div>
      </article>
    </div>
  </section>
  <aside><img alt="" src="/marketing/banner.jpg" width="600" height="400"></aside>`;

describe('Zendesk adapter', () => {
  it('matches the agent workspace', () => {
    expect(adapterFor('https://acme.zendesk.com/agent/tickets/4821')).toBe(zendesk);
  });

  it('finds attachment images by their link (the full file, not the thumbnail) and inline images', () => {
    const doc = page('https://acme.zendesk.com/agent/tickets/4821', ZENDESK_TICKET);
    const images = zendesk.findClaimImages(doc);
    expect(srcs(images)).toEqual([
      'https://acme.zendesk.com/attachments/token/tk5INL/?name=inline.jpg',
      'https://acme.zendesk.com/attachments/token/tk1BOX/?name=box.jpg',
      'https://acme.zendesk.com/attachments/token/tk2LBL/?name=label.png',
      'https://acme.zendesk.com/inline/pasted-photo.jpg',
    ]);
    // The badge is anchored to the thumbnail element the agent sees.
    expect(images[1].element.getAttribute('src')).toBe('https://acme.zdusercontent.com/thumb/box.jpg');
    expect(images.every((i) => i.element.tagName === 'IMG')).toBe(true);
    // Attachment links are keyed by token, as the comments API's content_url is: one file, one analysis.
    expect(images.map((i) => i.key)).toEqual(['zendesk:tk5INL', 'zendesk:tk1BOX', 'zendesk:tk2LBL', undefined]);
  });

  it('skips avatars, signatures, emoji and images outside the conversation', () => {
    const doc = page('https://acme.zendesk.com/agent/tickets/4821', ZENDESK_TICKET);
    const found = zendesk.findClaimImages(doc).map((i) => i.element.getAttribute('src'));
    for (const skipped of ['/avatars/jm.png', '/avatars/jm-large.png', '/brand/sig.png', '/emoji/1f600.png', '/brand/zendesk.svg', '/marketing/banner.jpg']) {
      expect(found).not.toContain(skipped);
    }
  });

  it('finds images in a subtree it is given (a re-rendered comment)', () => {
    const doc = page('https://acme.zendesk.com/agent/tickets/4821', ZENDESK_TICKET);
    const log = doc.querySelector('[data-test-id="omni-log-container"]') as HTMLElement;
    expect(zendesk.findClaimImages(log.parentElement as HTMLElement)).toHaveLength(4);
  });

  it('finds nothing on a page without a conversation log', () => {
    const doc = page('https://acme.zendesk.com/agent/dashboard', '<main><img src="/x.jpg" width="800" height="600"></main>');
    expect(zendesk.findClaimImages(doc)).toEqual([]);
  });

  it('reads the ticket id from the URL, the requester, the first comment time and the order fields', () => {
    const doc = page('https://acme.zendesk.com/agent/tickets/4821', ZENDESK_TICKET);
    expect(zendesk.context(doc)).toEqual({
      helpdesk: 'zendesk',
      pageUrl: 'https://acme.zendesk.com/agent/tickets/4821',
      ticketId: '4821',
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/4821',
      customerName: 'Jordan Miller',
      claimDate: '2025-11-06T09:14:00Z',
      orderId: '#SO-20418',
      orderDate: '2025-11-01',
      deliveryDate: '2025-11-05',
      serial: 'SN-88-1234',
    });
  });

  it('reads the ticket id from deeper ticket URLs', () => {
    const doc = page('https://acme.zendesk.com/agent/tickets/77/events', ZENDESK_TICKET);
    expect(zendesk.context(doc)).toMatchObject({ ticketId: '77', ticketUrl: 'https://acme.zendesk.com/agent/tickets/77' });
  });

  it('has no ticket id off a ticket page, and falls back to the first comment author as requester', () => {
    const doc = page(
      'https://acme.zendesk.com/agent/filters/123',
      `<div role="log"><article data-test-id="omni-log-comment-item"><strong data-test-id="omni-log-item-sender">Pat Lee</strong></article></div>`,
    );
    const context = zendesk.context(doc);
    expect(context.ticketId).toBeUndefined();
    expect(context.ticketUrl).toBeUndefined();
    expect(context.customerName).toBe('Pat Lee');
    expect(context.orderId).toBeUndefined();
  });
});

const GENERIC_PAGE = `
  <header><img src="/brand/banner.jpg" width="1200" height="300"></header>
  <nav><img src="/nav/photo.jpg" width="400" height="400"></nav>
  <main>
    <img src="/photos/claim-1.jpg" width="800" height="600">
    <img src="/photos/small.png" width="150" height="150">
    <a href="/files/full-size.jpeg?download=1"><img src="/thumbs/t1.jpg" width="300" height="300"></a>
    <a href="/users/42"><img src="/photos/claim-2.png" width="300" height="300"></a>
    <img class="user-avatar" src="/photos/me.png" width="300" height="300">
    <article><img src="/photos/claim-3.webp" width="640" height="480"></article>
    <aside><img src="/ads/ad.jpg" width="300" height="250"></aside>
    <footer><img src="/brand/footer.jpg" width="600" height="300"></footer>
  </main>`;

describe('generic adapter', () => {
  it('is the fallback for pages no helpdesk adapter matches', () => {
    expect(adapterFor('https://shop.example.com/support/ticket/1')).toBe(generic);
  });

  it('finds large images in the conversation area, linked full files first', () => {
    const doc = page('https://shop.example.com/support/ticket/1', GENERIC_PAGE);
    expect(srcs(generic.findClaimImages(doc))).toEqual([
      'https://shop.example.com/photos/claim-1.jpg',
      'https://shop.example.com/files/full-size.jpeg?download=1',
      'https://shop.example.com/photos/claim-2.png',
      'https://shop.example.com/photos/claim-3.webp',
    ]);
  });

  it('skips header, nav, aside and footer images, small images and avatars', () => {
    const doc = page('https://shop.example.com/support/ticket/1', GENERIC_PAGE);
    const found = generic.findClaimImages(doc).map((i) => i.element.getAttribute('src'));
    for (const skipped of ['/brand/banner.jpg', '/nav/photo.jpg', '/photos/small.png', '/photos/me.png', '/ads/ad.jpg', '/brand/footer.jpg']) {
      expect(found).not.toContain(skipped);
    }
  });

  it('looks at the whole page when it has no conversation area, still skipping chrome', () => {
    const doc = page(
      'https://forum.example.org/t/5',
      '<header><img src="/logo-big.jpg" width="900" height="300"></header><div><img src="/uploads/dent.jpg" width="1000" height="750"></div>',
    );
    expect(srcs(generic.findClaimImages(doc))).toEqual(['https://forum.example.org/uploads/dent.jpg']);
  });

  it('reports only the page URL as context', () => {
    const doc = page('https://shop.example.com/support/ticket/1', GENERIC_PAGE);
    expect(generic.context(doc)).toEqual({ helpdesk: 'generic', pageUrl: 'https://shop.example.com/support/ticket/1' });
  });
});

describe('adapter registry and helpers', () => {
  it('matches Zendesk only on its own hosts, over https', () => {
    expect(adapterFor('https://zendesk.com/agent/tickets/1')).toBe(zendesk);
    expect(adapterFor('https://acme.zendesk.com:8443/agent/tickets/1')).toBe(zendesk);
    expect(adapterFor('https://acme.zendesk.com/hc/en-us/requests/1')).toBe(generic);
    expect(adapterFor('http://acme.zendesk.com/agent/tickets/1')).toBe(generic);
    expect(adapterFor('https://acme.zendesk.com.evil.example/agent/tickets/1')).toBe(generic);
    expect(adapterFor('https://evil.example/?u=https://acme.zendesk.com/agent/tickets/1')).toBe(generic);
    expect(HELPDESK_MATCHES).toContain('https://*.zendesk.com/agent/*');
  });

  it('isDecorative: small rendered size or decorative hints', () => {
    const doc = page(
      'https://shop.example.com/',
      '<img id="small" src="/a.jpg" width="50" height="300"><img id="logo" src="/b.jpg" alt="Company logo" width="400" height="400">' +
        '<img id="hidden" src="/c.jpg" aria-hidden="true" width="400" height="400"><img id="photo" src="/d.jpg" width="400" height="400">',
    );
    const img = (id: string) => doc.getElementById(id) as HTMLImageElement;
    expect(isDecorative(img('small'))).toBe(true);
    expect(isDecorative(img('logo'))).toBe(true);
    expect(isDecorative(img('hidden'))).toBe(true);
    expect(isDecorative(img('photo'))).toBe(false);
  });

  it('fileNameOf: a file name the page shows for an image, nothing else', () => {
    const doc = page(
      'https://shop.example.com/',
      '<a download="IMG_2041.HEIC" href="/f/1"><img id="dl" src="/t/1" alt="Attachment"></a>' +
        '<img id="alt" src="/t/2" alt="broken screen.jpg">' +
        '<img id="words" src="/t/3" alt="Photo of the broken screen">' +
        '<img id="path" src="/t/4" alt="../../etc/passwd.png">' +
        '<img id="html" src="/t/5" title="<img src=x onerror=alert(1)>.jpg">',
    );
    const img = (id: string) => doc.getElementById(id) as HTMLImageElement;
    expect(fileNameOf(img('dl'))).toBe('IMG_2041.HEIC');
    expect(fileNameOf(img('alt'))).toBe('broken screen.jpg');
    expect(fileNameOf(img('words'))).toBeUndefined();
    expect(fileNameOf(img('path'))).toBeUndefined();
    expect(fileNameOf(img('html'))).toBeUndefined();
  });

  it('absoluteUrl resolves against the page and keeps unparsable input', () => {
    expect(absoluteUrl('/x/y.jpg?z=1', 'https://a.example/b/c')).toBe('https://a.example/x/y.jpg?z=1');
    expect(absoluteUrl('blob:https://a.example/1234', 'https://a.example/')).toBe('blob:https://a.example/1234');
    expect(absoluteUrl('http://[bad', 'also bad')).toBe('http://[bad');
  });
});
