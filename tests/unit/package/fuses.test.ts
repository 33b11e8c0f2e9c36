// The fuse configuration of packaged builds (exact values per build kind) and the afterPack step, run against synthetic fuse wires.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import {
  applyFuses,
  buildKind,
  describeFuses,
  electronBinaryPath,
  fuseConfig,
  verifyFuses,
} from '../../../scripts/package/fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A file laid out like an Electron binary's fuse section: padding, sentinel, version 1, wire length, one byte per fuse. */
function fakeBinary(wire: string, padding = 4096): string {
  const dir = mkdtempSync(join(tmpdir(), 'xs4-fuses-'));
  const file = join(dir, 'electron');
  const bytes = Buffer.concat([
    Buffer.alloc(padding, 0x90),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.alloc(padding, 0x90),
  ]);
  writeFileSync(file, bytes);
  return file;
}
const wireOf = (file: string, length: number) => {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return bytes.subarray(at, at + length).toString('latin1');
};
const quiet = () => undefined;

describe('fuse configuration', () => {
  it('release builds: no run-as-node, no NODE_OPTIONS, no --inspect, cookies encrypted, app only from a validated asar', () => {
    expect(fuseConfig('release')).toEqual({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.WasmTrapHandlers]: true,
    });
  });

  it('test builds differ from release builds only in allowing --inspect (for Playwright _electron)', () => {
    const release = fuseConfig('release');
    const test = fuseConfig('test');
    expect(test[FuseV1Options.EnableNodeCliInspectArguments]).toBe(true);
    expect({ ...test, [FuseV1Options.EnableNodeCliInspectArguments]: false }).toEqual(release);
  });

  it('sets every fuse @electron/fuses knows, so a new Electron fuse fails the build until decided', () => {
    const knownFuses = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const kind of ['release', 'test']) {
      const config = fuseConfig(kind);
      for (const index of knownFuses)
        expect(typeof config[index as number], `${kind} ${FuseV1Options[index as number]}`).toBe('boolean');
      expect(config.strictlyRequireAllFuses).toBe(true);
    }
  });

  it('rejects an unknown build kind instead of guessing', () => {
    expect(() => fuseConfig('debug')).toThrow(/Unknown build kind "debug"/);
    expect(() => buildKind({ XS4_BUILD_KIND: 'Release' })).toThrow(
      /XS4_BUILD_KIND must be one of release, test/,
    );
  });

  it('takes the build kind from XS4_BUILD_KIND and defaults to release', () => {
    expect(buildKind({})).toBe('release');
    expect(buildKind({ XS4_BUILD_KIND: '' })).toBe('release');
    expect(buildKind({ XS4_BUILD_KIND: 'test' })).toBe('test');
  });

  it('describes fuses by name for the build log', () => {
    expect(describeFuses(fuseConfig('release'))).toContain(
      'RunAsNode=off, EnableCookieEncryption=on, EnableNodeOptionsEnvironmentVariable=off, EnableNodeCliInspectArguments=off',
    );
  });
});

describe('electronBinaryPath', () => {
  const packager = {
    appInfo: { productFilename: 'XS4 Face Space Assistant' },
    executableName: 'xs4-space-assistant',
  };
  it('names the exe on Windows and the executable on Linux', () => {
    expect(
      electronBinaryPath({ appOutDir: join('out', 'win-unpacked'), electronPlatformName: 'win32', packager }),
    ).toBe(join('out', 'win-unpacked', 'XS4 Face Space Assistant.exe'));
    expect(
      electronBinaryPath({
        appOutDir: join('out', 'linux-unpacked'),
        electronPlatformName: 'linux',
        packager,
      }),
    ).toBe(join('out', 'linux-unpacked', 'xs4-space-assistant'));
  });
});

describe('applyFuses', () => {
  it('flips a real fuse wire to the release values and verifies them', async () => {
    const binary = fakeBinary('111111001');
    const lines: string[] = [];
    const result = await applyFuses(binary, 'release', { env: {}, log: (l) => lines.push(l) });
    expect(result.skipped).toBe(false);
    // RunAsNode, Cookie, NODE_OPTIONS, Inspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol, WasmTrap
    expect(wireOf(binary, 9)).toBe('010011001');
    expect(lines.join('\n')).toMatch(/release build, .*RunAsNode=off/);
    await expect(verifyFuses(binary, 'release')).resolves.toBeTruthy();
  });

  it('keeps --inspect on for a test build', async () => {
    const binary = fakeBinary('000000000');
    await applyFuses(binary, 'test', { env: {}, log: quiet });
    expect(wireOf(binary, 9)).toBe('010111001');
    await expect(verifyFuses(binary, 'release')).rejects.toThrow(
      /EnableNodeCliInspectArguments should be off/,
    );
  });

  it('flips a real wire even when the stub flag is set: the flag only excuses a binary without fuses', async () => {
    const binary = fakeBinary('111111111');
    const result = await applyFuses(binary, 'release', {
      env: { XS4_PACKAGE_STUB_ELECTRON: '1' },
      log: quiet,
    });
    expect(result.skipped).toBe(false);
    expect(wireOf(binary, 9)).toBe('010011001');
  });

  it('fails on a wire with a fuse it has no value for (a newer Electron)', async () => {
    const binary = fakeBinary('1111111111');
    await expect(applyFuses(binary, 'release', { env: {}, log: quiet })).rejects.toThrow(
      /strictlyRequireAllFuses/,
    );
  });

  it('refuses a binary without a fuse wire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs4-fuses-'));
    const binary = join(dir, 'electron');
    writeFileSync(binary, '#!/bin/sh\necho stub\n');
    await expect(applyFuses(binary, 'release', { env: {}, log: quiet })).rejects.toThrow(
      /has no Electron fuse wire.*refusing/,
    );
  });

  it('skips, loudly, only the declared stub Electron of the offline package check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs4-fuses-'));
    const binary = join(dir, 'electron');
    writeFileSync(binary, '#!/bin/sh\necho stub\n');
    const lines: string[] = [];
    const result = await applyFuses(binary, 'release', {
      env: { XS4_PACKAGE_STUB_ELECTRON: '1' },
      log: (l) => lines.push(l),
    });
    expect(result.skipped).toBe(true);
    expect(lines.join('\n')).toMatch(/\[fuses\] SKIPPED .*no fuse wire/);
  });
});
