// Troubleshoot channels with the product's real checks: a folder of raw tool output from another machine is
// evaluated offline, shown as check views without fixes, and exported as an HTML report; failures say why.
import { mkdtempSync, copyFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { troubleshootHandlers } from '../../../main/core/api/troubleshoot-handlers';
import { allChecks } from '../../../main/core/checks/all';
import { createWindowsRun } from '../../../main/core/checks/windows/index';
import { troubleshootContract } from '../../../contract/troubleshoot-channels';
import {
  createLastChecks,
  recordingLastChecks,
  type LastChecks,
} from '../../../main/core/troubleshoot/last-checks';
import type { SetupService } from '../../../main/core/setup/service';
import { createTroubleshootService } from '../../../main/core/troubleshoot/troubleshoot-service';
import type { Language } from '../../../contract/languages';
import { en } from '../../../messages/render';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const clock = () => new Date('2026-11-29T20:00:00Z');

function handlers(lastChecks: LastChecks = createLastChecks(), language: Language = 'en') {
  return troubleshootHandlers(
    createTroubleshootService(
      { checks: () => allChecks(createWindowsRun().deps), toolVersion: '9.9.9' },
      {
        clock,
        lastChecks,
        machineName: 'SPACE-SRV-01',
        platform: 'win32',
        secrets: async () => [],
        language: async () => language,
      },
    ),
  );
}

/** A folder as support receives it: powercfg output dropped in under the names the bundle format uses. */
function rawFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-raw-'));
  copyFileSync(join(FIXTURES, 'powercfg-sub-sleep.en-US.txt'), join(dir, 'powercfg-sub-sleep.txt'));
  copyFileSync(join(FIXTURES, 'powercfg-a.en-US.txt'), join(dir, 'powercfg-a.txt'));
  return dir;
}

