/**
 * Reads what the badges look like from outside their closed shadow roots: the computed colours
 * of each badge's button, through the DevTools protocol.
 */
import type { Page } from '@playwright/test';

export interface BadgeColours {
  level: string;
  theme: string;
  color: string;
  background: string;
}

/** The computed colours of every badge's button, read through the closed shadow roots with the DevTools protocol. */
export async function badgeColours(page: Page): Promise<BadgeColours[]> {
  interface Node {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: Node[];
  }
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const buttons: Node[] = [];
    const walk = (n: Node) => {
      if (n.nodeName === 'CLAIMLENS-BADGE') {
        const button = n.shadowRoots?.[0]?.children?.find((c) => c.nodeName === 'BUTTON');
        if (button) buttons.push(button);
      }
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    const out: BadgeColours[] = [];
    for (const b of buttons) {
      const attrs = Object.fromEntries((b.attributes ?? []).flatMap((v, i, a) => (i % 2 ? [] : [[v, a[i + 1]]])));
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: b.nodeId })) as { computedStyle: { name: string; value: string }[] };
      const get = (name: string) => computedStyle.find((p) => p.name === name)?.value ?? '';
      out.push({ level: attrs['data-level'], theme: attrs['data-theme'], color: get('color'), background: get('background-color') });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}
