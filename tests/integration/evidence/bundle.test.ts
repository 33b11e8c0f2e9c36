// Evidence bundles: round trip (collect → evaluate gives the same verdicts), partial bundles, version and size rules, redaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks, evaluateEvidence, RunnerCodes } from '../../../main/core/checks/runner';
import { buildRegistry } from '../../../main/core/checks/registry';
import { writeBundle } from '../../../main/core/evidence/bundle-writer';
import { readBundle } from '../../../main/core/evidence/bundle-reader';
import { text } from '../../../contract/text';
import { en } from '../../../messages/render';
import { secretFingerprint } from '../../../main/core/secrets/fingerprint';
import { renderHtmlReport } from '../../../main/core/report/html-report';
import { reportModel } from '../../../main/core/report/report-model';
import { AppError } from '../../../main/core/errors';
import type { RunResult } from '../../../main/core/checks/run-result';
import { faceReachable, powerSleepCheck, shipAuth, spaceReachable } from '../../helpers/test-checks';
import { startLoopback, type Loopback } from '../../helpers/loopback-servers';

const FIXTURES = join(__dirname, '../../fixtures');
const CANARY_KEY = 'CANARY-ship-7f3a9c1e55';
const CANARY_TOKEN = 'CANARY-token-b0d1e2f3a4';

let lb: Loopback;
let tmp: string;
beforeAll(async () => {
  lb = await startLoopback();
  tmp = await mkdtemp(join(tmpdir(), 'xs4-bundle-'));
});
afterAll(() => lb.close());

const checks = (file = join(FIXTURES, 'powercfg-sub-sleep.en-US.txt')) =>
  buildRegistry([
    [faceReachable],
    [spaceReachable, shipAuth],
    [powerSleepCheck(() => readFile(file, 'utf8'))],
  ]);

const verdicts = (run: RunResult) =>
  Object.fromEntries(run.order.map((id) => [id, [run.byId[id]!.result.status, run.byId[id]!.result.code]]));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

async function allText(dir: string): Promise<string> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.push(await readFile(join(e.parentPath, e.name), 'utf8'));
  return out.join('\n');
}

