/**
 * The side panel as the agent uses it in the browser tests: the internal note it copies, read
 * back and taken apart.
 */
import { expect, type Page } from '@playwright/test';

/** The internal note's photos: level and SHA-256 of each numbered entry. */
export function notePhotos(note: string): { level: string; sha256?: string }[] {
  const photos: { level: string; sha256?: string }[] = [];
  for (const line of note.split('\n')) {
    const entry = line.match(/^\d+\. .+ — (HIGH RISK|needs review|low risk) \(score \d+\/100\)$/);
    if (entry) photos.push({ level: entry[1] });
    const hash = line.match(/^ {3}SHA-256 ([0-9a-f]{64})(?: · PDQ [0-9a-f]+)?$/);
    if (hash && photos.length) photos[photos.length - 1].sha256 = hash[1];
  }
  return photos;
}

/** Clicks "Copy internal note" in the side panel and returns the text written to the clipboard. */
export async function copyNote(panel: Page): Promise<string> {
  // Headless Chromium cannot grant clipboard access to an extension page: record what is written.
  await panel.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  await panel.getByRole('button', { name: 'Copy internal note' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Internal note copied' })).toBeVisible();
  return panel.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
}
