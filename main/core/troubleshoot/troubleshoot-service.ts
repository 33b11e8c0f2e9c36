// Troubleshoot: open an evidence bundle collected elsewhere (evaluated here, offline) and export the HTML report of the
// bundle on screen or of the last live run. The IPC handlers call it one line per channel.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { BundleView } from '../../../contract/troubleshoot-channels';
import { checkView } from '../checks/check-view';
import { recordsInOrder } from '../checks/run-result';
import type { Check } from '../checks/types';
import { text } from '../../../contract/text';
import type { Language } from '../../../contract/languages';
import { AppError } from '../errors';
import { ioCode, writeFileAtomic } from '../fs/atomic-write';
import { folderReady } from '../fs/folder';
import { renderHtmlReport, type ReportModel } from '../report/html-report';
import { liveReportModel, reportModel } from '../report/report-model';
import { evaluateBundleDir, type EvaluatedBundle } from './bundle-evaluation';
import type { LastChecks } from './last-checks';

export interface TroubleshootWiring {
  /** The product's checks: a bundle is evaluated with their pure `evaluate` (nothing is collected). */
  checks: () => readonly Check[];
  toolVersion: string;
}

/** What the service knows about this machine and session besides the wiring. */
export interface TroubleshootContext {
  clock: () => Date;
  /** The last full run of checks on this server (kept by the setup flow's channels). */
  lastChecks: LastChecks;
  machineName: string;
  platform: string;
  /** Every secret the app holds: the live report is redacted against them like every other output. */
  secrets: () => Promise<string[]>;
  /** The app's language (its settings), in which the report is written. */
  language: () => Promise<Language>;
}

export interface TroubleshootService {
  openBundle(path: string): Promise<BundleView>;
  /** Writes the report to `path`; its folder must exist, or is created when `createFolder` (the technician agreed). */
  exportReport(
    source: 'bundle' | 'live',
    path: string,
    createFolder?: boolean,
  ): Promise<{ path: string; counts: ReportModel['counts'] }>;
}

export function createTroubleshootService(
  wiring: TroubleshootWiring,
  context: TroubleshootContext,
): TroubleshootService {
  const { clock } = context;
  let opened: (EvaluatedBundle & { dir: string }) | null = null;

  async function model(source: 'bundle' | 'live'): Promise<ReportModel> {
    const meta = { toolVersion: wiring.toolVersion, generatedAt: clock() };
    const live = context.lastChecks.get();
    if (source === 'bundle' && opened !== null) {
      const m = opened.manifest;
      return reportModel(opened.run, {
        ...meta,
        ...(m !== undefined ? { collectedAt: m.createdAt, platform: m.platform } : {}),
        ...(m?.machineName !== undefined ? { machineName: m.machineName } : {}),
        inputs: [{ label: text('report.input.evidenceFolder'), value: opened.dir }],
        notes: opened.notes,
        // The bundle was redacted when it was written; nothing secret is known here.
        secrets: [],
      });
    }
    if (source === 'live' && live !== null)
      return liveReportModel(live.views, live.at, {
        ...meta,
        machineName: context.machineName,
        platform: context.platform,
        inputs: live.inputs,
        secrets: await context.secrets(),
      });
    throw source === 'bundle'
      ? new AppError('REPORT_NOTHING_TO_EXPORT', { variant: 'bundle', detail: { source } })
      : new AppError('REPORT_NOTHING_TO_EXPORT', { variant: 'live', detail: { source } });
  }

  return {
    async openBundle(path) {
      const dir = resolve(path);
      const evaluated = await evaluateBundleDir(dir, wiring.checks(), clock);
      opened = { ...evaluated, dir };
      const m = evaluated.manifest;
      return {
        path: dir,
        // A bundle from elsewhere cannot be fixed from here: no fix, no undo.
        checks: recordsInOrder(evaluated.run).map((r) => checkView(r)),
        machineName: m?.machineName ?? null,
        platform: m?.platform ?? null,
        collectedAt: m?.createdAt ?? null,
        notes: evaluated.notes,
      };
    },
    async exportReport(source, path, createFolder = false) {
      const report = await model(source);
      const target = resolve(path);
      await folderReady(dirname(target), createFolder);
      const html = renderHtmlReport(report, await context.language());
      try {
        await writeFileAtomic(target, html);
      } catch (e) {
        throw new AppError('REPORT_WRITE_FAILED', {
          params: { file: target, code: ioCode(e) },
          detail: { file: target },
        });
      }
      // Read back: the technician hands this file over, so what is on disk must be what was written.
      if ((await readFile(target, 'utf8').catch(() => null)) !== html)
        throw new AppError('REPORT_WRITE_FAILED', {
          variant: 'readBack',
          params: { file: target },
          detail: { file: target },
        });
      return { path: target, counts: report.counts };
    },
  };
}