describe('evidence bundle', () => {
  it('round trips: evaluating the bundle gives the verdicts of the live run, and no secret is written', async () => {
    lb.setShipKey('the-right-key-123');
    lb.setFaceToken(CANARY_TOKEN);
    const list = checks();
    const inputs = {
      faceUrl: lb.faceUrl,
      spaceUrl: lb.spaceUrl,
      shipKey: CANARY_KEY,
      faceToken: CANARY_TOKEN,
      extraCa: [lb.ca.cert],
    };
    const live = await runChecks(list, { inputs });
    expect(verdicts(live)).toEqual({
      'test.face-http': ['pass', undefined],
      'test.space-http': ['pass', undefined],
      'test.ship-auth': ['fail', 'TEST_SHIP_UNAUTHORIZED'],
      'test.power-sleep': ['pass', undefined],
    });
    // The servers echoed the secrets: the live evidence holds them (that is what redaction is for).
    expect(JSON.stringify(live.byId['test.ship-auth']!.evidence)).toContain(CANARY_KEY);

    const dir = join(tmp, 'round-trip');
    await writeBundle(dir, live, list, {
      toolVersion: '0.1.0',
      createdAt: new Date(),
      platform: 'linux',
      machineName: 'SPACE-01',
      inputs,
    });
    const written = await allText(dir);
    expect(written).not.toContain(CANARY_KEY);
    expect(written).not.toContain(CANARY_TOKEN);
    expect(written).toContain(secretFingerprint(CANARY_KEY));
    expect((await readdir(dir)).sort()).toEqual(['evidence', 'manifest.json', 'powercfg-sub-sleep.txt']);
    // The text file is the exact tool output (CRLF kept).
    expect(await readFile(join(dir, 'powercfg-sub-sleep.txt'), 'utf8')).toBe(
      await readFile(join(FIXTURES, 'powercfg-sub-sleep.en-US.txt'), 'utf8'),
    );

    const bundle = await readBundle(dir, list);
    expect(bundle.manifest?.machineName).toBe('SPACE-01');
    const offline = await evaluateEvidence(list, bundle.supplied);
    expect(verdicts(offline)).toEqual(verdicts(live));

    const html = renderHtmlReport(
      reportModel(offline, {
        toolVersion: '0.1.0',
        generatedAt: new Date(),
        inputs: [{ label: text('report.input.shipKeyFingerprint'), value: secretFingerprint(CANARY_KEY) }],
        secrets: [CANARY_KEY, CANARY_TOKEN],
      }),
    );
    expect(html).not.toContain(CANARY_KEY);
    const liveHtml = renderHtmlReport(
      reportModel(live, {
        toolVersion: '0.1.0',
        generatedAt: new Date(),
        inputs: [],
        secrets: [CANARY_KEY, CANARY_TOKEN],
      }),
    );
    expect(liveHtml).not.toContain(CANARY_KEY);
    expect(liveHtml).not.toContain(CANARY_TOKEN);
    expect(liveHtml).not.toMatch(/<script|src=|href=|@import|url\(/i);
  });

  it('records skips and collection errors so they read back the same', async () => {
    const list = checks(join(tmp, 'no-such-powercfg.txt'));
    const live = await runChecks(list, { inputs: {} });
    const dir = join(tmp, 'skips');
    await writeBundle(dir, live, list, {
      toolVersion: '0.1.0',
      createdAt: new Date(),
      platform: 'linux',
      inputs: {},
    });
    const offline = await evaluateEvidence(list, (await readBundle(dir, list)).supplied);
    expect(verdicts(offline)).toEqual(verdicts(live));
    expect(offline.byId['test.power-sleep']!.result).toMatchObject({
      status: 'fail',
      code: 'TEST_POWERCFG_FAILED',
    });
    expect(offline.byId['test.face-http']!.result).toMatchObject({
      status: 'skip',
      code: RunnerCodes.INPUT_MISSING,
    });
  });

  it('reads a folder where support dropped only powercfg-sub-sleep.txt (German, CRLF), skipping the rest with the reason', async () => {
    const dir = join(tmp, 'dropped');
    await mkdir(dir);
    await copyFile(join(FIXTURES, 'powercfg-sub-sleep.de-DE.txt'), join(dir, 'powercfg-sub-sleep.txt'));
    const list = checks();
    const bundle = await readBundle(dir, list);
    expect(bundle.manifest).toBeUndefined();
    const run = await evaluateEvidence(list, bundle.supplied);
    expect(run.byId['test.power-sleep']!.result).toMatchObject({
      status: 'fail',
      summary: 'sleeps after 1200 s on AC power',
    });
    expect(run.byId['test.face-http']!.result).toMatchObject({
      status: 'skip',
      code: RunnerCodes.NOT_IN_BUNDLE,
    });
    expect(en(run.byId['test.face-http']!.result.summary)).toBe(
      'Not in the evidence bundle (no evidence/test.face-http.json)',
    );
  });

  it('refuses a newer format, a broken manifest, oversized and malformed files, and an empty folder', async () => {
    const list = checks();
    const mk = async (name: string, files: Record<string, string | Buffer>) => {
      const dir = join(tmp, name);
      await mkdir(join(dir, 'evidence'), { recursive: true });
      for (const [f, c] of Object.entries(files)) await writeFile(join(dir, f), c);
      return dir;
    };
    const newer = await mk('newer', {
      'manifest.json': JSON.stringify({ format: 'xs4-evidence-bundle', formatVersion: 2, anything: 1 }),
    });
    expect(await codeOf(readBundle(newer, list))).toBe('BUNDLE_NEWER_FORMAT');
    expect(await codeOf(readBundle(await mk('badjson', { 'manifest.json': '{nope' }), list))).toBe(
      'BUNDLE_MANIFEST_INVALID',
    );
    expect(
      await codeOf(
        readBundle(
          await mk('badshape', {
            'manifest.json': JSON.stringify({ format: 'xs4-evidence-bundle', formatVersion: 1 }),
          }),
          list,
        ),
      ),
    ).toBe('BUNDLE_MANIFEST_INVALID');
    expect(
      await codeOf(
        readBundle(await mk('big', { 'powercfg-sub-sleep.txt': Buffer.alloc(9 * 1024 * 1024, 0x41) }), list),
      ),
    ).toBe('BUNDLE_FILE_TOO_LARGE');
    expect(
      await codeOf(
        readBundle(await mk('badev', { 'evidence/test.face-http.json': '{"status":"200"}' }), list),
      ),
    ).toBe('BUNDLE_EVIDENCE_INVALID');
    expect(await codeOf(readBundle(await mk('empty', {}), list))).toBe('BUNDLE_EMPTY');
    expect(await codeOf(readBundle(join(tmp, 'does-not-exist'), list))).toBe('BUNDLE_NOT_FOUND');
  });

  it('never writes into a non-empty folder and leaves nothing behind when it refuses', async () => {
    const list = checks();
    const live = await runChecks(list, { inputs: {} });
    const dir = join(tmp, 'occupied');
    await mkdir(dir);
    await writeFile(join(dir, 'keep.txt'), 'mine');
    expect(
      await codeOf(
        writeBundle(dir, live, list, {
          toolVersion: '0.1.0',
          createdAt: new Date(),
          platform: 'linux',
          inputs: {},
        }),
      ),
    ).toBe('BUNDLE_OUT_NOT_EMPTY');
    expect(await readdir(dir)).toEqual(['keep.txt']);
  });
});
