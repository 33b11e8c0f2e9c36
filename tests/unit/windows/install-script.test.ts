// The Space Install Script step: SHA-256 before running, tamper check, elevated run with live log, time-stamped transcript, history entry, re-runnable.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  prepareInstallScript,
  runInstallScript,
  type InstallScriptDeps,
} from '../../../main/core/windows/install-script';
import { createElevatedRunner } from '../../../main/core/windows/elevated-runner';
import type { ChangeRecord } from '../../../main/core/windows/change-record';
import { PsSession } from '../../../main/core/windows/ps-session';
import { AppError } from '../../../main/core/errors';
import { standInLauncher } from '../../helpers/elevated-standin';
import { jsonLine, standInHost } from '../../helpers/ps-standin';

const SCRIPT = "# Space Install Script (test)\r\nWrite-Host 'configuring'\r\n";
const SHA = createHash('sha256').update(SCRIPT).digest('hex');

function setup(mode = 'ok', platform: NodeJS.Platform = 'linux') {
  const root = mkdtempSync(path.join(os.tmpdir(), 'xs4-install-'));
  const dataDir = path.join(root, 'data');
  const records: ChangeRecord[] = [];
  let t = Date.parse('2026-11-29T10:00:00Z');
  const host = standInHost((c) =>
    jsonLine({
      sha256: createHash('sha256')
        .update(readFileSync(String(c.params.path)))
        .digest('hex')
        .toUpperCase(),
      status: 'NotSigned',
      statusMessage: 'The file is not digitally signed.',
      signer: null,
      signerThumbprint: null,
    }),
  );
  const session = new PsSession({ hostFactory: host.factory, resourcesDir: 'resources' });
  const deps: InstallScriptDeps = {
    dataDir,
    platform,
    now: () => new Date((t += 1000)),
    session: () => session,
    runElevated: createElevatedRunner({
      launcher: standInLauncher(mode),
      tempRoot: root,
      pollMs: 20,
      powershellExe: '/stand-in/powershell',
    }),
    recordChange: (e) => void records.push(e),
  };
  return { root, dataDir, deps, records, host };
}

describe('Space Install Script', () => {
  it('shows the SHA-256 (and Authenticode status on Windows) of a picked file', async () => {
    const { root, deps, host } = setup('ok', 'win32');
    const file = path.join(root, 'SpaceInstall.ps1');
    writeFileSync(file, SCRIPT);
    const info = await prepareInstallScript(deps, { kind: 'file', path: file });
    expect(info).toMatchObject({ path: file, source: 'file', sha256: SHA, size: SCRIPT.length });
    expect(info.signature.status).toBe('NotSigned');
    expect(host.calls[0]?.params).toEqual({ path: file });
  });

  it('off Windows the signature is "NotChecked", never claimed valid', async () => {
    const { root, deps } = setup();
    const file = path.join(root, 'SpaceInstall.ps1');
    writeFileSync(file, SCRIPT);
    expect((await prepareInstallScript(deps, { kind: 'file', path: file })).signature.status).toBe(
      'NotChecked',
    );
  });

  it('saves a script served by XS4 Face in the data folder first', async () => {
    const { dataDir, deps } = setup();
    const info = await prepareInstallScript(deps, {
      kind: 'face',
      download: async () => Buffer.from(SCRIPT),
    });
    expect(info.source).toBe('face');
    expect(info.path.startsWith(path.join(dataDir, 'install-scripts'))).toBe(true);
    expect(readFileSync(info.path, 'utf8')).toBe(SCRIPT);
    expect(info.sha256).toBe(SHA);
  });

  it.each([
    ['not a .ps1', 'x.txt', 'INVALID_INPUT'],
    ['missing', 'nope.ps1', 'INSTALL_SCRIPT_NOT_FOUND'],
  ])('refuses a file that is %s', async (_n, name, code) => {
    const { root, deps } = setup();
    if (name === 'x.txt') writeFileSync(path.join(root, name), SCRIPT);
    const err = await prepareInstallScript(deps, { kind: 'file', path: path.join(root, name) }).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe(code);
  });

  it('refuses an empty download naming the field', async () => {
    const { deps } = setup();
    const err = await prepareInstallScript(deps, {
      kind: 'face',
      download: async () => new Uint8Array(),
    }).catch((e: unknown) => e);
    expect((err as AppError).detail).toMatchObject({ field: 'installScript' });
  });

  it('runs elevated with a live log, keeps a time-stamped transcript, records the run, and can run again', async () => {
    const { root, dataDir, deps, records } = setup('ok');
    const file = path.join(root, 'SpaceInstall.ps1');
    writeFileSync(file, SCRIPT);
    const info = await prepareInstallScript(deps, { kind: 'file', path: file });
    const chunks: string[] = [];
    const first = await runInstallScript(deps, info, { timeoutMs: 10_000, onLog: (c) => chunks.push(c) });
    expect(first).toMatchObject({ outcome: 'completed', exitCode: 0 });
    expect(chunks.join('')).toContain('step 3');
    const transcript = readFileSync(first.transcriptPath, 'utf8');
    expect(transcript).toContain(`# sha256: ${SHA}`);
    expect(transcript).toContain('step 1 — ✓');
    const second = await runInstallScript(deps, info, { timeoutMs: 10_000 });
    expect(second.transcriptPath).not.toBe(first.transcriptPath);
    expect(readdirSync(path.join(dataDir, 'transcripts'))).toHaveLength(2);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      target: 'space.install-script',
      action: 'run',
      result: 'applied',
      before: { sha256: SHA },
      after: { exitCode: 0 },
      files: [first.transcriptPath],
    });
  });

  it('records a refused UAC prompt as elevation-cancelled', async () => {
    const { root, deps, records } = setup('uac');
    const file = path.join(root, 'SpaceInstall.ps1');
    writeFileSync(file, SCRIPT);
    const out = await runInstallScript(deps, await prepareInstallScript(deps, { kind: 'file', path: file }), {
      timeoutMs: 10_000,
    });
    expect(out.outcome).toBe('elevation-cancelled');
    expect(records[0]?.result).toBe('elevation-cancelled');
  });

  it('refuses to run a script that changed after its hash was shown', async () => {
    const { root, deps, records } = setup('ok');
    const file = path.join(root, 'SpaceInstall.ps1');
    writeFileSync(file, SCRIPT);
    const info = await prepareInstallScript(deps, { kind: 'file', path: file });
    writeFileSync(file, SCRIPT + 'Remove-Item C:\\ -Recurse\r\n');
    const err = await runInstallScript(deps, info, { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('INSTALL_SCRIPT_CHANGED');
    expect(records).toEqual([]);
  });
});
