// main/logging.ts: electron-log writes a file, and nothing reaches it unredacted.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createAppLogger } from '../../main/logging';
import { createRedactor } from '../../main/core/secrets/redact';

let dir = '';
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('app logger', () => {
  it('writes redacted lines to the log file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'xs4-log-'));
    const redactor = createRedactor();
    const log = createAppLogger(redactor, dir);
    redactor.register('ship-key-live-4242');
    log.info('SHIP call with key ship-key-live-4242', {
      headers: { 'Salto-SHIP-Key': 'ship-key-live-4242', Authorization: 'Bearer tok.abc.def' },
    });
    log.warn('raw header line Authorization: Bearer tok.xyz.123');
    let text = '';
    await expect
      .poll(async () => {
        text = await readFile(join(dir, 'main.log'), 'utf8').catch(() => '');
        return text.includes('raw header line');
      })
      .toBe(true);
    expect(text).toContain('SHIP call with key [redacted]');
    expect(text).not.toContain('ship-key-live-4242');
    expect(text).not.toContain('tok.abc.def');
    expect(text).not.toContain('tok.xyz.123');
  });
});
