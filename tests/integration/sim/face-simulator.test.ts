// The simulator itself: admin endpoint, bearer auth, state file across restarts, and the CLI as a real process.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as net from 'node:net';
import { startFaceSimulator } from '../../../scripts/sim/face-server';
import { httpRequest } from '../../../main/core/net/https-client';
import { createFaceClient } from '../../../main/core/face/face-client';
import { staticTokenProvider } from '../../../main/core/face/token-provider';

const dir = mkdtempSync(join(tmpdir(), 'face-sim-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('face simulator', () => {
  it('admin endpoint sets faults and replaces the certificate; it needs the admin token', async () => {
    const sim = await startFaceSimulator();
    try {
      const trust = { pinnedFingerprint256: sim.fingerprint256 };
      const post = (path: string, body: unknown, token = sim.adminToken) =>
        httpRequest({
          url: sim.url,
          method: 'POST',
          path,
          body: JSON.stringify(body),
          headers: { 'X-Sim-Admin-Token': token, 'Content-Type': 'application/json' },
          timeoutMs: 3000,
          trust,
        });
      expect((await post('__admin/faults', { status: { sites: 500 } }, 'wrong')).status).toBe(401);
      expect((await post('__admin/faults', { status: { sites: 42 } })).status).toBe(400);
      expect((await post('__admin/faults', { status: { sites: 500 } })).status).toBe(200);
      const c = createFaceClient({
        baseUrl: sim.url,
        tokenProvider: staticTokenProvider(sim.token),
        pinnedFingerprint256: sim.fingerprint256,
        retries: 0,
        timeoutMs: 3000,
      });
      await expect(c.listSites()).rejects.toMatchObject({ code: 'FACE_SERVER_ERROR' });
      expect((await post('__admin/faults/clear', {})).status).toBe(200);
      expect(await c.listSites()).toHaveLength(1);
      const r = await post('__admin/replace-certificate', {});
      const fresh = (JSON.parse(r.body.toString()) as { fingerprint256: string }).fingerprint256;
      expect(fresh).toBe(sim.fingerprint256);
      expect(fresh).not.toBe(trust.pinnedFingerprint256);
      await expect(c.listSites()).rejects.toMatchObject({ code: 'FACE_TLS_PIN_MISMATCH' });
    } finally {
      await sim.close();
    }
  });

  it('keeps state in a JSON file across restarts', async () => {
    const file = join(dir, 'state.json');
    const a = await startFaceSimulator({ stateFile: file, token: 't' });
    const ca = createFaceClient({
      baseUrl: a.url,
      tokenProvider: staticTokenProvider('t'),
      pinnedFingerprint256: a.fingerprint256,
      timeoutMs: 3000,
    });
    await ca.updateEnrollment(
      { siteId: a.siteId, serverId: a.serverId },
      { companyName: 'Persisted SL', privacyPolicyUrl: 'https://persisted.example/p' },
    );
    await a.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).servers['site-1/face-1'].enrollment.companyName).toBe(
      'Persisted SL',
    );
    const b = await startFaceSimulator({ stateFile: file, token: 't' });
    try {
      const cb = createFaceClient({
        baseUrl: b.url,
        tokenProvider: staticTokenProvider('t'),
        pinnedFingerprint256: b.fingerprint256,
        timeoutMs: 3000,
      });
      expect((await cb.getEnrollment({ siteId: b.siteId, serverId: b.serverId })).companyName).toBe(
        'Persisted SL',
      );
    } finally {
      await b.close();
    }
  });

  it('runs from the command line (npm run sim:face) and refuses a bad port with exit code 2', async () => {
    const bin = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const badRun = spawn(bin, ['scripts/sim/face-server.ts', '--port', '70000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(badRun);
    let err = '';
    badRun.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => badRun.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/--port: must be from 1 to 65535/);

    const free = net.createServer();
    const port = await new Promise<number>((r) =>
      free.listen(0, '127.0.0.1', () => r((free.address() as net.AddressInfo).port)),
    );
    await new Promise((r) => free.close(r));
    const child = spawn(bin, ['scripts/sim/face-server.ts', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FACE_SIM_TOKEN: 'cli-token' },
    });
    children.push(child);
    const out = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout?.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('admin token')) resolve(buf);
      });
      child.on('exit', (c) => reject(new Error(`exited ${c}`)));
    });
    expect(out).not.toContain('cli-token');
    const fp = /SHA-256: ([0-9A-F:]+)/.exec(out)?.[1];
    const url = /on (https:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
    expect(url).toBe(`https://127.0.0.1:${port}/`);
    const c = createFaceClient({
      baseUrl: url!,
      tokenProvider: staticTokenProvider('cli-token'),
      pinnedFingerprint256: fp,
      timeoutMs: 5000,
    });
    expect((await c.whoAmI()).apiVersion).toBe('1');
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  });
});
