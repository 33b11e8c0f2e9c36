// The simulator CLI as a technician runs it (tsx, flags, key from the environment), probed over the network.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { probeShip } from '../../../main/core/space/ship-client';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

function start(args: string[], env: Record<string, string>): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim/space-server.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let out = '';
    const done = (code: number | null): void => resolve({ out, code });
    c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('admin:')) done(null);
    });
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.on('exit', (code) => done(code));
  });
}

describe('npm run sim:space', () => {
  it('starts with flags, prints URL and fingerprint, answers SHIP with the key from the environment', async () => {
    const { out } = await start(['--cert', 'self-signed', '--auth', 'custom', '--licence', 'present'], {
      SPACE_SIM_SHIP_KEY: 'cli-key-123',
    });
    expect(out).not.toContain('cli-key-123');
    const url = /Space simulator on (\S+)/.exec(out)?.[1];
    const fp = /SHA-256 ([0-9A-F:]{95})/.exec(out)?.[1];
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await probeShip({
      url: url!,
      key: 'cli-key-123',
      trust: { pinnedFingerprint256: fp! },
      timeoutMs: 5000,
    });
    expect(r.code).toBe('SHIP_OK');
  });

  it('exits 2 on a bad flag, naming it', async () => {
    const { out, code } = await start(['--transport', 'pigeon'], {});
    expect(code).toBe(2);
    expect(out).toContain('--transport: must be one of https, stp-only');
  });
});
