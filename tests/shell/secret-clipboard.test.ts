// Copied secrets on the Windows clipboard: excluded from clipboard history and cloud sync by the formats Windows
// documents for it, and cleared after a minute if they are still there. Against the fake electron clipboard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clipboard, resetFakeElectron } from '../fakes/electron';
import { CLEAR_SECRET_AFTER_MS, createAppClipboard } from '../../main/secret-clipboard';

const FORMAT = (name: string): string => `electron application/osclipboard;format="${name}"`;

async function bytes(v: unknown): Promise<number[]> {
  return [...new Uint8Array(await (v as Blob).arrayBuffer())];
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the app clipboard', () => {
  it('marks a copied secret as excluded from clipboard history and cloud clipboard on Windows', async () => {
    await createAppClipboard({ platform: 'win32' }).writeSecret('Zq7Rw2Kp9Lm4Xv8Tn3Bc6Hd1Jf5Gs0Ya');
    expect(clipboard.items).toHaveLength(1);
    const item = clipboard.items[0]!.items;
    expect(item['text/plain']).toBe('Zq7Rw2Kp9Lm4Xv8Tn3Bc6Hd1Jf5Gs0Ya');
    expect(Object.keys(item)).toContain(FORMAT('ExcludeClipboardContentFromMonitorProcessing'));
    expect(await bytes(item[FORMAT('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(await bytes(item[FORMAT('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
  });

  it('clears the secret after a minute if it is still on the clipboard', async () => {
    await createAppClipboard({ platform: 'win32' }).writeSecret('secret-value-1234');
    await vi.advanceTimersByTimeAsync(CLEAR_SECRET_AFTER_MS - 1000);
    expect(clipboard.text).toBe('secret-value-1234');
    await vi.advanceTimersByTimeAsync(1000);
    expect(clipboard.text).toBe('');
    expect(clipboard.cleared).toBe(1);
  });

  it('leaves the clipboard alone when the technician copied something else meanwhile', async () => {
    const c = createAppClipboard({ platform: 'win32' });
    await c.writeSecret('secret-value-1234');
    await clipboard.writeText('something the technician copied');
    await vi.advanceTimersByTimeAsync(CLEAR_SECRET_AFTER_MS);
    expect(clipboard.text).toBe('something the technician copied');
    expect(clipboard.cleared).toBe(0);
  });

  it('copies ordinary text as text, with no secret handling', async () => {
    await createAppClipboard({ platform: 'win32' }).writeText('https://xs4face.site.local');
    expect(Object.keys(clipboard.items[0]!.items)).toEqual(['text/plain']);
    await vi.advanceTimersByTimeAsync(CLEAR_SECRET_AFTER_MS);
    expect(clipboard.cleared).toBe(0);
  });

  it('elsewhere writes only the text (the formats are Windows ones) and still clears it', async () => {
    await createAppClipboard({ platform: 'linux' }).writeSecret('secret-value-1234');
    expect(Object.keys(clipboard.items[0]!.items)).toEqual(['text/plain']);
    await vi.advanceTimersByTimeAsync(CLEAR_SECRET_AFTER_MS);
    expect(clipboard.text).toBe('');
  });
});
