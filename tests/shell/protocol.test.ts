// The app:// protocol: serves only files under dist/renderer, always with the strict CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { protocol, resetFakeElectron, session } from '../fakes/electron';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from '../../main/protocol';
import { CONTENT_SECURITY_POLICY, resolveAppPath, serveAppRequest } from '../../main/protocol-serve';
import type { Session } from 'electron';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xs4-proto-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    resetFakeElectron();
    registerAppSchemeAsPrivileged();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html and assets with the CSP header', async () => {
    const res = await serveAppRequest('app://xs4/index.html', root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>ok</title>');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    const js = await serveAppRequest('app://xs4/assets/app.js', root);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://xs4/../secret.txt',
    'app://xs4/%2e%2e/secret.txt',
    'app://xs4/assets/..%2f..%2fsecret.txt',
    'app://xs4/%2e%2e%5csecret.txt',
    'app://xs4/..%5c..%5csecret.txt',
    'app://xs4/%00index.html',
    'app://xs4/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const res = await serveAppRequest(url, root);
    if (res.status === 200) {
      // URL parsing may collapse a plain "/../" back into the root: then it must still be a file inside it.
      expect(await res.text()).not.toContain('outside the renderer');
    } else {
      expect([403, 404]).toContain(res.status);
    }
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never resolves a path outside the root', () => {
    // The URL parser already collapses "/%2e%2e/" to "/": it stays inside the root.
    expect(resolveAppPath('app://xs4/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'));
    // An encoded slash survives parsing and is decoded by us: that escape is refused.
    expect(resolveAppPath('app://xs4/..%2fsecret.txt', root)).toBeNull();
    expect(resolveAppPath('app://xs4/assets/..%2f..%2f..%2fsecret.txt', root)).toBeNull();
    expect(resolveAppPath('app://xs4/%2fetc%2fpasswd', root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppPath('app://xs4/', root)).toBe(join(root, 'index.html'));
  });

  it('answers 404 for a missing file', async () => {
    expect((await serveAppRequest('app://xs4/missing.js', root)).status).toBe(404);
  });

  it('is registered on the session', async () => {
    resetFakeElectron();
    registerAppProtocol(session.defaultSession as unknown as Session, root);
    const handler = session.defaultSession.protocol.handlers.get('app');
    const res = (await handler!({ url: 'app://xs4/index.html' })) as Response;
    expect(res.status).toBe(200);
  });
});
