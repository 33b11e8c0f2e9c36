// The XS4 Face checks' collect against the simulator, a real SHIP endpoint and a real policy web server; secrets never in evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { startFaceSimulator, type FaceSimulator } from '../../../scripts/sim/face-server';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startSpaceSimulator } from '../../../scripts/sim/space-simulator';
import { startShipEndpoint, type ShipEndpoint } from '../../helpers/ship-endpoint';
import {
  faceChecks,
  faceReachableCheck,
  faceSignedInCheck,
  faceSpaceIntegrationCheck,
  enrollmentCompanyNameCheck,
  enrollmentPrivacyPolicyCheck,
} from '../../../main/core/checks/face';
import type { CheckContext } from '../../../main/core/checks/types';
import type { FaceCheckInputs } from '../../../main/core/checks/face/face-check-context';
import { en } from '../../../messages/render';

const SHIP_CANARY = 'CANARY-ship-key-5d1e';
const TOKEN_CANARY = 'CANARY-bearer-token-90af';
let sim: FaceSimulator;
let ship: ShipEndpoint;
let policy: https.Server;
let policyPort: number;
const ca = makeCa('Policy CA');
const pages: Record<
  string,
  { status: number; type: string; body: string | Buffer; location?: string; delayMs?: number }
> = {
  '/privacy': {
    status: 200,
    type: 'text/html; charset=utf-8',
    body: '<html><head><style>p{}</style></head><body><h1>Privacidad</h1><p>Tratamos datos biom&eacute;tricos: reconocimiento facial.</p></body></html>',
  },
  '/cookies': { status: 200, type: 'text/html', body: '<p>We use cookies.</p>' },
  '/moved': { status: 301, type: 'text/html', body: '', location: '/privacy' },
  '/gone': { status: 404, type: 'text/html', body: 'not here' },
  // A Spanish policy saved in ISO-8859-1, declared only in the page, only over HTTP, and not at all.
  '/latin1-meta': {
    status: 200,
    type: 'text/html',
    body: Buffer.from('<!doctype html><meta charset="iso-8859-1"><p>Tratamos datos biométricos.</p>', 'latin1'),
  },
  '/latin1-http': {
    status: 200,
    type: 'text/html; charset=ISO-8859-1',
    body: Buffer.from('<p>Tratamos datos biométricos.</p>', 'latin1'),
  },
  '/latin1-undeclared': {
    status: 200,
    type: 'text/html',
    body: Buffer.from('<p>Tratamos datos biométricos.</p>', 'latin1'),
  },
};

function ctx(inputs: Partial<FaceCheckInputs> = {}): CheckContext {
  return {
    inputs: {
      faceUrl: sim.url,
      faceToken: TOKEN_CANARY,
      facePinnedFingerprint256: sim.fingerprint256,
      shipKey: SHIP_CANARY,
      extraCa: [ca.cert],
      ...inputs,
    },
    signal: new AbortController().signal,
    timeoutMs: 5000,
    platform: 'linux',
    now: () => new Date(),
    dependencies: {},
  };
}

beforeAll(async () => {
  sim = await startFaceSimulator({ token: TOKEN_CANARY, shipTimeoutMs: 1500 });
  ship = await startShipEndpoint(SHIP_CANARY);
  sim.setSpaceTrust({ fingerprint256: ship.fingerprint256 });
  const leaf = makeCert({ issuer: ca, altNames: ['localhost'] });
  policy = https.createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    const p = pages[req.url ?? ''] ?? { status: 404, type: 'text/plain', body: 'no' };
    const answer = (): void =>
      void res
        .writeHead(p.status, { 'Content-Type': p.type, ...(p.location ? { Location: p.location } : {}) })
        .end(p.body);
    if (p.delayMs) setTimeout(answer, p.delayMs);
    else answer();
  });
  policyPort = await new Promise<number>((r) =>
    policy.listen(0, '127.0.0.1', () => r((policy.address() as AddressInfo).port)),
  );
});

afterAll(async () => {
  policy.close();
  await ship.close();
  await sim.close();
});

function noSecrets(evidence: unknown): void {
  const s = JSON.stringify(evidence);
  expect(s).not.toContain(SHIP_CANARY);
  expect(s).not.toContain(TOKEN_CANARY);
  expect(s).not.toContain(sim.serverState().authKey);
}

