// @vitest-environment happy-dom
/**
 * Side-panel parts that do not need a browser: the model line (off, idle, loading with a
 * progress bar, ready with its backend, failed) in both languages, the drop zone (a picked,
 * dropped or pasted picture goes to the background as base64 with the tab; other files and
 * oversize files are refused with a reason and never sent), and the background's store of
 * dropped files (bounded) and their keys.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ModelStatusLine } from '../../components/ModelStatusLine';
import { DropZone, MAX_DROP_BYTES, looksLikePicture } from '../../components/DropZone';
import { DroppedFiles, droppedFileSrc } from '../../lib/background/dropped-files';
import { imageName } from '../../components/names';
import { SerialCheck } from '../../components/SerialCheck';
import { base64ToBytes, bytesToBase64, type AnalyzeFileMessage, type CheckSerialMessage, type ImageEntry } from '../../lib/messaging';
import { ROOT } from './helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

describe('ModelStatusLine', () => {
  it('says when the team switched the model off, whatever its state', () => {
    act(() => root.render(<ModelStatusLine enabled={false} status={{ phase: 'ready', model: 'm', backend: 'wasm', loadMs: 10, at: 0 }} locale="en" />));
    expect(container.textContent).toContain('switched off');
    expect(container.querySelector('[data-backend]')).toBeNull();
  });

  it('shows a determinate progress bar with megabytes while the model loads', () => {
    act(() => root.render(<ModelStatusLine enabled status={{ phase: 'loading', model: 'm', loaded: 1048576, total: 4 * 1048576, at: 0 }} locale="en" />));
    const bar = container.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe(String(4 * 1048576));
    expect(bar.getAttribute('value')).toBe('1048576');
    expect(container.textContent).toContain('1.0 of 4.0 MB');
    // The bar is labelled by its text.
    expect(bar.closest('label')?.textContent).toContain('Neural model loading');
  });

  it('shows an indeterminate bar when the size is unknown', () => {
    act(() => root.render(<ModelStatusLine enabled status={{ phase: 'loading', model: 'm', loaded: 5, at: 0 }} locale="en" />));
    expect(container.querySelector('progress')!.hasAttribute('value')).toBe(false);
    expect(container.textContent).toContain('Loading the neural model');
  });

  it('names the backend that ran, in the UI language', () => {
    act(() => root.render(<ModelStatusLine enabled status={{ phase: 'ready', model: 'm', backend: 'webgpu', loadMs: 1234, at: 0 }} locale="en" />));
    expect(container.textContent).toBe('Neural model ready on WebGPU (graphics card) (loaded in 1.2 s).');
    act(() => root.render(<ModelStatusLine enabled status={{ phase: 'ready', model: 'm', backend: 'wasm', loadMs: 800, at: 0 }} locale="zh-CN" />));
    expect(container.textContent).toContain('WebAssembly（处理器）');
    expect(container.querySelector('[data-backend]')?.getAttribute('data-backend')).toBe('wasm');
  });

  it('explains a failed load as text, other checks going on', () => {
    act(() => root.render(<ModelStatusLine enabled status={{ phase: 'failed', model: 'm', error: '<b>no</b>', at: 0 }} locale="en" />));
    expect(container.textContent).toContain('<b>no</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('every other check still runs');
  });
});

describe('DropZone', () => {
  const jpeg = readFileSync(join(ROOT, 'samples/camera-canon-powershot-g2.jpg'));

  function render(tabId: number | undefined) {
    const sent: AnalyzeFileMessage[] = [];
    Object.assign(fakeBrowser.runtime, {
      sendMessage: vi.fn(async (m: AnalyzeFileMessage) => {
        sent.push(m);
        return { ok: true };
      }),
    });
    act(() => root.render(<DropZone tabId={tabId} locale="en" />));
    return sent;
  }

  function pick(file: File) {
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  }

  it('is labelled and reachable by keyboard through its button', () => {
    render(7);
    const section = container.querySelector('section')!;
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Check a photo from elsewhere');
    expect(container.querySelector('button')?.textContent).toBe('Choose a file…');
  });

  it('sends a picked photo with its name and the tab, as base64 of the same bytes', async () => {
    const sent = render(7);
    pick(new File([jpeg], 'from-mail.jpg', { type: 'image/jpeg' }));
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'analyze-file', tabId: 7, name: 'from-mail.jpg' });
    expect(Buffer.from(base64ToBytes(sent[0].bytesBase64)).equals(jpeg)).toBe(true);
    expect(container.querySelector('[role=status]')?.textContent).toContain('from-mail.jpg added');
  });

  it('takes a dropped file anywhere on the panel and a pasted one', async () => {
    const sent = render(3);
    const drop = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [new File([jpeg], 'dropped.jpg', { type: 'image/jpeg' })] } });
    act(() => void window.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { files: [new File([jpeg], 'image.png', { type: 'image/png' })] } });
    act(() => void window.dispatchEvent(paste));
    await settle();
    expect(sent.map((m) => m.name)).toEqual(['dropped.jpg', 'image.png']);
  });

  it('refuses files that are not pictures, and oversize files, with the reason, without sending them', async () => {
    const sent = render(7);
    pick(new File(['%PDF-1.7'], 'invoice.pdf', { type: 'application/pdf' }));
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toContain('invoice.pdf is not a picture');
    const big = new File([new Uint8Array(8)], 'huge.jpg', { type: 'image/jpeg' });
    Object.defineProperty(big, 'size', { value: MAX_DROP_BYTES + 1 });
    pick(big);
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toContain('huge.jpg is 40.0 MB');
    expect(sent).toEqual([]);
  });

  it('asks for the ticket tab when the panel follows none', async () => {
    const sent = render(undefined);
    pick(new File([jpeg], 'a.jpg', { type: 'image/jpeg' }));
    await settle();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('Open the tab with the ticket first.');
    expect(sent).toEqual([]);
  });

  it('recognises pictures by type or by name (HEIC often has no type)', () => {
    expect(looksLikePicture({ type: '', name: 'IMG_0001.HEIC' })).toBe(true);
    expect(looksLikePicture({ type: 'image/webp', name: 'x' })).toBe(true);
    expect(looksLikePicture({ type: 'text/html', name: 'photo.html' })).toBe(false);
  });
});

describe('dropped files in the background', () => {
  it('keys a file by content and name, readable as its name', async () => {
    const b64 = bytesToBase64(new Uint8Array([1, 2, 3]));
    const a = await droppedFileSrc('my photo.jpg', b64);
    expect(a).toMatch(/^claimlens-file:[0-9a-f]{16}\/my%20photo\.jpg$/);
    expect(imageName(a)).toBe('my photo.jpg');
    expect(await droppedFileSrc('my photo.jpg', b64)).toBe(a);
    expect(await droppedFileSrc('my photo.jpg', bytesToBase64(new Uint8Array([1, 2, 4])))).not.toBe(a);
    expect(imageName(await droppedFileSrc('evil\u0000/<img>.jpg', b64))).toBe('evil/<img>.jpg');
  });

  it('keeps only the latest files', () => {
    const files = new DroppedFiles();
    for (let i = 0; i < 10; i++) files.set(`f${i}`, 'x');
    expect(files.get('f0')).toBeUndefined();
    expect(files.get('f1')).toBeUndefined();
    expect(files.get('f2')).toBe('x');
    expect(files.get('f9')).toBe('x');
  });
});

describe('SerialCheck', () => {
  const entry: ImageEntry = { src: 'claimlens-file:00/a.jpg', status: 'done', updatedAt: 0 };

  function render(answer: unknown, expected?: string) {
    const sent: CheckSerialMessage[] = [];
    Object.assign(fakeBrowser.runtime, {
      sendMessage: vi.fn(async (m: CheckSerialMessage) => {
        sent.push(m);
        return answer;
      }),
    });
    act(() => root.render(<SerialCheck entry={entry} tabId={4} expected={expected} locale="en" />));
    return sent;
  }

  it('is folded away unless the ticket names a serial, which it then offers', () => {
    render({ ok: true });
    expect(container.querySelector('details')!.open).toBe(false);
    act(() => root.render(<SerialCheck key="with-serial" entry={entry} tabId={4} expected="SN-1234" locale="en" />));
    expect(container.querySelector('details')!.open).toBe(true);
    expect(container.querySelector('input')!.value).toBe('SN-1234');
    expect(container.querySelector('button')!.textContent).toBe('Check the photo');
  });

  it('sends the typed serial for the image and says why when the background refuses', async () => {
    const sent = render({ ok: false, error: 'ClaimLens keeps dropped files only for a while: drop the file into the panel again' }, 'SN-1234');
    act(() => void container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(sent).toEqual([{ type: 'check-serial', tabId: 4, src: entry.src, serial: 'SN-1234' }]);
    expect(container.querySelector('[role=alert]')?.textContent).toBe('Could not check: ClaimLens keeps dropped files only for a while: drop the file into the panel again');
  });

  it('shows no error when the check went through', async () => {
    render({ ok: true }, 'SN-1234');
    act(() => void container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await settle();
    expect(container.querySelector('[role=alert]')).toBeNull();
  });
});
