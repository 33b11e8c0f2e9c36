// `npm run bench`: speed and memory of the checks engine against the simulators, as ratios measured in one run.
//   (a) doctor with 300 ms latency per service: wall time vs the slowest single check and vs the sum of all
//   (b) a host that accepts and never answers: wall time vs the per-check timeout
//   (c) peak RSS of one `xs4-setup doctor` process, and heap growth over 500 runs in one process
//   (d) P3: PowerShell processes per doctor run, a warm query beside a process start (scripts/bench/powershell-bench.ts)
//   (e) privacy-policy page to text: time per MB of hostile markup vs a benign page of the same size
// Not a test: the machine is shared and noisy. Prints a Markdown table for docs/performance.md; exits 0.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { makeCa, makeCert } from '../sim/certs';
import { startFaceSimulator } from '../sim/face-server';
import { startSpaceSimulator } from '../sim/space-simulator';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { runChecks } from '../../main/core/checks/runner';
import type { CheckInputs } from '../../main/core/checks/types';
import { htmlToText } from '../../main/core/checks/face/html-text';

/** Milliseconds per MB of `page` through htmlToText (best of 5, so a busy neighbour does not decide). */
function msPerMb(page: string): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    htmlToText(page, page.length); // no early stop: every byte is parsed
    best = Math.min(best, performance.now() - t0);
  }
  return best / (page.length / 2 ** 20);
}

/** 2 MiB pages: an ordinary policy page, and the markup a hostile page owner would send. */
function policyPages(): { benign: string; hostile: Record<string, string> } {
  const size = 2 * 2 ** 20;
  const para =
    '<p class="policy">We process <b>biometric data</b> (face templates) only to open doors; see &sect;4 &amp; our <a href="/dpo">DPO</a>.</p>\n';
  return {
    benign:
      `<!doctype html><html><head><title>Privacy</title><style>p{margin:0}</style></head><body>${para.repeat(Math.ceil(size / para.length))}</body></html>`.slice(
        0,
        size,
      ),
    hostile: {
      'nested <': '<'.repeat(size),
      'unclosed comment': `<p>x</p><!--${'<a>'.repeat(size / 3)}`,
      'huge attribute': `<a title="${'x'.repeat(size)}`,
      'tag soup': '<div<'.repeat(size / 5),
    },
  };
}
import { benchPowerShell } from './powershell-bench';

const ROOT = resolve(import.meta.dirname, '../..');
const SHIP_KEY = 'BenchShipKey0123456789abcdefABCD';

