// The program-level sign-in (what the app wires with safeStorage and shell.openExternal): regions, the encrypted file,
// token providers only for the server the sign-in is for, every token shown to the log redactor, sign-out.
import { localRegionsFile } from '../../../scripts/sim/oidc/local-region';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa, makeCert } from '../../../scripts/sim/certs';
import { startOidcSimulator, type OidcSimulator } from '../../../scripts/sim/oidc/oidc-server';
import { createSignInService } from '../../../main/core/auth/sign-in-service';
import { launchSystemBrowser, type SystemBrowser } from '../../helpers/system-browser';
import { testCipher } from '../../helpers/test-cipher';

const FACE = 'https://127.0.0.1:9443/';
let ca: ReturnType<typeof makeCa>;
let idp: OidcSimulator;
let browser: SystemBrowser;
let env: NodeJS.ProcessEnv;
let dir: string;

beforeAll(async () => {
  ca = makeCa('Sign-in service CA');
  idp = await startOidcSimulator({ certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }) });
  browser = await launchSystemBrowser();
  dir = await mkdtemp(join(tmpdir(), 'xs4-signin-service-'));
  const regions = join(dir, 'regions.json');
  await writeFile(regions, localRegionsFile(idp, FACE));
  env = { XS4_SIGNIN_REGIONS_FILE: regions };
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
});

describe('sign-in service', () => {
  it('signs in once, hands tokens only to its server, shows them to the redactor, signs out', async () => {
    const seen: string[] = [];
    const service = createSignInService({
      dataDir: dir,
      file: 'sign-in.json',
      cipher: testCipher(randomBytes(32).toString('hex')),
      openBrowser: (u) => browser.open(u),
      env,
      extraCa: [ca.cert],
      onSecretSeen: (v) => seen.push(v),
    });
    expect((await service.regions()).map((r) => [r.id, r.usable])).toEqual([
      ['eu', false],
      ['us', false],
      ['apac', false],
      ['local', true],
    ]);
    expect(await service.current()).toBeNull();
    expect(await service.tokenProviderFor(FACE)).toBeNull();

    browser.next({ kind: 'sign-in', email: 'technician@contoso.example' });
    await (await service.forRegion(undefined)).signInInteractive({ faceUrl: FACE });
    expect(await service.current()).toMatchObject({ regionId: 'local', origin: 'https://127.0.0.1:9443' });
    const provider = await service.tokenProviderFor(FACE);
    const token = await provider!.getToken();
    expect(seen).toContain(token);
    expect(await readFile(join(dir, 'sign-in.json'), 'utf8')).not.toContain(token);
    expect(await service.tokenProviderFor('https://127.0.0.1:9444/')).toBeNull();

    expect(await service.signOut()).toBe(true);
    expect(await service.current()).toBeNull();
    expect(await service.tokenProviderFor(FACE)).toBeNull();
  });

  it('without encryption nobody is signed in and nothing is read', async () => {
    const service = createSignInService({
      dataDir: dir,
      file: 'sign-in.json',
      cipher: { isAvailable: () => false, encrypt: () => Buffer.alloc(0), decrypt: () => '' },
      openBrowser: () => Promise.resolve(),
      env,
    });
    expect(await service.current()).toBeNull();
    expect(await service.tokenProviderFor(FACE)).toBeNull();
  });
});
