// Applied-settings history: append-only JSON Lines, secrets only as fingerprints, corrupt lines reported with their number.
import { describe, expect, it } from 'vitest';
import { en } from '../../../messages/render';
import { mkdtemp, readFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../../../main/core/history/history-store';
import { secretFingerprint } from '../../../main/core/secrets/fingerprint';

const KEY = 'CANARY-history-key-31337';

describe('HistoryStore', () => {
  it('appends entries with time and version, fingerprints secrets, and reads them back in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xs4-hist-'));
    let t = Date.parse('2026-11-29T10:00:00Z');
    const store = new HistoryStore({ dataDir: join(dir, 'nested'), now: () => new Date((t += 1000)) });
    await store.append(
      {
        kind: 'key-reset',
        target: 'face:integration.space.shipApiKey',
        before: { key: 'old-key-value' },
        after: { key: KEY },
        result: { ok: true, summary: `new key ${KEY} written and read back` },
      },
      [KEY, 'old-key-value'],
    );
    await store.append({
      kind: 'fix',
      target: 'power.sleep',
      before: { ac: 1200 },
      after: { ac: 0 },
      result: { ok: false, summary: 'UAC cancelled', code: 'UAC_CANCELLED' },
    });
    const raw = await readFile(store.file, 'utf8');
    expect(raw).not.toContain(KEY);
    expect(raw.trim().split('\n')).toHaveLength(2);
    const { entries, problems } = await store.read();
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.kind)).toEqual(['key-reset', 'fix']);
    expect(entries[0]!.after).toEqual({ key: secretFingerprint(KEY) });
    expect(entries[0]!.before).toEqual({ key: secretFingerprint('old-key-value') });
    expect(entries[0]!.result.summary).toBe(`new key ${secretFingerprint(KEY)} written and read back`);
    expect(entries[1]!.time).toBe('2026-11-29T10:00:02.000Z');
  });

  it('reports corrupt lines by number instead of dropping them silently', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xs4-hist-'));
    const store = new HistoryStore({ dataDir: dir });
    await store.append({
      kind: 'setting',
      target: 'faceUrl',
      after: 'https://face.example/',
      result: { ok: true, summary: 'saved' },
    });
    await appendFile(
      store.file,
      '{"v":1,"time":"2026-11-29T10:00:00.000Z","kind":"reboot","target":"x","result":{"ok":true,"summary":""}}\n{"v":1,"ti',
    );
    const { entries, problems } = await store.read();
    expect(entries).toHaveLength(1);
    expect(problems.map((p) => ({ line: p.line, problem: en(p.problem) }))).toEqual([
      { line: 2, problem: '“kind” is missing or not valid' },
      { line: 3, problem: 'not valid JSON' },
    ]);
  });

  it('reads an absent file as an empty history', async () => {
    const store = new HistoryStore({ dataDir: await mkdtemp(join(tmpdir(), 'xs4-hist-')) });
    expect(await store.read()).toEqual({ entries: [], problems: [] });
  });
});