describe('XS4 Face checks against the simulator', () => {
  it('face.reachable: certificate facts as evidence; unpinned warns, pinned passes, replaced fails', async () => {
    const unpinned = await faceReachableCheck.collect(ctx({ facePinnedFingerprint256: undefined }));
    expect(unpinned.certificate?.fingerprint256).toBe(sim.fingerprint256);
    expect(faceReachableCheck.evaluate(unpinned).status).toBe('warn');
    expect(faceReachableCheck.evaluate(await faceReachableCheck.collect(ctx())).status).toBe('pass');
    const old = sim.fingerprint256;
    sim.replaceCertificate();
    const replaced = await faceReachableCheck.collect(ctx({ facePinnedFingerprint256: old }));
    expect(faceReachableCheck.evaluate(replaced).code).toBe('FACE_TLS_PIN_MISMATCH');
    const down = await faceReachableCheck.collect(ctx({ faceUrl: 'https://127.0.0.1:1/' }));
    expect(faceReachableCheck.evaluate(down).code).toBe('FACE_UNREACHABLE_REFUSED');
  });

  it('face.signed-in: a good token passes, a wrong one fails FACE_UNAUTHORIZED', async () => {
    const good = await faceSignedInCheck.collect(ctx());
    expect(faceSignedInCheck.evaluate(good).status).toBe('pass');
    noSecrets(good);
    const bad = await faceSignedInCheck.collect(ctx({ faceToken: 'nope' }));
    expect(faceSignedInCheck.evaluate(bad).code).toBe('FACE_UNAUTHORIZED');
  });

  it('face.space-integration follows the real SHIP endpoint through all four states', async () => {
    const st = sim.serverState();
    const run = async (): Promise<string | undefined> => {
      const ev = await faceSpaceIntegrationCheck.collect(ctx());
      noSecrets(ev);
      expect(faceSpaceIntegrationCheck.evidenceSchema.safeParse(JSON.parse(JSON.stringify(ev))).success).toBe(
        true,
      );
      return faceSpaceIntegrationCheck.evaluate(ev).code ?? 'PASS';
    };
    expect(await run()).toBe('FACE_SPACE_NOT_ADDED');
    st.integrations.push('salto-space');
    expect(await run()).toBe('FACE_SPACE_UNCONFIGURED');
    st.space = { host: '127.0.0.1', port: ship.port, https: true, shipApiKey: SHIP_CANARY };
    expect(await run()).toBe('PASS');
    ship.setKey('other');
    expect(await run()).toBe('FACE_SPACE_UNAUTHORIZED');
    ship.setKey(SHIP_CANARY);
    st.space = { ...st.space, port: 1 };
    expect(await run()).toBe('FACE_SPACE_DISCONNECTED');
    st.space = { ...st.space, port: ship.port };
  });

  it('face.space-integration Disconnected names "Limit communications to one server" among the likely causes', async () => {
    const space = await startSpaceSimulator({ state: { key: SHIP_CANARY, limitTo: '192.0.2.10' } });
    try {
      sim.setSpaceTrust({ fingerprint256: space.fingerprint256 });
      const st = sim.serverState();
      if (!st.integrations.includes('salto-space')) st.integrations.push('salto-space');
      const saved = st.space;
      st.space = { host: '127.0.0.1', port: space.port, https: true, shipApiKey: SHIP_CANARY };
      const v = faceSpaceIntegrationCheck.evaluate(await faceSpaceIntegrationCheck.collect(ctx()));
      expect(v).toMatchObject({ status: 'fail', code: 'FACE_SPACE_DISCONNECTED' });
      expect(en(v.detail!)).toContain('Limit communications to one server');
      expect(en(v.remedy!)).toContain('Limit communications to one server');
      st.space = saved;
    } finally {
      sim.setSpaceTrust({ fingerprint256: ship.fingerprint256 });
      await space.close();
    }
  });

  it('enrollment checks read the settings and the policy page over HTTPS', async () => {
    const st = sim.serverState();
    st.enrollment = { companyName: '', privacyPolicyUrl: '' };
    expect(enrollmentCompanyNameCheck.evaluate(await enrollmentCompanyNameCheck.collect(ctx())).code).toBe(
      'ENROLLMENT_COMPANY_EMPTY',
    );
    expect(
      enrollmentPrivacyPolicyCheck.evaluate(await enrollmentPrivacyPolicyCheck.collect(ctx())).code,
    ).toBe('ENROLLMENT_POLICY_MISSING');
    st.enrollment = {
      companyName: 'Acme Doors SL',
      privacyPolicyUrl: `https://localhost:${policyPort}/moved`,
    };
    expect(enrollmentCompanyNameCheck.evaluate(await enrollmentCompanyNameCheck.collect(ctx())).status).toBe(
      'pass',
    );
    const ev = await enrollmentPrivacyPolicyCheck.collect(ctx());
    expect(ev.fetched.map((f) => f.httpStatus)).toEqual([301, 200]);
    expect(ev.text).toContain('Tratamos datos biométricos');
    expect(ev.text).not.toContain('<');
    expect(enrollmentPrivacyPolicyCheck.evaluate(ev).status).toBe('pass');
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/cookies`;
    expect(
      enrollmentPrivacyPolicyCheck.evaluate(await enrollmentPrivacyPolicyCheck.collect(ctx())).code,
    ).toBe('ENROLLMENT_POLICY_NO_BIOMETRIC');
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/gone`;
    expect(
      enrollmentPrivacyPolicyCheck.evaluate(await enrollmentPrivacyPolicyCheck.collect(ctx())).code,
    ).toBe('ENROLLMENT_POLICY_HTTP');
    const untrusted = await enrollmentPrivacyPolicyCheck.collect(ctx({ extraCa: [] }));
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/privacy`;
    expect(enrollmentPrivacyPolicyCheck.evaluate(untrusted).code).toBe('TLS_UNTRUSTED');
  });

  it('the policy page is decoded by the charset it declares (HTTP or <meta>); undeclared non-UTF-8 is reported', async () => {
    const st = sim.serverState();
    st.enrollment = { companyName: 'Acme Doors SL', privacyPolicyUrl: '' };
    for (const page of ['/latin1-meta', '/latin1-http']) {
      st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}${page}`;
      const ev = await enrollmentPrivacyPolicyCheck.collect(ctx());
      expect(ev.text, page).toBe('Tratamos datos biométricos.');
      expect(enrollmentPrivacyPolicyCheck.evaluate(ev).status, page).toBe('pass');
    }
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/latin1-undeclared`;
    const ev = await enrollmentPrivacyPolicyCheck.collect(ctx());
    const verdict = enrollmentPrivacyPolicyCheck.evaluate(ev);
    expect(verdict).toMatchObject({ status: 'fail', code: 'CHARSET_UNDECLARED_NOT_UTF8' });
    expect(JSON.stringify(ev)).not.toContain('\ufffd');
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/privacy`;
  });

  it('one deadline covers the whole policy fetch, redirects included', async () => {
    pages['/slow1'] = { status: 301, type: 'text/html', body: '', location: '/slow2', delayMs: 2000 };
    pages['/slow2'] = { status: 301, type: 'text/html', body: '', location: '/slow3', delayMs: 2000 };
    pages['/slow3'] = { status: 200, type: 'text/html', body: '<p>biometric</p>', delayMs: 2000 };
    const st = sim.serverState();
    st.enrollment = { companyName: 'Acme Doors SL', privacyPolicyUrl: `https://localhost:${policyPort}/slow1` };
    const t0 = Date.now();
    const ev = await enrollmentPrivacyPolicyCheck.collect(ctx());
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(ev.error?.code).toBe('NET_RESPONSE_TIMEOUT');
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/privacy`;
  });

  it('2 MiB of hostile markup (nested <, unclosed comment, huge attribute) ends well within the timeout', async () => {
    const size = 2 * 1024 * 1024 - 4096; // just under the page cap, so all of it is read and parsed
    const hostile: Record<string, string> = {
      '/lt': '<'.repeat(size),
      '/nested': '<p>datos biométricos</p>' + '<div<'.repeat(size / 5),
      '/comment': '<p>biometric data</p><!--' + '<a>'.repeat(size / 3),
      '/attribute': '<p>biometric</p><a title="' + 'x'.repeat(size),
      '/script': '<script>' + '</scrip'.repeat(size / 7),
    };
    for (const [path, body] of Object.entries(hostile)) pages[path] = { status: 200, type: 'text/html', body };
    const st = sim.serverState();
    st.enrollment = { companyName: 'Acme Doors SL', privacyPolicyUrl: '' };
    for (const path of Object.keys(hostile)) {
      st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}${path}`;
      const t0 = Date.now();
      const ev = await enrollmentPrivacyPolicyCheck.collect(ctx());
      const ms = Date.now() - t0;
      expect(ev.error, path).toBeNull();
      expect(ev.text.length, path).toBeLessThanOrEqual(20_000);
      const v = enrollmentPrivacyPolicyCheck.evaluate(ev);
      expect(v.status, path).toMatch(/^(pass|fail)$/);
      // The check's own timeout is 5000 ms; linear parsing of 2 MiB takes a small part of it.
      expect(ms, path).toBeLessThan(2500);
    }
    st.enrollment.privacyPolicyUrl = `https://localhost:${policyPort}/privacy`;
  });

  it('hostile server strings are stripped of control characters before they become evidence', async () => {
    sim.serverState().enrollment.companyName = '\u001b[2J\u001b]0;pwned\u0007Acme';
    const ev = await enrollmentCompanyNameCheck.collect(ctx());
    expect(ev.companyName).toBe('[2J]0;pwnedAcme');
  });

  it('lists the five checks with stable ids', () => {
    expect(faceChecks.map((c) => c.id)).toEqual([
      'face.reachable',
      'face.signed-in',
      'face.space-integration',
      'enrollment.company-name',
      'enrollment.privacy-policy',
    ]);
  });
});
