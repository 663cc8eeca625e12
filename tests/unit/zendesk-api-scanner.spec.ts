// @vitest-environment happy-dom
/**
 * The scanner with an adapter that lists attachments from the helpdesk's API: a listed file
 * not on the page is analysed at once; when the page later shows it (under another URL of the
 * same attachment) its badge reuses that analysis; the listing is read once per ticket and
 * cancelled when the ticket changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScanner } from '../../lib/content/scanner';
import type { ListedImage, SiteAdapter } from '../../lib/sites';
import type { AnalysisOutcome } from '../../lib/messaging';
import { zendesk } from '../../lib/sites/zendesk';

/** Test markup, fixed in this file. */
function setBody(html: string) {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', html);
}

afterEach(() => {
  document.body.replaceChildren();
});

const OK: AnalysisOutcome = {
  ok: true,
  report: { sha256: 'x', format: 'jpeg', width: 1, height: 1, evidence: [], risk: { score: 80, level: 'high', recommendation: '' }, timings: {}, engineVersion: 't' },
};

function harness(listed: (ticket: string, signal: AbortSignal) => Promise<ListedImage[]>) {
  const sent: { type: string; src?: string; context?: { ticketId?: string } }[] = [];
  const host = { sendMessage: vi.fn(async (m: (typeof sent)[number]) => (sent.push(m), m.type === 'analyze-image' ? OK : undefined)) };
  const listCalls: string[] = [];
  const adapter: SiteAdapter = {
    ...zendesk,
    listAttachments: (_doc, ticket, signal) => {
      listCalls.push(ticket);
      return listed(ticket, signal);
    },
  };
  return { sent, host, adapter, listCalls };
}

const tick = (ms = 200) => new Promise((r) => setTimeout(r, ms));

const comment = (token: string, name: string) => `
  <article data-test-id="omni-log-comment-item">
    <a data-test-id="attachment-thumbnail" href="/attachments/token/${token}/?name=${name}"><img src="https://acme.zdusercontent.com/thumb/${name}" width="240" height="180"></a>
  </article>`;

describe('scanner with an attachment listing', () => {
  it('analyses listed files before the page shows them, and badges them later without a second analysis', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://acme.zendesk.com/agent/tickets/4822');
    setBody(`<div data-test-id="omni-log-container" role="log">${comment('tkA', 'a.jpg')}</div>`);
    const { sent, host, adapter, listCalls } = harness(async () => [
      { src: 'https://acme.zendesk.com/attachments/token/tkA/?name=a.jpg', key: 'zendesk:tkA' },
      // The API names the collapsed file differently from the link the page will show.
      { src: 'https://acme.zendesk.com/attachments/token/tkB/?name=b%20(1).jpg', key: 'zendesk:tkB' },
    ]);
    const controller = new AbortController();
    startScanner(adapter, host, controller.signal);
    await tick();
    const analysed = () => sent.filter((m) => m.type === 'analyze-image').map((m) => m.src);
    expect(analysed()).toEqual(['https://acme.zendesk.com/attachments/token/tkA/?name=a.jpg', 'https://acme.zendesk.com/attachments/token/tkB/?name=b%20(1).jpg']);
    expect(sent.every((m) => m.type !== 'analyze-image' || m.context?.ticketId === '4822')).toBe(true);
    expect(document.querySelectorAll('claimlens-badge')).toHaveLength(1);

    // The collapsed comment is expanded.
    document.querySelector('[role="log"]')!.insertAdjacentHTML('beforeend', comment('tkB', 'b.jpg'));
    await tick();
    const badges = document.querySelectorAll<HTMLElement>('claimlens-badge');
    expect(badges).toHaveLength(2);
    expect(badges[1].dataset.level).toBe('high');
    expect(analysed()).toHaveLength(2);
    expect(listCalls).toEqual(['4822']);
    controller.abort();
  });

  it('lists again for another ticket and cancels the earlier listing', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://acme.zendesk.com/agent/tickets/100');
    setBody(`<div data-test-id="omni-log-container" role="log">${comment('tkA', 'a.jpg')}</div>`);
    const signals: AbortSignal[] = [];
    const { adapter, host, listCalls } = harness((_t, signal) => {
      signals.push(signal);
      return new Promise(() => undefined);
    });
    const controller = new AbortController();
    startScanner(adapter, host, controller.signal);
    await tick();
    history.pushState(null, '', '/agent/tickets/200');
    document.body.insertAdjacentHTML('beforeend', '<p>re-render</p>');
    await tick();
    expect(listCalls).toEqual(['100', '200']);
    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
    controller.abort();
    expect(signals[1].aborted).toBe(true);
  });

  it('still badges the page’s images when the listing fails', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://acme.zendesk.com/agent/tickets/300');
    setBody(`<div data-test-id="omni-log-container" role="log">${comment('tkA', 'a.jpg')}</div>`);
    const { adapter, host, sent } = harness(async () => {
      throw new Error('401');
    });
    const controller = new AbortController();
    startScanner(adapter, host, controller.signal);
    await tick();
    expect(sent.filter((m) => m.type === 'analyze-image')).toHaveLength(1);
    expect(document.querySelector<HTMLElement>('claimlens-badge')?.dataset.level).toBe('high');
    controller.abort();
  });
});
