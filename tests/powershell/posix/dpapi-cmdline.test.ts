// The sign-in the DPAPI cipher seals and opens travels on stdin/stdout only: the command line and environment of every
// process on the machine are read while PowerShell works (/proc), with every base64, UTF-16LE and gzip layer decoded.
import { expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { encodeCommand } from '../../../main/core/windows/ps-encoding';
import { fakeDpapiCipher } from '../helpers/fake-dpapi';
import { describePs, ps } from '../helpers/powershell';
import { layers, watchProcesses, type Seen } from '../helpers/process-watch';

const SECRET = `sign-in-${createHash('sha256').update(String(Date.now())).digest('hex').slice(0, 24)}-ü中🙂`;
const ours = (seen: Seen[]) => seen.filter((s) => s.cmdline.includes('-EncodedCommand'));
const mentions = (seen: Seen[], secret: string) =>
  seen.filter((s) => layers(s.cmdline).some((t) => t.includes(secret)) || s.environ.includes(secret));

describePs('the DPAPI cipher keeps the secret off every command line', { timeout: 300_000 }, () => {
  it('sealing and opening: the secret is in no command line and no environment of any process', async () => {
    const cipher = fakeDpapiCipher();
    const watch = watchProcesses();
    const sealed = await cipher.encrypt(SECRET);
    const opened = await cipher.decrypt(sealed);
    const seen = watch.stop();
    expect(opened).toBe(SECRET);
    // The watcher saw the PowerShell processes of both calls.
    expect(new Set(ours(seen).map((s) => s.pid)).size).toBeGreaterThanOrEqual(2);
    expect(mentions(seen, SECRET)).toEqual([]);
    // Nor the sealed form (it is written only to the file the store keeps).
    expect(mentions(seen, sealed.toString('base64').slice(0, 40))).toEqual([]);
  });

  it('the check can fail: the same secret inside an -EncodedCommand is found', async () => {
    const watch = watchProcesses();
    await new Promise<void>((done, fail) => {
      const child = spawn(
        ps(),
        [
          '-NoProfile',
          '-NonInteractive',
          '-EncodedCommand',
          encodeCommand(`'${SECRET}' | Out-Null; Start-Sleep -Milliseconds 500`),
        ],
        {
          stdio: 'ignore',
          env: { ...process.env, TERM: 'dumb' },
        },
      );
      child.on('error', fail);
      child.on('exit', () => done());
    });
    expect(mentions(watch.stop(), SECRET).length).toBeGreaterThan(0);
  });
});
