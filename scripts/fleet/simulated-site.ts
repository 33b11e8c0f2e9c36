// A linked site on 127.0.0.1 for trying and testing the fleet examples (docs/fleet.md): both simulators with XS4 Face
// already linked to Space, the company's privacy-policy page, the site CA and the secret files a fleet job is given.
// `npx tsx scripts/fleet/simulated-site.ts --dir DIR` writes DIR/site.json and serves until stopped (Windows workflow).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCa, makeCert } from '../sim/certs';
import { defaultState, startFaceSimulator, type FaceSimulator } from '../sim/face-server';
import { startSpaceSimulator, type SpaceSimulator } from '../sim/space-simulator';
import { SPACE_INTEGRATION_TYPE } from '../../main/core/face/face-assumptions';

export interface SimulatedSite {
  faceUrl: string;
  spaceUrl: string;
  /** Files in `dir`: the site CA (NODE_EXTRA_CA_CERTS), the XS4 Face token, Space's SHIP key and a key Space refuses. */
  files: { ca: string; faceToken: string; shipKey: string; wrongShipKey: string };
  secrets: { faceToken: string; shipKey: string; wrongShipKey: string };
  close(): Promise<void>;
}

const SHIP_KEY = 'FleetSiteShipKey-7c1d9e2f4a6b8c0d';
const WRONG_SHIP_KEY = 'FleetSiteWrongKey-0f9e8d7c6b5a4321';

export async function startSimulatedSite(dir: string): Promise<SimulatedSite> {
  mkdirSync(dir, { recursive: true });
  const ca = makeCa('Fleet example site CA');
  const policyCert = makeCert({ issuer: ca, altNames: ['127.0.0.1'] });
  const policy = https.createServer({ cert: policyCert.cert, key: policyCert.key }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Privacy policy</title><h1>Privacy policy</h1><p>Face templates open doors.</p>',
    );
  });
  await new Promise<void>((r) => policy.listen(0, '127.0.0.1', () => r()));
  const policyUrl = `https://127.0.0.1:${(policy.address() as AddressInfo).port}/privacy`;
  const space: SpaceSimulator = await startSpaceSimulator({ state: { certificate: 'valid', key: SHIP_KEY } });
  // XS4 Face as `xs4-setup setup` leaves it: the Space integration added and pointed at Space with its key, enrollment set.
  const state = defaultState();
  for (const server of Object.values(state.servers)) {
    server.integrations = [SPACE_INTEGRATION_TYPE];
    server.space = { host: '127.0.0.1', port: space.port, https: true, shipApiKey: SHIP_KEY };
    server.enrollment = { companyName: 'Hotel Miramar S.L.', privacyPolicyUrl: policyUrl };
  }
  const face: FaceSimulator = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1', 'localhost'] }),
    initialState: state,
  });
  face.setSpaceTrust({ ca: [space.caCert] });
  const files = {
    ca: join(dir, 'site-ca.pem'),
    faceToken: join(dir, 'face.token'),
    shipKey: join(dir, 'ship.key'),
    wrongShipKey: join(dir, 'wrong-ship.key'),
  };
  writeFileSync(files.ca, `${ca.cert}\n${space.caCert}\n`);
  writeFileSync(files.faceToken, face.token, { mode: 0o600 });
  writeFileSync(files.shipKey, SHIP_KEY, { mode: 0o600 });
  writeFileSync(files.wrongShipKey, WRONG_SHIP_KEY, { mode: 0o600 });
  return {
    faceUrl: face.url,
    spaceUrl: `${space.url.replace(/\/$/, '')}/`,
    files,
    secrets: { faceToken: face.token, shipKey: SHIP_KEY, wrongShipKey: WRONG_SHIP_KEY },
    async close() {
      policy.closeAllConnections();
      policy.close();
      await face.close();
      await space.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--dir');
  const dir = at > 0 ? process.argv[at + 1] : undefined;
  if (!dir) {
    console.error('Usage: npx tsx scripts/fleet/simulated-site.ts --dir DIR');
    process.exit(2);
  }
  const site = await startSimulatedSite(resolve(dir));
  const info = { faceUrl: site.faceUrl, spaceUrl: site.spaceUrl, files: site.files };
  writeFileSync(join(resolve(dir), 'site.json'), `${JSON.stringify(info, null, 2)}\n`);
  console.log(
    `simulated site: XS4 Face ${site.faceUrl}, Space ${site.spaceUrl}; details in ${join(resolve(dir), 'site.json')}`,
  );
  const stop = () => void site.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
