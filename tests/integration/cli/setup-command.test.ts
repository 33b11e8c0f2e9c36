// `xs4-setup setup --profile` end to end: the real CLI against both simulators (through tsx, and as the built executable in
// project cli-exe: tests/helpers/cli-launcher.ts), and the demo script itself (source only: it runs bin/xs4-setup.cjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFaceSimulator, type FaceSimulator } from '../../../scripts/sim/face-server';
import { startSpaceSimulator, type SpaceSimulator } from '../../../scripts/sim/space-simulator';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { CLI_KIND, shippedCli } from '../../helpers/cli-launcher';

const ROOT = resolve(import.meta.dirname, '../../..');
const CANARY_KEY = 'CanaryShipKey0123456789abcdefXYZ';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv, file = process.execPath): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(file, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

let work: string;
let face: FaceSimulator;
let space: SpaceSimulator;
let env: NodeJS.ProcessEnv;
let profileFile: string;
let tokenFile: string;
let keyFile: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'xs4-setup-cli-'));
  const ca = makeCa('CLI test CA');
  face = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    shipTimeoutMs: 2000,
  });
  space = await startSpaceSimulator({ state: { certificate: 'valid', key: CANARY_KEY } });
  face.setSpaceTrust({ ca: [space.caCert] });
  const caFile = join(work, 'ca.pem');
  await writeFile(caFile, `${ca.cert}\n${space.caCert}\n`);
  tokenFile = join(work, 'token');
  await writeFile(tokenFile, face.token, { mode: 0o600 });
  keyFile = join(work, 'key');
  await writeFile(keyFile, CANARY_KEY, { mode: 0o600 });
  profileFile = join(work, 'profile.json');
  await writeFile(
    profileFile,
    JSON.stringify({
      format: 'xs4-site-profile',
      version: 1,
      faceUrl: face.url,
      spaceUrl: `${space.url.replace(/\/$/, '')}/`,
    }),
  );
  env = { ...process.env, XS4_DATA_DIR: join(work, 'data'), NODE_EXTRA_CA_CERTS: caFile };
});

afterAll(async () => {
  await face.close();
  await space.close();
  await rm(work, { recursive: true, force: true });
});

const CLI = shippedCli();
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> =>
  spawnNode([...CLI.args, ...args], { ...env, ...extraEnv }, CLI.file);