function spawnTimed(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; ms: number; stderr: string }> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code: code ?? -1, ms: performance.now() - t0, stderr }));
  });
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'xs4-bench-'));
  const ca = makeCa('Bench CA');
  const face = await startFaceSimulator({
    certificate: makeCert({ issuer: ca, altNames: ['127.0.0.1'] }),
    shipTimeoutMs: 3000,
  });
  const space = await startSpaceSimulator({ state: { certificate: 'valid', key: SHIP_KEY } });
  face.setSpaceTrust({ ca: [space.caCert] });
  const spaceUrl = `${space.url.replace(/\/$/, '')}/`;
  const windows = createWindowsRun({});
  const checks = allChecks(windows.deps);
  const inputs: CheckInputs = {
    faceUrl: face.url,
    faceToken: face.token,
    spaceUrl,
    shipKey: SHIP_KEY,
    extraCa: [ca.cert, space.caCert],
  };
  const rows: string[] = [];
  const row = (what: string, value: string, goal: string, ok: boolean | null): void => {
    rows.push(`| ${what} | ${value} | ${goal} | ${ok === null ? 'info' : ok ? 'met' : '**not met**'} |`);
  };
  try {
    // (e) Page to text, linear in the size whatever the markup: hostile time per MB against a benign page's.
    const pagesToText = policyPages();
    const benign = msPerMb(pagesToText.benign);
    row('(e) privacy page → text, benign 2 MiB page', `${benign.toFixed(1)} ms/MB`, '—', null);
    for (const [name, page] of Object.entries(pagesToText.hostile)) {
      const hostile = msPerMb(page);
      row(
        `(e) hostile 2 MiB page (${name}) ÷ benign, per MB`,
        `${(hostile / benign).toFixed(2)} (${hostile.toFixed(1)} ms/MB)`,
        '≤ 3',
        hostile / benign <= 3,
      );
    }

    // Set up the integration once so the checks have real work to do (status, enrollment, SHIP).
    const { createSetupService } = await import('../../main/core/setup/setup-service');
    const { createMemorySettingsStore } = await import('../../main/core/settings/settings-store');
    const { createMemorySecretStore } = await import('../../main/core/secrets/memory-secret-store');
    const { HistoryStore } = await import('../../main/core/history/history-store');
    const setup = createSetupService({
      dataDir: work,
      settings: createMemorySettingsStore(),
      secrets: createMemorySecretStore(),
      history: new HistoryStore({ dataDir: work }),
      checks: allChecks,
      windows: windows.deps,
      platform: 'linux',
      now: () => new Date(),
      extraCa: [ca.cert, space.caCert],
    });
    await setup.connectFace(face.url, face.token);
    await setup.addIntegrations(['salto-space']);
    await setup.saveSpaceDetails({ host: '127.0.0.1', port: space.port, https: true });
    await setup.setShipKey({ value: SHIP_KEY });

    // (a) latency 300 ms per answer on both services.
    face.setFaults({ latencyMs: 300 });
    space.setState({ latencyMs: 300 });
    const t0 = performance.now();
    const run = await runChecks(checks, {
      inputs,
      timeoutMs: 10_000,
      platform: process.platform,
      now: () => new Date(),
    });
    const wall = performance.now() - t0;
    const ran = Object.values(run.byId).filter((r) => r.result.status !== 'skip');
    const durations = ran.map((r) => r.durationMs);
    const slowest = Math.max(...durations);
    const sum = durations.reduce((a, b) => a + b, 0);
    // Dependent checks wait for what they depend on: the longest chain is the floor for any runner.
    const byId = new Map(checks.map((c) => [c.id, c]));
    const chain = (id: string): number => {
      const deps = byId.get(id)?.dependsOn ?? [];
      return (run.byId[id]?.durationMs ?? 0) + Math.max(0, ...deps.map(chain));
    };
    const critical = Math.max(...checks.map((c) => chain(c.id)));
    row(
      '(a) doctor, 300 ms latency per service: wall time',
      `${wall.toFixed(0)} ms (${ran.length} checks ran)`,
      '—',
      null,
    );
    row(
      '(a) wall ÷ slowest single check',
      `${(wall / slowest).toFixed(2)} (slowest ${slowest.toFixed(0)} ms)`,
      '≤ 1.3',
      wall / slowest <= 1.3,
    );
    row(
      '(a) wall ÷ longest dependency chain',
      `${(wall / critical).toFixed(2)} (chain ${critical.toFixed(0)} ms)`,
      '≤ 1.3',
      wall / critical <= 1.3,
    );
    row(
      '(a) wall ÷ sum of all checks',
      `${(wall / sum).toFixed(2)} (sum ${sum.toFixed(0)} ms)`,
      'well under 1',
      wall / sum < 0.6,
    );
    face.clearFaults();
    space.setState({ latencyMs: 0 });

    // (b) accepts and never answers.
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const silentPort = (silent.address() as net.AddressInfo).port;
    const timeoutMs = 2000;
    const hung = await spawnTimed(
      [
        join(ROOT, 'bin/xs4-setup.cjs'),
        'doctor',
        '--face-url',
        `https://127.0.0.1:${silentPort}/`,
        '--space-url',
        `https://127.0.0.1:${silentPort}/`,
        '--timeout-ms',
        String(timeoutMs),
      ],
      { ...process.env, XS4_DATA_DIR: join(work, 'data') },
    );
    silent.close();
    row(
      '(b) doctor against a host that never answers (process start included)',
      `${hung.ms.toFixed(0)} ms, exit ${hung.code}`,
      `≤ timeout + 1 s = ${timeoutMs + 1000} ms`,
      hung.ms <= timeoutMs + 1000,
    );

    // (c1) peak RSS of one doctor process against the simulators.
    const caFile = join(work, 'ca.pem');
    await writeFile(caFile, `${ca.cert}\n${space.caCert}\n`);
    const tokenFile = join(work, 'token');
    await writeFile(tokenFile, face.token, { mode: 0o600 });
    const keyFile = join(work, 'key');
    await writeFile(keyFile, SHIP_KEY, { mode: 0o600 });
    const rss = await spawnTimed(
      [
        '-r',
        join(ROOT, 'scripts/bench/print-rss.cjs'),
        join(ROOT, 'bin/xs4-setup.cjs'),
        'doctor',
        '--face-url',
        face.url,
        '--space-url',
        spaceUrl,
        '--face-token-file',
        tokenFile,
        '--ship-key-file',
        keyFile,
      ],
      { ...process.env, NODE_EXTRA_CA_CERTS: caFile, XS4_DATA_DIR: join(work, 'data') },
    );
    const peak = Number(/MAXRSS_KB=(\d+)/.exec(rss.stderr)?.[1] ?? NaN) / 1024;
    row(
      `(c) peak RSS of one doctor process (bundled CLI, exit ${rss.code})`,
      `${peak.toFixed(1)} MB`,
      '≤ 120 MB',
      peak <= 120,
    );

    // (c2) heap growth over 500 runs in one process.
    const gc = (globalThis as { gc?: () => void }).gc;
    const heapAfterGc = (): number => {
      gc?.();
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    const once = (): Promise<unknown> =>
      runChecks(checks, { inputs, timeoutMs: 5000, platform: process.platform, now: () => new Date() });
    for (let i = 0; i < 50; i++) await once();
    const base = heapAfterGc();
    for (let i = 0; i < 450; i++) await once();
    const growth = (heapAfterGc() - base) / 1024 / 1024;
    row(
      `(c) heap growth over runs 50→500 in one process${gc ? '' : ' (no --expose-gc: noisy)'}`,
      `${growth.toFixed(2)} MB`,
      '≤ 5 MB',
      growth <= 5,
    );

    // (d) P3, on a simulated Windows (real pwsh, shipped scripts, recorded Windows outputs).
    await benchPowerShell(ROOT, inputs, row);
  } finally {
    await windows.dispose();
    await face.close();
    await space.close();
    await rm(work, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}\n\n`,
  );
  process.stdout.write(`| measure | value | goal | |\n|---|---|---|---|\n${rows.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
