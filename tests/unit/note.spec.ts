/** The copied internal note and the customer video request: content, order, and inert text. */
import { describe, expect, it } from 'vitest';
import { internalNote, videoRequest } from '../../lib/verdict/note';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import { fixture } from './helpers';

describe('internal note', () => {
  it('summarises levels, reasons, hashes and the engine version, riskiest first', async () => {
    const ai = await analyze(fixture('comfyui-prompt-workflow.png'), {}, nodeHost);
    const camera = await analyze(fixture('camera-exif.jpg'), {}, nodeHost);
    const note = internalNote(
      { helpdesk: 'zendesk', ticketId: '4821', customerName: 'Jordan Miller' },
      [
        { name: 'camera.jpg', report: camera },
        { name: 'broken.png', report: ai },
        { name: 'late.jpg', error: 'The helpdesk answered 403' },
      ],
      new Date('2026-11-25T10:00:00Z'),
    );
    const lines = note.split('\n');
    expect(lines[0]).toBe('ClaimLens photo check — zendesk ticket #4821 (Jordan Miller), 2026-11-25 10:00 UTC');
    expect(lines[1]).toBe('3 image(s): 1 high risk, 0 need review, 1 low risk, 1 not analysed.');
    expect(lines[2]).toBe(`1. broken.png — HIGH RISK (score ${ai.risk.score}/100)`);
    expect(note).toContain('   - Made with an AI image generator: ComfyUI');
    expect(note).toContain(`SHA-256 ${ai.sha256}`);
    expect(note).toContain('3. late.jpg — could not be analysed: The helpdesk answered 403');
    expect(note).toContain('Recommended next step: Escalate to fraud review before refunding.');
    expect(note).toContain(`engine ${ai.engineVersion}`);
  });

  it('keeps page and file data inert: no line breaks or control characters smuggled in', () => {
    const note = internalNote({ helpdesk: 'zendesk', ticketId: '1\nFAKE LINE', customerName: '<script>alert(1)</script>\u0007' }, []);
    expect(note.split('\n')[0]).toBe('ClaimLens photo check — zendesk ticket #1 FAKE LINE (<script>alert(1)</script>), ' + note.split('\n')[0].split(', ').pop());
    expect(note).not.toMatch(/\u0007/);
  });
});

describe('video request', () => {
  it('greets the customer by first name and names the order', () => {
    const text = videoRequest({ customerName: 'Jordan Miller', orderId: '#SO-20418' });
    expect(text.startsWith('Hi Jordan,')).toBe(true);
    expect(text).toContain('for order #SO-20418');
    expect(text).toContain('shipping label');
  });

  it('works without context', () => {
    expect(videoRequest(undefined).startsWith('Hi there,')).toBe(true);
  });
});
