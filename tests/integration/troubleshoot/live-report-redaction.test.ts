// A Space that echoes the SHIP key back (in an exception message) must not get it into what the page is shown or into
// the live Troubleshoot report: check views and the report pass through the same redaction as every other output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as https from 'node:https';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSetupEnv, type SetupEnv } from '../../helpers/setup-env';
import { createTestDeps } from '../../helpers/core-deps';
import { createCoreHandlers } from '../../../main/core/api/handlers';
import { makeCert } from '../../../scripts/sim/certs';
import { secretFingerprint } from '../../../main/core/secrets/fingerprint';
import type { Handlers } from '../../../contract/ipc';

const KEY = 'CanaryEchoedShipKey0123456789XYZ';
let env: SetupEnv;
let echo: https.Server;
let handlers: Handlers;
let work: string;
const ctx = { emit: () => undefined, signal: new AbortController().signal };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-live-report-'));
  env = await startSetupEnv({ key: KEY });
  // A SHIP endpoint that answers with the key it was sent inside its exception message.
  const pem = makeCert({ altNames: ['127.0.0.1'] });
  echo = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => {
    const got = String(req.headers['salto-ship-key'] ?? '');
    req.resume();
    req.on('end', () =>
      res
        .writeHead(200, { 'Content-Type': 'application/vnd.saltosystems.ship.v1+xml; charset=utf-8' })
        .end(
          `<RequestResponse><RequestName>GetInfo</RequestName><Exception><Code>4</Code><Message>key ${got} is not valid here</Message></Exception></RequestResponse>`,
        ),
    );
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  const port = (echo.address() as AddressInfo).port;
  const s = env.service;
  const c = await s.connectFace(env.face.url, env.face.token);
  if (c.state === 'needs-trust') await s.trustFaceCertificate(c.url, c.certificate.fingerprint256);
  await s.addIntegrations(['salto-space']);
  await s.saveSpaceDetails({ host: '127.0.0.1', port, https: true });
  await s.setShipKey({ value: KEY });
  const pins = (await env.settings.get()).pinnedFingerprints;
  await env.settings.update({
    pinnedFingerprints: { ...pins, [`127.0.0.1:${port}`]: new X509Certificate(pem.cert).fingerprint256 },
  });
  handlers = createCoreHandlers(
    createTestDeps({
      secrets: env.secrets,
      settings: env.settings,
      setup: {
        service: env.service,
        history: env.history,
        clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      },
    }),
  );
});
afterAll(async () => {
  echo?.close();
  await env?.close();
  await rm(work, { recursive: true, force: true });
});

describe('a server that echoes the SHIP key', () => {
  it('the check views the page gets and the live report hold only its fingerprint', async () => {
    const views = await handlers['setup.runChecks']({ operationId: 'op-live-report-1', ids: null }, ctx);
    const ship = views.find((v) => v.id === 'space.ship');
    expect(ship?.code).toBe('SHIP_EXCEPTION');
    expect(JSON.stringify(views)).not.toContain(KEY);
    expect(JSON.stringify(ship)).toContain(`[redacted ${secretFingerprint(KEY)}]`);
    const out = join(work, 'live.html');
    await handlers['troubleshoot.exportReport']({ source: 'live', path: out }, ctx);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('space.ship');
    expect(html).not.toContain(KEY);
  });
});
