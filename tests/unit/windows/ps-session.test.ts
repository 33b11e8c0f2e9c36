// The read-only session with a stand-in host at its one seam: one process reused, parameters as data, zod-validated output, timeouts.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildQueryCommand, PsSession } from '../../../main/core/windows/ps-session';
import { readScript } from '../../../main/core/windows/ps-scripts';
import { AppError } from '../../../main/core/errors';
import { jsonLine, queryScriptText, standInHost } from '../../helpers/ps-standin';

const Echo = z.object({ echoed: z.string() });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe('PsSession', () => {
  it('reuses one host for all queries and hands parameters over as data', async () => {
    const host = standInHost((c) => jsonLine({ echoed: String(c.params.path) }));
    const s = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources' });
    expect(await s.query('get-file-signature', { path: "C:\\a'b\u2019$(x).ps1" }, Echo)).toEqual({
      echoed: "C:\\a'b\u2019$(x).ps1",
    });
    expect(await s.query('get-firewall', { path: 'second' }, Echo)).toEqual({ echoed: 'second' });
    expect(host.created).toBe(1);
    expect(host.calls.map((c) => c.script)).toEqual(['get-file-signature', 'get-firewall']);
    expect(host.calls[0]?.command).toContain(
      '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false;',
    );
    await s.dispose();
    expect(host.disposed).toBe(1);
    expect(await codeOf(s.query('get-power', {}, Echo))).toBe('PS_SESSION_CLOSED');
  });

  it('sends each query as one line (a multi-line statement on `-Command -` waits for a blank line that may never come)', () => {
    for (const name of ['get-power', 'get-space', 'get-firewall'] as const) {
      const command = buildQueryCommand(readScript('resources', name), { path: 'x\ny\r\nz' });
      expect(command).not.toMatch(/[\r\n]/);
      expect(queryScriptText(command)).toBe(readScript('resources', name));
    }
  });

  it('decodes non-ASCII results intact (the JSON travels as base64 of UTF-8)', async () => {
    const host = standInHost(() => jsonLine({ echoed: 'Energie sparen – Ruhezustand ü ß 中' }));
    const s = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources' });
    expect((await s.query('get-power', {}, Echo)).echoed).toBe('Energie sparen – Ruhezustand ü ß 中');
  });

  it('finds the result line behind terminal mode sequences (pwsh 7 writes them when it thinks it has a terminal)', async () => {
    const line = jsonLine({ echoed: 'ok' }).trim().split('\r\n').pop() ?? '';
    const host = standInHost(() => `\u001b[?1h\u001b[?1l${line}\n\u001b[?1h\u001b[?1l`);
    const s = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources' });
    expect(await s.query('get-power', {}, Echo)).toEqual({ echoed: 'ok' });
  });

  it('rejects output of the wrong shape with PS_BAD_OUTPUT', async () => {
    const s = new PsSession({
      hostFactory: standInHost(() => jsonLine({ echoed: 42 })).factory,
      resourcesDir: 'resources',
    });
    expect(await codeOf(s.query('get-power', {}, Echo))).toBe('PS_BAD_OUTPUT');
  });

  it('rejects a marker that is not base64 JSON with PS_BAD_OUTPUT', async () => {
    const s = new PsSession({
      hostFactory: standInHost(() => 'XS4JSON:bm90IGpzb24=\r\n').factory,
      resourcesDir: 'resources',
    });
    expect(await codeOf(s.query('get-power', {}, Echo))).toBe('PS_BAD_OUTPUT');
  });

  it('reports missing output as PS_NO_OUTPUT', async () => {
    const s = new PsSession({
      hostFactory: standInHost(() => 'Get-NetAdapter : Access denied\r\n').factory,
      resourcesDir: 'resources',
    });
    expect(await codeOf(s.query('get-adapters', {}, Echo))).toBe('PS_NO_OUTPUT');
  });

  it('times out a hanging call, drops that host and starts a fresh one for the next query', async () => {
    let first = true;
    const host = standInHost(() => {
      if (first) {
        first = false;
        return new Promise<string>(() => undefined);
      }
      return jsonLine({ echoed: 'fresh' });
    });
    const s = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources', timeoutMs: 200 });
    expect(await codeOf(s.query('get-power', {}, Echo))).toBe('PS_TIMEOUT');
    expect(host.disposed).toBe(1);
    expect(await s.query('get-power', {}, Echo)).toEqual({ echoed: 'fresh' });
    expect(host.created).toBe(2);
  });

  it('cancels on abort', async () => {
    const s = new PsSession({
      hostFactory: standInHost(() => new Promise<string>(() => undefined)).factory,
      resourcesDir: 'resources',
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    expect(await codeOf(s.query('get-power', {}, Echo, { signal: ac.signal }))).toBe('CANCELLED');
  });

  it('reports a host that cannot start as PS_UNAVAILABLE', async () => {
    const s = new PsSession({
      hostFactory: () => {
        throw new Error('spawn powershell.exe ENOENT');
      },
      resourcesDir: 'resources',
    });
    expect(await codeOf(s.query('get-power', {}, Echo))).toBe('PS_UNAVAILABLE');
  });
});
