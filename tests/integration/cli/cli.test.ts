// xs4-setup end to end: the real CLI code spawned as a child process against loopback HTTPS servers: through tsx
// (project core), and as the built executables (project cli-exe, see tests/helpers/cli-launcher.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DoctorJsonSchema, type DoctorJson } from '../../../main/cli/doctor-json';
import { secretFingerprint } from '../../../main/core/secrets/fingerprint';
import { startLoopback, type Loopback } from '../../helpers/loopback-servers';
import { shippedCli, testChecksCli, type CliCommand } from '../../helpers/cli-launcher';
import { expectPublishedDoctorJson } from '../../helpers/doctor-json-schema';

const ROOT = resolve(__dirname, '../../..');
const TEST_CLI = testChecksCli();
const REAL_CLI = shippedCli();
const FIXTURES = join(ROOT, 'tests/fixtures');
const CANARY_KEY = 'CANARY-cli-ship-4d5e6f7a8b';
const CANARY_TOKEN = 'CANARY-cli-token-9a8b7c6d';
const RIGHT_KEY = 'right-ship-key-0001';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let lb: Loopback;
let tmp: string;
let caFile: string;
let dataDir: string;

function run(
  args: string[],
  opts: { env?: Record<string, string>; stdin?: string; cli?: CliCommand } = {},
): Promise<Ran> {
  return new Promise((done, fail) => {
    const cli = opts.cli ?? TEST_CLI;
    const child = spawn(cli.file, [...cli.args, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: tmp,
        XS4_DATA_DIR: dataDir,
        XS4_TEST_POWERCFG_FILE: join(FIXTURES, 'powercfg-sub-sleep.en-US.txt'),
        ...opts.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

const json = (r: Ran): DoctorJson => DoctorJsonSchema.parse(expectPublishedDoctorJson(JSON.parse(r.stdout)));
const statuses = (d: DoctorJson) =>
  Object.fromEntries(d.checks.map((c) => [c.id, `${c.status}${c.code ? `:${c.code}` : ''}`]));

beforeAll(async () => {
  lb = await startLoopback();
  lb.setShipKey(RIGHT_KEY);
  lb.setFaceToken(CANARY_TOKEN);
  tmp = await mkdtemp(join(tmpdir(), 'xs4-cli-'));
  dataDir = join(tmp, 'data');
  caFile = join(tmp, 'ca.pem');
  await writeFile(caFile, lb.ca.cert);
  await writeFile(join(tmp, 'right.key'), `${RIGHT_KEY}\r\n`);
  await writeFile(join(tmp, 'canary.key'), CANARY_KEY);
});
afterAll(() => lb.close());

const serverFlags = () => ['--face-url', lb.faceUrl, '--space-url', lb.spaceUrl];
const trustEnv = () => ({ NODE_EXTRA_CA_CERTS: caFile, XS4_FACE_TOKEN: CANARY_TOKEN });

describe('xs4-setup doctor', () => {
  it('exits 0 with every check passing; --json matches the documented schema', async () => {
    const r = await run(['doctor', ...serverFlags(), '--ship-key-file', join(tmp, 'right.key'), '--json'], {
      env: trustEnv(),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = json(r);
    expect(statuses(d)).toEqual({
      'test.face-http': 'pass',
      'test.space-http': 'pass',
      'test.ship-auth': 'pass',
      'test.power-sleep': 'pass',
    });
    expect(d.exitCode).toBe(0);
    expect(d.inputs.shipKeyFingerprint).toBe(secretFingerprint(RIGHT_KEY));
    expect(r.stdout).not.toContain(CANARY_TOKEN);
  });

  it('exits 1 on a refused key, with the key nowhere in table or JSON (canary) and no control characters from the server', async () => {
    const table = await run(['doctor', ...serverFlags(), '--ship-key-file', join(tmp, 'canary.key')], {
      env: trustEnv(),
    });
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/FAIL {2}Test SHIP key accepted +SHIP refused the key \(401\)/);
    expect(table.stdout).toContain('[TEST_SHIP_UNAUTHORIZED]');
    // eslint-disable-next-line no-control-regex
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const j = await run(['doctor', ...serverFlags(), '--ship-key-stdin', '--json'], {
      env: trustEnv(),
      stdin: `${CANARY_KEY}\n`,
    });
    expect(j.code).toBe(1);
    const d = json(j);
    expect(d.checks.find((c) => c.id === 'test.ship-auth')).toMatchObject({
      status: 'fail',
      code: 'TEST_SHIP_UNAUTHORIZED',
    });
    expect(d.checks.find((c) => c.id === 'test.ship-auth')!.detail).toContain(
      `[redacted ${secretFingerprint(CANARY_KEY)}]`,
    );
    for (const out of [table.stdout, table.stderr, j.stdout, j.stderr]) {
      expect(out).not.toContain(CANARY_KEY);
      expect(out).not.toContain(CANARY_TOKEN);
    }
  });

  it('reports an untrusted certificate and a closed port as could-not-read failures (exit 1)', async () => {
    const untrusted = json(
      await run(['doctor', '--face-url', lb.faceUrl, '--json'], { env: { XS4_FACE_TOKEN: CANARY_TOKEN } }),
    );
    const face = untrusted.checks.find((c) => c.id === 'test.face-http')!;
    expect(face).toMatchObject({ status: 'fail', evidence: 'error' });
    expect(face.code).toMatch(/^TLS_/);
    expect(face.summary).toMatch(/^Could not read: /);
    const closed = await run([
      'doctor',
      '--face-url',
      'https://127.0.0.1:1/',
      '--json',
      '--timeout-ms',
      '2000',
    ]);
    expect(closed.code).toBe(1);
    expect(json(closed).checks.find((c) => c.id === 'test.face-http')).toMatchObject({
      status: 'fail',
      code: 'NET_REFUSED',
    });
  });

  it('skips checks whose inputs were not given, naming the flag, and a dependant of a failed check', async () => {
    const r = await run(['doctor', '--json'], {
      env: { XS4_TEST_POWERCFG_FILE: join(FIXTURES, 'powercfg-sub-sleep.de-DE.txt') },
    });
    expect(r.code).toBe(1);
    const d = json(r);
    expect(d.checks.find((c) => c.id === 'test.face-http')).toMatchObject({
      status: 'skip',
      summary: 'Needs --face-url: not given',
      code: 'CHECK_INPUT_MISSING',
    });
    expect(d.checks.find((c) => c.id === 'test.power-sleep')).toMatchObject({
      status: 'fail',
      code: 'TEST_POWER_SLEEP_ENABLED',
    });
    const down = json(
      await run([
        'doctor',
        '--space-url',
        'https://127.0.0.1:1/',
        '--ship-key-file',
        join(tmp, 'right.key'),
        '--json',
      ]),
    );
    expect(down.checks.find((c) => c.id === 'test.ship-auth')).toMatchObject({
      status: 'skip',
      summary: 'Skipped because Test Space reachable could not run',
    });
  });
});

describe('xs4-setup collect, doctor --evidence, report', () => {
  it('round trips: the bundle evaluates to the live verdicts; bundle and report hold no secret', async () => {
    const out = join(tmp, 'bundle');
    const c = await run(
      ['collect', '--out', out, ...serverFlags(), '--ship-key-file', join(tmp, 'canary.key')],
      { env: trustEnv() },
    );
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('Wrote evidence bundle');
    const live = json(
      await run(['doctor', ...serverFlags(), '--ship-key-file', join(tmp, 'canary.key'), '--json'], {
        env: trustEnv(),
      }),
    );
    const offlineRun = await run(['doctor', '--evidence', out, '--json']);
    expect(offlineRun.code).toBe(1);
    const offline = json(offlineRun);
    expect(offline.mode).toBe('evidence');
    expect(statuses(offline)).toEqual(statuses(live));
    expect(offline.inputs.shipKeyFingerprint).toBe(secretFingerprint(CANARY_KEY));

    const html = join(tmp, 'report.html');
    const rep = await run(['report', '--evidence', out, '--out', html]);
    expect(rep.code).toBe(0);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('Test SHIP key accepted');
    expect(page).not.toMatch(/<script/i);
    for (const f of await readdir(out, { recursive: true })) {
      const p = join(out, f);
      if (f.endsWith('.json') || f.endsWith('.txt')) {
        const text = await readFile(p, 'utf8');
        expect(text).not.toContain(CANARY_KEY);
        expect(text).not.toContain(CANARY_TOKEN);
      }
    }
    expect(page).not.toContain(CANARY_KEY);
    expect(page).not.toContain(CANARY_TOKEN);
  });

  it('evaluates a folder with only the dropped powercfg text', async () => {
    const dir = join(tmp, 'dropped');
    await mkdir(dir);
    await copyFile(join(FIXTURES, 'powercfg-sub-sleep.de-DE.txt'), join(dir, 'powercfg-sub-sleep.txt'));
    const r = await run(['doctor', '--evidence', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('note: No manifest.json');
    expect(r.stdout).toMatch(/FAIL {2}Test sleep after +sleeps after 1200 s on AC power/);
    expect(r.stdout).toMatch(/SKIP {2}Test Face reachable +Not in the evidence bundle/);
  });

  it('refuses a newer bundle with one line and exit 2, writing no report', async () => {
    const dir = join(tmp, 'newer');
    await mkdir(dir);
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({ format: 'xs4-evidence-bundle', formatVersion: 9 }),
    );
    const html = join(tmp, 'newer.html');
    const r = await run(['report', '--evidence', dir, '--out', html]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'xs4-setup: manifest.json: bundle format version 9 is newer than this tool reads (1). [BUNDLE_NEWER_FORMAT]\n',
    );
    expect(existsSync(html)).toBe(false);
  });
});

describe('xs4-setup --lang', () => {
  const dropped = async (name: string): Promise<string> => {
    const dir = join(tmp, name);
    await mkdir(dir);
    await copyFile(join(FIXTURES, 'powercfg-sub-sleep.de-DE.txt'), join(dir, 'powercfg-sub-sleep.txt'));
    return dir;
  };

  it('doctor --evidence … --lang es says the table, its summaries and notes in Spanish', async () => {
    const r = await run(['doctor', '--evidence', await dropped('dropped-es'), '--lang', 'es']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'nota: Sin manifest.json: solo se evaluaron los archivos de evidencias presentes',
    );
    expect(r.stdout).toMatch(/COMPROBACIÓN +RESUMEN/);
    // Summaries are cut to the terminal's width; the status words are padded to the widest (CORRECTO).
    expect(r.stdout).toMatch(
      /OMITIDO {3}Test Face reachable +No está en el paquete de evidencias \(falta evidence/,
    );
    expect(r.stdout).toMatch(/\d+ con error, \d+ avisos, \d+ correctas, \d+ omitidas/);
    expect(r.stdout).not.toMatch(/not in the evidence bundle|note: /i);
  });

  it('--json keeps the catalog keys beside the sentences in the chosen language', async () => {
    const r = await run(['--lang=es', 'doctor', '--evidence', await dropped('dropped-json'), '--json']);
    const doc = json(r);
    const face = doc.checks.find((c) => c.id === 'test.face-http');
    expect(face?.summary).toBe('No está en el paquete de evidencias (falta evidence/test.face-http.json)');
    expect(face?.texts.summary).toEqual({
      key: 'evidence.notInBundle',
      params: { file: 'evidence/test.face-http.json' },
    });
    expect(doc.notes).toEqual([
      'Sin manifest.json: solo se evaluaron los archivos de evidencias presentes en la carpeta.',
    ]);
    expect(doc.noteTexts).toEqual([{ key: 'report.note.noManifest' }]);
  });

  it('report --lang ar writes the report in Arabic, right to left', async () => {
    const html = join(tmp, 'report-ar.html');
    const r = await run(['report', '--evidence', await dropped('dropped-ar'), '--out', html, '--lang', 'ar']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('كُتب التقرير');
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('تقرير التحقق XS4 Face ⇄ Salto Space');
    expect(page).not.toContain('What to do:');
  });

  it('help --lang fr explains in French, and documents --lang', async () => {
    const r = await run(['help', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Utilisation :');
    expect(r.stdout).toContain('--lang LANG (en, fr, de, nl, es, ar)');
    expect(r.stdout).toContain('Langue : --lang');
  });

  it('an unknown language is a usage error naming --lang (exit 2, nothing run)', async () => {
    for (const args of [
      ['doctor', '--evidence', '.', '--lang', 'xx'],
      ['--lang=xx', 'doctor'],
      ['doctor', '--lang'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('xs4-setup: --lang: must be one of en, fr, de, nl, es, ar [USAGE]\n');
      expect(r.stdout).toBe('');
    }
  });
});

describe('xs4-setup bad input (exit 2, one line)', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown flag', ['doctor', '--fast'], /^xs4-setup: doctor: unknown flag --fast \[USAGE\]\n$/],
    ['missing value', ['doctor', '--face-url'], /^xs4-setup: --face-url: needs a value \[USAGE\]\n$/],
    [
      'bad number',
      ['doctor', '--timeout-ms', '5s'],
      /^xs4-setup: --timeout-ms: must be a whole number of milliseconds from 100 to 600000 \[USAGE\]\n$/,
    ],
    [
      'bad url',
      ['doctor', '--face-url', 'ftp://x'],
      /^xs4-setup: --face-url: scheme must be https or http, not ftp\. \[INVALID_INPUT\]\n$/,
    ],
    ['unknown command', ['frobnicate'], /^xs4-setup: unknown command "frobnicate"/],
    [
      'evidence with live flags',
      ['doctor', '--evidence', '.', '--face-url', 'https://x/'],
      /^xs4-setup: --face-url: cannot be used with --evidence \[USAGE\]\n$/,
    ],
    [
      'missing secret file',
      ['doctor', '--ship-key-file', '/nonexistent/key'],
      /^xs4-setup: --ship-key-file: cannot read \/nonexistent\/key \(ENOENT\) \[USAGE\]\n$/,
    ],
    ['collect without --out', ['collect'], /^xs4-setup: collect: --out DIR is required/],
  ];
  for (const [name, args, expected] of cases) {
    it(name, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stdout).toBe('');
    });
  }

  it('never echoes a secret given on the command line', async () => {
    for (const args of [
      ['doctor', `--ship-key=${CANARY_KEY}`],
      ['doctor', CANARY_KEY],
      ['doctor', `--${CANARY_KEY}`],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).not.toContain(CANARY_KEY);
    }
  });

  it('names the field and the rule of a malformed profile; a valid one without faceUrl is refused naming it', async () => {
    const bad = join(tmp, 'bad-profile.json');
    await writeFile(
      bad,
      JSON.stringify({ format: 'xs4-site-profile', version: 1, spaceUrl: 'https://space_example:8100/' }),
    );
    const r = await run(['setup', '--profile', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'xs4-setup: Space SHIP address (spaceUrl): must be a host name (letters, digits, hyphens, dots) or an IP address. [INVALID_INPUT]\n',
    );
    const notJson = join(tmp, 'not-json.json');
    await writeFile(notJson, '{');
    expect((await run(['setup', '--profile', notJson])).stderr).toBe(
      'xs4-setup: Site profile: must be valid JSON. [INVALID_INPUT]\n',
    );
    const secret = join(tmp, 'secret-profile.json');
    await writeFile(secret, JSON.stringify({ format: 'xs4-site-profile', version: 1, shipKey: CANARY_KEY }));
    const s = await run(['setup', '--profile', secret]);
    expect(s.stderr).toMatch(
      /^xs4-setup: Site profile: has the field “shipKey”, which is not a profile field/,
    );
    expect(s.stderr).not.toContain(CANARY_KEY);
    const good = join(tmp, 'good-profile.json');
    await writeFile(
      good,
      JSON.stringify({ format: 'xs4-site-profile', version: 1, spaceUrl: 'https://space.example:8100/' }),
    );
    const g = await run(['setup', '--profile', good]);
    expect(g.code).toBe(2);
    expect(g.stdout).toBe('');
    expect(g.stderr).toBe('xs4-setup: XS4 Face server address (faceUrl): is required for setup [USAGE]\n');
  });
});

describe('xs4-setup unexpected internal error', () => {
  it('a bug outside every handler exits 3 with one line on stderr: no stack trace, never exit 1', async () => {
    const r = await run(['doctor', '--json'], { env: { XS4_TEST_INTERNAL_ERROR: '1' } });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'xs4-setup: internal error (a bug), please report it: Invalid time value [INTERNAL]\n',
    );
  });
});

describe('xs4-setup interrupted', () => {
  it('Ctrl+C during collect cancels the checks, exits 130 and writes no bundle', async () => {
    // A server that accepts and never answers: the TLS handshake hangs, so the check is still running at Ctrl+C.
    let connected!: () => void;
    const started = new Promise<void>((r) => (connected = r));
    const sockets: Socket[] = [];
    const silent = createServer((s) => (sockets.push(s), connected()));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const out = join(tmp, 'interrupted');
    const child = spawn(
      TEST_CLI.file,
      [
        ...TEST_CLI.args,
        'collect',
        '--out',
        out,
        '--face-url',
        `https://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
        '--timeout-ms',
        '20000',
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', HOME: tmp, XS4_DATA_DIR: dataDir },
      },
    );
    const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    await started;
    const t0 = Date.now();
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(existsSync(out)).toBe(false);
    for (const s of sockets) s.destroy();
    silent.close();
  });
});

describe('xs4-setup history', () => {
  it('lists entries and reports a corrupt line with its number (exit 1)', async () => {
    await mkdir(dataDir, { recursive: true });
    const good = {
      v: 1,
      time: '2026-11-29T10:00:00.000Z',
      kind: 'fix',
      target: 'power.sleep',
      before: { ac: 1200 },
      after: { ac: 0 },
      result: { ok: true, summary: 'sleep set to never\u001b[2J' },
    };
    await writeFile(join(dataDir, 'history.jsonl'), `${JSON.stringify(good)}\n{"v":1,"time":"x"\n`);
    const r = await run(['history']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'fix         ok      Sleep setting of the power plan (Windows): sleep set to never[2J',
    );
    expect(r.stdout).not.toContain('power.sleep');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stderr).toMatch(/history\.jsonl line 2: not valid JSON/);
    // In another language: the kind, the outcome and the problem in its words; a recorded catalog sentence too.
    const summary = { key: 'history.result.failedCode', params: { code: 'UAC_CANCELLED' } };
    await writeFile(
      join(dataDir, 'history.jsonl'),
      `${JSON.stringify(good)}\n${JSON.stringify({ ...good, result: { ok: false, summary } })}\n{"v":1,"time":"x"\n`,
    );
    const de = await run(['history', '--lang', 'de']);
    expect(de.code).toBe(1);
    expect(de.stdout).toMatch(
      /Korrektur +ok +Energiesparmodus des Energiesparplans \(Windows\): sleep set to never\[2J/,
    );
    expect(de.stdout).toMatch(
      /Korrektur +FEHLER +Energiesparmodus des Energiesparplans \(Windows\): Fehlgeschlagen \(UAC_CANCELLED\)/,
    );
    expect(de.stderr).toMatch(/history\.jsonl Zeile 3: kein gültiges JSON \(Eintrag nicht angezeigt\)/);
    const asJson = await run(['history', '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      schemaVersion: 2,
      entries: [{ result: { summary: 'sleep set to never\u001b[2J' } }, { result: { summary } }],
      problems: [{ line: 3, problem: { key: 'history.problem.notJson' } }],
    });
  });
});

describe('the shipped entry (main/cli.ts)', () => {
  it('--version prints the app version from package.json, and nothing else', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await run(['--version'], { cli: REAL_CLI });
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help, and with no inputs skips every check naming what to give (exit 0)', async () => {
    const help = await run(['help'], { cli: REAL_CLI });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('xs4-setup doctor');
    const doctor = await run(['doctor', '--json'], { cli: REAL_CLI });
    expect(doctor.code).toBe(0);
    const out = json(doctor);
    const ids = out.checks.map((c) => c.id);
    for (const id of [
      'face.reachable',
      'face.space-integration',
      'space.https',
      'space.ship',
      'power.sleep',
      'firewall.space-port',
    ]) {
      expect(ids).toContain(id);
    }
    expect(out.checks.every((c) => c.status === 'skip')).toBe(true);
    expect(out.checks.find((c) => c.id === 'face.reachable')?.summary).toContain('--face-url');
    expect(out.checks.find((c) => c.id === 'space.https')?.summary).toContain('--space-url');
  });
});
