// The secret of an elevated run is never in any process's command line or environment: /proc/<pid>/cmdline and environ
// of every process are read while the (fake-)elevated run is going, with every base64 and gzip layer decoded.
import { afterAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createElevatedRunner, type ElevatedRunRequest } from '../../../main/core/windows/elevated-runner';
import { spawnLauncher } from '../../../main/core/windows/process-launcher';
import { describePs, ps } from '../helpers/powershell';
import { layers, watchProcesses, type Seen } from '../helpers/process-watch';

describePs('the secret of an elevated run never reaches a command line', { timeout: 300_000 }, () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'xs4-secret-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const SECRET = `Sh1p-Key-${createHash('sha256').update(String(Date.now())).digest('hex').slice(0, 24)}-ü中🙂`;
  const TARGET = `param([string]$ApiKey, [string]$Plain)
Write-Output ('key length ' + $ApiKey.Length + '; sha ' + [System.BitConverter]::ToString([System.Security.Cryptography.SHA256]::Create().ComputeHash([System.Text.Encoding]::UTF8.GetBytes($ApiKey))).Replace('-', '').ToLowerInvariant())
Start-Sleep -Seconds 3
`;
  const target = path.join(root, 'uses-secret.ps1');
  writeFileSync(target, TARGET);
  const script = { path: target, sha256: createHash('sha256').update(TARGET).digest('hex') };

  async function runWatched(req: Omit<ElevatedRunRequest, 'script' | 'timeoutMs'>) {
    const tempRoot = path.join(root, `runs-${Math.random().toString(16).slice(2)}`);
    mkdirSync(tempRoot);
    const run = createElevatedRunner({
      launcher: spawnLauncher,
      powershellExe: ps(),
      tempRoot,
      pollMs: 50,
      elevate: false,
    });
    const watch = watchProcesses();
    const out = await run({ script, timeoutMs: 180_000, ...req });
    const seen = watch.stop();
    return { out, seen, tempRoot };
  }
  const ours = (seen: Seen[]) => seen.filter((s) => s.cmdline.includes('-EncodedCommand'));
  const mentions = (seen: Seen[], secret: string) =>
    seen.filter((s) => layers(s.cmdline).some((t) => t.includes(secret)) || s.environ.includes(secret));

  it('passed as the secret: in no command line and no environment of any process, outer, inner and watcher included', async () => {
    const { out, seen, tempRoot } = await runWatched({ secret: { param: 'ApiKey', value: SECRET } });
    expect(out).toMatchObject({ outcome: 'completed', exitCode: 0 });
    // It did arrive, whole.
    expect(out.log).toContain(
      `key length ${SECRET.length}; sha ${createHash('sha256').update(SECRET, 'utf8').digest('hex')}`,
    );
    // The watcher saw the wrapper's processes: the outer, the inner and the cancel watcher (three command lines at least).
    expect(new Set(ours(seen).map((s) => s.pid)).size).toBeGreaterThanOrEqual(3);
    expect(mentions(seen, SECRET)).toEqual([]);
    expect(out.log).not.toContain(SECRET);
    expect(readdirSync(tempRoot)).toEqual([]);
    expect(existsSync(path.join(tempRoot, 'secret.txt'))).toBe(false);
  });

  it('the check can fail: the same value passed as a plain parameter is found in a decoded command line', async () => {
    const { seen } = await runWatched({ params: { Plain: SECRET } });
    expect(mentions(seen, SECRET).length).toBeGreaterThan(0);
  });
});
