// The install script's live log lines and its transcript pass through the same redaction as every other output: stored
// secrets and the values of auth headers never reach the page or the transcript file, even when the script prints them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSetupContext } from '../../../main/core/setup/context';
import { installScriptSteps } from '../../../main/core/setup/steps/install-script';
import { createElevatedRunner } from '../../../main/core/windows/elevated-runner';
import { PsSession } from '../../../main/core/windows/ps-session';
import { createMemorySettingsStore } from '../../../main/core/settings/settings-store';
import { createMemorySecretStore } from '../../../main/core/secrets/memory-secret-store';
import { HistoryStore } from '../../../main/core/history/history-store';
import { standInLauncher } from '../../helpers/elevated-standin';
import { jsonLine, standInHost } from '../../helpers/ps-standin';

const SHIP = 'CANARY-INSTALL-SHIP-7f3a9c0d';
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'xs4-install-redact-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('install script output', () => {
  it('live log lines and the transcript are redacted (stored secrets, header values, a secret split across writes)', async () => {
    const dataDir = join(root, 'data');
    const secrets = createMemorySecretStore();
    await secrets.set('shipApiKey', SHIP);
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
    const ctx = createSetupContext({
      dataDir,
      settings: createMemorySettingsStore(),
      secrets,
      history: new HistoryStore({ dataDir }),
      checks: () => [],
      windows: {
        session: () => session,
        runElevated: createElevatedRunner({
          launcher: standInLauncher('leak'),
          tempRoot: root,
          pollMs: 20,
          powershellExe: '/stand-in/powershell',
        }),
      },
      platform: 'win32',
      now: () => new Date(),
    });
    const steps = installScriptSteps(ctx);
    const file = join(root, 'SpaceInstall.ps1');
    writeFileSync(file, "Write-Host 'configuring'\r\n");
    const info = await steps.loadInstallScript({ kind: 'file', path: file });
    const lines: string[] = [];
    const run = await steps.runInstallScript(info.sha256, { onLogLine: (l) => lines.push(l) });
    expect(run.outcome).toBe('succeeded');
    const transcript = readFileSync(run.transcriptPath!, 'utf8');
    for (const out of [lines.join('\n'), transcript]) {
      expect(out).toContain('configured the SHIP key [redacted');
      expect(out).not.toContain(SHIP);
      expect(out).not.toContain('typed-by-script-91');
      expect(out).not.toContain('eyJhbGci.payload.sig');
      expect(out).toContain('done');
    }
    // One line per line the script wrote, however the output arrived.
    expect(lines.filter((l) => l.startsWith('configured'))).toHaveLength(1);
    // The run lands in the history as a catalog sentence (said in the reader's language), not as English words.
    const recorded = (await new HistoryStore({ dataDir }).read()).entries.at(-1);
    expect(recorded?.kind).toBe('script-run');
    expect(recorded?.result.summary).toMatchObject({
      key: expect.stringMatching(/^windows\.installScript\./),
    });
  });
});
