// @vitest-environment happy-dom
/**
 * Hostile metadata in the side panel: a real analysis of a fixture whose EXIF and prompt hold
 * HTML and script, rendered by the panel's image card with every evidence item opened — the
 * markup appears as text, no element is created from it, and long values arrive clipped.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ImageCard } from '../../components/ImageCard';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { LIMITS } from '../../lib/engine/limits';
import { fixture } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('hostile metadata in the side panel', () => {
  for (const file of ['html-metadata.jpg', 'prompt-html.png']) {
    it(`${file}: shown as inert, clipped text`, async () => {
      const report = await analyze(fixture(file), {}, nodeHost);
      const values = JSON.stringify(report.evidence.map((e) => [e.title, e.detail, e.data]));
      expect(values).toMatch(/<(img|script)/i);
      for (const e of report.evidence) for (const v of Object.values(e.data ?? {})) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(LIMITS.maxTextLength + 40);

      const container = document.createElement('div');
      document.body.append(container);
      const root = createRoot(container);
      await act(async () => root.render(<ImageCard entry={{ src: `https://acme.zendesk.com/attachments/token/x/?name=${file}`, status: 'done', report, updatedAt: 0 }} focused />));
      for (const button of container.querySelectorAll<HTMLButtonElement>('.evidence-toggle')) await act(async () => button.click());
      expect(container.querySelectorAll('.evidence-body').length).toBe(report.evidence.length);
      expect(container.querySelector('script')).toBeNull();
      expect(container.querySelectorAll('img').length).toBe(0);
      expect(container.querySelector('[onerror]')).toBeNull();
      expect(container.textContent).toMatch(/<(img|script)/i);
      await act(async () => root.unmount());
      container.remove();
    });
  }
});