describe('troubleshoot handlers', () => {
  it('evaluates a folder of raw evidence offline and says it has no manifest', async () => {
    const view = await handlers()['troubleshoot.openBundle']({ path: rawFolder() });
    expect(troubleshootContract['troubleshoot.openBundle'].output.safeParse(view).success).toBe(true);
    const sleep = view.checks.find((c) => c.id === 'power.sleep');
    expect(sleep?.status).toMatch(/^(pass|warn|fail)$/);
    expect(sleep?.fix).toBeNull();
    // Checks without evidence in the folder are not passed: they say they were not run.
    const ship = view.checks.find((c) => c.id === 'space.ship');
    expect(ship?.status).not.toBe('pass');
    expect(view.notes.map((n) => en(n)).join(' ')).toContain('No manifest.json');
    expect(view.machineName).toBeNull();
  });

  it('exports the opened bundle as an HTML report', async () => {
    const h = handlers();
    await h['troubleshoot.openBundle']({ path: rawFolder() });
    const out = join(mkdtempSync(join(tmpdir(), 'report-')), 'site-report.html');
    const written = await h['troubleshoot.exportReport']({ source: 'bundle', path: out });
    expect(written.path).toBe(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<!doctype html>/i);
    expect(html).toContain('power.sleep');
    expect(
      written.counts.pass + written.counts.warn + written.counts.fail + written.counts.skip,
    ).toBeGreaterThan(5);
  });

  it("writes the report in the app's language (its settings)", async () => {
    const h = handlers(createLastChecks(), 'fr');
    const view = await h['troubleshoot.openBundle']({ path: rawFolder() });
    expect(view.notes).toEqual([{ key: 'report.note.noManifest' }]);
    const out = join(mkdtempSync(join(tmpdir(), 'report-')), 'rapport.html');
    await h['troubleshoot.exportReport']({ source: 'bundle', path: out });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('Rapport de vérification XS4 Face ⇄ Salto Space');
    expect(html).toContain('Dossier du paquet');
    expect(html).toContain('Pas de manifest.json');
    expect(html).not.toContain('Evidence folder');
  });

  it('refuses to export when nothing is open, and names the reason', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.html');
    await expect(
      handlers()['troubleshoot.exportReport']({ source: 'bundle', path: out }),
    ).rejects.toMatchObject({
      code: 'REPORT_NOTHING_TO_EXPORT',
    });
    await expect(
      handlers()['troubleshoot.exportReport']({ source: 'live', path: out }),
    ).rejects.toMatchObject({
      code: 'REPORT_NOTHING_TO_EXPORT',
    });
    expect(existsSync(out)).toBe(false);
  });

  it('says why a folder cannot be read', async () => {
    await expect(
      handlers()['troubleshoot.openBundle']({ path: join(tmpdir(), 'no-such-bundle-here') }),
    ).rejects.toHaveProperty('code');
  });

  it('never creates a missing folder silently: it says so, and creates it only when the technician agreed', async () => {
    const h = handlers();
    await h['troubleshoot.openBundle']({ path: rawFolder() });
    const base = mkdtempSync(join(tmpdir(), 'report-'));
    const out = join(base, 'site-12', 'reports', 'r.html');
    await expect(h['troubleshoot.exportReport']({ source: 'bundle', path: out })).rejects.toMatchObject({
      code: 'PATH_FOLDER_MISSING',
      detail: { folder: join(base, 'site-12', 'reports') },
    });
    expect(existsSync(join(base, 'site-12'))).toBe(false);
    const written = await h['troubleshoot.exportReport']({ source: 'bundle', path: out, createFolder: true });
    expect(written.path).toBe(out);
    expect(readFileSync(out, 'utf8')).toMatch(/<!doctype html>/i);
  });

  it("wants a full path: a bare name would land in the app's working folder", () => {
    for (const path of ['report.html', '.\\report.html', '..\\out\\report.html', 'C:report.html']) {
      const r = troubleshootContract['troubleshoot.exportReport'].input.safeParse({ source: 'live', path });
      expect(r.success, path).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/^must be a full path/);
    }
    for (const path of [
      'C:\\Users\\Public\\r.html',
      'D:/reports/r.html',
      '\\\\srv\\share\\r.html',
      '/tmp/r.html',
    ])
      expect(
        troubleshootContract['troubleshoot.exportReport'].input.safeParse({ source: 'live', path }).success,
        path,
      ).toBe(true);
  });

  it('wants an .html file name for the report', () => {
    const r = troubleshootContract['troubleshoot.exportReport'].input.safeParse({
      source: 'bundle',
      path: 'C:\\x\\report.pdf',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('must name an .html file');
  });

  it('exports the last full run of this server, fixes included, as a live report', async () => {
    const last = createLastChecks();
    const view = (id: string, status: 'pass' | 'fail') => ({
      id,
      title: `Check ${id}`,
      status,
      summary: `${id} is ${status}`,
      durationMs: 5,
      fix: null,
      undoAvailable: false,
    });
    last.set([view('space.https', 'pass'), view('power.sleep', 'fail')], new Date('2026-11-29T19:59:00Z'));
    last.update(view('power.sleep', 'pass'));
    const out = join(mkdtempSync(join(tmpdir(), 'report-')), 'live.html');
    const written = await handlers(last)['troubleshoot.exportReport']({ source: 'live', path: out });
    expect(written.counts).toEqual({ pass: 2, warn: 0, fail: 0, skip: 0 });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('SPACE-SRV-01');
    expect(html).toContain('power.sleep is pass');
  });

  it('names the XS4 Face server chosen in the app in the live report', async () => {
    const last = createLastChecks();
    const service = recordingLastChecks(
      {
        runChecks: async () => [],
        faceChoice: async () => ({
          url: 'https://xs4face.site.local/',
          siteId: 'site-2',
          serverId: 'face-3',
          siteName: 'Car park',
          serverName: 'Gate server',
        }),
      } as unknown as SetupService,
      last,
      clock,
    );
    await service.runChecks(null, {});
    const out = join(mkdtempSync(join(tmpdir(), 'report-')), 'live.html');
    await handlers(last)['troubleshoot.exportReport']({ source: 'live', path: out });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('https://xs4face.site.local/');
    expect(html).toContain('Car park › Gate server (site-2/face-3)');
  });
});