describe('xs4-setup setup', () => {
  it('refuses to start without what it needs, naming the flag (exit 2)', async () => {
    const noProfile = await cli(['setup']);
    expect(noProfile.code).toBe(2);
    expect(noProfile.stderr).toContain('--profile');
    const noKey = await cli(['setup', '--profile', profileFile, '--face-token-file', tokenFile]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--ship-key-file');
    const badTimeout = await cli(['setup', '--profile', profileFile, '--verify-timeout-ms', 'soon']);
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toContain('--verify-timeout-ms');
  });

  it('a pinned XS4 Face certificate that changed (even to one this machine trusts): exit 2 naming both fingerprints', async () => {
    const pinned = join(work, 'pinned-profile.json');
    const old = 'AB'.repeat(32).replace(/(..)(?!$)/g, '$1:');
    await writeFile(
      pinned,
      JSON.stringify({
        format: 'xs4-site-profile',
        version: 1,
        faceUrl: face.url,
        facePinnedFingerprint256: old,
        spaceUrl: `${space.url.replace(/\/$/, '')}/`,
      }),
    );
    const r = await cli(
      ['setup', '--profile', pinned, '--face-token-file', tokenFile, '--ship-key-file', keyFile],
      {
        XS4_DATA_DIR: join(work, 'data-pinned'),
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(old);
    expect(r.stderr).toContain(face.fingerprint256);
    expect(r.stderr).toContain('[FACE_TLS_PIN_MISMATCH]');
    expect(r.stdout).not.toContain('[2/9]');
  });

  it('with a key Space does not have: exit 1 and the diagnosis says SHIP refused the key', async () => {
    const wrong = join(work, 'wrong-key');
    await writeFile(wrong, 'WrongKey0123456789', { mode: 0o600 });
    const r = await cli([
      'setup',
      '--profile',
      profileFile,
      '--face-token-file',
      tokenFile,
      '--ship-key-file',
      wrong,
      '--verify-timeout-ms',
      '1500',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[9/9] Write back and verify');
    expect(r.stdout).toMatch(/FAIL {2}SHIP answers with the SHIP API key/);
    expect(r.stdout).not.toContain('WrongKey0123456789');
  });

  it('does not replace the SHIP API key XS4 Face holds without --replace-ship-key (exit 2, nothing replaced)', async () => {
    // The run before left "WrongKey0123456789" in XS4 Face; Space may already have it typed in its SHIP tab.
    const before = face.serverState().space.shipApiKey;
    expect(before).not.toBeNull();
    const r = await cli([
      'setup',
      '--profile',
      profileFile,
      '--face-token-file',
      tokenFile,
      '--ship-key-file',
      keyFile,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[SHIP_KEY_REPLACE_UNCONFIRMED]');
    expect(r.stderr).toContain('--replace-ship-key');
    // The sentence of the setup catalog (typographic apostrophe), inside the CLI's words for the flag.
    expect(r.stderr).toMatch(
      /--replace-ship-key: XS4 Face already has a SHIP API key .* Space[’']s SHIP tab\. Nothing was replaced\./,
    );
    expect(r.stdout).not.toContain('[5/9]');
    expect(face.serverState().space.shipApiKey).toBe(before);
    expect(r.stdout + r.stderr).not.toContain(CANARY_KEY);
  });

  it('with the key Space has: every step, Connected, exit 0, and the key never printed', async () => {
    const r = await cli([
      'setup',
      '--profile',
      profileFile,
      '--face-token-file',
      tokenFile,
      '--ship-key-file',
      keyFile,
      '--replace-ship-key',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (let i = 1; i <= 9; i++) expect(r.stdout).toContain(`[${i}/9]`);
    expect(r.stdout).toContain('Done: XS4 Face reports the Space integration as Connected.');
    expect(r.stdout + r.stderr).not.toContain(CANARY_KEY);
    expect(r.stdout + r.stderr).not.toContain(face.token);
    // The site's settings as a profile: without a token only what is local, with it what XS4 Face holds too.
    const local = join(work, 'exported-local.json');
    const l = await cli(['export-profile', '--out', local]);
    expect(l.code).toBe(0);
    expect(l.stdout).toContain('left out: spaceUrl and enrollment');
    const full = join(work, 'exported.json');
    const f = await cli(['export-profile', '--out', full, '--face-token-file', tokenFile]);
    expect(f.code).toBe(0);
    const exported = JSON.parse(await readFile(full, 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({
      format: 'xs4-site-profile',
      version: 1,
      faceUrl: face.url,
      spaceUrl: `${space.url.replace(/\/$/, '')}/`,
    });
    expect(JSON.stringify(exported)).not.toContain(CANARY_KEY);
    // The same key again is no replacement: no flag needed.
    const again = await cli([
      'setup',
      '--profile',
      full,
      '--face-token-file',
      tokenFile,
      '--ship-key-file',
      keyFile,
    ]);
    expect(again.code).toBe(0);
    const history = await cli(['history', '--json']);
    expect(history.stdout).toContain('face:integration.space.shipApiKey');
    expect(history.stdout).not.toContain(CANARY_KEY);
  });

  it('checks the privacy policy before it writes it: a failing one is not saved (exit 1) unless --save-failing-policy', async () => {
    // A policy address where nothing answers: the check cannot read it.
    const unreachable = 'https://127.0.0.1:9/privacy';
    const withPolicy = join(work, 'policy-profile.json');
    await writeFile(
      withPolicy,
      JSON.stringify({
        format: 'xs4-site-profile',
        version: 1,
        faceUrl: face.url,
        spaceUrl: `${space.url.replace(/\/$/, '')}/`,
        enrollment: { companyName: 'Hotel Miramar S.L.', privacyPolicyUrl: unreachable },
      }),
    );
    const before = { ...face.serverState().enrollment };
    const args = [
      'setup',
      '--profile',
      withPolicy,
      '--face-token-file',
      tokenFile,
      '--ship-key-file',
      keyFile,
    ];
    const refused = await cli(args);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/FAIL {2}Enrollment Service privacy policy covers biometric data/);
    expect(refused.stdout).toContain('not saved to XS4 Face');
    expect(refused.stdout).toContain('--save-failing-policy');
    expect(refused.stdout).not.toContain('[9/9]');
    expect(face.serverState().enrollment).toEqual(before);

    const saved = await cli([...args, '--save-failing-policy']);
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('saved although its check failed');
    expect(face.serverState().enrollment.privacyPolicyUrl).toBe(unreachable);
    // Two setup runs, each a fresh process.
  }, 120_000);
});

// The demo is a script of the checkout, not part of the executable: the cli-exe project leaves it out.
if (CLI_KIND === 'source') {
  describe('npm run demo', () => {
    it('starts both simulators, sets up to Connected, runs doctor, exits 0', async () => {
      const r = await spawnNode(['--import', 'tsx', join(ROOT, 'scripts/demo.ts')], process.env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Done: XS4 Face reports the Space integration as Connected.');
      expect(r.stdout).toContain('Demo finished: Connected, and doctor found nothing failing.');
    });
  });
}
