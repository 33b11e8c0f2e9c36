// `npm run demo`: both simulators on 127.0.0.1, then `xs4-setup setup` end to end until XS4 Face says Connected, then `doctor`.
//
// The demo plays the parts nobody can automate: the site's internal CA (so this machine trusts both servers), the
// technician typing the SHIP API key into Space's SHIP tab, and the company's privacy-policy page.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCa, makeCert } from './sim/certs';
import { startFaceSimulator } from './sim/face-server';
import { startSpaceSimulator } from './sim/space-simulator';
import { generateShipKey } from '../main/core/setup/ship-key';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'bin', 'xs4-setup.cjs');

function say(line: string): void {
  process.stdout.write(`\x1b[1m» ${line}\x1b[0m\n`);
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? 1));
  });
}

async function policyServer(pem: { cert: string; key: string }): Promise<{ url: string; close: () => void }> {
  const page = `<!doctype html><html lang="en"><head><title>Privacy policy</title></head><body>
<h1>Privacy policy — Hotel Miramar</h1>
<p>We process biometric data (a template of your face) only to open the doors you are allowed to open.
Face templates are deleted when your stay ends.</p></body></html>`;
  const server = https.createServer({ cert: pem.cert, key: pem.key }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/privacy`,
    close: () => server.close(),
  };
}

async function main(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'xs4-demo-'));
  const siteCa = makeCa('Demo site CA');
  const face = await startFaceSimulator({
    certificate: makeCert({ issuer: siteCa, altNames: ['127.0.0.1', 'localhost'] }),
  });
  const space = await startSpaceSimulator({ state: { certificate: 'valid', auth: 'custom', key: null } });
  face.setSpaceTrust({ ca: [space.caCert] });
  const policy = await policyServer(makeCert({ issuer: siteCa, altNames: ['127.0.0.1'] }));
  try {
    say(`XS4 Face simulator: ${face.url}   Space simulator (SHIP): ${space.url}`);
    const caFile = join(work, 'site-ca.pem');
    await writeFile(caFile, `${siteCa.cert}\n${space.caCert}\n`);
    const tokenFile = join(work, 'face-token');
    await writeFile(tokenFile, face.token, { mode: 0o600 });
    const key = generateShipKey();
    const keyFile = join(work, 'ship-key');
    await writeFile(keyFile, key, { mode: 0o600 });
    say(
      'The technician types the new SHIP API key into Space › General options › SHIP (custom authentication).',
    );
    space.setState({ key });
    const spaceUrl = space.url.endsWith('/') ? space.url : `${space.url}/`;
    const profile = {
      format: 'xs4-site-profile',
      version: 1,
      siteName: 'Demo site (simulators on 127.0.0.1)',
      faceUrl: face.url,
      spaceUrl,
      enrollment: { companyName: 'Hotel Miramar S.L.', privacyPolicyUrl: policy.url },
    };
    const profileFile = join(work, 'site-profile.json');
    await writeFile(profileFile, JSON.stringify(profile, null, 2));
    const env = { ...process.env, XS4_DATA_DIR: join(work, 'data'), NODE_EXTRA_CA_CERTS: caFile };

    say(`xs4-setup setup --profile ${profileFile} --face-token-file … --ship-key-file …`);
    const setupCode = await runCli(
      [
        'setup',
        '--profile',
        profileFile,
        '--face-token-file',
        tokenFile,
        '--ship-key-file',
        keyFile,
        '--verify-timeout-ms',
        '30000',
      ],
      env,
    );
    if (setupCode !== 0) {
      say(`setup exited with ${setupCode}`);
      return setupCode;
    }
    say('xs4-setup doctor --face-url … --space-url … --ship-key-file … --face-token-file …');
    const doctorCode = await runCli(
      [
        'doctor',
        '--face-url',
        face.url,
        '--space-url',
        spaceUrl,
        '--ship-key-file',
        keyFile,
        '--face-token-file',
        tokenFile,
      ],
      env,
    );
    say(
      doctorCode === 0
        ? 'Demo finished: Connected, and doctor found nothing failing.'
        : `doctor exited with ${doctorCode}`,
    );
    return doctorCode;
  } finally {
    policy.close();
    await face.close();
    await space.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
